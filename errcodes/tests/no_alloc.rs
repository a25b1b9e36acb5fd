//! `from_code` (of an integer or of text), `classify` and `lookup` allocate nothing, and
//! `from_response` only for an error (with feature `json`), proved with a global allocator
//! that counts the allocations of the calling thread.
//!
//! One exception, by design: an unknown string code longer than 22 bytes is kept on the heap
//! (`RawCode` stores up to 22 bytes inline). The last test shows that the counter sees it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::prelude::*;

struct Counting;

thread_local! {
    // Per thread, so that the test harness's own threads do not count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller upholds `alloc`'s contract, which is `System.alloc`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller upholds `realloc`'s contract, which is `System.realloc`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes on this thread; its result is dropped inside the count.
fn allocations<T>(f: impl FnOnce() -> T) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    drop(std::hint::black_box(f()));
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn from_code_allocates_nothing_for_known_and_unknown_codes() {
    for code in [100_000, 100_003, -1, 0, 31337, i64::MIN, i64::MAX] {
        assert_eq!(
            allocations(|| WechatShopError::from_code(code)),
            0,
            "{code}"
        );
    }
    assert!(!WechatShopError::from_code(100_003).is_unknown());
}

#[test]
fn from_code_of_text_allocates_nothing_for_numbers_and_short_unknown_strings() {
    let twenty_two = "X".repeat(22);
    assert!(!AliexpressError::from_code("F00-00-10013-002").is_unknown());
    assert_eq!(
        allocations(|| AliexpressError::from_code("F00-00-10013-002")),
        0
    );
    for code in [
        "100003",
        " -1 ",
        "31337",
        "F00-00-10013-002",
        "X-1",
        "",
        twenty_two.as_str(),
    ] {
        assert_eq!(
            allocations(|| WechatShopError::from_code(code)),
            0,
            "{code:?}"
        );
    }
}

#[test]
fn classify_and_lookup_allocate_nothing() {
    let messages = [
        "超过每分钟最大调用频率限制，请稍后重试",
        "商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9",
        "  商家编码（spec_no）:A-1与已删除的规格重复！\u{3000}",
        "a message the table does not list",
        "",
    ];
    for message in messages {
        for code in [100, 1, 31337] {
            assert_eq!(
                allocations(|| WangdiantongError::classify(code, message)),
                0,
                "{code} {message:?}"
            );
            assert_eq!(
                allocations(|| WangdiantongError::lookup(&Query::new(code).message(message))),
                0,
                "{code} {message:?}"
            );
        }
        assert_eq!(
            allocations(|| WangdiantongError::classify("100", message)),
            0
        );
        assert_eq!(
            allocations(|| WangdiantongError::lookup(&Query::new("100").message(message))),
            0
        );
    }
    let long = format!(
        "商家编码{}已存在,但货品不存在或已删除,货品编号: G",
        "长".repeat(10_000)
    );
    let found = WangdiantongError::lookup(&Query::new(100).message(&long));
    assert_eq!(found.error, WangdiantongError::SpecNoBelongsToDeletedGoods);
    assert_eq!(found.fields.get("goods_no"), Some("G"));
    assert_eq!(
        allocations(|| WangdiantongError::lookup(&Query::new(100).message(&long))),
        0
    );
}

#[test]
fn long_unknown_string_codes_are_kept_on_the_heap() {
    let long = "Y".repeat(23);
    assert_eq!(allocations(|| WechatShopError::from_code(&long)), 1);
    assert_eq!(WechatShopError::from_code(&long).code().to_string(), long);
}

/// `from_response`: a success allocates nothing, an error one block (the `ApiError`'s
/// record, which holds the text it keeps when that is up to 128 bytes) whatever else the
/// body carries (a sub-code, a sub-message, a request id, WeChat's ` rid: ...` in the
/// message), and a second for longer text; read from a `Value` the same.
#[cfg(feature = "json")]
mod responses {
    use errcodes::platforms::aliexpress::AliexpressError;
    use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
    use errcodes::platforms::wangdiantong::WangdiantongError;
    use errcodes::platforms::wechat_transaction::WechatTransactionError;
    use errcodes::prelude::*;

    use super::allocations;

    /// `read` of `body` as bytes and as a `Value` allocates `expected` blocks, and reads as
    /// `is_error` says.
    fn count<E: FromResponse>(body: &str, is_error: bool, expected: usize) {
        let value: serde_json::Value = serde_json::from_str(body).expect("JSON");
        let read = E::from_response(body).expect("a response");
        assert_eq!(read.is_some(), is_error, "{body}");
        assert_eq!(allocations(|| E::from_response(body)), expected, "{body}");
        assert_eq!(
            allocations(|| E::from_response(&value)),
            expected,
            "{body} as a Value"
        );
    }

    #[test]
    fn a_success_allocates_nothing() {
        count::<WechatTransactionError>(
            r#"{"errcode":0,"errmsg":"ok","data":{"a":[1,2,3]}}"#,
            false,
            0,
        );
        count::<WechatTransactionError>(
            r#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#,
            false,
            0,
        );
        count::<AliexpressError>(
            r#"{"aliexpress_solution_order_fulfill_response":{"result":{"result_success":true},"request_id":"1"}}"#,
            false,
            0,
        );
    }

    #[test]
    fn an_error_allocates_its_record_and_only_long_text_apart() {
        count::<WechatTransactionError>(
            r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea"}"#,
            true,
            1,
        );
        count::<WangdiantongError>(
            r#"{"status":100,"message":"商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"}"#,
            true,
            1,
        );
        count::<TiktokLocalServicesError>(
            r#"{"data":{},"error":{"code":"-3000109","message":"FulfillRedeemQRCodeExpired","log_id":"20240101120000ABCDEF"}}"#,
            true,
            1,
        );
        count::<AliexpressError>(
            r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout","sub_msg":"timed out","request_id":"0ba2887315178178017221016"}}"#,
            true,
            1,
        );
    }
}
