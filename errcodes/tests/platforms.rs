//! The hard cases of each shipped platform: codes with several meanings and their
//! fallbacks, a row with two codes, a string code, a row with no code, templates met with
//! other values than the table's example, the retry classes the sources state, and TikTok's
//! endpoint, scene and HTTP status.

use std::time::Duration;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::prelude::*;
use errcodes::retry::{Decision, Policy};
use errcodes::{ApiError, Code, RetryClass};

fn throttled(secs: u64) -> RetryClass {
    RetryClass::Throttled {
        wait: Some(Duration::from_secs(secs)),
    }
}

mod wechat_shop {
    use super::*;

    #[test]
    fn frequency_limit_waits_30_seconds() {
        let error = WechatShopError::from_code(300_000);
        assert_eq!(error, WechatShopError::FrequencyLimitExceeded);
        assert_eq!(error.retry_class(), throttled(30));
        assert!(error.retry_class().is_retryable());
    }

    #[test]
    fn codes_shared_by_two_groups_fall_back_to_the_common_meaning() {
        assert_eq!(
            WechatShopError::from_code(100_003),
            WechatShopError::UpdateTargetNotFound
        );
        assert_eq!(
            WechatShopError::from_code(100_004),
            WechatShopError::DeleteTargetNotFound
        );
        let error = WechatShopError::classify(100_003, "Categories already exist");
        assert_eq!(error, WechatShopError::CategoryAlreadyExists);
        assert_eq!(error.group(), Some("item"));
        assert_eq!(
            WechatShopError::classify(100_004, "The category does not exist"),
            WechatShopError::CategoryNotFound
        );
        assert_eq!(
            WechatShopError::classify(100_003, "a message the table does not list"),
            WechatShopError::UpdateTargetNotFound
        );
        assert_eq!(WechatShopError::from_code(100_003).group(), Some("common"));
    }

    #[test]
    fn negative_code_from_number_and_text() {
        let error = WechatShopError::from_code(-30_000);
        assert_eq!(error, WechatShopError::WrongInterfaceForAuditStatus);
        assert_eq!(WechatShopError::from_code(" -30000 "), error);
        assert_eq!(error.code(), -30_000);
        assert_eq!(
            error.to_string(),
            "-30000: If you can do this, check the audit status and call the correct interface"
        );
    }

    #[test]
    fn already_shipped_counts_a_retried_shipment_as_done() {
        let error = WechatShopError::from_code(109_001);
        assert_eq!(error, WechatShopError::AlreadyShipped);
        assert_eq!(error.retry_class(), RetryClass::AlreadyApplied);
    }

    #[test]
    fn unknown_codes_keep_the_code_received() {
        let error = WechatShopError::from_code(4_242_424);
        assert!(error.is_unknown());
        assert_eq!(error.code(), 4_242_424);
        assert_eq!(error.retry_class(), RetryClass::Permanent);
        assert_eq!(error.to_string(), "4242424: unknown error code");
    }
}

mod wechat_transaction {
    use super::*;

    #[test]
    fn daily_quota_waits_a_day_and_the_instant_limit_has_no_stated_wait() {
        let daily = WechatTransactionError::from_code(45009);
        assert_eq!(daily, WechatTransactionError::DailyQuotaExceeded);
        assert_eq!(daily.retry_class(), throttled(86_400));
        let instant = WechatTransactionError::from_code(300_000);
        assert_eq!(instant, WechatTransactionError::RequestFrequencyTooHigh);
        assert_eq!(instant.retry_class(), RetryClass::Throttled { wait: None });
        assert_eq!(
            WechatTransactionError::from_code(990_010).retry_class(),
            RetryClass::Transient
        );
    }

    #[test]
    fn one_row_with_two_codes_is_one_unit_variant_and_an_api_error_keeps_the_code_received() {
        let first = WechatTransactionError::from_code(990_001);
        let second = WechatTransactionError::from_code(990_002);
        assert_eq!(first, second, "one row of the table, one value");
        assert_eq!(second, WechatTransactionError::InvalidOpenid);
        assert_eq!(second.code(), 990_001, "the first code");
        assert_eq!(second.codes(), [990_001, 990_002]);
        assert_eq!(second.message(), "OPEN ILLEGAL");
        assert_eq!(second.to_string(), "990001: OPEN ILLEGAL");
        assert_eq!(
            WechatTransactionError::classify(990_002, "OPEN ILLEGAL"),
            second
        );
        assert_eq!(WechatTransactionError::from(990_002), second);
        let received =
            ApiError::<WechatTransactionError>::new(&Query::new(990_002).message("OPEN ILLEGAL"));
        assert_eq!(*received.error(), WechatTransactionError::InvalidOpenid);
        assert_eq!(received.code(), 990_002, "the code received");
        assert_eq!(received.to_string(), "990002: OPEN ILLEGAL");
    }
}

