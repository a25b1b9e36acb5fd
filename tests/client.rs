//! `cargo run --example client` runs to completion against its own mock server and makes
//! the decision each platform's error calls for.

#[test]
fn the_client_example_classifies_and_retries_per_class() {
    let mut out = Vec::new();
    errcodes_workspace::client::run(&mut out).expect("the client runs to completion");
    let out = String::from_utf8(out).expect("UTF-8");
    let section = |title: &str| -> Vec<&str> {
        let start = out
            .find(title)
            .unwrap_or_else(|| panic!("no {title:?} in:\n{out}"));
        out[start..]
            .lines()
            .skip(1)
            .take_while(|line| line.starts_with("  "))
            .collect()
    };
    let expect = |title: &str, lines: &[&str]| {
        let got = section(title);
        assert_eq!(got.len(), lines.len(), "{title}:\n{}", got.join("\n"));
        for (got, want) in got.iter().zip(lines) {
            assert!(
                got.starts_with(want),
                "{title}:\n  got  {got}\n  want {want}..."
            );
        }
    };
    expect(
        "wechat_transaction: add a product",
        &[
            "  attempt 1: 40001 InvalidCredential [reauthenticate] -> refresh the token (now TOKEN-2), retry at once",
            "  attempt 2: ok",
            "  => success after 2 attempts",
        ],
    );
    expect(
        "wechat_shop: get an order",
        &[
            "  attempt 1: 300000 FrequencyLimitExceeded [throttled 30s] -> retry in 30.",
            "  attempt 2: ok",
            "  => success after 2 attempts, 30.",
        ],
    );
    expect(
        "wangdiantong: query trades",
        &[
            "  attempt 1: 100 RateLimited [throttled 5m] -> stop",
            "  => gave up: waiting 5m 0.",
            "     hint: 接口调用频率超限",
        ],
    );
    expect(
        "wangdiantong: push goods",
        &[
            "  attempt 1: 100 SpecNoBelongsToDeletedGoods [permanent] -> stop",
            "  => gave up: the error is permanent",
            "     hint: goods_no和spec_no映射关系错误",
        ],
    );
    expect(
        "tiktok_local_services: redeem a voucher",
        &[
            "  attempt 1: -9990400 VoucherRecordReadFailed [transient] -> retry in ",
            "  attempt 2: -3000102 VoucherAlreadyUsed [already_applied] -> already applied",
            "  => success: an earlier attempt did it",
        ],
    );
    expect(
        "aliexpress: fulfil an order",
        &[
            "  attempt 1: -999 SystemError [transient] -> retry in ",
            "  attempt 2: ok",
            "  => success after 2 attempts",
        ],
    );
    expect(
        "aliexpress: query an order",
        &[
            "  attempt 1: 15 Unknown (not in the table) [permanent] -> stop",
            "  => gave up: the error is permanent",
        ],
    );
    assert!(out.ends_with("\ndone\n"), "{out}");
}
