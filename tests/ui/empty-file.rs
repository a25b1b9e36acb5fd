errcodes::platform_errors!("tests/ui/specs/empty-file.yaml");

fn main() {}