mod wangdiantong {
    use super::*;

    #[test]
    fn codes_with_many_meanings_fall_back_to_the_generic_row() {
        assert_eq!(
            WangdiantongError::from_code(100),
            WangdiantongError::ApplicationError
        );
        assert_eq!(WangdiantongError::from_code(100).message(), "应用错误");
        assert_eq!(
            WangdiantongError::from_code(1),
            WangdiantongError::InvalidParameter
        );
        assert_eq!(
            WangdiantongError::classify(100, "a message the table does not list"),
            WangdiantongError::ApplicationError
        );
        assert_eq!(
            WangdiantongError::classify(1, "sid is not exists"),
            WangdiantongError::SidNotExists
        );
    }

    #[test]
    fn rate_limits_rest_the_api_five_minutes() {
        for (message, expected) in [
            (
                "超过每分钟最大调用频率限制，请稍后重试",
                WangdiantongError::RateLimited,
            ),
            (
                "超过每分钟最大并发次数限制，请稍后重试",
                WangdiantongError::ConcurrencyLimited,
            ),
            // Half-width punctuation, as a client may log it, compares equal.
            (
                "超过每分钟最大调用频率限制,请稍后重试",
                WangdiantongError::RateLimited,
            ),
        ] {
            let error = WangdiantongError::classify(100, message);
            assert_eq!(error, expected, "{message}");
            assert_eq!(error.retry_class(), throttled(300));
        }
    }

    #[test]
    fn placeholders_match_other_values_than_the_tables_example() {
        type Case = (
            i64,
            &'static str,
            WangdiantongError,
            &'static [(&'static str, &'static str)],
        );
        let cases: &[Case] = &[
            (
                100,
                "Unparseable date: 2024-12-31T08:00:00+08:00",
                WangdiantongError::UnparseableDate,
                &[("date", "2024-12-31T08:00:00+08:00")],
            ),
            (
                1,
                "For input string: \"1700000000000\"",
                WangdiantongError::InvalidNumericInput,
                &[("input", "1700000000000")],
            ),
            (
                100,
                "不存在物流编码为 SF-EXPRESS 的物流公司或业务类型错误!",
                WangdiantongError::LogisticsNotFoundOrWrongBusinessType,
                &[("logistics_no", "SF-EXPRESS")],
            ),
            (
                2,
                "goods_no",
                WangdiantongError::UnexpectedParameter,
                &[("parameter", "goods_no")],
            ),
            (
                100,
                "商家编码SKU-9已存在,但货品不存在或已删除,货品编号: G-100",
                WangdiantongError::SpecNoBelongsToDeletedGoods,
                &[("spec_no", "SKU-9"), ("goods_no", "G-100")],
            ),
            (
                100,
                "下单时间非法,原始单号为：TB20240101",
                WangdiantongError::InvalidTradeTime,
                &[("original_order_no", "TB20240101")],
            ),
            (
                100,
                "不存在的退货原因:包装破损",
                WangdiantongError::ReasonNotFound,
                &[("reason_kind", "退货"), ("reason", "包装破损")],
            ),
            (
                100,
                "员工王五 不存在或已删除!",
                WangdiantongError::EmployeeNotFoundOrDeleted,
                &[("employee", "王五")],
            ),
            (
                100,
                "此方法仅支持分页查询：sales.trade.query",
                WangdiantongError::PaginationRequired,
                &[("method", "sales.trade.query")],
            ),
            (
                100,
                "shop_nomust not be null",
                WangdiantongError::FieldMustNotBeNull,
                &[("field", "shop_no")],
            ),
            (
                100,
                "remark不能为空",
                WangdiantongError::FieldRequired,
                &[("field", "remark")],
            ),
        ];
        for (code, message, expected, fields) in cases {
            let found = WangdiantongError::lookup(&Query::new(*code).message(message));
            assert_eq!(&found.error, expected, "{message}");
            assert_eq!(
                found.fields.iter().collect::<Vec<_>>(),
                *fields,
                "{message}"
            );
        }
    }

