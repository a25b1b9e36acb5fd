errcodes::platform_errors!(specs::wechat_shop);

fn main() {}
