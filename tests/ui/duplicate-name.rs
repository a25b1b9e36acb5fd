errcodes::platform_errors!("tests/ui/specs/duplicate-name.yaml");

fn main() {}
