errcodes::platform_errors!("tests/ui/specs/missing-file.yaml");

fn main() {}
