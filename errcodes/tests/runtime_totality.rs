//! Runtime totality: for every spec in `specs/`, the lookups of the generated enum are total
//! (no panic for any code or message, a megabyte long included), keep the code received, and
//! find every entry the spec lists. The spec's YAML, read here without the macro, is the
//! oracle.
//!
//! The property tests run proptest's default 256 cases; a longer run:
//! `PROPTEST_CASES=20000 cargo test --release -p errcodes --test runtime_totality`.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::path::Path;
use std::str::FromStr;
use std::sync::LazyLock;

use errcodes::prelude::*;
use errcodes::{ApiError, Code};
use proptest::prelude::*;

// The shipped platforms are the specs of `specs/`, expanded once in `errcodes::platforms`.
use errcodes::platforms::aliexpress::AliexpressError;
#[cfg(feature = "alipay")]
use errcodes::platforms::alipay::AlipayError;
#[cfg(feature = "amazon_sp_api")]
use errcodes::platforms::amazon_sp_api::AmazonSpApiError;
#[cfg(feature = "jd_daojia")]
use errcodes::platforms::jd_daojia::JdDaojiaError;
#[cfg(feature = "lazada")]
use errcodes::platforms::lazada::LazadaError;
#[cfg(feature = "shopee")]
use errcodes::platforms::shopee::ShopeeError;
use errcodes::platforms::tiktok_global::TiktokGlobalError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
#[cfg(feature = "tiktok_shop")]
use errcodes::platforms::tiktok_shop::TiktokShopError;
use errcodes::platforms::top_gateway::TopGatewayError;
use errcodes::platforms::wangdiantong::WangdiantongError;
#[cfg(feature = "wechat_channels_store")]
use errcodes::platforms::wechat_channels_store::WechatChannelsStoreError;
use errcodes::platforms::wechat_global::WechatGlobalError;
#[cfg(feature = "wechat_pay_v3")]
use errcodes::platforms::wechat_pay_v3::WechatPayV3Error;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;

/// A generated enum, with the conversions the macro gives it besides [`Catalog`].
trait Generated: Catalog + From<i64> + FromStr<Err = Infallible> {}

impl<E: Catalog + From<i64> + FromStr<Err = Infallible>> Generated for E {}

/// `for_each_spec!(check(args))` runs `check::<E>(args)` for every shipped enum;
/// `for_each_spec!(check(args)?)` returns the first error.
macro_rules! for_each_spec {
    ($check:ident($($arg:expr),*) $($try:tt)?) => {
        $check::<AliexpressError>($($arg),*)$($try)?;
        #[cfg(feature = "alipay")]
        $check::<AlipayError>($($arg),*)$($try)?;
        $check::<TiktokGlobalError>($($arg),*)$($try)?;
        $check::<TiktokLocalServicesError>($($arg),*)$($try)?;
        #[cfg(feature = "tiktok_shop")]
        $check::<TiktokShopError>($($arg),*)$($try)?;
        #[cfg(feature = "shopee")]
        $check::<ShopeeError>($($arg),*)$($try)?;
        #[cfg(feature = "lazada")]
        $check::<LazadaError>($($arg),*)$($try)?;
        #[cfg(feature = "amazon_sp_api")]
        $check::<AmazonSpApiError>($($arg),*)$($try)?;
        #[cfg(feature = "jd_daojia")]
        $check::<JdDaojiaError>($($arg),*)$($try)?;
        $check::<TopGatewayError>($($arg),*)$($try)?;
        $check::<WangdiantongError>($($arg),*)$($try)?;
        $check::<WechatGlobalError>($($arg),*)$($try)?;
        #[cfg(feature = "wechat_pay_v3")]
        $check::<WechatPayV3Error>($($arg),*)$($try)?;
        #[cfg(feature = "wechat_channels_store")]
        $check::<WechatChannelsStoreError>($($arg),*)$($try)?;
        $check::<WechatShopError>($($arg),*)$($try)?;
        $check::<WechatTransactionError>($($arg),*)$($try)?;
    };
}

/// The spec file of `E`: `specs/<platform>.yaml`.
fn file<E: Catalog>() -> String {
    format!("{}.yaml", E::PLATFORM)
}

