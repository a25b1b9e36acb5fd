//! A spec loaded at run time answers exactly as its generated enum does: every shipped
//! spec's rows (each code, as an integer and as text; each message, filled in, with noise,
//! unmatched or missing; each sub-code rule; each endpoint) and every line of the response
//! corpus (`tests/fixtures/responses/**/*.jsonl`, read by every shipped platform, as bytes
//! and as a `serde_json::Value`, with and without its status) go through both, and every
//! answer is compared: the entry's name, codes, messages, hints, retry class, group, HTTP
//! status, endpoint, scene and field names, the fields matched, how the entry was chosen,
//! and what an `ApiError` keeps (code, message, sub-code, request id, status, its record).

use std::fmt::Write as _;
use std::path::Path;

use errcodes::platforms::{
    aliexpress::AliexpressError, tiktok_global::TiktokGlobalError,
    tiktok_local_services::TiktokLocalServicesError, top_gateway::TopGatewayError,
    wangdiantong::WangdiantongError, wechat_global::WechatGlobalError,
    wechat_shop::WechatShopError, wechat_transaction::WechatTransactionError,
};
use errcodes::prelude::*;
use errcodes::response::ResponseError;
use errcodes::runtime::{Table, Variant};
use errcodes::{ApiError, Code, Fields, Found, Lang};
use errcodes_spec::ast::{self, SubCode};
use serde_json::Value;

/// Runs `$check::<Enum>(name)` for every shipped platform, and checks that the list is
/// every spec errcodes ships.
macro_rules! every_shipped {
    ($check:ident) => {{
        #[allow(unused_mut)]
        let mut checked = vec![
            $check::<AliexpressError>("aliexpress"),
            $check::<TiktokGlobalError>("tiktok_global"),
            $check::<TiktokLocalServicesError>("tiktok_local_services"),
            $check::<TopGatewayError>("top_gateway"),
            $check::<WangdiantongError>("wangdiantong"),
            $check::<WechatGlobalError>("wechat_global"),
            $check::<WechatShopError>("wechat_shop"),
            $check::<WechatTransactionError>("wechat_transaction"),
        ];
        // The opt-in platforms, when their feature is on.
        #[cfg(feature = "alipay")]
        checked.push($check::<errcodes::platforms::alipay::AlipayError>("alipay"));
        #[cfg(feature = "wechat_pay_v3")]
        checked
            .push($check::<errcodes::platforms::wechat_pay_v3::WechatPayV3Error>("wechat_pay_v3"));
        #[cfg(feature = "wechat_channels_store")]
        checked.push($check::<
            errcodes::platforms::wechat_channels_store::WechatChannelsStoreError,
        >("wechat_channels_store"));
        #[cfg(feature = "tiktok_shop")]
        checked.push($check::<errcodes::platforms::tiktok_shop::TiktokShopError>(
            "tiktok_shop",
        ));
        #[cfg(feature = "shopee")]
        checked.push($check::<errcodes::platforms::shopee::ShopeeError>("shopee"));
        #[cfg(feature = "lazada")]
        checked.push($check::<errcodes::platforms::lazada::LazadaError>("lazada"));
        #[cfg(feature = "amazon_sp_api")]
        checked
            .push($check::<errcodes::platforms::amazon_sp_api::AmazonSpApiError>("amazon_sp_api"));
        #[cfg(feature = "jd_daojia")]
        checked.push($check::<errcodes::platforms::jd_daojia::JdDaojiaError>(
            "jd_daojia",
        ));
        let mut names: Vec<&str> = checked.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        let mut shipped: Vec<&str> = Table::shipped_names()
            .filter(|name| *name != "alipay" || cfg!(feature = "alipay"))
            .filter(|name| *name != "wechat_pay_v3" || cfg!(feature = "wechat_pay_v3"))
            .filter(|name| {
                *name != "wechat_channels_store" || cfg!(feature = "wechat_channels_store")
            })
            .filter(|name| *name != "tiktok_shop" || cfg!(feature = "tiktok_shop"))
            .filter(|name| *name != "shopee" || cfg!(feature = "shopee"))
            .filter(|name| *name != "lazada" || cfg!(feature = "lazada"))
            .filter(|name| *name != "amazon_sp_api" || cfg!(feature = "amazon_sp_api"))
            .filter(|name| *name != "jd_daojia" || cfg!(feature = "jd_daojia"))
            .collect();
        shipped.sort_unstable();
        assert_eq!(
            names, shipped,
            "add every shipped platform to every_shipped! in errcodes/tests/runtime_same.rs"
        );
        checked
    }};
}

