errcodes::platform_errors!("tests/ui/specs/code-empty-string.yaml");

fn main() {}