    #[test]
    fn a_reused_outer_no_means_the_document_exists() {
        let error = WangdiantongError::classify(100, "此外部单已使用!");
        assert_eq!(error, WangdiantongError::OuterNoAlreadyUsed);
        assert_eq!(error.retry_class(), RetryClass::AlreadyApplied);
    }
}

mod tiktok_local_services {
    use super::*;

    const FULFILL_CORE: &str =
        "Redemption interface failed (error in fulfill_core layer logic execution).";

    #[test]
    fn the_row_without_a_code_is_reached_by_message_with_any_code() {
        for code in [0, -3_000_105, -9_990_202, 12_345] {
            let error = TiktokLocalServicesError::classify(code, FULFILL_CORE);
            assert!(
                matches!(error, TiktokLocalServicesError::FulfillCoreLogicFailed),
                "{code}: {error:?}"
            );
            assert_eq!(error.code(), Code::None, "the entry has no code");
            let received =
                ApiError::<TiktokLocalServicesError>::new(&Query::new(code).message(FULFILL_CORE));
            assert_eq!(*received.error(), error);
            assert_eq!(received.code(), code, "an ApiError keeps the code received");
            assert_eq!(error.retry_class(), RetryClass::Transient);
            assert_eq!(error.scene(), Some("Write-off"));
        }
        let listed = TiktokLocalServicesError::ALL
            .iter()
            .find(|error| error.name() == "FulfillCoreLogicFailed")
            .expect("listed in ALL");
        assert_eq!(listed.code(), Code::None);
        assert!(TiktokLocalServicesError::from_code(0).is_unknown());
    }

    #[test]
    fn reused_codes_fall_back_to_their_most_general_meaning() {
        for (code, expected) in [
            (
                -9_990_202,
                TiktokLocalServicesError::PerformanceVoucherInfoQueryFailed,
            ),
            (
                -9_990_001,
                TiktokLocalServicesError::ParameterVerificationFailed,
            ),
            (
                -3_000_000,
                TiktokLocalServicesError::CodeItemListVerifierNoStorePermission,
            ),
            (-3_000_108, TiktokLocalServicesError::VoucherRefunded),
        ] {
            assert_eq!(TiktokLocalServicesError::from_code(code), expected);
            assert_eq!(
                TiktokLocalServicesError::classify(code, "not a message of the table"),
                expected
            );
        }
        assert_eq!(
            TiktokLocalServicesError::classify(-9_990_202, "Failed to query the product."),
            TiktokLocalServicesError::ProductQueryFailed
        );
    }

    #[test]
    fn blocks_give_the_retry_class_and_rows_override_it_where_their_meaning_says_so() {
        use TiktokLocalServicesError as E;
        for (error, class) in [
            // Block defaults.
            (E::InputCodeNotInteger, RetryClass::Permanent),
            (E::ProductQueryFailed, RetryClass::Transient),
            (E::ParameterVerificationFailed, RetryClass::Permanent),
            (E::RedemptionIdGenerationFailed, RetryClass::Transient),
            (E::RedemptionDataUpdateFailed, RetryClass::Transient),
            // Overrides in the retryable blocks.
            (E::VoucherAlreadyUsed, RetryClass::AlreadyApplied),
            (E::ExecutionOrderAlreadyUsed, RetryClass::AlreadyApplied),
            (E::VoucherExpired, RetryClass::Permanent),
            (E::VoucherRefunded, RetryClass::Permanent),
            (E::QrCodeScreenshotExpired, RetryClass::Permanent),
        ] {
            assert_eq!(error.retry_class(), class, "{error:?}");
        }
        let used = E::classify(
            -3_000_102,
            "Voucher: redemption code has already been used.",
        );
        assert_eq!(used, E::VoucherAlreadyUsed);
        let expired = E::classify(-3_000_101, "Execution order: execution order has expired.");
        assert_eq!(expired, E::ExecutionOrderExpired);
        assert!(!expired.retry_class().is_retryable());
    }

