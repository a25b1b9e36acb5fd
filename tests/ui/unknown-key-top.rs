errcodes::platform_errors!("tests/ui/specs/unknown-key-top.yaml");

fn main() {}
