use errcodes::prelude::*;

errcodes::platform_errors!("tests/ui/specs/merge-keys.yaml");

fn main() {
    assert_eq!(DemoError::Busy.retry_class(), errcodes::RetryClass::Transient);
    assert_eq!(DemoError::Busy.http_status(), Some(500));
    // A key of the mapping itself wins over a merged one.
    assert_eq!(DemoError::Down.http_status(), Some(503));
    assert_eq!(DemoError::BadRequest.retry_class(), errcodes::RetryClass::Permanent);
}

#[allow(deprecated)]
fn _deprecated_variants_still_work() {
    assert_eq!(DemoError::from_code(4), DemoError::OldDown);
}
