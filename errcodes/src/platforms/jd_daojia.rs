//! JD Daojia (京东到家, now 京东秒送) open platform: the platform-level status codes of its
//! 到家侧平台状态码说明 page, 17 error rows (the stored page stops inside the next row).
//!
//! Generated from `specs/jd_daojia.yaml` by `errcodes::platform_errors!`; feature
//! `jd_daojia`, not on by default. JD Daojia answers `{"code": "0", "msg": "操作成功",
//! "data": "..."}`: `code` is the platform level, which says only whether the call reached
//! the platform, and `data` is JSON text holding the business result with a code of its own.
//! A call succeeded only when both codes are `"0"`, and errcodes reads both: the platform
//! level, then (envelope path `data@json.code`) the business result's `code` and `msg` in
//! the text of `data`. The business codes are each API's own and undocumented, so such an
//! error is `Unknown` at [`level`](errcodes::ApiError::level) 1, keeping the code and
//! message received. `data` that is empty, or holds no JSON or no code, leaves the call a
//! success.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::jd_daojia::JdDaojiaError;
//!
//! let body = r#"{"code":"10014","msg":"无效Sign签名","data":""}"#;
//! let error = JdDaojiaError::from_response(body)?.expect("an error");
//! assert_eq!(*error.error(), JdDaojiaError::InvalidSign);
//! assert_eq!(error.retry_class(), RetryClass::Permanent);
//! assert_eq!(JdDaojiaError::from_code(100022).retry_class(), RetryClass::Transient);
//!
//! // The platform level says success, the business result inside `data` does not.
//! let inner_failure = r#"{"code":"0","msg":"操作成功","data":"{\"code\":\"1\",\"msg\":\"失败\"}"}"#;
//! let error = JdDaojiaError::from_response(inner_failure)?.expect("an error");
//! assert!(error.is_unknown());
//! assert_eq!((error.level(), error.code().to_string(), error.message()), (1, "1".into(), "失败"));
//!
//! // JD Daojia's own example: the platform says 0, and data holds nothing.
//! assert!(JdDaojiaError::from_response(r#"{"code":"0","msg":"success","data":""}"#)?.is_none());
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What `platform_errors!("specs/jd_daojia.yaml")` expands to, kept so that a build does not
// run the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/jd_daojia.rs");
