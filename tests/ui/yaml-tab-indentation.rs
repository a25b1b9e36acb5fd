errcodes::platform_errors!("tests/ui/specs/yaml-tab-indentation.yaml");

fn main() {}
