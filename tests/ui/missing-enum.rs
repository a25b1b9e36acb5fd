errcodes::platform_errors!("tests/ui/specs/missing-enum.yaml");

fn main() {}
