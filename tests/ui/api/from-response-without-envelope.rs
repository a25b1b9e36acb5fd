// A spec without an `envelope` cannot read responses: that is a compile error, not an
// error at run time.
errcodes::platform_errors!("tests/ui/specs/braces.yaml");

fn main() {
    let _ = DemoError::from_response(r#"{"code":1}"#);
}
