errcodes::platform_errors!("tests/ui/specs");

fn main() {}
