//! The proc-macro behind [errcodes](https://docs.rs/errcodes): use it through
//! `errcodes::platform_errors!`, which documents the spec format.
//!
//! This crate is a thin shim: the spec is read by `errcodes-spec` (load → parse → check →
//! encode), which the `errcodes` command shares, and turned into tokens here, on
//! `proc_macro2`, so every stage is tested without a compiler in the loop.

use errcodes_spec as spec;

mod expand;
#[cfg(test)]
mod fuzz_tests;
mod generate;
#[cfg(test)]
mod kept_tests;

/// Generates an error enum from a YAML spec.
///
/// ```ignore
/// errcodes::platform_errors!("specs/wangdiantong.yaml");
/// ```
///
/// The path is relative to the directory of the calling crate's `Cargo.toml`. Editing the
/// spec regenerates the enum on the next build. A spec with mistakes is a compile error
/// that names `path:line:column` for each of them, quotes the line and says how to fix it.
///
/// # The spec
///
/// ```yaml
/// platform: wangdiantong            # snake_case id: `PlatformError::platform()`
/// enum: WangdiantongError           # the generated type
/// title: Wangdiantong (旺店通) ERP open API
/// source: https://open.wangdian.cn/qjb/open/guide?path=qjbguide_cwmsm
/// unknown_retry: permanent          # retry class of codes the spec does not know
/// groups:
///   - id: general                   # snake_case, unique: `group()`
///     title: 错误码说明
///     retry: permanent              # default for the group's entries
///     errors:
///       - code: 100                 # integer, "string", [list], or null
///         name: ApplicationError    # UpperCamelCase variant name, unique
///         message: 应用错误          # text or {zh: ..., en: ...}
///         hint: 按照错误信息核对传入参数或联系对接的研发人员
///         fallback: true            # what from_code(100) gives: 100 has several entries
///       - code: 100
///         name: RateLimited
///         message: 超过每分钟最大调用频率限制，请稍后重试
///         retry: {throttled: 5m}    # wait at least five minutes
///         note: the source says to rest 5-10 minutes
///       - code: 100
///         name: SpecNoBelongsToDeletedGoods
///         message: "商家编码{spec_no}已存在,但货品不存在或已删除,货品编号: {goods_no}"
/// ```
///
/// - `platform`, `enum`, `title`, `source`, `unknown_retry`, `groups`: required. `note`,
///   `non_exhaustive: true` (adds `#[non_exhaustive]`), `noise` (templates stripped from
///   the end of received messages, such as `" rid: {rid}"`) and `envelope` (where a JSON
///   response keeps its code, message, sub-code and request id: `{code: errcode, message:
///   errmsg, success: [0]}`; paths may nest, `error.code`, and `*` is any key) are optional.
/// - `include: [wechat_global, ./more.yaml]` adds other specs' groups after this one's;
///   `extends: wechat_transaction` starts from another spec (then only `enum` is required);
///   `overrides: {Name: {retry: ..., hint: ..., note: ...}}` changes their entries. A code,
///   a name, the message of an entry without a code and a group id belong to the first
///   layer that defines them. A spec that extends a `non_exhaustive` one is too, unless it
///   says `non_exhaustive: false`.
/// - A group has `id`, `title` and `errors`, and may give defaults for its entries:
///   `retry`, `hint`, `http_status`, `endpoint`, `scene`; and a `note`.
/// - An entry has `code`, `name` and `message`; optionally `sub_code` (`isv.x`,
///   `isp.error:{code}`, `isp.*`), `hint`, `retry`, `fallback`, `http_status`, `endpoint`,
///   `scene`, `note` (why a judgement was made) and `deprecated` (adds `#[deprecated]`).
/// - `{field}` in a message is a template field that matches any non-empty text; `{{` and
///   `}}` are literal braces.
/// - Retry classes: `permanent`, `transient`, `throttled`, `{throttled: 30s}` (`s`, `m`,
///   `h`, `d`; at most `30d`), `reauthenticate`, `already_applied`.
/// - When several entries share a code, exactly one has `fallback: true`.
///
/// `specs/README.md` in the repository describes every key.
///
/// # Options
///
/// `platform_errors!("specs/x.yaml", crate = my_sdk::errcodes)` writes every path of the
/// generated code through `my_sdk::errcodes`, for an SDK that re-exports errcodes so that
/// its users need not depend on it.
///
/// # What it generates
///
/// For `enum: Foo`: `pub enum Foo`, with one documented unit variant per entry and
/// `Unknown(errcodes::UnknownCode<Foo>)`; `impl errcodes::Catalog for Foo` (`PLATFORM`, `TITLE`,
/// `SOURCE`, `GROUPS`, `ALL`, and the lookups), through which `errcodes::PlatformError`
/// (`code()`, `name()`, `message()`, `retry_class()`...) comes too; the inherent
/// `Foo::from_code` and `Foo::classify`, and, with errcodes' feature `json` and an
/// `envelope` in the spec, `Foo::from_response` and `Foo::from_http`; `Clone`, `Debug`,
/// `Display`, `PartialEq`, `Eq`, `PartialOrd`, `Ord` (spec order), `Hash`, `std::error::Error`, `From<i64>` and `FromStr`;
/// with errcodes' feature `serde`, `Serialize` and `Deserialize` (as the code).
#[proc_macro]
pub fn platform_errors(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    // trybuild compiles UI tests in a generated crate, whose manifest directory holds no
    // specs; its tests point the macro back at the real one (dtolnay/trybuild#202). Only the
    // crate being built is redirected, never its dependencies.
    let test_dir = std::env::var_os("CARGO_PRIMARY_PACKAGE")
        .and_then(|_| std::env::var_os("ERRCODES_TEST_MANIFEST_DIR"));
    let manifest_dir = test_dir
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(std::path::PathBuf::from);
    generate::platform_errors(
        input.into(),
        manifest_dir.as_deref(),
        generate::Output::Macro,
    )
    .into()
}
