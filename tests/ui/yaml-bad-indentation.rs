errcodes::platform_errors!("tests/ui/specs/yaml-bad-indentation.yaml");

fn main() {}
