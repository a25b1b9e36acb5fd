errcodes::platform_errors!("tests/ui/specs/envelope-json-text-at-end.yaml");

fn main() {}
