errcodes::platform_errors!("tests/ui/specs/duplicate-group-id.yaml");

fn main() {}
