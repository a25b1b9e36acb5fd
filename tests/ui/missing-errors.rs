errcodes::platform_errors!("tests/ui/specs/missing-errors.yaml");

fn main() {}
