errcodes::platform_errors!("tests/ui/specs/duration-zero.yaml", krate = x);

fn main() {}
