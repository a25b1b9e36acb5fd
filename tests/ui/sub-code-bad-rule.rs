errcodes::platform_errors!("tests/ui/specs/sub-code-bad-rule.yaml");

fn main() {}
