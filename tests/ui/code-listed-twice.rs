errcodes::platform_errors!("tests/ui/specs/code-listed-twice.yaml");

fn main() {}
