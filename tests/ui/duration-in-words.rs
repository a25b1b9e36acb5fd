errcodes::platform_errors!("tests/ui/specs/duration-in-words.yaml");

fn main() {}
