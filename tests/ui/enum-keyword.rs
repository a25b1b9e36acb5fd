errcodes::platform_errors!("tests/ui/specs/enum-keyword.yaml");

fn main() {}
