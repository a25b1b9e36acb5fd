//! The spec's round trip through its table: random specs, encoded by `errcodes_spec` (as
//! the macro encodes them) and read back by the runtime's `Table` (as generated code reads
//! it), lookups and matcher included; the format itself is property-tested in
//! `errcodes-layout`. Every code
//! finds its entry, or its fallback where it is shared; every message, with its template's
//! fields filled in, classifies to its entry with those fields; and each entry's data comes
//! back as written.
//!
//! Each template carries a token of its own (`<ab>`) and fields are filled with digits, which
//! no literal holds, so a message can match no other entry's template: the expected entry is
//! known without a second matcher.

use std::collections::BTreeSet;

use errcodes::__private::{Key, Table, UNKNOWN};
use errcodes::{Code, Lang, RetryClass};
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};

/// Literal text: no digits (field values are digits), no `<`/`>` (tokens), and chars that
/// normalisation folds (full-width punctuation, the ideographic space, tabs).
const CHARS: &[char] = &[
    'a', 'b', 'Z', ' ', ' ', '\u{3000}', '\t', '，', ',', '：', ':', '（', '(', '中', '文', '.',
    '{', '}',
];

const RETRIES: [&str; 4] = [
    "permanent",
    "transient",
    "reauthenticate",
    "already_applied",
];

#[derive(Debug, Clone)]
enum PoolCode {
    Int(i64),
    Str(String),
}

/// A message: literals around `lits.len() - 1` fields, the entry's token in `lits[token]`.
#[derive(Debug, Clone)]
struct Shape {
    lits: Vec<String>,
    token: usize,
}

#[derive(Debug, Clone)]
struct Row {
    /// Indices into the pool of codes.
    codes: Vec<usize>,
    /// One plain message, or `{zh, en}`.
    shapes: Vec<Shape>,
    hint: Option<String>,
    retry: usize,
    group: usize,
}

#[derive(Debug, Clone)]
struct Case {
    pool: Vec<PoolCode>,
    rows: Vec<Row>,
    fallback: Vec<bool>,
    groups: usize,
}

fn text(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CHARS), len).prop_map(String::from_iter)
}

fn shape() -> impl Strategy<Value = Shape> {
    (0..=3usize)
        .prop_flat_map(|fields| {
            let lits: Vec<_> = (0..=fields)
                .map(|i| {
                    let ends = i == 0 || i == fields;
                    text(if ends { 0..6 } else { 1..6 })
                })
                .collect();
            (lits, 0..=fields)
        })
        .prop_map(|(lits, token)| Shape { lits, token })
}

fn row(codes: usize, groups: usize) -> impl Strategy<Value = Row> {
    (
        prop::collection::btree_set(0..codes, 0..=2),
        prop::collection::vec(shape(), 1..=2),
        prop::option::of(text(1..8)),
        0..RETRIES.len() + 1,
        0..groups,
    )
        .prop_map(|(codes, shapes, hint, retry, group)| Row {
            codes: codes.into_iter().collect(),
            shapes,
            hint,
            retry,
            group,
        })
}

fn case() -> impl Strategy<Value = Case> {
    let ints = prop::collection::btree_set(prop_oneof![-3i64..40, any::<i64>()], 1..8);
    let strs = prop::collection::btree_set("[A-Z][A-Z0-9-]{0,8}", 0..3);
    (ints, strs, 1..4usize)
        .prop_flat_map(|(ints, strs, groups)| {
            let pool: Vec<PoolCode> = ints
                .into_iter()
                .map(PoolCode::Int)
                .chain(strs.into_iter().map(PoolCode::Str))
                .collect();
            let rows = prop::collection::vec(row(pool.len(), groups), 1..40);
            (Just(pool), rows, Just(groups))
        })
        .prop_map(|(pool, mut rows, groups)| {
            let fallback = fallbacks(&mut rows);
            Case {
                pool,
                rows,
                fallback,
                groups,
            }
        })
}

/// One fallback for every shared code: an entry none of whose other codes has one yet, else
/// the code is taken from all but one of its entries; a second fallback loses the code.
fn fallbacks(rows: &mut [Row]) -> Vec<bool> {
    let mut fallback = vec![false; rows.len()];
    let codes: BTreeSet<usize> = rows.iter().flat_map(|row| row.codes.clone()).collect();
    for code in codes {
        let of = entries_of(rows, code);
        if of.len() < 2 {
            continue;
        }
        let marked: Vec<usize> = of.iter().copied().filter(|&i| fallback[i]).collect();
        let has_fallback = |other: usize| entries_of(rows, other).iter().any(|&i| fallback[i]);
        let dropped: &[usize] = match marked.as_slice() {
            [] => match of.iter().copied().find(|&i| {
                rows[i]
                    .codes
                    .iter()
                    .all(|&other| other == code || !has_fallback(other))
            }) {
                Some(free) => {
                    fallback[free] = true;
                    &[]
                }
                None => &of[1..],
            },
            [_, extra @ ..] => extra,
        };
        for &i in dropped {
            rows[i].codes.retain(|&other| other != code);
        }
    }
    fallback
}