    #[test]
    fn endpoint_scene_and_http_status_are_carried() {
        use TiktokLocalServicesError as E;
        let scan = E::classify(-3_000_110, "Scan code: QR code decryption failed.");
        assert_eq!(scan, E::QrCodeDecryptionFailed);
        assert_eq!(scan.scene(), Some("Scan the QR code"));
        assert_eq!(
            scan.endpoint(),
            Some("/v2/localservice/saas/fulfill/get_code_item_list/")
        );
        assert_eq!(scan.http_status(), Some(500));
        assert_eq!(
            scan.hint(),
            Some(
                "Retry probability is successful. It is recommended to retry in place. If it \
                 still fails, contact TTLS with log ID."
            )
        );
        let redeem = E::from_code(-9_990_452);
        assert_eq!(
            redeem.endpoint(),
            Some("/v2/localservice/saas/fulfill/redeem_code/")
        );
        assert_eq!(redeem.scene(), Some("Write-off"));
        assert_eq!(redeem.http_status(), Some(500));
        assert!(E::from_code(1).is_unknown());
        assert_eq!(E::from_code(1).http_status(), None);
    }

    #[test]
    fn a_row_repeated_under_both_endpoints_classifies_with_its_code() {
        let text = "Parameter verification failed (not triggered when the merchant initiates \
                    the expectation, triggered by the interface dimension test).";
        let error = TiktokLocalServicesError::classify(-9_990_001, text);
        assert_eq!(error.code(), -9_990_001);
        assert_eq!(error.message(), text);
        assert_eq!(error.retry_class(), RetryClass::Permanent);
        let both: Vec<&str> = TiktokLocalServicesError::ALL
            .iter()
            .filter(|entry| entry.message() == text)
            .filter_map(TiktokLocalServicesError::endpoint)
            .collect();
        assert_eq!(
            both,
            [
                "/v2/localservice/saas/fulfill/get_code_item_list/",
                "/v2/localservice/saas/fulfill/redeem_code/"
            ]
        );
    }

    #[test]
    fn lookup_with_an_endpoint_picks_the_entry_documented_for_it() {
        use TiktokLocalServicesError as E;
        const LIST: &str = "/v2/localservice/saas/fulfill/get_code_item_list/";
        const REDEEM: &str = "/v2/localservice/saas/fulfill/redeem_code/";
        let cases = [
            (
                -3_000_000,
                "The verifier has no permission for this store.",
                E::CodeItemListVerifierNoStorePermission,
                E::RedeemVerifierNoStorePermission,
            ),
            (
                -9_990_001,
                "Parameter verification failed (not triggered when the merchant initiates the expectation, triggered by the interface dimension test).",
                E::CodeItemListParameterVerificationFailed,
                E::RedeemParameterVerificationFailed,
            ),
            (
                -9_990_202,
                "Failed to obtain the store permission of the verifier.",
                E::CodeItemListVerifierStorePermissionQueryFailed,
                E::RedeemVerifierStorePermissionQueryFailed,
            ),
        ];
        for (code, message, list, redeem) in cases {
            assert_eq!(
                E::lookup(&Query::new(code).message(message).endpoint(LIST)).error,
                list
            );
            assert_eq!(
                E::lookup(&Query::new(code).message(message).endpoint(REDEEM)).error,
                redeem
            );
            assert_eq!(
                E::lookup(
                    &Query::new(code)
                        .message(message)
                        .endpoint(REDEEM.trim_end_matches('/'))
                )
                .error,
                redeem
            );
            assert_eq!(
                E::lookup(&Query::new(code).message(message).endpoint(REDEEM))
                    .error
                    .endpoint(),
                Some(REDEEM)
            );
            assert_eq!(
                E::lookup(&Query::new(code).message(message).endpoint("/elsewhere")).error,
                E::classify(code, message)
            );
        }
        // Where the message has no twin, the endpoint changes nothing.
        let expired = "Voucher: redemption code has expired.";
        assert_eq!(
            E::lookup(&Query::new(-3_000_101).message(expired).endpoint(LIST)).error,
            E::classify(-3_000_101, expired)
        );
    }
}

mod aliexpress {
    use super::*;

