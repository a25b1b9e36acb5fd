use errcodes::prelude::*;

errcodes::platform_errors!("tests/ui/specs/extends-shadowing.yaml");

fn main() {
    // The spec's own `AccessTokenExpired` is kept; the shipped one (42001) is left out.
    assert_eq!(MyWechatError::from_code(88002), MyWechatError::AccessTokenExpired);
    assert_eq!(MyWechatError::AccessTokenExpired.message(), "our session expired");
    assert_eq!(MyWechatError::AccessTokenExpired.group(), Some("ours"));
    assert!(MyWechatError::from_code(42001).is_unknown());
    // Everything else of the shipped tables is there.
    assert_eq!(MyWechatError::from_code(40001), MyWechatError::InvalidCredential);
    assert_eq!(MyWechatError::PLATFORM, "wechat_transaction");
}
