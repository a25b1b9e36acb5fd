errcodes::platform_errors!("tests/ui/specs/envelope-success-shadows-entry.yaml");

fn main() {}
