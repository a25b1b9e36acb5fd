errcodes::platform_errors!("tests/ui/specs/code-beyond-i64.yaml");

fn main() {}
