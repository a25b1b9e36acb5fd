errcodes::platform_errors!("tests/ui/specs/yaml-unclosed-quote.yaml");

fn main() {}
