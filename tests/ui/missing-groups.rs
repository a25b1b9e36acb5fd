errcodes::platform_errors!("tests/ui/specs/missing-groups.yaml");

fn main() {}
