use std::time::Duration;

use errcodes::prelude::*;
use errcodes::RetryClass;

errcodes::platform_errors!("tests/ui/specs/extends.yaml");

fn main() {
    // Inherited: the platform, the envelope, every entry, the global codes.
    assert_eq!(MyWechatError::PLATFORM, "wechat_transaction");
    assert_eq!(MyWechatError::from_code(42001), MyWechatError::AccessTokenExpired);
    assert_eq!(MyWechatError::AccessTokenExpired.hint(), Some("call refresh_token() first"));
    // Added by the included file, which outranks the extended spec: it owns 45011 now.
    assert_eq!(MyWechatError::from_code(88001), MyWechatError::GatewayTimeout);
    assert_eq!(MyWechatError::from_code(45011), MyWechatError::GatewayMinuteQuota);
    assert!(!MyWechatError::ALL.iter().any(|e| e.name() == "MinuteQuotaReached"));
    // Overridden, by name.
    assert_eq!(
        MyWechatError::DailyQuotaExceeded.retry_class(),
        RetryClass::Throttled { wait: Some(Duration::from_secs(3_600)) }
    );
}
