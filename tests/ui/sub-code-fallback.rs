errcodes::platform_errors!("tests/ui/specs/sub-code-fallback.yaml");

fn main() {}
