errcodes::platform_errors!("tests/ui/specs/envelope-too-many-levels.yaml");

fn main() {}
