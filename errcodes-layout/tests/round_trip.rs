//! The format's round trip: random tables written with `Writer` and read back with `View`
//! give back every value written, whichever way integer codes are placed; codes not written
//! are unknown.

#![allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]

use std::collections::{BTreeMap, BTreeSet};

use errcodes_layout::{
    entry, section, Code, Design, Encoded, Envelope, Format, IntIndex, Retry, View, Writer, NONE,
    UNKNOWN,
};
use proptest::prelude::*;

/// Sections written as plain words: the reader gives them back as bytes.
const PLAIN: [usize; 6] = [
    section::CODES,
    section::PROBES,
    section::BUCKETS,
    section::PATTERNS,
    section::NOISE,
    section::SUB_CODES,
];

#[derive(Debug, Clone)]
struct Model {
    platform: String,
    unknown_retry: Retry,
    strings: Vec<String>,
    entries: Vec<[u32; entry::LEN]>,
    retries: Vec<Retry>,
    groups: Vec<(String, String)>,
    ints: BTreeMap<i64, (u32, u32)>,
    strs: BTreeMap<String, (u32, u32)>,
    design: Design,
    twins: Vec<(u32, u32)>,
    plain: Vec<Vec<u32>>,
    codes: Vec<Code>,
    names: Vec<String>,
    paths: Vec<Vec<String>>,
    /// The envelope's levels; none without one.
    envelope: Vec<Envelope>,
}

fn retry() -> impl Strategy<Value = Retry> {
    prop_oneof![
        Just(Retry::Permanent),
        Just(Retry::Transient),
        Just(Retry::Throttled(None)),
        (0..u64::MAX).prop_map(|secs| Retry::Throttled(Some(secs))),
        Just(Retry::Reauthenticate),
        Just(Retry::AlreadyApplied),
    ]
}

/// An entry index or `NONE`, and a code index or `NONE`: what a slot holds.
fn slot_value() -> impl Strategy<Value = (u32, u32)> {
    let index = prop_oneof![Just(NONE), 0..1_000_000u32];
    (index.clone(), index)
}

/// Integer codes as platforms write them (runs) or anywhere in `i64`.
fn int_code() -> impl Strategy<Value = i64> {
    prop_oneof![-3i64..40, 40_000i64..40_200, any::<i64>()]
}

fn range() -> impl Strategy<Value = (u32, u32)> {
    (any::<u32>(), any::<u32>())
}

fn envelope() -> impl Strategy<Value = Envelope> {
    (
        [
            range(),
            range(),
            range(),
            range(),
            range(),
            range(),
            range(),
        ],
        any::<[bool; 4]>(),
        prop_oneof![Just(Format::Json), Just(Format::Xml), Just(Format::Auto)],
    )
        .prop_map(
            |(
                [code, message, sub_code, sub_message, request_id, success, success_message],
                [success_without_code, status_led, success_empty, lists],
                format,
            )| {
                Envelope {
                    code,
                    message,
                    sub_code,
                    sub_message,
                    request_id,
                    success,
                    success_message,
                    success_without_code,
                    status_led,
                    success_empty,
                    lists,
                    format,
                }
            },
        )
}

fn model() -> impl Strategy<Value = Model> {
    let text = || "[a-z中文 ,{}]{0,6}";
    (
        (text(), retry(), prop::collection::vec(text(), 0..20)),
        prop::collection::vec(any::<[u32; entry::LEN]>(), 0..10),
        prop::collection::vec(retry(), 0..6),
        prop::collection::vec((text(), text()), 0..4),
        prop::collection::btree_map(int_code(), slot_value(), 0..60),
        // Up to 45 bytes: longer than the 32 a slot's words hold, with multi-byte chars.
        prop::collection::btree_map("[A-Z中][A-Z0-9.中-]{0,14}", slot_value(), 0..10),
        prop_oneof![Just(Design::Auto), Just(Design::Displace)],
        prop::collection::vec((any::<u32>(), any::<u32>()), 0..4),
        prop::collection::vec(prop::collection::vec(any::<u32>(), 0..12), PLAIN.len()),
        (
            prop::collection::vec(
                prop_oneof![any::<i64>().prop_map(Code::Int), text().prop_map(Code::Str)],
                0..6,
            ),
            prop::collection::vec(text(), 0..6),
            prop::collection::vec(prop::collection::vec(text(), 1..4), 0..6),
            prop::collection::vec(envelope(), 0..4),
        ),
    )
        .prop_map(
            |(
                (platform, unknown_retry, strings),
                entries,
                retries,
                groups,
                ints,
                strs,
                design,
                twins,
                plain,
                (codes, names, paths, envelope),
            )| Model {
                platform,
                unknown_retry,
                strings,
                entries,
                retries,
                groups,
                ints,
                strs,
                design,
                twins,
                plain,
                codes,
                names,
                paths,
                envelope,
            },
        )
}