fn entries_of(rows: &[Row], code: usize) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| rows[i].codes.contains(&code))
        .collect()
}

/// `<a>`, `<b>`, ... `<ba>`: a token per template, without digits.
fn token(n: usize) -> String {
    let mut letters = Vec::new();
    let mut n = n;
    loop {
        letters.push(char::from(b'a' + u8::try_from(n % 26).unwrap_or(0)));
        n /= 26;
        if n == 0 {
            break;
        }
    }
    format!("<{}>", letters.iter().rev().collect::<String>())
}

fn field_name(k: usize) -> String {
    format!("field_{k}")
}

fn field_value(entry: usize, lang: usize, k: usize) -> String {
    (1000 + 97 * entry + 13 * lang + k).to_string()
}

impl Shape {
    /// The literals, the token in its place.
    fn literals(&self, token: &str) -> Vec<String> {
        let mut lits = self.lits.clone();
        lits[self.token].push_str(token);
        lits
    }

    /// The message as the spec writes it: literal braces doubled, fields in braces.
    fn template(&self, token: &str) -> String {
        let escaped: Vec<String> = self
            .literals(token)
            .iter()
            .map(|lit| lit.replace('{', "{{").replace('}', "}}"))
            .collect();
        join(&escaped, |k| format!("{{{}}}", field_name(k)))
    }

    /// The message as `Table::message` shows it: literal braces as they are.
    fn display(&self, token: &str) -> String {
        join(&self.literals(token), |k| format!("{{{}}}", field_name(k)))
    }

    /// A message the platform could send: the fields filled in.
    fn instance(&self, token: &str, value: impl Fn(usize) -> String) -> String {
        join(&self.literals(token), value)
    }
}

fn join(lits: &[String], field: impl Fn(usize) -> String) -> String {
    let mut out = lits[0].clone();
    for (k, lit) in lits[1..].iter().enumerate() {
        out.push_str(&field(k));
        out.push_str(lit);
    }
    out
}

const LANGS: [&str; 2] = ["zh", "en"];

fn yaml(case: &Case) -> String {
    let code_value = |code: &PoolCode| match code {
        PoolCode::Int(code) => Value::from(*code),
        PoolCode::Str(code) => Value::from(code.as_str()),
    };
    let mut groups = Vec::new();
    for group in 0..case.groups {
        let mut errors = Vec::new();
        for (i, row) in case.rows.iter().enumerate() {
            if row.group != group {
                continue;
            }
            let mut entry = Mapping::new();
            let codes: Vec<Value> = row
                .codes
                .iter()
                .map(|&c| code_value(&case.pool[c]))
                .collect();
            let code = match codes.as_slice() {
                [] => Value::Null,
                [one] => one.clone(),
                _ => Value::Sequence(codes),
            };
            entry.insert("code".into(), code);
            entry.insert("name".into(), format!("Entry{i}").into());
            let message = match row.shapes.as_slice() {
                [one] => one.template(&token(2 * i)).into(),
                langs => Value::Mapping(
                    langs
                        .iter()
                        .enumerate()
                        .map(|(k, shape)| {
                            (LANGS[k].into(), shape.template(&token(2 * i + k)).into())
                        })
                        .collect(),
                ),
            };
            entry.insert("message".into(), message);
            if let Some(hint) = &row.hint {
                entry.insert("hint".into(), hint.as_str().into());
            }
            entry.insert("retry".into(), retry_value(row.retry));
            if case.fallback[i] {
                entry.insert("fallback".into(), true.into());
            }
            errors.push(Value::Mapping(entry));
        }
        if errors.is_empty() {
            continue;
        }
        let mut map = Mapping::new();
        map.insert("id".into(), format!("group_{group}").into());
        map.insert("title".into(), format!("Group {group}").into());
        map.insert("errors".into(), Value::Sequence(errors));
        groups.push(Value::Mapping(map));
    }
    let mut spec = Mapping::new();
    for (key, value) in [
        ("platform", "roundtrip"),
        ("enum", "RoundtripError"),
        ("title", "Round trip"),
        ("source", "proptest"),
        ("unknown_retry", "transient"),
    ] {
        spec.insert(key.into(), value.into());
    }
    spec.insert("groups".into(), Value::Sequence(groups));
    serde_yaml::to_string(&spec).unwrap_or_default()
}

fn retry_value(retry: usize) -> Value {
    if let Some(class) = RETRIES.get(retry) {
        return (*class).into();
    }
    let mut map = Mapping::new();
    map.insert("throttled".into(), "5m".into());
    Value::Mapping(map)
}

