use errcodes::prelude::*;

errcodes::platform_errors!("tests/ui/specs/include-shadowing.yaml");

fn main() {
    // Both layers define `Busy`: the spec's own is kept, the included one left out, so its
    // code is no entry's.
    assert_eq!(DemoError::from_code(1), DemoError::Busy);
    assert_eq!(DemoError::Busy.message(), "busy");
    assert!(DemoError::from_code(-1).is_unknown());
    assert_eq!(DemoError::ALL.len(), 1);
}
