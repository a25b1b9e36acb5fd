//! WeChat Channels store (视频号小店 / 微信小店) API errors: the store's 22 common codes
//! (公共错误码), with its own texts and advice, then WeChat's global return codes
//! (`wechat_global`, which the spec includes).
//!
//! Generated from `specs/wechat_channels_store.yaml` by `errcodes::platform_errors!`; feature
//! `wechat_channels_store`. The responses are WeChat's (`errcode`, `errmsg` with ` rid: ...`).
//!
//! ```
//! use errcodes::prelude::*;
//! use errcodes::RetryClass;
//! use errcodes::platforms::wechat_channels_store::WechatChannelsStoreError;
//!
//! // The store's own advice: whitelist the caller's IP.
//! let error = WechatChannelsStoreError::from_code(45035);
//! assert_eq!(error.hint(), Some("需要登录 channels.weixin.qq.com/shop 配置IP白名单"));
//! assert_eq!(error.retry_class(), RetryClass::Permanent);
//! // A global code the store's table lacks comes from wechat_global.
//! assert_eq!(WechatChannelsStoreError::from_code(40125).name(), "InvalidAppsecret");
//! ```

// What `platform_errors!("specs/wechat_channels_store.yaml")` expands to, kept so that a build does not run
// the macro (`errcodes-macros/src/kept_tests.rs` checks it against the spec).
include!("generated/wechat_channels_store.rs");
