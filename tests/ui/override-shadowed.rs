errcodes::platform_errors!("tests/ui/specs/override-shadowed.yaml");

fn main() {}