/// Everything a value says of itself, as text, so that two can be compared at once.
fn describe<P: PlatformError + ?Sized>(error: &P) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "platform {} | name {} | code {} | codes {:?} | message {:?} | zh {:?} | en {:?} | \
         hint {:?} | hint zh {:?} | hint en {:?} | retry {} | group {:?} | http {:?} | \
         endpoint {:?} | scene {:?} | fields {:?} | unknown {} | request id {:?} | shown {}",
        error.platform(),
        error.name(),
        error.code(),
        error
            .codes()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        error.message(),
        error.message_in(Lang::Zh),
        error.message_in(Lang::En),
        error.hint(),
        error.hint_in(Lang::Zh),
        error.hint_in(Lang::En),
        error.retry_class(),
        error.group(),
        error.http_status(),
        error.endpoint(),
        error.scene(),
        error.field_names(),
        error.is_unknown(),
        error.request_id(),
        error,
    );
    out
}

fn fields(fields: &Fields<'_>) -> String {
    format!("{:?}", fields.iter().collect::<Vec<_>>())
}

fn found<E: PlatformError>(found: &Found<'_, E>) -> String {
    format!(
        "{} | {} | by {:?} | unknown sub-code {}",
        describe(&found.error),
        fields(&found.fields),
        found.by,
        found.unknown_sub_code
    )
}

/// A code as received, owned.
#[derive(Debug, Clone)]
enum Received {
    Int(i64),
    Text(String),
    None,
}

impl Received {
    fn code(&self) -> Code<'_> {
        match self {
            Received::Int(code) => Code::Int(*code),
            Received::Text(code) => Code::Str(code),
            Received::None => Code::None,
        }
    }
}

/// A query, owned.
#[derive(Debug)]
struct Asked {
    code: Received,
    message: String,
    sub_code: Option<String>,
    endpoint: Option<String>,
}

impl Asked {
    fn query(&self) -> Query<'_> {
        let mut query = Query::new(self.code.code()).message(&self.message);
        if let Some(sub_code) = &self.sub_code {
            query = query.sub_code(sub_code);
        }
        if let Some(endpoint) = &self.endpoint {
            query = query.endpoint(endpoint);
        }
        query
    }
}

/// A template's message with its fields filled in.
fn filled(template: &ast::Template, with: &str) -> String {
    let mut out = template.lits[0].clone();
    for (n, lit) in template.lits[1..].iter().enumerate() {
        let _ = write!(out, "{with}{n}");
        out.push_str(lit);
    }
    out
}

/// What an entry may be received as: each of its codes (an integer also as text), or no
/// code; its messages filled in, with WeChat's noise, unmatched and missing; its sub-code
/// rule's sub-codes; its endpoint.
fn queries_of(entry: &ast::Entry) -> Vec<Asked> {
    let mut codes: Vec<Received> = entry
        .codes
        .iter()
        .flat_map(|code| match code {
            ast::Code::Int(code) => vec![Received::Int(*code), Received::Text(format!(" {code}"))],
            ast::Code::Str(code) => vec![Received::Text(code.clone())],
        })
        .collect();
    if codes.is_empty() {
        codes.push(Received::None);
    }
    let mut messages: Vec<String> = entry
        .templates
        .iter()
        .flat_map(|template| {
            let text = filled(template, "A-");
            [
                template.display(),
                format!("{text} rid: 6565d0a2-4b7c6f1e"),
                text.to_uppercase(),
                text,
            ]
        })
        .collect();
    messages.extend(["".to_owned(), "a message no spec has".to_owned()]);
    let sub_codes = match &entry.sub_code {
        None => vec![None, Some("isv.no-such-rule".to_owned())],
        Some(SubCode::Exact(code)) => vec![None, Some(code.clone())],
        Some(SubCode::Prefix(prefix)) => vec![None, Some(format!("{prefix}more"))],
        Some(SubCode::Template(template)) => vec![None, Some(filled(template, "x"))],
    };
    let endpoints = match &entry.endpoint {
        None => vec![None],
        Some(endpoint) => vec![None, Some(endpoint.clone()), Some(format!("{endpoint}/"))],
    };
    let mut asked = Vec::new();
    for code in &codes {
        for message in &messages {
            for sub_code in &sub_codes {
                for endpoint in &endpoints {
                    asked.push(Asked {
                        code: code.clone(),
                        message: message.clone(),
                        sub_code: sub_code.clone(),
                        endpoint: endpoint.clone(),
                    });
                }
            }
        }
    }
    asked
}

