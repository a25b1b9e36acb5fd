//! `Found::by` and `Found::unknown_sub_code`: how a lookup chose its entry, which is what
//! tells a code or a message the spec lacks.

#![cfg(all(
    feature = "wangdiantong",
    feature = "wechat_transaction",
    feature = "top_gateway"
))]

use errcodes::platforms::top_gateway::TopGatewayError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::By;
#[cfg(feature = "json")]
use errcodes::{ApiError, Catalog, Code, PlatformError};

#[test]
fn a_message_of_a_code_with_many_meanings_is_chosen_by_message() {
    let found = WangdiantongError::lookup(
        &Query::new(100).message("商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"),
    );
    assert_eq!(found.error, WangdiantongError::SpecNoBelongsToDeletedGoods);
    assert_eq!(found.by, By::Message);
    assert!(!found.unknown_sub_code);
}

#[test]
fn a_message_no_entry_of_the_code_has_takes_the_fallback() {
    let found = WangdiantongError::lookup(&Query::new(100).message("一条表里没有的消息"));
    assert_eq!(found.error, WangdiantongError::from_code(100));
    assert!(!found.error.is_unknown());
    assert_eq!(found.by, By::Fallback);
}

#[test]
fn a_code_with_one_meaning_is_chosen_by_code_whatever_the_message() {
    let found =
        WechatTransactionError::lookup(&Query::new(45009).message("reworded by the platform"));
    assert_eq!(found.error, WechatTransactionError::DailyQuotaExceeded);
    assert_eq!(found.by, By::Code);
    let exact = WechatTransactionError::lookup(
        &Query::new(45009).message("reach max api daily quota limit"),
    );
    assert_eq!(exact.error, WechatTransactionError::DailyQuotaExceeded);
    assert_ne!(exact.by, By::Fallback);
    assert_ne!(exact.by, By::Unknown);
}

#[test]
fn a_code_the_table_lacks_is_unknown() {
    let found = WangdiantongError::lookup(&Query::new(31337).message("new"));
    assert!(found.error.is_unknown());
    assert_eq!(found.by, By::Unknown);
    let none = WangdiantongError::lookup(
        &Query::new(errcodes::Code::None).message("no code and no known message"),
    );
    assert_eq!(none.by, By::Unknown);
}

#[test]
fn a_sub_code_rule_is_by_sub_code_and_a_sub_code_no_rule_matches_is_unknown() {
    let rule = TopGatewayError::lookup(
        &Query::new(15)
            .message("Remote service error")
            .sub_code("isp.remote-service-error"),
    );
    assert_eq!(rule.error, TopGatewayError::IspServerError);
    assert_eq!(rule.by, By::SubCode);
    assert!(!rule.unknown_sub_code);

    let lacking = TopGatewayError::lookup(
        &Query::new(15)
            .message("Remote service error")
            .sub_code("isv.item-not-exist"),
    );
    assert_ne!(lacking.error, TopGatewayError::IspServerError);
    assert_ne!(lacking.by, By::SubCode);
    assert!(lacking.unknown_sub_code);

    let without = TopGatewayError::lookup(&Query::new(15).message("Remote service error"));
    assert!(!without.unknown_sub_code);
}

/// An error read from a body answers `by`, `fields` and `request_id` as a lookup of its
/// code and message does, though a reader leaves the match of a message that does not
/// choose the entry (a code with one meaning) until it is asked for. Every entry of two
/// specs, each with its own message, a message the spec lacks, and each with the noise
/// WeChat appends.
#[cfg(feature = "json")]
#[test]
fn an_error_read_from_a_body_answers_as_its_lookup() {
    fn check<E>(body: impl Fn(i64, &str) -> String)
    where
        E: Catalog + FromResponse + PlatformError + PartialEq + core::fmt::Debug,
    {
        for entry in E::ALL {
            let Code::Int(code) = entry.code() else {
                continue;
            };
            for text in [entry.message(), "a message the spec lacks"] {
                for message in [text.to_owned(), format!("{text} rid: 6565d0a2-4b7c6f1e")] {
                    let query = Query::new(code).message(&message);
                    let found = E::lookup(&query);
                    let read = E::from_response(body(code, &message).as_bytes())
                        .expect("a body")
                        .expect("an error");
                    assert_eq!(*read.error(), found.error, "{code} {message}");
                    assert_eq!(read.by(), found.by, "{code} {message}");
                    assert_eq!(read.fields(), found.fields, "{code} {message}");
                    let eager = ApiError::<E>::new(&query);
                    assert_eq!(read.request_id(), eager.request_id(), "{code} {message}");
                    assert_eq!(read.by(), eager.by(), "{code} {message}");
                }
            }
        }
    }
    let text = |message: &str| serde_json::to_string(message).expect("text");
    check::<WechatTransactionError>(|code, message| {
        format!(r#"{{"errcode":{code},"errmsg":{}}}"#, text(message))
    });
    check::<WangdiantongError>(|code, message| {
        format!(r#"{{"status":{code},"message":{}}}"#, text(message))
    });
}
