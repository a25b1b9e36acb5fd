errcodes::platform_errors!("tests/ui/specs/name-keyword-self.yaml");

fn main() {}
