errcodes::platform_errors!("tests/ui/specs/fallback-missing.yaml");

fn main() {}
