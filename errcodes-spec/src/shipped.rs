//! The specs errcodes ships, by name: `include: wechat_global` and `extends:
//! wechat_transaction` name them. Their text is part of this crate, so a user's spec
//! composes them wherever it is, and a new errcodes release brings their updates.

/// `(name, text)` of every shipped spec.
const SHIPPED: &[(&str, &str)] = &[
    ("aliexpress", include_str!("../specs/aliexpress.yaml")),
    ("alipay", include_str!("../specs/alipay.yaml")),
    ("amazon_sp_api", include_str!("../specs/amazon_sp_api.yaml")),
    ("jd_daojia", include_str!("../specs/jd_daojia.yaml")),
    ("lazada", include_str!("../specs/lazada.yaml")),
    ("shopee", include_str!("../specs/shopee.yaml")),
    ("tiktok_global", include_str!("../specs/tiktok_global.yaml")),
    (
        "tiktok_local_services",
        include_str!("../specs/tiktok_local_services.yaml"),
    ),
    ("tiktok_shop", include_str!("../specs/tiktok_shop.yaml")),
    ("top_gateway", include_str!("../specs/top_gateway.yaml")),
    ("wangdiantong", include_str!("../specs/wangdiantong.yaml")),
    (
        "wechat_channels_store",
        include_str!("../specs/wechat_channels_store.yaml"),
    ),
    ("wechat_global", include_str!("../specs/wechat_global.yaml")),
    ("wechat_pay_v3", include_str!("../specs/wechat_pay_v3.yaml")),
    ("wechat_shop", include_str!("../specs/wechat_shop.yaml")),
    (
        "wechat_transaction",
        include_str!("../specs/wechat_transaction.yaml"),
    ),
];

/// The text of the shipped spec `name`.
pub fn text(name: &str) -> Option<&'static str> {
    SHIPPED
        .iter()
        .chain(TESTS)
        .find_map(|&(known, text)| (known == name).then_some(text))
}

/// Shipped specs as a later release might write them, for this crate's tests only: no
/// shipped spec has `overrides` or joins today.
#[cfg(test)]
const TESTS: &[(&str, &str)] = &[
    (
        "test_overrides",
        "extends: wangdiantong\nenum: TestOverridesError\noverrides:\n  InvalidParameter: {retry: transient}\n  RateLimited: {note: changed}\n",
    ),
    (
        "test_join",
        "extends: wangdiantong\nenum: TestJoinError\ngroups:\n  - id: joins\n    title: Joins\n    retry: transient\n    errors:\n      - {code: 4, join: true, name: DatabaseBusy, message: 数据库繁忙}\n      - {code: 100, join: true, name: WarehouseClosed, message: 仓库已停用}\n",
    ),
];
#[cfg(not(test))]
const TESTS: &[(&str, &str)] = &[];

/// The names of the shipped specs.
pub fn names() -> impl Iterator<Item = &'static str> {
    SHIPPED.iter().map(|&(name, _)| name)
}

/// How reports name a shipped spec.
pub fn display(name: &str) -> String {
    format!("<errcodes>/specs/{name}.yaml")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_spec_in_specs_is_shipped() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("specs");
        let mut found: Vec<String> = std::fs::read_dir(dir)
            .expect("specs/")
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".yaml").map(str::to_owned)
            })
            .collect();
        found.sort();
        let shipped: Vec<&str> = super::names().collect();
        assert_eq!(found, shipped, "add the spec to SHIPPED in shipped.rs");
    }
}
