errcodes::platform_errors!("tests/ui/specs/code-wrong-types.yaml");

fn main() {}
