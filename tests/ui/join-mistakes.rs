errcodes::platform_errors!("tests/ui/specs/join-mistakes.yaml");

fn main() {}