/// The spec files of the shipped enums.
fn files() -> Vec<String> {
    fn push<E: Catalog>(files: &mut Vec<String>) {
        files.push(file::<E>());
    }
    let mut files = Vec::new();
    for_each_spec!(push(&mut files));
    files
}

#[test]
fn every_spec_in_specs_is_covered() {
    let mut found: Vec<String> = std::fs::read_dir(root().join("specs"))
        .expect("read specs/")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".yaml"))
        // The opt-in platforms are covered when their feature is on.
        .filter(|name| name != "alipay.yaml" || cfg!(feature = "alipay"))
        .filter(|name| name != "wechat_pay_v3.yaml" || cfg!(feature = "wechat_pay_v3"))
        .filter(|name| {
            name != "wechat_channels_store.yaml" || cfg!(feature = "wechat_channels_store")
        })
        .filter(|name| name != "tiktok_shop.yaml" || cfg!(feature = "tiktok_shop"))
        .filter(|name| name != "shopee.yaml" || cfg!(feature = "shopee"))
        .filter(|name| name != "lazada.yaml" || cfg!(feature = "lazada"))
        .filter(|name| name != "amazon_sp_api.yaml" || cfg!(feature = "amazon_sp_api"))
        .filter(|name| name != "jd_daojia.yaml" || cfg!(feature = "jd_daojia"))
        .collect();
    found.sort();
    let mut shipped = files();
    shipped.sort();
    assert_eq!(
        found, shipped,
        "add the new spec to `for_each_spec!` in this file"
    );
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------------------
// The oracle: the spec's entries, read from its YAML.

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SpecCode {
    Int(i64),
    Str(String),
}

#[derive(Debug)]
struct SpecEntry {
    name: String,
    codes: Vec<SpecCode>,
    /// The message in each language, as written: templates keep their fields and `{{`.
    messages: Vec<String>,
    fallback: bool,
    /// The sub-code rule, as written (`isp.*`).
    sub_code: Option<String>,
}

/// The entries of a spec and of the specs it includes, as `specs/README.md` composes them:
/// the spec's own, then each include's in order; a code belongs to the first layer that
/// lists it, and an entry of a later layer left with no code is left out.
fn read_spec(file: &str) -> Vec<SpecEntry> {
    let mut layers = Vec::new();
    read_layers(file, &mut layers);
    let mut owner: BTreeMap<SpecCode, usize> = BTreeMap::new();
    for (layer, entries) in layers.iter().enumerate() {
        for code in entries.iter().flat_map(|entry| &entry.codes) {
            owner.entry(code.clone()).or_insert(layer);
        }
    }
    let mut out = Vec::new();
    for (layer, entries) in layers.into_iter().enumerate() {
        for mut entry in entries {
            let had_codes = !entry.codes.is_empty();
            entry.codes.retain(|code| owner[code] == layer);
            if !had_codes || !entry.codes.is_empty() {
                out.push(entry);
            }
        }
    }
    out
}

/// The entries of `file`, then those of each spec it includes, a layer each.
fn read_layers(file: &str, layers: &mut Vec<Vec<SpecEntry>>) {
    use serde_yaml::Value;
    let text = std::fs::read_to_string(root().join("specs").join(file)).expect("read spec");
    let spec: Value = serde_yaml::from_str(&text).expect("spec is YAML");
    let code = |value: &Value| match value {
        Value::Number(n) => SpecCode::Int(n.as_i64().expect("an i64 code")),
        Value::String(s) => s
            .parse()
            .map_or_else(|_| SpecCode::Str(s.clone()), SpecCode::Int),
        other => panic!("{file}: unexpected code {other:?}"),
    };
    let mut entries = Vec::new();
    for group in spec["groups"].as_sequence().expect("groups") {
        for entry in group["errors"].as_sequence().expect("errors") {
            let codes = match &entry["code"] {
                Value::Null => Vec::new(),
                Value::Sequence(items) => items.iter().map(code).collect(),
                single => vec![code(single)],
            };
            let messages = match &entry["message"] {
                Value::String(s) => vec![s.clone()],
                Value::Mapping(map) => map
                    .values()
                    .map(|v| v.as_str().expect("text").to_owned())
                    .collect(),
                other => panic!("{file}: unexpected message {other:?}"),
            };
            entries.push(SpecEntry {
                name: entry["name"].as_str().expect("name").to_owned(),
                codes,
                messages,
                fallback: entry["fallback"].as_bool().unwrap_or(false),
                sub_code: entry["sub_code"].as_str().map(str::to_owned),
            });
        }
    }
    layers.push(entries);
    let includes = match &spec["include"] {
        Value::Null => Vec::new(),
        Value::Sequence(items) => items.iter().filter_map(Value::as_str).collect(),
        single => single.as_str().into_iter().collect(),
    };
    for name in includes {
        read_layers(&format!("{name}.yaml"), layers);
    }
}

