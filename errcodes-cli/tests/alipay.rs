//! The command on the `alipay` platform, a shipped platform whose feature is not on by
//! default: `explain` with a sub-code, `list`, `check` and `diff` work on it as on the others.

mod support;

use support::{errcodes, status, stderr, stdout};

/// The value printed after `label`.
fn field(text: &str, label: &str) -> String {
    text.lines()
        .find_map(|line| {
            line.strip_prefix(label)
                .filter(|rest| rest.starts_with(' '))
        })
        .map(|value| value.trim().to_owned())
        .unwrap_or_else(|| panic!("no `{label}` in:\n{text}"))
}

#[test]
fn explain_chooses_the_entry_by_sub_code() {
    let args = [
        "explain",
        "alipay",
        "20001",
        "--sub-code",
        "aop.auth-token-time-out",
    ];
    let out = errcodes(&args);
    assert_eq!(status(&out), 0);
    let text = stdout(&out);
    assert_eq!(field(&text, "variant"), "AlipayError::AopAuthTokenTimeOut");
    assert!(
        field(&text, "retry").starts_with("reauthenticate"),
        "{text}"
    );
    assert_eq!(field(&text, "hint"), "请刷新授权令牌或重新授权获取新的令牌");

    // Without a sub-code, the code's own entry; with one the table lacks, the same.
    for args in [
        &["explain", "alipay", "20001"][..],
        &[
            "explain",
            "alipay",
            "20001",
            "--sub-code",
            "aop.something-new",
        ],
    ] {
        let text = stdout(&errcodes(args));
        assert_eq!(
            field(&text, "variant"),
            "AlipayError::InsufficientTokenPermissions"
        );
    }
    // A Face-to-Face business sub-code chooses its entry whatever the code.
    let text = stdout(&errcodes(&[
        "explain",
        "alipay",
        "40004",
        "--sub-code",
        "ACQ.TRADE_HAS_SUCCESS",
    ]));
    assert_eq!(field(&text, "variant"), "AlipayError::AcqTradeHasSuccess");
    assert!(
        field(&text, "retry").starts_with("already_applied"),
        "{text}"
    );
    // 40004 is not in the stored gateway table, nor ACQ.TRADE_NOT_EXIST in the business
    // table: Unknown, exit status 1.
    let unknown = errcodes(&[
        "explain",
        "alipay",
        "40004",
        "--sub-code",
        "ACQ.TRADE_NOT_EXIST",
    ]);
    assert_eq!(status(&unknown), 1);
    assert!(stderr(&unknown).contains("AlipayError::Unknown(40004)"));
}

#[test]
fn list_check_and_diff_read_the_spec() {
    let listed = stdout(&errcodes(&["list", "alipay"]));
    assert!(listed.starts_with("alipay: "), "{listed}");
    assert!(listed.contains("32 entries"), "{listed}");
    assert!(listed.contains("[insufficient_token_permissions] 20001 授权权限不足"));

    let checked = errcodes(&["check", "specs/alipay.yaml"]);
    assert_eq!(status(&checked), 0);
    assert_eq!(stdout(&checked).trim(), "specs/alipay.yaml: ok, 32 entries");

    let diffed = errcodes(&["diff", "specs/alipay.yaml", "specs/alipay.yaml"]);
    assert_eq!(status(&diffed), 0);
    assert!(stdout(&diffed).contains("verdict: none"));
}
