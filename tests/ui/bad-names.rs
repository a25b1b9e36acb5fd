errcodes::platform_errors!("tests/ui/specs/bad-names.yaml");

fn main() {}
