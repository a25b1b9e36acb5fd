errcodes::platform_errors!("tests/ui/specs/top-level-not-a-mapping.yaml");

fn main() {}
