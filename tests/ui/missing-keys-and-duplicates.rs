errcodes::platform_errors!("tests/ui/specs/missing-keys-and-duplicates.yaml");

fn main() {}
