errcodes::platform_errors!("tests/ui/specs/fallback-unshared.yaml");

fn main() {}
