errcodes::platform_errors!("tests/ui/specs/yaml-unclosed-bracket.yaml");

fn main() {}