/// A message without fields, unescaped; `None` for a template.
fn plain(message: &str) -> Option<String> {
    let unescaped = message.replace("{{", "\u{0}").replace("}}", "\u{1}");
    (!unescaped.contains(['{', '}'])).then(|| unescaped.replace('\u{0}', "{").replace('\u{1}', "}"))
}

/// A template with each field replaced by a value (the first by `first`, the others by
/// values no literal contains), and the values by field name.
fn fill(template: &str, first: &str) -> (String, Vec<(String, String)>) {
    let mut text = String::new();
    let mut values = Vec::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' if chars.peek() == Some(&c) => {
                chars.next();
                text.push(c);
            }
            '{' => {
                let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let value = if values.is_empty() {
                    first.to_owned()
                } else {
                    format!("⟦值{}⟧", values.len())
                };
                text.push_str(&value);
                values.push((name, value));
            }
            c => text.push(c),
        }
    }
    (text, values)
}

/// The documented normalisation: trimmed, full-width ASCII forms to half-width, every run of
/// whitespace to one space.
fn normalized(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).expect("ASCII"),
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// ASCII as its full-width twin and spaces as ideographic spaces, which normalise back.
fn widened(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).expect("full width"),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

fn code_of(code: &SpecCode) -> Code<'_> {
    match code {
        SpecCode::Int(n) => Code::Int(*n),
        SpecCode::Str(s) => Code::Str(s),
    }
}

fn text_of(code: &SpecCode) -> String {
    match code {
        SpecCode::Int(n) => n.to_string(),
        SpecCode::Str(s) => s.clone(),
    }
}

/// The field values `lookup` reads from `message`, owned.
fn fields_of<E: Catalog>(code: &SpecCode, message: &str) -> Vec<(String, String)> {
    E::lookup(&Query::new(code_of(code)).message(message))
        .fields
        .iter()
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
}

fn parse<E: Generated>(text: &str) -> E {
    match text.parse::<E>() {
        Ok(parsed) => parsed,
        Err(never) => match never {},
    }
}

/// An integer code the spec does not know.
fn unknown_int<E: Generated>() -> i64 {
    (i64::MIN..)
        .find(|&n| E::from_code(n).is_unknown())
        .expect("some code is unknown")
}

/// The code an entry is looked up by: its own, or an unknown one when it has none.
fn codes_to_try<E: Generated>(entry: &SpecEntry) -> Vec<SpecCode> {
    if entry.codes.is_empty() {
        vec![SpecCode::Int(unknown_int::<E>())]
    } else {
        entry.codes.clone()
    }
}

// ---------------------------------------------------------------------------------------
// Every known entry round-trips.

