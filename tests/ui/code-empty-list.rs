errcodes::platform_errors!("tests/ui/specs/code-empty-list.yaml");

fn main() {}
