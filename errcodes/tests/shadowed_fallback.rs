//! A user's name that takes the name of a shipped code's fallback: the user's build still
//! compiles, the shipped row is left out, and the code keeps its other meanings, with no
//! meaning of its own (`Unknown`) where none of them matches.

#![cfg(feature = "wangdiantong")]

use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::prelude::*;
use errcodes::Code;

errcodes::platform_errors!("tests/specs/shadowed_fallback.yaml");

#[test]
fn the_name_is_the_users() {
    assert_eq!(
        ShadowingError::from_code(9001),
        ShadowingError::InvalidParameter
    );
    assert_eq!(
        ShadowingError::InvalidParameter.retry_class(),
        RetryClass::Transient
    );
    assert_eq!(
        WangdiantongError::from_code(1),
        WangdiantongError::InvalidParameter
    );
}

#[test]
fn the_code_of_the_fallback_left_out_is_unknown_alone() {
    let alone = ShadowingError::from_code(1);
    assert!(alone.is_unknown(), "{alone:?}");
    assert_eq!(alone.code(), Code::Int(1));
    assert_eq!(alone, ShadowingError::from_code("1"));
    assert_eq!(alone.retry_class(), ShadowingError::unknown_retry());
    // The message only the left-out row had is no meaning of code 1 any more.
    assert_eq!(ShadowingError::classify(1, "参数错误"), alone);
}

#[test]
fn the_code_keeps_its_other_meanings() {
    let mut others = 0;
    for below in WangdiantongError::ALL
        .iter()
        .filter(|e| e.codes().contains(&Code::Int(1)))
    {
        if *below == WangdiantongError::InvalidParameter {
            continue;
        }
        let message = below.message();
        let found = ShadowingError::classify(1, message);
        assert_eq!(found.name(), below.name(), "{message}");
        others += 1;
    }
    assert!(others > 1, "code 1 has several entries in wangdiantong");
}

#[cfg(feature = "json")]
#[test]
fn a_response_with_the_code_alone_is_an_unknown_error() {
    let body = r#"{"status":1,"message":"参数错误"}"#;
    let error = ShadowingError::from_response(body)
        .expect("JSON")
        .expect("an error");
    assert!(error.error().is_unknown());
    assert_eq!(error.code(), Code::Int(1));
    let sid = r#"{"status":1,"message":"sid is not exists"}"#;
    let error = ShadowingError::from_response(sid)
        .expect("JSON")
        .expect("an error");
    assert_eq!(error.error().name(), "SidNotExists");
}
