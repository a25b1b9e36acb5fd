errcodes::platform_errors!("tests/ui/specs/http-status-out-of-range.yaml");

fn main() {}
