errcodes::platform_errors!("tests/ui/specs/missing-keys-all-at-once.yaml");

fn main() {}
