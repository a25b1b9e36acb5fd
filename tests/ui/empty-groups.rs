errcodes::platform_errors!("tests/ui/specs/empty-groups.yaml");

fn main() {}
