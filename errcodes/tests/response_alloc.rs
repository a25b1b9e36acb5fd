//! What `from_response` allocates, counted by a global allocator for the calling thread: a
//! success nothing, an error two blocks (the `ApiError`'s record and one for all the text it
//! keeps), whatever else the body carries (a sub-code, a sub-message, a request id, WeChat's
//! ` rid: ...` in the message); a body read from a `Value` the same.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
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

/// `read` of `body` as bytes and as a `Value` allocates `expected` blocks, and reads as
/// `is_error` says.
fn count<E: Catalog>(body: &str, is_error: bool, expected: usize) {
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
fn an_error_allocates_its_record_and_its_text() {
    count::<WechatTransactionError>(
        r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea"}"#,
        true,
        2,
    );
    count::<WangdiantongError>(
        r#"{"status":100,"message":"商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"}"#,
        true,
        2,
    );
    count::<TiktokLocalServicesError>(
        r#"{"data":{},"error":{"code":"-3000109","message":"FulfillRedeemQRCodeExpired","log_id":"20240101120000ABCDEF"}}"#,
        true,
        2,
    );
    count::<AliexpressError>(
        r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout","sub_msg":"timed out","request_id":"0ba2887315178178017221016"}}"#,
        true,
        2,
    );
}
