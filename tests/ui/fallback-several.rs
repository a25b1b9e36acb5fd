errcodes::platform_errors!("tests/ui/specs/fallback-several.yaml");

fn main() {}
