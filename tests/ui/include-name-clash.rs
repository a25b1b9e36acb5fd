errcodes::platform_errors!("tests/ui/specs/include-name-clash.yaml");

fn main() {}