/// Codes no shipped spec has, and text that is no code.
fn strangers() -> Vec<Asked> {
    let codes = [
        Received::Int(987_654_321),
        Received::Int(i64::MIN),
        Received::Text("0042".to_owned()),
        Received::Text("ZZZ-not-a-code".to_owned()),
        Received::Text(String::new()),
        Received::None,
    ];
    codes
        .into_iter()
        .map(|code| Asked {
            code,
            message: "system error".to_owned(),
            sub_code: None,
            endpoint: None,
        })
        .collect()
}

/// Every row of shipped spec `name` through `E` and through its run-time table: the
/// number of queries compared.
fn rows<E: Catalog>(name: &'static str) -> (&'static str, usize) {
    let table = Table::shipped(name).expect("a shipped spec loads");
    let spec = errcodes_spec::read_shipped(name)
        .expect("shipped")
        .expect("checks");
    assert_eq!(table.platform(), E::PLATFORM);
    assert_eq!(table.title(), E::TITLE);
    assert_eq!(table.source(), E::SOURCE);
    assert_eq!(table.groups(), E::GROUPS);
    assert_eq!(table.unknown_retry(), E::unknown_retry());
    let all: Vec<String> = E::ALL.iter().map(describe).collect();
    let variants: Vec<String> = table.variants().map(|v| describe(&v)).collect();
    assert_eq!(all, variants, "{name}: ALL");
    for variant in E::ALL {
        let by_name = table.from_name(variant.name()).expect("the name");
        assert_eq!(describe(variant), describe(&by_name));
    }
    let mut asked: Vec<Asked> = spec.entries.iter().flat_map(queries_of).collect();
    asked.extend(strangers());
    let mut problems = Vec::new();
    for one in &asked {
        let query = one.query();
        let compiled = [
            describe(&E::from_code(query.code)),
            describe(&E::classify(query.code, query.message)),
            found(&E::lookup(&query)),
        ];
        let run_time = [
            describe(&table.from_code(query.code)),
            describe(&table.classify(query.code, query.message)),
            found(&table.lookup(&query)),
        ];
        for (compiled, run_time) in compiled.iter().zip(&run_time) {
            if compiled != run_time {
                problems.push(format!("{name} {one:?}:\n  {compiled}\n  {run_time}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    (name, asked.len())
}

#[test]
fn every_shipped_row_answers_as_the_generated_enum() {
    for (name, count) in every_shipped!(rows) {
        assert!(count >= 50, "{name}: only {count} queries");
    }
}

/// One line of the corpus: its status and body.
struct Line {
    at: String,
    status: Option<u16>,
    body: String,
}

fn corpus() -> Vec<Line> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/responses");
    let mut files = Vec::new();
    let mut dirs = vec![dir];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("the corpus") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "jsonl") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut lines = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: Value = serde_json::from_str(line).expect("a JSON line");
            lines.push(Line {
                at: format!("{}:{}", file.display(), n + 1),
                status: value["status"].as_u64().and_then(|s| u16::try_from(s).ok()),
                // A body is JSON text; a line may give it as a JSON value instead.
                body: value["body"]
                    .as_str()
                    .map_or_else(|| value["body"].to_string(), str::to_owned),
            });
        }
    }
    lines
}

fn read<E: PlatformError + 'static>(read: Result<Option<ApiError<E>>, ResponseError>) -> String {
    match read {
        Ok(None) => "success".to_owned(),
        Err(error) => format!("{:?}: {error}", error.kind()),
        Ok(Some(error)) => kept(&error),
    }
}

/// A check's outcome: success, or the error with its retry class.
fn checked<E: PlatformError + 'static>(
    checked: Result<(), errcodes::response::Error<E>>,
) -> String {
    match checked {
        Ok(()) => "success".to_owned(),
        Err(error) => format!(
            "{:?} | {}",
            error.retry_class(),
            match &error {
                errcodes::response::Error::Api(error) => kept(error),
                other => other.to_string(),
            }
        ),
    }
}

