errcodes::platform_errors!("tests/ui/specs/name-keyword-type.yaml");

fn main() {}
