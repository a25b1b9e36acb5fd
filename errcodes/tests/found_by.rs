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