fn known_entries_round_trip<E: Generated>() {
    let file = &file::<E>();
    let spec = read_spec(file);
    let names: Vec<&str> = E::ALL.iter().map(PlatformError::name).collect();
    let expected: Vec<&str> = spec.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names, expected,
        "{file}: ALL lists every entry in spec order"
    );
    for (entry, variant) in spec.iter().zip(E::ALL) {
        let first = entry.codes.first().map_or(Code::None, code_of);
        assert_eq!(variant.code(), first, "{file}: {}", entry.name);
    }

    // A code's fallback is among its entries without a sub-code rule.
    let mut by_code: BTreeMap<&SpecCode, Vec<&SpecEntry>> = BTreeMap::new();
    for entry in spec.iter().filter(|entry| entry.sub_code.is_none()) {
        for code in &entry.codes {
            by_code.entry(code).or_default().push(entry);
        }
    }
    for (code, entries) in &by_code {
        let expected = match entries.as_slice() {
            [only] => only,
            several => several
                .iter()
                .find(|e| e.fallback)
                .unwrap_or_else(|| panic!("{file}: code {code:?} has no fallback")),
        };
        let found = E::from_code(code_of(code));
        assert_eq!(found.name(), expected.name, "{file}: lookup of {code:?}");
        assert!(
            found.codes().contains(&code_of(code)),
            "{file}: {found:?} lists its code"
        );
        // The same answer through every other door.
        let text = text_of(code);
        assert_eq!(E::from_code(&text), found, "{file}: from_code({text:?})");
        assert_eq!(parse::<E>(&text), found, "{file}: FromStr of {text:?}");
        assert_eq!(
            E::from_code(&format!(" {text}\t")),
            found,
            "{file}: {text:?}"
        );
        if let SpecCode::Int(n) = code {
            assert_eq!(E::from(*n), found, "{file}: From<i64> of {n}");
        }
    }
}

#[test]
fn every_known_entry_round_trips_through_its_code() {
    for_each_spec!(known_entries_round_trip());
}

/// Whether `found` is `entry`, or an entry of the same code with the same plain message (the
/// spec allows that across endpoints, and `classify` gives the first).
fn is_entry_or_twin(spec: &[SpecEntry], entry: &SpecEntry, code: &SpecCode, found: &str) -> bool {
    if found == entry.name {
        return true;
    }
    let Some(rival) = spec.iter().find(|e| e.name == found) else {
        return false;
    };
    let same_code =
        rival.codes.contains(code) || (rival.codes.is_empty() && entry.codes.is_empty());
    same_code
        && rival.messages.iter().any(|theirs| {
            entry.messages.iter().any(|ours| {
                plain(theirs)
                    .zip(plain(ours))
                    .is_some_and(|(theirs, ours)| normalized(&theirs) == normalized(&ours))
            })
        })
}

