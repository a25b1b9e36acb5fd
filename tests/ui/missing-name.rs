errcodes::platform_errors!("tests/ui/specs/missing-name.yaml");

fn main() {}
