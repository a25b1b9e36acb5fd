errcodes::platform_errors!("tests/ui/specs/non-utf8.yaml");

fn main() {}