/// The model written; the ids of its strings, retries and groups.
struct Written {
    encoded: Encoded,
    strings: Vec<u32>,
    retries: Vec<u32>,
}

fn write(model: &Model) -> Written {
    let mut writer = Writer::new(&model.platform, model.unknown_retry);
    let strings = model.strings.iter().map(|s| writer.string(s)).collect();
    let retries = model.retries.iter().map(|&r| writer.retry(r)).collect();
    for (id, title) in &model.groups {
        let words = [writer.string(id), writer.string(title)];
        writer.push(section::GROUPS, words);
    }
    writer.push(section::ENTRIES, model.entries.iter().flatten().copied());
    let ints: Vec<_> = model.ints.iter().map(|(&c, &(f, i))| (c, f, i)).collect();
    writer
        .int_codes(&ints, model.design)
        .unwrap_or_else(|error| panic!("{error}"));
    let strs: Vec<_> = model
        .strs
        .iter()
        .map(|(c, &(f, i))| (c.as_str(), f, i))
        .collect();
    writer
        .str_codes(&strs, model.design)
        .unwrap_or_else(|error| panic!("{error}"));
    writer.push(
        section::TWINS,
        model.twins.iter().flat_map(|&(a, b)| [a, b]),
    );
    for (&id, words) in PLAIN.iter().zip(&model.plain) {
        writer.push(id, words.iter().copied());
    }
    assert_eq!(writer.codes(model.codes.iter().cloned()), 0);
    assert_eq!(writer.names(model.names.iter().cloned()), 0);
    let (start, len) = writer.paths(model.paths.iter().cloned());
    assert_eq!((start as usize, len as usize), (0, model.paths.len()));
    for envelope in &model.envelope {
        writer.envelope(envelope);
    }
    Written {
        encoded: writer.finish(),
        strings,
        retries,
    }
}

fn entry_of(stored: u32) -> usize {
    if stored == NONE {
        UNKNOWN
    } else {
        stored as usize
    }
}

fn assert_codes_read_back(model: &Model, view: &View<'_>, unknown: &[i64]) {
    for (&code, &(fallback, index)) in &model.ints {
        assert_eq!(view.int_slot(code), (entry_of(fallback), index), "{code}");
        assert_eq!(view.int_entry(code), entry_of(fallback), "{code}");
    }
    for &code in unknown.iter().filter(|code| !model.ints.contains_key(code)) {
        assert_eq!(view.int_slot(code), (UNKNOWN, NONE), "{code}");
        assert_eq!(view.int_entry(code), UNKNOWN, "{code}");
    }
    for (code, &(fallback, index)) in &model.strs {
        assert_eq!(view.str_slot(code), (entry_of(fallback), index), "{code}");
        let other = format!("{code}x");
        if !model.strs.contains_key(&other) {
            assert_eq!(view.str_slot(&other), (UNKNOWN, NONE), "{other}");
        }
    }
    // An empty slot holds the empty code with no entry: it finds nothing.
    if !model.strs.contains_key("") {
        assert_eq!(view.str_slot(""), (UNKNOWN, NONE));
    }
    match (model.design, view.int_index()) {
        (Design::Displace, IntIndex::Displace { .. }) | (Design::Auto, _) => {}
        (design, index) => panic!("{design:?} wrote {index:?}"),
    }
}