/// `classify(code, message)` of an entry's own plain message gives the entry (or its twin),
/// also in full-width forms and with whitespace around; a template filled with values gives
/// the entry and exactly those values.
fn messages_classify_to_their_entry<E: Generated>() {
    let file = &file::<E>();
    let spec = read_spec(file);
    let mut checked = 0;
    for entry in &spec {
        if let Some(rule) = &entry.sub_code {
            sub_code_finds_its_entry::<E>(file, entry, rule);
            checked += entry.messages.len();
            continue;
        }
        for code in codes_to_try::<E>(entry) {
            for message in &entry.messages {
                let (text, values) = match plain(message) {
                    Some(text) => (text, Vec::new()),
                    None => fill(message, "⟦值0⟧"),
                };
                let found = E::classify(code_of(&code), &text);
                assert!(
                    is_entry_or_twin(&spec, entry, &code, found.name()),
                    "{file}: classify({code:?}, {text:?}) gave {found:?}, not {}",
                    entry.name
                );
                assert!(
                    stands_for(&found, code_of(&code)),
                    "{file}: {found:?} stands for the code"
                );
                let wide =
                    E::classify(code_of(&code), &format!("\u{3000}\n {}\t ", widened(&text)));
                assert_eq!(wide, found, "{file}: full-width {text:?}");
                if found.name() == entry.name {
                    assert_eq!(fields_of::<E>(&code, &text), values, "{file}: {text:?}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= spec.len(), "{file}: {checked} messages");
}

/// An entry with a sub-code rule is what a sub-code the rule matches finds, with its code
/// (any code, for an entry without one) and whatever the message.
fn sub_code_finds_its_entry<E: Generated>(file: &str, entry: &SpecEntry, rule: &str) {
    let sub_code = match rule.strip_suffix('*') {
        Some(prefix) => format!("{prefix}some-failure"),
        None => fill(rule, "x1").0,
    };
    for code in codes_to_try::<E>(entry) {
        let query = Query::new(code_of(&code))
            .sub_code(&sub_code)
            .message("a message no entry has");
        let found = E::lookup(&query).error;
        assert_eq!(
            found.name(),
            entry.name,
            "{file}: sub-code {sub_code:?} of {code:?}"
        );
        let without = E::classify(code_of(&code), "a message no entry has");
        assert_ne!(
            without.name(),
            entry.name,
            "{file}: {} needs its sub-code",
            entry.name
        );
    }
}

#[test]
fn every_message_classifies_to_its_entry() {
    for_each_spec!(messages_classify_to_their_entry());
}

// ---------------------------------------------------------------------------------------
// Any code, any message: total, and the code received is kept.

/// Every entry of every shipped spec.
static ENTRIES: LazyLock<Vec<SpecEntry>> =
    LazyLock::new(|| files().iter().flat_map(|file| read_spec(file)).collect());

fn all_codes() -> impl Iterator<Item = &'static SpecCode> {
    ENTRIES.iter().flat_map(|entry| &entry.codes)
}

/// Every integer code of every spec, its neighbours, and the extremes.
static KNOWN_INTS: LazyLock<Vec<i64>> = LazyLock::new(|| {
    let mut codes: Vec<i64> = all_codes()
        .filter_map(|code| match *code {
            SpecCode::Int(n) => Some(n),
            SpecCode::Str(_) => None,
        })
        .flat_map(|n| [n, n.wrapping_add(1), n.wrapping_sub(1)])
        .chain([0, -1, i64::MIN, i64::MAX])
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
});

static KNOWN_STRS: LazyLock<Vec<String>> = LazyLock::new(|| {
    all_codes()
        .filter_map(|code| match code {
            SpecCode::Str(s) => Some(s.clone()),
            SpecCode::Int(_) => None,
        })
        .collect()
});

/// Every message of every spec, as written and with its fields filled.
static MESSAGES: LazyLock<Vec<String>> = LazyLock::new(|| {
    ENTRIES
        .iter()
        .flat_map(|entry| &entry.messages)
        .flat_map(|m| [plain(m).unwrap_or_else(|| fill(m, "x").0), m.clone()])
        .collect()
});

/// Characters that normalisation and matching treat specially: kinds of whitespace, the
/// full-width range and its edges, zero-width, combining and bidi controls, braces.
const TRICKY: &[char] = &[
    ' ',
    '\t',
    '\n',
    '\r',
    '\u{3000}',
    '\u{A0}',
    '\u{2003}',
    '\u{85}',
    '\u{200B}',
    '\u{FEFF}',
    '\u{202E}',
    '\u{301}',
    '\u{20DD}',
    '，',
    '：',
    '（',
    '）',
    '！',
    '｛',
    '｝',
    '{',
    '}',
    '\u{FF01}',
    '\u{FF5E}',
    '\u{FF5F}',
    '\u{FF00}',
    '\u{0}',
    '\u{10FFFF}',
    '字',
    'a',
    '1',
    '-',
];

fn tricky(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TRICKY), len)
        .prop_map(|chars| chars.into_iter().collect())
}

fn int_code() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        prop::sample::select(KNOWN_INTS.as_slice()),
        -1000i64..1000,
    ]
}

fn str_code() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(KNOWN_STRS.as_slice()),
        prop::sample::select(KNOWN_STRS.as_slice()).prop_map(|code| format!("\u{3000}{code} ")),
        any::<String>(),
        tricky(0..40),
        // Past the 22 bytes a code keeps inline.
        "[A-Z0-9-]{20,60}",
        int_code().prop_map(|n| n.to_string()),
    ]
}

