// Only lookups build an `Unknown`: a code the table knows cannot be put in one.
use errcodes::platforms::wechat_shop::WechatShopError;

fn main() {
    let _ = WechatShopError::Unknown(errcodes::UnknownCode::new(42001));
    let _ = WechatShopError::Unknown(errcodes::UnknownCode { code: 42001 });
}
