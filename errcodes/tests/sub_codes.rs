//! A sub-code rule yields to a more specific rule of the same family: `isp.call-limited`
//! is a call-rate limit, whatever the `isp.*` rule (a server-side error) says, in a user's
//! spec that extends the shipped TOP table and among rules of every kind in one spec.

use errcodes::prelude::*;
use errcodes::Code;

errcodes::platform_errors!("tests/sub_codes/call_limited.yaml");
errcodes::platform_errors!("tests/sub_codes/family.yaml");

fn found<E: Catalog>(code: Code<'_>, sub_code: &str) -> E {
    E::lookup(
        &Query::new(code)
            .sub_code(sub_code)
            .message("Remote service error"),
    )
    .error
}

#[test]
fn a_users_call_limit_yields_nothing_to_the_shipped_isp_rule() {
    // TOP answers a call limit with code 7, and with a remote error's 15.
    for code in [7, 15, 27] {
        let limited: TopCallLimitedError = found(Code::Int(code), "isp.call-limited");
        assert_eq!(limited, TopCallLimitedError::IspCallLimited, "code {code}");
        assert_eq!(limited.retry_class(), RetryClass::Throttled { wait: None });
        let other: TopCallLimitedError =
            found(Code::Int(code), "isp.top-remote-connection-timeout");
        assert_eq!(other, TopCallLimitedError::IspServerError, "code {code}");
        assert_eq!(other.retry_class(), RetryClass::Transient);
    }
    // Without a sub-code, the code's own entry.
    assert_eq!(
        TopCallLimitedError::from_code(7),
        TopCallLimitedError::AppCallLimited
    );
}

#[test]
fn the_most_specific_rule_of_a_family_wins_whatever_the_spec_order() {
    let any = |sub_code| found::<FamilyError>(Code::Int(7), sub_code);
    assert_eq!(any("isp.call-limited"), FamilyError::CallLimited);
    assert_eq!(
        any("isp.call-limited:daily"),
        FamilyError::CallLimitedTemplate
    );
    assert_eq!(any("isp.call-frequency"), FamilyError::AnyCallLimit);
    assert_eq!(any("isp.unknown-error"), FamilyError::AnyIsp);
    assert_eq!(
        any(" isp.call-limited "),
        FamilyError::CallLimited,
        "trimmed"
    );
    // Not of the family: the code and message decide.
    assert_eq!(any("isv.invalid-parameter"), FamilyError::AppCallLimited);
    assert_eq!(
        any("ISP.CALL-LIMITED"),
        FamilyError::AppCallLimited,
        "sub-codes are case-sensitive"
    );
    assert_eq!(
        FamilyError::CallLimited.retry_class(),
        RetryClass::Throttled {
            wait: Some(std::time::Duration::from_secs(3600))
        }
    );
}

#[test]
fn a_rule_of_the_received_code_comes_before_any_codes_rules() {
    // Code 15 has its own `isp.*` rule: it wins over every rule of any code, even an exact one.
    let remote = |sub_code| found::<FamilyError>(Code::Int(15), sub_code);
    assert_eq!(remote("isp.call-limited"), FamilyError::RemoteIsp);
    assert_eq!(remote("isp.unknown-error"), FamilyError::RemoteIsp);
    assert_eq!(
        remote("isv.invalid-parameter"),
        FamilyError::RemoteServiceError
    );
}