fn retry_class(retry: usize) -> RetryClass {
    match retry {
        0 => RetryClass::Permanent,
        1 => RetryClass::Transient,
        2 => RetryClass::Reauthenticate,
        3 => RetryClass::AlreadyApplied,
        _ => RetryClass::Throttled {
            wait: Some(std::time::Duration::from_secs(300)),
        },
    }
}

fn key(code: &PoolCode) -> Key<'_> {
    match code {
        PoolCode::Int(code) => Key::Int(*code),
        PoolCode::Str(code) => Key::Str(code),
    }
}

/// The entries of the spec in spec order: group by group.
fn spec_order(case: &Case) -> Vec<usize> {
    (0..case.groups)
        .flat_map(|group| (0..case.rows.len()).filter(move |&i| case.rows[i].group == group))
        .collect()
}

fn assert_codes_find_their_entries(case: &Case, table: &Table, index: &[usize]) {
    for code in 0..case.pool.len() {
        let of = entries_of(&case.rows, code);
        let expected = match of.as_slice() {
            [] => UNKNOWN,
            [one] => index[*one],
            _ => {
                index[of
                    .iter()
                    .copied()
                    .find(|&i| case.fallback[i])
                    .unwrap_or(of[0])]
            }
        };
        assert_eq!(
            table.lookup(key(&case.pool[code])),
            expected,
            "{:?}",
            case.pool[code]
        );
    }
    assert_eq!(table.lookup(Key::Str("not-a-code")), UNKNOWN);
}

fn assert_messages_classify_with_their_fields(case: &Case, table: &Table, index: &[usize]) {
    for (i, row) in case.rows.iter().enumerate() {
        let mut keys: Vec<Key<'_>> = row.codes.iter().map(|&c| key(&case.pool[c])).collect();
        if keys.is_empty() {
            // A code-less entry is found by its message, whatever the code.
            keys.extend([Key::None, key(&case.pool[0]), Key::Str("not-a-code")]);
        }
        for (lang, shape) in row.shapes.iter().enumerate() {
            let value = |k| field_value(i, lang, k);
            let message = shape.instance(&token(2 * i + lang), value);
            for &key in &keys {
                let (found, fields, _) = table.classify(key, &message);
                assert_eq!(found, index[i], "{key:?} {message:?}");
                let got: Vec<(&str, &str)> = fields.iter().collect();
                let expected: Vec<(String, String)> = (0..shape.lits.len() - 1)
                    .map(|k| (field_name(k), value(k)))
                    .collect();
                let expected: Vec<(&str, &str)> = expected
                    .iter()
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect();
                assert_eq!(got, expected, "{message:?}");
                let padded = format!(" \u{3000}{message}\n");
                assert_eq!(table.classify_index(key, &padded), index[i], "{padded:?}");
            }
        }
    }
}

fn assert_entries_come_back(case: &Case, table: &Table, index: &[usize]) {
    assert_eq!(table.len(), case.rows.len());
    for (i, row) in case.rows.iter().enumerate() {
        let at = index[i];
        assert_eq!(table.name(at), format!("Entry{i}"));
        let first = &row.shapes[0];
        assert_eq!(table.message(at), first.display(&token(2 * i)));
        let names: Vec<String> = (0..first.lits.len() - 1).map(field_name).collect();
        assert_eq!(table.field_names(at), names);
        let codes: Vec<Code<'_>> = row
            .codes
            .iter()
            .map(|&c| match &case.pool[c] {
                PoolCode::Int(code) => Code::Int(*code),
                PoolCode::Str(code) => Code::Str(code),
            })
            .collect();
        assert_eq!(table.codes_of(at), codes);
        assert_eq!(table.hint(at), row.hint.as_deref());
        assert_eq!(table.retry_class(at), retry_class(row.retry));
        assert_eq!(
            table.group(at),
            Some(format!("group_{}", row.group).as_str())
        );
        let translated =
            |k: usize| (row.shapes.len() == 2).then(|| row.shapes[k].display(&token(2 * i + k)));
        assert_eq!(table.message_in(at, Lang::Zh), translated(0).as_deref());
        assert_eq!(table.message_in(at, Lang::En), translated(1).as_deref());
    }
    assert_eq!(table.retry_class(UNKNOWN), RetryClass::Transient);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn what_the_spec_writes_the_runtime_reads(case in case()) {
        let text = yaml(&case);
        let spec = errcodes_spec::read(&text, "roundtrip.yaml")
            .unwrap_or_else(|failure| panic!("{}\n{text}", failure.reports.join("\n")));
        let encoded = errcodes_spec::encode(&spec).unwrap_or_else(|error| panic!("{error}"));
        let table = Table::leak(encoded);
        // Row `i`'s place in the table: the spec lists entries group by group.
        let mut index = vec![0; case.rows.len()];
        for (at, row) in spec_order(&case).into_iter().enumerate() {
            index[row] = at;
        }
        assert_codes_find_their_entries(&case, table, &index);
        assert_messages_classify_with_their_fields(&case, table, &index);
        assert_entries_come_back(&case, table, &index);
    }
}