fn assert_data_reads_back(model: &Model, written: &Written, view: &View<'_>) {
    assert_eq!(view.platform(), model.platform);
    assert_eq!(view.unknown_retry(), Some(model.unknown_retry));
    for (text, &id) in model.strings.iter().zip(&written.strings) {
        assert_eq!(view.string(id), text);
    }
    assert_eq!(view.optional(NONE), None);
    for (&retry, &index) in model.retries.iter().zip(&written.retries) {
        assert_eq!(view.retry(index), Some(retry));
    }
    assert_eq!(view.len(), model.entries.len());
    for (index, words) in model.entries.iter().enumerate() {
        for (field, &word) in words.iter().enumerate() {
            assert_eq!(view.field(index, field), Some(word));
        }
    }
    assert_eq!(view.field(model.entries.len(), entry::NAME), None);
    for (index, (id, title)) in model.groups.iter().enumerate() {
        assert_eq!(
            view.group(index as u32),
            Some((id.as_str(), title.as_str()))
        );
    }
    for &(entry, _) in &model.twins {
        let expected: Vec<usize> = model
            .twins
            .iter()
            .filter(|&&(e, _)| e == entry)
            .map(|&(_, twin)| twin as usize)
            .collect();
        assert_eq!(view.twins(entry as usize).collect::<Vec<_>>(), expected);
    }
    for (&id, words) in PLAIN.iter().zip(&model.plain) {
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        assert_eq!(view.section(id), bytes.as_slice());
    }
    assert_eq!(view.envelope(), model.envelope.first().copied());
    assert_eq!(view.levels(), model.envelope.len());
    for (index, level) in model.envelope.iter().enumerate() {
        assert_eq!(view.level(index), Some(*level));
    }
    assert_eq!(view.level(model.envelope.len()), None);
    let encoded = &written.encoded;
    assert_eq!(encoded.codes, model.codes);
    assert_eq!(encoded.names, model.names);
    let keys: Vec<&Vec<String>> = encoded.paths.iter().map(|path| &path.keys).collect();
    assert_eq!(keys, model.paths.iter().collect::<Vec<_>>());
    for path in &encoded.paths {
        assert_eq!(path.text, errcodes_layout::path_text(&path.keys));
        if !path.keys.iter().any(|key| key == errcodes_layout::ITEMS) {
            assert_eq!(path.text, path.keys.join("."));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn what_the_writer_writes_the_view_reads(
        model in model(),
        unknown in prop::collection::vec(int_code(), 0..20),
    ) {
        let written = write(&model);
        let view = View::new(&written.encoded.text, &written.encoded.bytes);
        assert_data_reads_back(&model, &written, &view);
        assert_codes_read_back(&model, &view, &unknown);
    }

    /// Whatever the bytes, reading is total.
    #[test]
    fn any_bytes_read_without_panicking(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        code in any::<i64>(),
        id in any::<u32>(),
    ) {
        let view = View::new("some text", &bytes);
        let _ = (view.string(id), view.platform(), view.unknown_retry(), view.envelope());
        let _ = (view.int_slot(code), view.int_entry(code), view.str_slot("A"));
        let _ = view.str_slot("a code longer than a slot's words hold");
        let _ = (view.field(id as usize, 0), view.group(id), view.twins(0).count());
    }
}

/// A code longer than the 32 bytes a slot's words hold is also compared as text: one that
/// differs only in the middle is unknown, though in a table of one slot it lands in the
/// known code's slot, whose words it shares.
#[test]
fn a_long_code_is_compared_whole() {
    let code = "isv.a-long-code-whose-middle-is-not-in-the-words";
    let mut writer = Writer::new("p", Retry::Permanent);
    writer
        .str_codes(&[(code, 3, 0)], Design::Displace)
        .unwrap_or_else(|error| panic!("{error}"));
    let encoded = writer.finish();
    let view = View::new(&encoded.text, &encoded.bytes);
    assert_eq!(view.str_slot(code), (3, 0));
    let middle = code.replacen("middle", "muddle", 1);
    assert_eq!(
        errcodes_layout::Folded::of(&middle),
        errcodes_layout::Folded::of(code)
    );
    assert_eq!(view.str_slot(&middle), (UNKNOWN, NONE));
}

/// Distinct codes can share the key one multiply places them by (`str_key` has no multiply
/// of its own): `"bbbb"` and `"cbbbb"` do. They are then hashed and displaced, both found;
/// a table that must take one multiply is an error.
#[test]
fn codes_that_share_a_key_are_hashed_and_displaced() {
    let [a, b] = ["bbbb", "cbbbb"];
    let key = |code: &str| errcodes_layout::str_key(code, &errcodes_layout::Folded::of(code));
    assert_eq!(key(a), key(b));
    let mut writer = Writer::new("p", Retry::Permanent);
    writer
        .str_codes(&[(a, 0, 0), (b, 1, 1)], Design::Auto)
        .unwrap_or_else(|error| panic!("{error}"));
    let encoded = writer.finish();
    let view = View::new(&encoded.text, &encoded.bytes);
    assert!(matches!(view.str_index(), IntIndex::Displace { .. }));
    assert_eq!((view.str_slot(a), view.str_slot(b)), ((0, 0), (1, 1)));
    assert_eq!(view.str_slot("dbbbb"), (UNKNOWN, NONE));
    let mut writer = Writer::new("p", Retry::Permanent);
    assert!(writer
        .str_codes(&[(a, 0, 0), (b, 1, 1)], Design::Multiply)
        .is_err());
}

fn written_ints(codes: &[i64], design: Design) -> Result<IntIndex, errcodes_layout::Error> {
    let slots: Vec<_> = codes.iter().zip(0..).map(|(&c, i)| (c, i, i)).collect();
    let mut writer = Writer::new("p", Retry::Permanent);
    writer.int_codes(&slots, design)?;
    let encoded = writer.finish();
    let view = View::new(&encoded.text, &encoded.bytes);
    for (&code, i) in codes.iter().zip(0..) {
        assert_eq!(view.int_slot(code), (i as usize, i));
    }
    Ok(view.int_index())
}

/// `len` codes spread at random over eight digits.
fn sparse(len: i64) -> Vec<i64> {
    let codes: BTreeSet<i64> = (0..len)
        .map(|i| 10_000 + (errcodes_layout::hash_int(i, 0) % 99_990_000) as i64)
        .collect();
    codes.into_iter().collect()
}

#[test]
fn codes_in_runs_take_one_multiply() {
    let runs: Vec<i64> = (0..300)
        .map(|i| 40_000 + (i / 50) * 1_000 + i % 50)
        .collect();
    let index = written_ints(&runs, Design::Auto).unwrap();
    assert!(matches!(index, IntIndex::Multiply { .. }), "{index:?}");
}

#[test]
fn codes_no_multiplier_places_fall_back_to_hash_and_displace() {
    let codes = sparse(2_000);
    assert!(codes.len() > 1_990);
    let index = written_ints(&codes, Design::Auto).unwrap();
    assert!(matches!(index, IntIndex::Displace { .. }), "{index:?}");
    let error = written_ints(&codes, Design::Multiply).unwrap_err();
    assert!(
        matches!(error, errcodes_layout::Error::Unplaced { codes: n, .. } if n == codes.len()),
        "{error:?}"
    );
}

#[test]
fn codes_that_hash_alike_are_named_in_the_error() {
    let mut writer = Writer::new("p", Retry::Permanent);
    let error = writer
        .int_codes(&[(5, 0, 0), (-7, 1, 1), (5, 2, 2)], Design::Auto)
        .unwrap_err();
    assert_eq!(
        error,
        errcodes_layout::Error::Collision(Code::Int(5), Code::Int(5))
    );
    let shown = error.to_string();
    assert!(
        shown.starts_with("the codes 5 and 5 have the same hash")
            && shown.contains("please report"),
        "{shown}"
    );
    let error = writer
        .str_codes(&[("A", 0, 0), ("A", 1, 1)], Design::Auto)
        .unwrap_err();
    assert_eq!(
        error.to_string().split(" have").next(),
        Some("the codes \"A\" and \"A\"")
    );
}
