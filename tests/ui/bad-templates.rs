errcodes::platform_errors!("tests/ui/specs/bad-templates.yaml");

fn main() {}
