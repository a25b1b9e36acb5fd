//! `classify` on Wangdiantong code 100 (63 rows) against the same templates as a list of
//! `regex::Regex` tried in order, and as one `regex::RegexSet`, over a shuffled mix of
//! messages: three in four render a row's template with varying field values, one in four
//! is a message the table does not list.
//!
//! `cargo bench --bench classify`; `BENCHMARKS.md` has the numbers.

use errcodes::prelude::*;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex::{Regex, RegexSet};

errcodes::platform_errors!("../specs/wangdiantong.yaml");

#[allow(dead_code)] // the spec generators are for build.rs
#[path = "support/synth.rs"]
mod synth;

const CODE: i64 = 100;
const MESSAGES: usize = 4096;

/// Messages of code 100 that the table does not list: other errors, and near misses that
/// share a row's beginning or end.
const UNLISTED: &[&str] = &[
    "系统繁忙,请稍后再试",
    "服务器内部错误",
    "订单已存在,请勿重复推送",
    "店铺不存在",
    "sign error",
    "Read timed out",
    "java.lang.NullPointerException",
    "货品不存在",
    "商家编码A-1已存在",
    "仓库编号不存在或已停用",
    "您的查询时间过宽,查询时间不能大于7天",
    "Unparseable number: 12",
    "批次 B-7 已过期",
    "员工wang.li 没有权限",
    "超过每分钟最大调用频率限制",
    "The API is deprecated: wdt.trade.query",
];

/// A template split into its literal pieces and field names (the display form, `{name}`).
fn split(template: &str) -> (Vec<String>, Vec<String>) {
    let (mut lits, mut fields) = (vec![String::new()], Vec::new());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("a closed field");
        lits.last_mut().expect("a literal").push_str(&rest[..open]);
        fields.push(rest[open + 1..close].to_owned());
        lits.push(String::new());
        rest = &rest[close + 1..];
    }
    lits.last_mut().expect("a literal").push_str(rest);
    (lits, fields)
}

fn value(field: &str, rng: &mut synth::XorShift) -> String {
    let pool: &[&str] = match field {
        "method" => &["wdt.goods.query", "stockout.order.push", "trade_query"],
        "spec_no" => &["A-1001", "SKU20240501", "6901234567890", "红色-XL"],
        "original_order_no" => &["TB2024050112345", "JD998877665544", "4001239"],
        "goods_no" => &["G-9", "GN000123"],
        "logistics_no" => &["SF", "ZTO", "YUNDA-01"],
        "batch_no" => &["B20240501", "LOT-7"],
        "employee" => &["张三", "wang.li"],
        "date" => &["2024-05-01 10:00:00", "20240501", "1714528800"],
        "field" => &["shop_no", "warehouse_no", "spec_no"],
        "tag" => &["加急", "VIP"],
        "reason_kind" => &["退货", "取消"],
        "reason" => &["七天无理由", "缺货"],
        "column" => &["'remark' at row 1", "receiver_address"],
        "warehouse_no" => &["WH-01", "北京仓"],
        _ => &["X-1", "value"],
    };
    pool[rng.below(pool.len() as u64) as usize].to_owned()
}

fn classify(c: &mut Criterion) {
    let rows: Vec<&WangdiantongError> = WangdiantongError::ALL
        .iter()
        .filter(|error| error.code() == CODE)
        .collect();
    assert_eq!(rows.len(), 63, "code 100 has 63 rows");
    let templates: Vec<(Vec<String>, Vec<String>)> =
        rows.iter().map(|row| split(row.message())).collect();

    let patterns: Vec<String> = templates
        .iter()
        .map(|(lits, _)| {
            let lits: Vec<String> = lits.iter().map(|lit| regex::escape(lit)).collect();
            format!("^{}$", lits.join("(.+?)"))
        })
        .collect();
    let list: Vec<Regex> = patterns
        .iter()
        .map(|p| Regex::new(p).expect("a valid regex"))
        .collect();
    let set = RegexSet::new(&patterns).expect("a valid regex set");

    let mut rng = synth::XorShift(0x5851_f42d_4c95_7f2d);
    let messages: Vec<String> = (0..MESSAGES)
        .map(|i| {
            if i % 4 == 3 {
                return UNLISTED[rng.below(UNLISTED.len() as u64) as usize].to_owned();
            }
            let (lits, fields) = &templates[rng.below(templates.len() as u64) as usize];
            let mut message = lits[0].clone();
            for (field, lit) in fields.iter().zip(&lits[1..]) {
                message.push_str(&value(field, &mut rng));
                message.push_str(lit);
            }
            message
        })
        .collect();

    // Both sides find a row for the same messages, and the same row: the benchmark compares
    // equal work.
    for message in &messages {
        let by_regex = list.iter().position(|re| re.is_match(message));
        let found = WangdiantongError::classify(CODE, message);
        let by_errcodes = rows.iter().position(|row| **row == found);
        let fallback = rows
            .iter()
            .position(|row| **row == WangdiantongError::ApplicationError);
        assert_eq!(
            by_errcodes,
            by_regex.or(fallback),
            "{message:?}: errcodes found {found:?}"
        );
    }

    let mut group = c.benchmark_group("classify/wangdiantong_100");
    group.throughput(Throughput::Elements(MESSAGES as u64));
    group.bench_function("errcodes", |b| {
        b.iter(|| {
            for message in &messages {
                black_box(WangdiantongError::classify(CODE, black_box(message)));
            }
        })
    });
    group.bench_function("errcodes_fields", |b| {
        b.iter(|| {
            for message in &messages {
                black_box({
                    let found = WangdiantongError::lookup(
                        &errcodes::Query::new(CODE).message(black_box(message)),
                    );
                    (found.error, found.fields)
                });
            }
        })
    });
    group.bench_function("regex_list", |b| {
        b.iter(|| {
            for message in &messages {
                black_box(list.iter().position(|re| re.is_match(black_box(message))));
            }
        })
    });
    group.bench_function("regex_set", |b| {
        b.iter(|| {
            for message in &messages {
                black_box(set.matches(black_box(message)).into_iter().next());
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = classify
}
criterion_main!(benches);
