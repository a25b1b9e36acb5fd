use super::*;

/// The matcher as first written: every char boundary is a candidate start, and both
/// sides are normalised char by char. Quadratic, but plainly right; the fast one must
/// agree with it.
mod reference {
    use super::super::normalize;

    pub struct Pattern {
        pub lits: Vec<&'static str>,
    }

    impl Pattern {
        pub fn of(pattern: &super::Pattern<'static>) -> Self {
            Pattern {
                lits: pattern.lits.iter().collect(),
            }
        }
    }

    fn chars_from(text: &str, at: usize) -> impl Iterator<Item = (char, usize)> + '_ {
        let mut iter = text[at..].char_indices().peekable();
        core::iter::from_fn(move || {
            let (offset, c) = iter.next()?;
            let c = normalize(c);
            let mut end =
                at + offset + text[at + offset..].chars().next().map_or(0, char::len_utf8);
            if c == ' ' {
                while let Some(&(next, d)) = iter.peek() {
                    if !d.is_whitespace() {
                        break;
                    }
                    end = at + next + d.len_utf8();
                    iter.next();
                }
            }
            Some((c, end))
        })
    }

    fn match_at(text: &str, at: usize, lit: &str) -> Option<usize> {
        let mut end = at;
        let mut hay = chars_from(text, at);
        for (want, _) in chars_from(lit, 0) {
            let (got, next) = hay.next()?;
            if got != want {
                return None;
            }
            end = next;
        }
        Some(end)
    }

    fn boundaries(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
        text[from..]
            .char_indices()
            .map(move |(i, _)| from + i)
            .chain(core::iter::once(text.len()))
    }

    pub fn match_pattern(text: &str, pattern: &Pattern, out: &mut [(usize, usize)]) -> bool {
        let Some((first, rest)) = pattern.lits.split_first() else {
            return false;
        };
        let Some(mut pos) = match_at(text, 0, first) else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            return pos == text.len();
        };
        for (i, lit) in middle.iter().enumerate() {
            let field_start = pos;
            let Some((start, end)) = boundaries(text, field_start)
                .skip(1)
                .find_map(|start| match_at(text, start, lit).map(|end| (start, end)))
            else {
                return false;
            };
            out[i] = (field_start, start);
            pos = end;
        }
        let field_start = pos;
        let Some(start) = boundaries(text, field_start)
            .skip(1)
            .find(|&start| match_at(text, start, last) == Some(text.len()))
        else {
            return false;
        };
        out[middle.len()] = (field_start, start);
        true
    }

    pub fn strip_noise<'m>(text: &'m str, noise: &[Pattern]) -> &'m str {
        let mut text = text.trim();
        while let Some(start) = noise.iter().find_map(|pattern| {
            boundaries(text, 0)
                .skip(1)
                .take_while(|&start| start < text.len())
                .find(|&start| match_pattern(&text[start..], pattern, &mut [(0, 0); 8]))
        }) {
            text = text[..start].trim_end();
        }
        text
    }
}

mod properties {
    use proptest::prelude::*;

    use super::{match_pattern, pattern as make, reference, strip_noise, Pattern};

    /// Few chars, so that literals occur in messages, and every kind the matcher
    /// treats specially: whitespace runs, full-width forms, multi-byte chars.
    const ALPHABET: &[char] = &[
        'a', 'b', ' ', '\t', '\n', '\u{3000}', '\u{A0}', 'ａ', '，', ',', '字', '\u{301}',
    ];

    fn text(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
            .prop_map(|chars| chars.into_iter().collect())
    }

    /// Literals as a spec may write them: non-empty between fields; `make` trims the
    /// ends and normalises them, as the macro does.
    fn lits() -> impl Strategy<Value = Vec<String>> {
        (text(4), prop::collection::vec(text(4), 0..3)).prop_map(|(first, rest)| {
            let mut lits = vec![first];
            for lit in rest {
                let lit = if normal(&lit).is_empty() || normal(&lit) == " " {
                    "b".to_owned()
                } else {
                    lit
                };
                lits.push(lit);
            }
            lits
        })
    }

    fn normal(text: &str) -> String {
        super::normal_string(text)
    }

