errcodes::platform_errors!("tests/ui/specs/override-unknown-name.yaml");

fn main() {}
