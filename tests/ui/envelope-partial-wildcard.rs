errcodes::platform_errors!("tests/ui/specs/envelope-partial-wildcard.yaml");

fn main() {}
