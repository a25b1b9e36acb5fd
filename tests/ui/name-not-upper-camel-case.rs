errcodes::platform_errors!("tests/ui/specs/name-not-upper-camel-case.yaml");

fn main() {}
