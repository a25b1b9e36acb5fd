//! `join: true`: an entry that adds a meaning to a code of a spec it extends, which keeps
//! the code's other meanings and its fallback.

#![cfg(feature = "wangdiantong")]

use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::prelude::*;

errcodes::platform_errors!("tests/specs/join.yaml");

#[test]
fn a_join_adds_a_meaning_and_keeps_every_meaning_below() {
    let found = JoinedError::lookup(&Query::new(100).message("仓库WH-01已停用"));
    assert_eq!(found.error, JoinedError::WarehouseClosed);
    assert_eq!(found.fields.get("warehouse_no"), Some("WH-01"));
    // Every meaning code 100 had in wangdiantong is still there, chosen the same way.
    let rate = "超过每分钟最大调用频率限制，请稍后重试";
    assert_eq!(JoinedError::classify(100, rate), JoinedError::RateLimited);
    for below in WangdiantongError::ALL {
        assert!(
            JoinedError::from_name(below.name()).is_some(),
            "{}",
            below.name()
        );
    }
}

#[test]
fn the_fallback_stays_the_one_below() {
    assert_eq!(JoinedError::from_code(100), JoinedError::ApplicationError);
    assert_eq!(
        JoinedError::classify(100, "一条谁也没见过的消息"),
        JoinedError::ApplicationError
    );
}

#[test]
fn a_join_to_a_code_with_one_meaning_leaves_it_the_code_s_entry() {
    // Code 4 had one entry: from_code keeps it; the joined message is told apart.
    assert_eq!(JoinedError::from_code(4), JoinedError::DatabaseErrorCode4);
    assert_eq!(
        JoinedError::classify(4, "数据库错误"),
        JoinedError::DatabaseErrorCode4
    );
    assert_eq!(
        JoinedError::classify(4, "数据库繁忙"),
        JoinedError::DatabaseBusy
    );
    assert_eq!(
        JoinedError::DatabaseBusy.retry_class(),
        RetryClass::Transient
    );
}