    fn pattern_of(lits: &[String]) -> Pattern<'static> {
        let lits: Vec<&str> = lits.iter().map(String::as_str).collect();
        let fields: Vec<String> = (1..lits.len()).map(|i| format!("f{i}")).collect();
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        make(&lits, &fields)
    }

    /// A message built from the literals with random values between them, so that most
    /// cases match or nearly match; or a random message.
    fn case() -> impl Strategy<Value = (Vec<String>, String)> {
        lits().prop_flat_map(|lits| {
            let n = lits.len();
            let built = (prop::collection::vec(text(4), n), text(3), text(3)).prop_map({
                let lits = lits.clone();
                move |(values, head, tail)| {
                    let mut out = head;
                    for (lit, value) in lits.iter().zip(&values) {
                        out.push_str(lit);
                        out.push_str(value);
                    }
                    out.push_str(&tail);
                    out
                }
            });
            let message = prop_oneof![3 => built, 1 => text(24)];
            (Just(lits), message)
        })
    }

    /// Chars of plain text (ASCII, no control char), and the literals of WeChat's noise.
    const PLAIN: &[char] = &['a', 'b', ' ', ':', '[', ']', 'r', 'i', 'd', ','];

    fn plain_text(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PLAIN), 0..max)
            .prop_map(|chars| chars.into_iter().collect())
    }

    /// Literals and a message of plain chars, built from them as [`case`] builds one.
    fn plain_case() -> impl Strategy<Value = (Vec<String>, String)> {
        let lits = (plain_text(6), prop::collection::vec(plain_text(3), 0..3));
        lits.prop_flat_map(|(first, rest)| {
            let mut lits = vec![first];
            lits.extend(rest.into_iter().map(|lit| {
                if lit.trim().is_empty() {
                    "]".to_owned()
                } else {
                    lit
                }
            }));
            let n = lits.len();
            let built = (prop::collection::vec(plain_text(5), n), plain_text(8)).prop_map({
                let lits = lits.clone();
                move |(values, head)| {
                    let mut out = head;
                    for (lit, value) in lits.iter().zip(&values) {
                        out.push_str(lit);
                        out.push_str(value);
                    }
                    out
                }
            });
            (Just(lits), prop_oneof![3 => built, 1 => plain_text(24)])
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn plain_is_ascii_without_control_chars_or_two_spaces(text in text(40), other in plain_text(40)) {
            for text in [text.as_str(), other.as_str()] {
                let plain = text.bytes().all(|b| (0x20..0x80).contains(&b)) && !text.contains("  ");
                prop_assert_eq!(super::super::plain::is_plain(text), plain, "{:?}", text);
            }
        }

        /// On plain text, the byte match agrees with the general one, field ranges included.
        #[test]
        fn plain_match_agrees((lits, text) in plain_case()) {
            let pattern = pattern_of(&lits);
            let text = text.trim();
            prop_assume!(super::super::plain::is_plain(text));
            let (mut fast, mut slow) = ([(0, 0); 8], [(0, 0); 8]);
            let plain = super::super::plain::match_plain(text, &pattern, &mut fast);
            prop_assert_eq!(plain, match_pattern(text, &pattern, &mut slow));
            if plain {
                prop_assert_eq!(fast, slow);
            }
        }

        /// On plain text, the byte search strips the noise the general one does, and sees
        /// the same tails with the same field ranges.
        #[test]
        fn plain_strip_agrees((lits, text) in plain_case(), other in plain_case()) {
            // Noise starts with literal text.
            let noise = [lits, other.0].map(|mut lits| {
                if lits[0].trim().is_empty() {
                    lits[0] = " rid: ".to_owned();
                }
                pattern_of(&lits)
            });
            let text = text.trim();
            prop_assume!(super::super::plain::is_plain(text));
            let mut ranges = [(0, 0); 8];
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            let plain = super::super::plain::strip(text, noise.iter().copied(), &mut ranges, |p, tail, ranges, _| {
                fast.push((p.lits.get(0), tail, ranges[..p.fields.len()].to_vec()));
            });
            let mut text = text;
            while let Some((start, p)) = noise.iter().find_map(|p| {
                super::super::noise_start(text, p, &mut ranges).map(|start| (start, p))
            }) {
                slow.push((p.lits.get(0), &text[start..], ranges[..p.fields.len()].to_vec()));
                text = text[..start].trim_end();
            }
            prop_assert_eq!(plain, Some(text));
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn match_pattern_agrees((lits, text) in case()) {
            let pattern = pattern_of(&lits);
            let text = text.trim();
            let mut fast = [(0, 0); 8];
            let mut slow = [(0, 0); 8];
            let matched = match_pattern(text, &pattern, &mut fast);
            let oracle = reference::Pattern::of(&pattern);
            prop_assert_eq!(matched, reference::match_pattern(text, &oracle, &mut slow));
            if matched {
                prop_assert_eq!(fast, slow);
            }
        }

        #[test]
        fn strip_noise_agrees((lits, text) in case(), other in lits()) {
            let noise: Vec<Pattern<'static>> = [pattern_of(&lits), pattern_of(&other)]
                .into_iter()
                .filter(|p| !p.lits.get(0).trim().is_empty() && p.lits.len() > 1)
                .collect();
            let oracle: Vec<reference::Pattern> = noise.iter().map(reference::Pattern::of).collect();
            prop_assert_eq!(
                strip_noise(&text, &noise.iter().copied(), |_, _, _, _| {}),
                reference::strip_noise(&text, &oracle)
            );
        }
    }
}

#[test]
fn long_whitespace_runs_match_and_strip() {
    // Megabyte runs: a quadratic matcher would hang here for hours (speed itself is
    // measured in benches/, not asserted in tests).
    let run = " \u{3000}\t".repeat(200_000);
    let p = pattern(&["a", " b", "!"], &["x", "y"]);
    let text = format!("a1{run}c{run}b2{run}");
    assert!(!match_pattern(text.trim(), &p, &mut [(0, 0); 2]));
    let text = format!("a1{run}b2{run}!");
    let text = text.trim();
    let mut out = [(0, 0); 2];
    assert!(match_pattern(text, &p, &mut out));
    assert_eq!(out.map(|(start, end)| end - start), [1, 1 + run.len()]);
    let noise = [pattern(&[" rid: ", ""], &["rid"])];
    assert_eq!(
        strip_noise(
            &format!("x{run}y rid: {run}z"),
            &noise.iter().copied(),
            |_, _, _, _| {}
        ),
        format!("x{run}y")
    );
}

#[test]
fn noise_of_two_fields_is_tried_at_its_first_start_only() {
    // Every " rid: " could start the noise. A matcher that tried each one, searching the
    // rest for " at ", would be quadratic on this megabyte message.
    let noise = [pattern(&[" rid: ", " at ", ""], &["rid", "at"])];
    let many = " rid: 1".repeat(150_000);
    let text = format!("x{many}");
    assert_eq!(
        strip_noise(&text, &noise.iter().copied(), |_, _, _, _| {}),
        text
    );
    let text = format!("x{many} at 2");
    assert_eq!(
        strip_noise(&text, &noise.iter().copied(), |_, _, _, _| {}),
        "x"
    );
    assert_eq!(stripped("x rid: 1 y rid: 2 at 3", &noise), "x");
    assert_eq!(stripped("x rid: 1 at", &noise), "x rid: 1 at");
}

/// Strings as a table holds them, leaked: tests may.
fn strings(items: &[&str]) -> Strings<'static> {
    let mut text = String::new();
    let mut bounds = vec![0; 4];
    for item in items {
        text.push_str(item);
        bounds.extend(u32::try_from(text.len()).expect("short").to_le_bytes());
    }
    Strings::new(
        Box::leak(text.into_boxed_str()),
        Box::leak(bounds.into_boxed_slice()),
    )
}

/// A pattern as the macro writes it: literals trimmed at the ends and normalised.
fn pattern(lits: &[&str], fields: &[&str]) -> Pattern<'static> {
    let last = lits.len() - 1;
    let lits: Vec<String> = lits
        .iter()
        .enumerate()
        .map(|(i, lit)| {
            let lit = if i == 0 { lit.trim_start() } else { lit };
            let lit = if i == last { lit.trim_end() } else { lit };
            normal_string(lit)
        })
        .collect();
    let min_len = lits.iter().map(String::len).sum::<usize>() + fields.len();
    let lits: Vec<&str> = lits.iter().map(String::as_str).collect();
    Pattern {
        lits: strings(&lits),
        fields: strings(fields),
        min_len: u32::try_from(min_len).expect("short"),
    }
}

