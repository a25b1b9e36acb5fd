//! WeChat Mini Shop (微信小商店) open API: the error codes of the Mini Shop's product,
//! order, logistics, coupon and flash-sale interfaces, 101 rows in 7 groups.
//!
//! Generated from `specs/wechat_shop.yaml` by `errcodes::platform_errors!`; feature
//! `wechat_shop`. The messages are the English rendering WeChat publishes. Codes 100003 and
//! 100004 mean one thing in the common group and another in the item group: use
//! `classify` with the response's `errmsg`.
//!
//! ```
//! use std::time::Duration;
//! use errcodes::prelude::*;
//! use errcodes::platforms::wechat_shop::WechatShopError;
//!
//! // {"errcode": 300000, "errmsg": "..."}: most interfaces allow 800 calls per 30 s.
//! let error = WechatShopError::from_code(300000);
//! assert_eq!(error, WechatShopError::FrequencyLimitExceeded);
//! assert_eq!(error.retry_class().retry_after(), Some(Duration::from_secs(30)));
//!
//! // The same code, two meanings: the message decides.
//! let error = WechatShopError::classify(100003, "Categories already exist");
//! assert_eq!(error.group(), Some("item"));
//! assert_eq!(WechatShopError::from_code(100003).group(), Some("common"));
//! ```

// What `platform_errors!("specs/wechat_shop.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/wechat_shop.rs");
