errcodes::platform_errors!("tests/ui/specs/envelope-json-text-no-key.yaml");

fn main() {}