/// Everything an `ApiError` keeps, and the errors read beside it.
fn kept<E: PlatformError + 'static>(error: &ApiError<E>) -> String {
    format!(
        "{} | {} | sub-code {:?} | sub-message {:?} | status {:?} | wait {:?} | by {:?} | \
         unknown sub-code {} | level {} | error {} | record {} | others [{}]",
        describe(error),
        fields(&error.fields()),
        error.sub_code(),
        error.sub_message(),
        error.status(),
        error.retry_after(),
        error.by(),
        error.has_unknown_sub_code(),
        error.level(),
        describe(error.error()),
        serde_json::to_string(error).expect("a record"),
        error
            .others()
            .iter()
            .map(kept)
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// Every corpus line read by `E` and by its run-time table: as bytes and as a `Value`,
/// without its status and with it (or with 200 and 503 where it has none).
fn responses<E: FromResponse>(name: &'static str) -> (&'static str, usize) {
    let table = Table::shipped(name).expect("a shipped spec loads");
    let mut problems = Vec::new();
    let lines = corpus();
    for line in &lines {
        let value: Option<Value> = serde_json::from_str(&line.body).ok();
        let statuses = match line.status {
            Some(status) => vec![status],
            None => vec![200, 503],
        };
        let mut pairs = vec![(
            read(E::from_response(line.body.as_bytes())),
            read(table.from_response(line.body.as_bytes())),
        )];
        if let Some(value) = &value {
            pairs.push((
                read(E::from_response(value)),
                read(table.from_response(value)),
            ));
        }
        pairs.push((
            checked(E::check_response(line.body.as_bytes())),
            checked(table.check_response(line.body.as_bytes())),
        ));
        for status in statuses {
            pairs.push((
                read(E::from_http(status, &line.body)),
                read(table.from_http(status, &line.body)),
            ));
            pairs.push((
                checked(E::check_http(status, &line.body)),
                checked(table.check_http(status, &line.body)),
            ));
        }
        for (compiled, run_time) in pairs {
            if compiled != run_time {
                problems.push(format!("{name} {}:\n  {compiled}\n  {run_time}", line.at));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    (name, lines.len())
}

#[test]
fn every_corpus_line_reads_as_through_the_generated_enum() {
    for (name, count) in every_shipped!(responses) {
        assert!(count >= 40, "{name}: only {count} lines");
    }
}

/// The comparison sees a difference where there is one.
#[test]
fn a_different_table_is_told_apart() {
    let shop = Table::shipped("wechat_shop").expect("shipped");
    let other: Variant = Table::shipped("wechat_transaction")
        .expect("shipped")
        .from_code(45009);
    assert_ne!(describe(&shop.from_code(45009)), describe(&other));
    assert_ne!(
        describe(&WechatShopError::from_code(100003)),
        describe(&shop.classify(100003, "Categories already exist"))
    );
}

/// Bodies whose envelope path goes through JSON text (`data@json.code`, JD Daojia's second
/// level) read as through the generated enum: as bytes and as a `Value`, with and without a
/// status. The corpus has no JD Daojia error body, so these are built.
#[cfg(feature = "jd_daojia")]
#[test]
fn json_text_reads_as_through_the_generated_enum() {
    use errcodes::platforms::jd_daojia::JdDaojiaError as E;
    let table = Table::shipped("jd_daojia").expect("a shipped spec loads");
    let inner =
        |data: &str| serde_json::json!({"code": "0", "msg": "操作成功", "data": data}).to_string();
    let mut bodies: Vec<String> = [
        r#"{"code":"310","msg":"订单不存在"}"#,
        r#"{"code":"0","msg":"成功","result":{"a":1}}"#,
        r#"{"code":-1,"msg":"失败"}"#,
        r#"{"code":"1","code":"0"}"#,
        r#"{"msg":"系统繁忙"}"#,
        r#"{"code":null}"#,
        r#"{"code":[1]}"#,
        r#"{"code":"2","msg":{"x":1}}"#,
        "",
        " ",
        "not json",
        r#"{"code":"310"} trailing"#,
        "[]",
    ]
    .iter()
    .map(|data| inner(data))
    .collect();
    bodies.push(r#"{"code":"0","msg":"success","data":""}"#.to_owned());
    bodies.push(r#"{"code":"0","data":{"code":"310"}}"#.to_owned());
    bodies.push(r#"{"code":"0","data":"{\"code\":\"\\u0033\",\"msg\":\"\\u4e1a\"}"}"#.to_owned());
    let mut problems = Vec::new();
    for body in &bodies {
        let value: Value = serde_json::from_str(body).expect("JSON");
        let pairs = [
            (
                read(E::from_response(body.as_bytes())),
                read(table.from_response(body.as_bytes())),
            ),
            (
                read(E::from_response(&value)),
                read(table.from_response(&value)),
            ),
            (
                read(E::from_http(200, body)),
                read(table.from_http(200, body)),
            ),
            (
                read(E::from_http(503, body)),
                read(table.from_http(503, body)),
            ),
        ];
        for (compiled, run_time) in pairs {
            if compiled != run_time {
                problems.push(format!("{body}:\n  {compiled}\n  {run_time}"));
            }
        }
        // Bytes and a `Value` agree too.
        assert_eq!(
            read(E::from_response(body.as_bytes())),
            read(E::from_response(&value)),
            "{body}"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The second level is read: an inner failure is an error at level 1.
    let failed = read(table.from_response(inner(r#"{"code":"310","msg":"x"}"#).as_bytes()));
    assert!(failed.contains("level 1"), "{failed}");
}
