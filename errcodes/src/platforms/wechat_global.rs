//! WeChat global return codes (全局返回码): what every WeChat API can answer, whatever the
//! component, 172 rows. `wechat_shop` and `wechat_transaction` include them.
//!
//! Generated from `specs/wechat_global.yaml` by `errcodes::platform_errors!`; feature
//! `wechat_global`. The table is the transcription by `WxJava` of the official page (which was not
//! reachable), with the English text of the open platform's page where it has one, and the
//! rows of three official API pages that neither lists; the
//! spec's note says what comes from where.
//!
//! ```
//! use std::time::Duration;
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::wechat_global::WechatGlobalError;
//!
//! // The access token expired: refresh it, then retry once.
//! assert_eq!(WechatGlobalError::from_code(42001).retry_class(), RetryClass::Reauthenticate);
//! // The minute quota: wait a minute.
//! let error = WechatGlobalError::from_code(45011);
//! assert_eq!(error.retry_class().retry_after(), Some(Duration::from_secs(60)));
//! // System busy: try again.
//! assert_eq!(WechatGlobalError::from_code(-1).retry_class(), RetryClass::Transient);
//! ```

// What `platform_errors!("specs/wechat_global.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/wechat_global.rs");
