//! The Taobao / AliExpress TOP gateway's platform errors (平台级错误), 32 rows, and the
//! rule for sub-codes: those starting with `isp.` are server-side, worth retrying later.
//! `aliexpress` includes them.
//!
//! Generated from `specs/top_gateway.yaml` by `errcodes::platform_errors!`; feature
//! `top_gateway`. The gateway answers `{"error_response": {"code", "msg", "sub_code",
//! "sub_msg", "request_id"}}`: the code says little (15 is any remote service error), the
//! sub-code says which side failed.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::top_gateway::TopGatewayError;
//!
//! let body = r#"{"error_response":{"code":15,"msg":"Remote service error",
//!     "sub_code":"isp.top-remote-connection-timeout","sub_msg":"timeout","request_id":"0ba28873"}}"#;
//! let error = TopGatewayError::from_response(body)?.expect("an error");
//! assert_eq!(*error.error(), TopGatewayError::IspServerError);
//! assert_eq!(error.retry_class(), RetryClass::Transient);
//! assert_eq!(error.sub_code(), Some("isp.top-remote-connection-timeout"));
//! assert_eq!(error.request_id(), Some("0ba28873"));
//! // Without a sub-code, 15 is the code's own entry.
//! assert_eq!(TopGatewayError::from_code(15), TopGatewayError::RemoteServiceError);
//! assert_eq!(TopGatewayError::from_code(27).retry_class(), RetryClass::Reauthenticate);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// What `platform_errors!("specs/top_gateway.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/top_gateway.rs");
