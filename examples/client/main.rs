//! An SDK-shaped client on a real HTTP client (`ureq`), against a mock of the platforms it
//! starts itself on 127.0.0.1 (`tiny_http`), answering with each platform's real envelopes:
//!
//! ```sh
//! cargo run --example client
//! ```
//!
//! It shows a token refreshed on WeChat's 42001, a rate limit waited out (the wait is
//! pretended), a gateway error and a proxy's error page retried, and an already-applied write
//! taken as a success. The shipped specs know every code: WeChat's and the TOP gateway's
//! global codes come with them.

mod mock;
mod sdk;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::retry::Success;
use errcodes::Catalog;
use std::io::{self, Write};

/// Prints what a call did; a closed pipe is an error to return, not a panic.
fn show<E: Catalog>(out: &mut impl Write, what: &str, outcome: &sdk::Outcome<E>) -> io::Result<()> {
    writeln!(out, "{} — {what}", E::PLATFORM)?;
    for (n, attempt) in outcome.attempts.iter().enumerate() {
        writeln!(out, "  {}. {attempt}", n + 1)?;
    }
    match &outcome.result {
        Ok(Success::Done(_)) => writeln!(out, "  => done"),
        Ok(Success::AlreadyApplied(error)) => {
            writeln!(out, "  => already applied ({error}): a success")
        }
        Err(gave_up) => writeln!(out, "  => gave up: {}", gave_up.stop),
    }
}

fn main() -> io::Result<()> {
    let mut out = io::stdout().lock();
    let mock = mock::Mock::start(mock::script())?;
    let client = sdk::Client::new(&mock.base, "STALE");
    let outcome = client.call::<WechatTransactionError>("/shop/spu/add", r#"{"title":"x"}"#);
    show(
        &mut out,
        "add a product with a stale access token",
        &outcome,
    )?;
    let outcome = client.call::<WangdiantongError>("/openapi/goods.Goods.search", "{}");
    show(&mut out, "search goods while rate limited", &outcome)?;
    let outcome = client.call::<AliexpressError>("/sync/aliexpress.solution.order.info.get", "{}");
    show(&mut out, "get an order through a gateway timeout", &outcome)?;
    let outcome = client.call::<AliexpressError>("/sync/aliexpress.solution.order.fulfill", "{}");
    show(
        &mut out,
        "fulfil an order; a proxy fails the first answer",
        &outcome,
    )?;
    let outcome =
        client.call::<TiktokLocalServicesError>("/v2/localservice/saas/fulfill/redeem_code/", "{}");
    show(
        &mut out,
        "redeem a voucher at a store it is not valid at",
        &outcome,
    )?;
    Ok(())
}
