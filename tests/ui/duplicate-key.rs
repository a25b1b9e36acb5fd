errcodes::platform_errors!("tests/ui/specs/duplicate-key.yaml");

fn main() {}
