errcodes::platform_errors!("tests/ui/specs/envelope-json-text-typo.yaml");

fn main() {}
