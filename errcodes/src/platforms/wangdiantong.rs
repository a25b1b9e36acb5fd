//! Wangdiantong (旺店通), a Chinese e-commerce ERP: the error codes of its open API, 80 rows.
//!
//! Generated from `specs/wangdiantong.yaml` by `errcodes::platform_errors!`; feature
//! `wangdiantong`. Code 100 carries 63 meanings and code 1 carries 9, so the message
//! says what went wrong: use `classify`, which also reads the values out of messages with
//! placeholders (`lookup`). Every entry has the table's remedy (解决办法) as its
//! `hint`.
//!
//! ```
//! use std::time::Duration;
//! use errcodes::prelude::*;
//! use errcodes::platforms::wangdiantong::WangdiantongError;
//!
//! // {"code": 100, "message": "..."}
//! let error = WangdiantongError::classify(100, "超过每分钟最大调用频率限制，请稍后重试");
//! assert_eq!(error, WangdiantongError::RateLimited);
//! assert_eq!(error.retry_class().retry_after(), Some(Duration::from_secs(300)));
//!
//! let found = WangdiantongError::lookup(&Query::new(100).message("批次 B-7 不存在或已停用"));
//! assert_eq!(found.error, WangdiantongError::BatchNotFoundOrDisabled);
//! assert_eq!(found.fields.get("batch_no"), Some("B-7"));
//!
//! // A message the table does not list gives the code's generic row.
//! assert_eq!(WangdiantongError::classify(100, "新的错误"), WangdiantongError::ApplicationError);
//! ```

// What `platform_errors!("specs/wangdiantong.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/wangdiantong.rs");