    #[test]
    fn code_999_falls_back_to_the_system_error() {
        let error = AliexpressError::from_code(-999);
        assert_eq!(error, AliexpressError::SystemError);
        assert_eq!(error.retry_class(), RetryClass::Transient);
        assert_eq!(
            AliexpressError::classify(-999, "该物流方案不存在,请选择有效的物流方案后重试。"),
            AliexpressError::LogisticsServiceNotFound
        );
        // The source's message ends with a no-break space; the platform's may too.
        assert_eq!(
            AliexpressError::classify(-999, "系统异常,请稍候重试\u{a0}"),
            AliexpressError::SystemError
        );
    }

    #[test]
    fn shipment_notice_already_filled_in_is_already_applied() {
        for (message, expected) in [
            (
                "该交易订单已填写发货通知,无需重复操作。",
                AliexpressError::ShipmentNoticeAlreadySubmitted,
            ),
            (
                "该交易订单已填写发货通知,数据更新中,请您耐心等待,无需重复操作。",
                AliexpressError::ShipmentNoticeAlreadySubmittedUpdating,
            ),
        ] {
            let error = AliexpressError::classify(-999, message);
            assert_eq!(error, expected);
            assert_eq!(error.retry_class(), RetryClass::AlreadyApplied);
            assert!(!error.retry_class().is_retryable());
        }
    }

    #[test]
    fn code_minus_1_takes_any_message() {
        let found =
            AliexpressError::lookup(&Query::new(-1).message("java.lang.NullPointerException"));
        assert_eq!(found.error, AliexpressError::RequestValidationInternalError);
        assert_eq!(
            found.fields.get("message"),
            Some("java.lang.NullPointerException")
        );
        assert_eq!(found.error.retry_class(), RetryClass::Transient);
    }

    #[test]
    fn the_string_code_is_read_by_from_code_from_str_and_classify() {
        let code = "F00-00-10013-002";
        let error = AliexpressError::from_code(code);
        assert_eq!(error, AliexpressError::OrderFulfillSystemError);
        assert_eq!(error.code(), code);
        assert_eq!(code.parse::<AliexpressError>(), Ok(error.clone()));
        assert_eq!(
            " F00-00-10013-002 ".parse::<AliexpressError>(),
            Ok(error.clone())
        );
        assert_eq!(
            AliexpressError::classify(code, "Order fulfill system error. Please try again later"),
            error
        );
        assert_eq!(error.retry_class(), RetryClass::Transient);
        assert_eq!(
            error.to_string(),
            "F00-00-10013-002: Order fulfill system error. Please try again later"
        );
        assert_eq!(
            AliexpressError::from_code("-999"),
            AliexpressError::SystemError
        );

        let unknown = AliexpressError::from_code("F00-00-10013-999");
        assert!(unknown.is_unknown());
        assert_eq!(unknown.code(), "F00-00-10013-999");
    }
}

#[test]
fn one_retry_loop_serves_every_platform() {
    let errors: [(&dyn PlatformError, &str, RetryClass); 5] = [
        (
            &WechatShopError::from_code(300_000),
            "wechat_shop",
            throttled(30),
        ),
        (
            &WechatTransactionError::from_code(45009),
            "wechat_transaction",
            throttled(86_400),
        ),
        (
            &WangdiantongError::classify(100, "超过每分钟最大调用频率限制，请稍后重试"),
            "wangdiantong",
            throttled(300),
        ),
        (
            &TiktokLocalServicesError::from_code(-9_990_202),
            "tiktok_local_services",
            RetryClass::Transient,
        ),
        (
            &AliexpressError::from_code("F00-00-10013-002"),
            "aliexpress",
            RetryClass::Transient,
        ),
    ];
    // One policy, fed each platform's error through the trait alone.
    let policy = Policy::new().deadline(Duration::from_secs(2 * 86_400));
    for (error, platform, class) in errors {
        assert_eq!(error.platform(), platform);
        assert_eq!(error.retry_class(), class, "{platform}");
        assert!(!error.is_unknown());
        let decision = policy.start().next(error.retry_class(), Duration::ZERO);
        let Decision::Retry { after } = decision else {
            panic!("{platform}: {decision:?}");
        };
        match class {
            RetryClass::Throttled { wait: Some(wait) } => assert!(after >= wait, "{platform}"),
            _ => assert!(after <= Duration::from_millis(200), "{platform}: {after:?}"),
        }
    }
}
