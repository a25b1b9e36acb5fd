errcodes::platform_errors!("tests/ui/specs/envelope-levels-and-code.yaml");

fn main() {}