/// Messages made of the specs' own messages, slices of them, tricky characters and
/// arbitrary text, so that templates match, partly match, or almost match.
fn message() -> impl Strategy<Value = String> {
    let slice = (
        prop::sample::select(MESSAGES.as_slice()),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(m, a, b)| {
            let chars: Vec<char> = m.chars().collect();
            let (a, b) = (a.index(chars.len() + 1), b.index(chars.len() + 1));
            chars[a.min(b)..a.max(b)].iter().collect::<String>()
        });
    let piece = prop_oneof![
        prop::sample::select(MESSAGES.as_slice()),
        slice,
        tricky(1..12),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

/// `classify` gives `Unknown` exactly when `from_code` does, except that a message of an
/// entry without a code finds that entry whatever the code.
fn same_knowledge<E: Generated>(found: &E, classified: &E) -> Result<(), TestCaseError> {
    if classified.is_unknown() != found.is_unknown() {
        prop_assert!(found.is_unknown(), "{:?} but {:?}", found, classified);
        let listed = E::ALL.iter().find(|v| v.name() == classified.name());
        prop_assert!(
            listed.is_some_and(|v| v.code() == Code::None),
            "{:?} has a code",
            classified
        );
    }
    Ok(())
}

fn any_int_code<E: Generated>(code: i64, message: &str) -> Result<(), TestCaseError> {
    let found = E::from_code(code);
    prop_assert!(
        found.codes().contains(&Code::Int(code)) || found.code() == code,
        "{:?} lost {}",
        found,
        code
    );
    prop_assert_eq!(&E::from(code), &found);
    prop_assert_eq!(&E::from_code(&code.to_string()), &found);
    prop_assert_eq!(
        found.to_string(),
        format!("{}: {}", found.code(), found.message())
    );
    if found.is_unknown() {
        prop_assert_eq!(found.message(), "unknown error code");
        prop_assert_eq!(found.hint(), None);
        prop_assert_eq!(found.group(), None);
        prop_assert_eq!(format!("{found:?}"), format!("Unknown({code})"));
    }

    let classified = E::classify(code, message);
    prop_assert!(
        stands_for(&classified, Code::Int(code)),
        "{:?} lost {}",
        classified,
        code
    );
    let received = ApiError::<E>::new(&Query::new(code).message(message));
    prop_assert_eq!(received.error(), &classified);
    prop_assert!(
        received.code() == code,
        "an ApiError keeps the code received"
    );
    prop_assert_eq!(received.message(), message);
    same_knowledge(&found, &classified)?;
    prop_assert_eq!(&E::classify(&code.to_string(), message), &classified);
    let found_by_lookup = E::lookup(&Query::new(code).message(message));
    prop_assert_eq!(&found_by_lookup.error, &classified);
    let fields = found_by_lookup.fields;
    let text = code.to_string();
    let as_text = E::lookup(&Query::new(text.as_str()).message(message));
    prop_assert_eq!(&as_text.error, &classified);
    prop_assert_eq!(&as_text.fields, &fields);
    let bounds = message.as_bytes().as_ptr_range();
    for (name, value) in fields.iter() {
        prop_assert!(!value.is_empty(), "field {} is empty", name);
        let range = value.as_bytes().as_ptr_range();
        prop_assert!(
            bounds.start <= range.start && range.end <= bounds.end,
            "field {} = {:?} is not borrowed from the message",
            name,
            value
        );
        let placeholder = format!("{{{name}}}");
        prop_assert!(classified.message().contains(&placeholder));
        prop_assert_eq!(fields.get(name), Some(value));
    }
    prop_assert_eq!(
        &E::classify(code, &format!("\u{3000} {message}\n\t")),
        &classified,
        "surrounding whitespace changed the answer"
    );
    Ok(())
}

fn any_text_code<E: Generated>(code: &str, message: &str) -> Result<(), TestCaseError> {
    let found = E::from_code(code);
    prop_assert_eq!(&parse::<E>(code), &found);
    let classified = E::classify(code, message);
    same_knowledge(&found, &classified)?;
    prop_assert_eq!(
        &E::lookup(&Query::new(code).message(message)).error,
        &classified
    );
    if let Ok(n) = code.trim().parse::<i64>() {
        prop_assert_eq!(&found, &E::from_code(n));
        prop_assert_eq!(&classified, &E::classify(n, message));
    } else {
        // A known code as the spec writes it; any other text byte for byte.
        let kept = if found.is_unknown() {
            code
        } else {
            code.trim()
        };
        prop_assert!(
            stands_for(&found, Code::Str(kept)),
            "{:?} for {:?}",
            found,
            code
        );
        prop_assert!(
            stands_for(&classified, Code::Str(kept)),
            "{:?} for {:?}",
            classified,
            code
        );
        let received = ApiError::<E>::new(&Query::new(code).message(message));
        prop_assert!(
            received.code() == kept,
            "an ApiError keeps the text received, a known code as the spec writes it"
        );
        prop_assert_eq!(
            found.to_string(),
            format!("{}: {}", found.code(), found.message())
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_integer_code_and_message_is_total(code in int_code(), message in message()) {
        for_each_spec!(any_int_code(code, &message)?);
    }

    #[test]
    fn any_text_code_and_message_is_total(code in str_code(), message in message()) {
        for_each_spec!(any_text_code(&code, &message)?);
    }
}

// ---------------------------------------------------------------------------------------
// A megabyte of input.

const MB: usize = 1 << 20;

fn megabyte(unit: &str) -> String {
    unit.repeat(MB / unit.len() + 1)
}

/// Megabyte codes and messages of each hard kind, for every code whose messages are matched
/// (a template, or several entries) and an unknown code; every template with a megabyte
/// field value full of whitespace runs, which the literal after it is searched across; a
/// plain message followed by a megabyte of whitespace.
fn megabyte_inputs<E: Generated>() {
    let file = &file::<E>();
    let spec = read_spec(file);
    let mut entries_of: BTreeMap<&SpecCode, Vec<&SpecEntry>> = BTreeMap::new();
    for entry in &spec {
        for code in &entry.codes {
            entries_of.entry(code).or_default().push(entry);
        }
    }
    let mut codes: Vec<SpecCode> = entries_of
        .iter()
        .filter(|(_, entries)| {
            entries.len() > 1
                || entries
                    .iter()
                    .any(|e| e.messages.iter().any(|m| plain(m).is_none()))
        })
        .map(|(&code, _)| code.clone())
        .collect();
    codes.push(SpecCode::Int(unknown_int::<E>()));
    let whitespace = megabyte(" \u{3000}\t\u{A0}\n");
    let kinds = [
        ("ASCII", megabyte("a")),
        ("full-width punctuation", megabyte("，：（）！")),
        ("whitespace", whitespace.clone()),
        (
            "combining and zero-width",
            megabyte("e\u{301}\u{20DD}\u{200B}\u{202E}"),
        ),
        ("braces", megabyte("{x}{{")),
    ];
    for (kind, text) in &kinds {
        for code in &codes {
            let found = E::classify(code_of(code), text);
            assert_eq!(found.code(), code_of(code), "{file}: {kind}: {found:?}");
        }
        let found = E::from_code(text);
        assert!(
            found.is_unknown(),
            "{file}: a megabyte of {kind} is no code"
        );
        assert!(
            found.code() == text.as_str(),
            "{file}: a megabyte {kind} code is kept"
        );
        assert_eq!(E::classify(text, text), found);
    }

    let value = format!("v{whitespace}x");
    let first_plain = spec
        .iter()
        .find(|e| e.messages.iter().all(|m| plain(m).is_some()));
    for entry in &spec {
        let code = &codes_to_try::<E>(entry)[0];
        let message = &entry.messages[0];
        let (text, values) = match plain(message) {
            Some(_) if !std::ptr::eq(entry, first_plain.expect("a plain entry")) => continue,
            Some(text) => (format!("{text}{whitespace}"), Vec::new()),
            None => fill(message, &value),
        };
        let found = E::classify(code_of(code), &text);
        assert!(
            is_entry_or_twin(&spec, entry, code, found.name()),
            "{file}: {} with a megabyte of whitespace gave {found:?}",
            entry.name
        );
        if found.name() == entry.name {
            assert!(
                fields_of::<E>(code, &text) == values,
                "{file}: fields of {}",
                entry.name
            );
        }
    }
}

#[test]
fn megabyte_codes_and_messages_are_total() {
    // A linear matcher takes a few seconds here unoptimised; a quadratic one would hang for
    // hours. Speed is measured in benches/, not asserted here.
    for_each_spec!(megabyte_inputs());
}

/// Whether `error` is what `code` can give: `Unknown` keeping it, an entry listing it, or
/// an entry without a code (reached by its message).
fn stands_for<E: Catalog>(error: &E, code: Code<'_>) -> bool {
    if error.is_unknown() {
        error.code() == code
    } else {
        error.codes().is_empty() || error.codes().contains(&code)
    }
}