fn normal_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().map(normalize) {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// The field values both matchers find, which must agree.
fn fields<'t>(text: &'t str, pattern: &Pattern<'static>) -> Option<Vec<&'t str>> {
    let text = text.trim();
    let values =
        |out: Vec<(usize, usize)>| out.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>();
    let mut out = vec![(0, 0); pattern.fields.len()];
    let oracle = reference::match_pattern(text, &reference::Pattern::of(pattern), &mut out)
        .then(|| values(out));
    let mut out = vec![(0, 0); pattern.fields.len()];
    let found = match_pattern(text, pattern, &mut out).then(|| values(out));
    assert_eq!(found, oracle, "{text:?} against {pattern:?}");
    found
}

/// What is left of a message once noise is stripped, checked against the oracle.
fn stripped<'t>(text: &'t str, noise: &[Pattern<'static>]) -> &'t str {
    let found = strip_noise(text, &noise.iter().copied(), |_, _, _, _| {});
    let noise: Vec<reference::Pattern> = noise.iter().map(reference::Pattern::of).collect();
    assert_eq!(found, reference::strip_noise(text, &noise), "{text:?}");
    found
}

#[test]
fn literals_match_whole_messages_only() {
    let p = pattern(&["应用错误"], &[]);
    assert_eq!(fields("应用错误", &p), Some(vec![]));
    assert_eq!(fields("应用错误!", &p), None);
    assert_eq!(fields("应用", &p), None);
}

#[test]
fn templates_capture_field_values() {
    let p = pattern(
        &["商家编码", "已存在,货品编号: ", ""],
        &["spec_no", "goods_no"],
    );
    assert_eq!(
        fields("商家编码A-1已存在,货品编号: G9", &p),
        Some(vec!["A-1", "G9"])
    );
    assert_eq!(
        fields("商家编码已存在,货品编号: G9", &p),
        None,
        "fields are non-empty"
    );
    let p = pattern(&["", "不能为空"], &["field"]);
    assert_eq!(fields("shop_no不能为空", &p), Some(vec!["shop_no"]));
    assert_eq!(fields("不能为空", &p), None);
}

#[test]
fn full_width_punctuation_and_spaces_compare_equal() {
    let p = pattern(&["超过每分钟最大调用频率限制，请稍后重试"], &[]);
    assert_eq!(
        fields("超过每分钟最大调用频率限制,请稍后重试", &p),
        Some(vec![])
    );
    let p = pattern(&["Unparseable date: ", ""], &["date"]);
    assert_eq!(
        fields("Unparseable date：\u{3000} 2024/01/01  10:00", &p),
        Some(vec!["2024/01/01  10:00"])
    );
    assert_eq!(fields("Unparseable  date:", &p), None);
}

#[test]
fn suffix_is_anchored_at_the_end() {
    let p = pattern(&["a", "b"], &["x"]);
    assert_eq!(fields("a1b2b", &p), Some(vec!["1b2"]));
    assert_eq!(fields("a1b2", &p), None);
}

#[test]
fn noise_is_stripped_from_the_tail() {
    let noise = [
        pattern(&[" rid: ", ""], &["rid"]),
        pattern(&[" hint: [", "]"], &["hint"]),
    ];
    assert_eq!(
        stripped("invalid appid hint: [Ab12] rid: 6412-aa", &noise),
        "invalid appid"
    );
    assert_eq!(
        stripped(
            "invalid appid hint：\t[Ab12]\u{3000} rid：  6412-aa",
            &noise
        ),
        "invalid appid"
    );
    assert_eq!(stripped("  plain message ", &noise), "plain message");
    assert_eq!(
        stripped("rid: 5", &noise),
        "rid: 5",
        "a noise-only message stays"
    );
}

#[test]
fn every_char_matches_its_normal_form() {
    for c in (0..=0x3_0000).filter_map(char::from_u32) {
        let n = normalize(c);
        let (lit, wide) = (format!("a{n}b"), format!("a{c}b"));
        assert!(
            match_pattern(&wide, &pattern(&[&lit], &[]), &mut []),
            "{c:?}"
        );
        let p = pattern(&["a", &format!("{n}b")], &["x"]);
        // A whitespace field may merge into the literal's space: the run reads as one.
        assert!(fields(&format!("a{c}{c}b"), &p).is_some(), "{c:?}");
        assert_eq!(
            message_ends(&format!("{c}x{c}")),
            (lead(n), lead(n)),
            "{c:?}"
        );
    }
}

#[test]
fn trim_ends_agrees_with_str_trim_and_the_ends_char_by_char() {
    for c in (0..=0x3_0000).filter_map(char::from_u32) {
        for text in [
            format!("{c}x{c}"),
            format!("{c}"),
            format!("x{c}"),
            format!("{c}x"),
            format!("{c}xyzw{c}"),
        ] {
            let trimmed = text.trim();
            assert_eq!(trim_ends(&text), (trimmed, normal_ends(trimmed)), "{c:?}");
        }
    }
    assert_eq!(trim_ends(""), ("", (0, 0)));
}

#[test]
fn leads_are_the_chars_bytes() {
    assert_eq!(message_ends(""), (0, 0));
    assert_eq!(lead('a'), u32::from(b'a') << 24);
    assert_eq!(lead('商'), 0xE5_95_86_00);
    assert_eq!(lead('😀'), 0xF0_9F_98_80);
    assert_eq!(message_ends("（x！"), (lead('('), lead('!')));
}

#[test]
fn long_messages_match_like_short_ones() {
    let p = pattern(&["长", "，完"], &["x"]);
    let long = format!("长{}，完", "度".repeat(10_000));
    assert_eq!(fields(&long, &p).map(|v| v[0].len()), Some(30_000));
}

#[test]
fn the_fast_matcher_agrees_with_the_reference_on_varied_messages() {
    let templates: &[(&[&str], &[&str])] = &[
        (&["应用错误"], &[]),
        (&["此方法仅支持分页查询：", ""], &["method"]),
        (
            &["商家编码", "已存在,但货品不存在或已删除,货品编号: ", ""],
            &["spec", "goods"],
        ),
        (&["", "不能为空"], &["field"]),
        (&["", "must not be null"], &["field"]),
        (&["货品 ", " 重复!"], &["spec"]),
        (&["标记", "\u{a0} 不存在/已停用/类型错误"], &["tag"]),
        (&["不存在的", "原因:", ""], &["kind", "reason"]),
        (&["a", "b", "b"], &["x", "y"]),
        (&["", " - ", ""], &["x", "y"]),
        (&["（", "）"], &["x"]),
    ];
    let patterns: Vec<Pattern<'_>> = templates
        .iter()
        .map(|(lits, fields)| pattern(lits, fields))
        .collect();
    let values = [
        "A-1",
        "x",
        "b",
        "bb",
        " - ",
        "不能为空",
        "重复!",
        "(1)",
        "原因:",
        "，",
        "  ",
        "\t",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % n as u64).expect("below n")
    };
    let noise = [
        pattern(&[" rid: ", ""], &["rid"]),
        pattern(&[" hint: [", "]"], &["hint"]),
    ];
    let mut matched = 0;
    for round in 0..6_000 {
        let (lits, _) = templates[next(templates.len())];
        let mut message = String::from(lits[0]);
        for lit in &lits[1..] {
            message.push_str(values[next(values.len())]);
            message.push_str(lit);
        }
        // Perturb the way platforms do: other widths, other spaces, extra spaces.
        let message: String = message
            .chars()
            .flat_map(|c| {
                let twin = match c {
                    '!'..='~' if next(4) == 0 => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                    ' ' => [' ', '\u{3000}', '\t', '\u{a0}'][next(4)],
                    c => c,
                };
                let extra = (twin.is_whitespace() && next(3) == 0).then_some(' ');
                core::iter::once(twin).chain(extra)
            })
            .collect();
        let message = match round % 5 {
            0 => format!("  {message}\u{3000}"),
            1 => message.chars().skip(1).collect(),
            _ => message,
        };
        for pattern in &patterns {
            matched += usize::from(fields(&message, pattern).is_some());
        }
        let tail = [" rid: 64a-1", " hint: [x] rid：  7", "rid: 5", " rid:"][next(4)];
        stripped(&format!("{message}{tail}"), &noise);
    }
    assert!(
        matched > 3_000,
        "the corpus exercises matches too: {matched}"
    );
}
