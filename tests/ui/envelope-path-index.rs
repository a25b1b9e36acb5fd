errcodes::platform_errors!("tests/ui/specs/envelope-path-index.yaml");

fn main() {}
