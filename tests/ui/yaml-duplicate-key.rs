errcodes::platform_errors!("tests/ui/specs/yaml-duplicate-key.yaml");

fn main() {}
