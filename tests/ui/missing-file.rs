errcodes::platform_errors!("tests/ui/specs/no-such-spec.yaml");

fn main() {}
