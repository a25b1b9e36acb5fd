errcodes::platform_errors!("tests/ui/specs/include-cycle.yaml");

fn main() {}
