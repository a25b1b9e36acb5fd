//! Message matching without regex and without allocation.
//!
//! Both sides of a comparison go through [`normalize`]: full-width ASCII forms
//! (`，` `：` `（`) become their half-width twins, every kind of whitespace becomes one
//! space, and runs of whitespace compare as one. Messages are trimmed first.

/// A message pattern: literal pieces with a field between each pair, so
/// `lits.len() == fields.len() + 1`. A plain message is one literal and no field.
#[derive(Debug)]
pub struct Pattern {
    /// The literal text around the fields, unescaped (`{{` is already `{`).
    pub lits: &'static [&'static str],
    /// The field names, in order.
    pub fields: &'static [&'static str],
    /// Total length of the literal text in chars: the most specific pattern wins.
    pub weight: u32,
}

/// The same character after normalisation: full-width forms to ASCII, all whitespace to
/// `' '`.
#[must_use]
pub fn normalize(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Normalised chars of `text` from byte `at`, each with the byte offset just past it; a run
/// of whitespace comes out as one space.
fn chars_from(text: &str, at: usize) -> impl Iterator<Item = (char, usize)> + '_ {
    let mut iter = text[at..].char_indices().peekable();
    core::iter::from_fn(move || {
        let (offset, c) = iter.next()?;
        let c = normalize(c);
        let mut end = at + offset + c_len(text, at + offset);
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

fn c_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

/// If `lit` occurs in `text` at byte `at`, the byte offset just past it.
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

/// Byte offsets after `from` where a match may start, `text.len()` included. Inside a run of
/// whitespace only the first is given: the run reads as one space from any of its chars, so
/// the others would repeat its outcome, and trying each would be quadratic in the run.
fn starts(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let mut chars = text[from..].char_indices();
    let mut prev_space = chars.next().map(|(_, c)| c.is_whitespace());
    let mut first = true;
    core::iter::from_fn(move || loop {
        prev_space?;
        let Some((offset, c)) = chars.next() else {
            prev_space = None;
            return Some(text.len());
        };
        let space = c.is_whitespace();
        let repeat = !first && prev_space == Some(true) && space;
        prev_space = Some(space);
        if !repeat {
            first = false;
            return Some(from + offset);
        }
    })
}

/// Normalised chars of `text` from the end, each with its byte range; a run of whitespace
/// comes out as one space spanning the run.
fn chars_rev(text: &str) -> impl Iterator<Item = (char, usize, usize)> + '_ {
    let mut iter = text.char_indices().rev().peekable();
    core::iter::from_fn(move || {
        let (mut start, c) = iter.next()?;
        let end = start + c.len_utf8();
        let c = normalize(c);
        if c == ' ' {
            while let Some((prev, _)) = iter.next_if(|&(_, d)| d.is_whitespace()) {
                start = prev;
            }
        }
        Some((c, start, end))
    })
}

/// The first byte offset after `from` from which the rest of `text` reads as `lit`. Found
/// from the end, so that a failed match costs the length of `lit`, not of `text`.
fn suffix_from(text: &str, from: usize, lit: &str) -> Option<usize> {
    let mut hay = chars_rev(text);
    let (mut start, mut end) = (text.len(), text.len());
    for (want, _, _) in chars_rev(lit) {
        let (got, got_start, got_end) = hay.next()?;
        if got != want {
            return None;
        }
        (start, end) = (got_start, got_end);
    }
    if start > from {
        return Some(start);
    }
    // The first char read may be a run of whitespace that `from` is in: it reads as one
    // space from any of its chars.
    let next = from + c_len(text, from);
    (next < end).then_some(next)
}

/// Matches a trimmed message against `pattern`; on success, gives the byte range of each
/// field's value in `text`, written to `out` (which must hold `pattern.fields.len()`).
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
        let found = starts(text, field_start)
            .find_map(|start| match_at(text, start, lit).map(|end| (start, end)));
        let Some((start, end)) = found else {
            return false;
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = (field_start, start);
        }
        pos = end;
    }
    let field_start = pos;
    let Some(start) = suffix_from(text, field_start, last) else {
        return false;
    };
    if let Some(slot) = out.get_mut(middle.len()) {
        *slot = (field_start, start);
    }
    true
}

/// Strips `noise` patterns from the end of `text`, again and again, then trims. A noise
/// pattern must match a whole tail of the message, such as WeChat's ` rid: {rid}`; a message
/// that is all noise is kept.
#[must_use]
pub fn strip_noise<'m>(text: &'m str, noise: &[Pattern]) -> &'m str {
    let mut text = text.trim();
    while let Some(start) = noise.iter().find_map(|pattern| {
        starts(text, 0)
            .take_while(|&start| start < text.len())
            .find(|&start| match_pattern(&text[start..], pattern, &mut []))
    }) {
        text = text[..start].trim_end();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(lits: &'static [&'static str], fields: &'static [&'static str]) -> Pattern {
        Pattern {
            lits,
            fields,
            weight: 0,
        }
    }

    fn fields<'t>(text: &'t str, pattern: &Pattern) -> Option<Vec<&'t str>> {
        let mut out = vec![(0, 0); pattern.fields.len()];
        match_pattern(text, pattern, &mut out)
            .then(|| out.iter().map(|&(a, b)| &text[a..b]).collect())
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
        assert!(match_pattern(
            "超过每分钟最大调用频率限制,请稍后重试",
            &p,
            &mut []
        ));
        let p = pattern(&["Unparseable date: ", ""], &["date"]);
        assert_eq!(
            fields("Unparseable date：\u{3000} 2024/01/01  10:00", &p),
            Some(vec!["2024/01/01  10:00"])
        );
        assert!(!match_pattern("Unparseable  date:", &p, &mut []));
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
            strip_noise("invalid appid hint: [Ab12] rid: 6412-aa", &noise),
            "invalid appid"
        );
        assert_eq!(strip_noise("  plain message ", &noise), "plain message");
        assert_eq!(
            strip_noise("rid: 5", &noise),
            "rid: 5",
            "a noise-only message stays"
        );
    }

    /// The matcher as first written: every char boundary is a candidate start. Quadratic on
    /// long runs of whitespace, but plainly right; the fast one must agree with it.
    mod reference {
        use super::super::{match_at, Pattern};

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

    mod same_as_reference {
        use proptest::prelude::*;

        use super::super::{match_pattern, strip_noise, Pattern};
        use super::reference;

        /// Few chars, so that literals occur in messages, and every kind the matcher
        /// treats specially: whitespace runs, full-width forms, multi-byte chars.
        const ALPHABET: &[char] = &[
            'a', 'b', ' ', '\t', '\n', '\u{3000}', '\u{A0}', 'ａ', '，', ',', '字', '\u{301}',
        ];

        fn text(max: usize) -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
                .prop_map(|chars| chars.into_iter().collect())
        }

        fn leak(text: String) -> &'static str {
            Box::leak(text.into_boxed_str())
        }

        /// A pattern as the macro generates it: non-empty literals between fields, the
        /// ends trimmed.
        fn pattern() -> impl Strategy<Value = Pattern> {
            (text(4), prop::collection::vec(text(4), 0..3)).prop_map(|(first, rest)| {
                let mut lits = vec![leak(first.trim_start().to_owned())];
                for (i, lit) in rest.iter().enumerate() {
                    let lit = if lit.is_empty() {
                        "b".to_owned()
                    } else {
                        lit.clone()
                    };
                    let lit = if i + 1 == rest.len() {
                        lit.trim_end().to_owned()
                    } else {
                        lit
                    };
                    lits.push(leak(lit));
                }
                let fields = (1..lits.len())
                    .map(|i| leak(format!("f{i}")))
                    .collect::<Vec<_>>();
                Pattern {
                    lits: Box::leak(lits.into_boxed_slice()),
                    fields: Box::leak(fields.into_boxed_slice()),
                    weight: 0,
                }
            })
        }

        /// A message built from the pattern's literals with random values between them,
        /// so that most cases match or nearly match; or a random message.
        fn message(pattern: &Pattern) -> impl Strategy<Value = String> {
            let lits: Vec<&'static str> = pattern.lits.to_vec();
            let built = (prop::collection::vec(text(4), lits.len()), text(3), text(3)).prop_map(
                move |(values, head, tail)| {
                    let mut out = head;
                    for (lit, value) in lits.iter().zip(&values) {
                        out.push_str(lit);
                        out.push_str(value);
                    }
                    out.push_str(&tail);
                    out
                },
            );
            prop_oneof![3 => built, 1 => text(24)]
        }

        fn case() -> impl Strategy<Value = (Pattern, String)> {
            pattern().prop_flat_map(|p| {
                let lits = p.lits;
                let fields = p.fields;
                message(&p).prop_map(move |m| {
                    (
                        Pattern {
                            lits,
                            fields,
                            weight: 0,
                        },
                        m,
                    )
                })
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]

            #[test]
            fn match_pattern_agrees((pattern, text) in case()) {
                let text = text.trim();
                let mut fast = [(0, 0); 8];
                let mut slow = [(0, 0); 8];
                let matched = match_pattern(text, &pattern, &mut fast);
                prop_assert_eq!(matched, reference::match_pattern(text, &pattern, &mut slow));
                if matched {
                    prop_assert_eq!(fast, slow);
                }
            }

            #[test]
            fn strip_noise_agrees((pattern, text) in case(), other in pattern()) {
                let noise: Vec<Pattern> = [pattern, other]
                    .into_iter()
                    .filter(|p| !p.lits[0].trim().is_empty() && p.lits.len() > 1)
                    .collect();
                prop_assert_eq!(strip_noise(&text, &noise), reference::strip_noise(&text, &noise));
            }
        }
    }

    #[test]
    fn long_whitespace_runs_take_linear_time() {
        // Quadratic matching would take hours here; linear takes milliseconds.
        let run = " \u{3000}\t".repeat(200_000);
        let p = pattern(&["a", " b", "!"], &["x", "y"]);
        let text = format!("a1{run}c{run}b2{run}");
        let started = std::time::Instant::now();
        assert!(!match_pattern(text.trim(), &p, &mut [(0, 0); 2]));
        let text = format!("a1{run}b2{run}!");
        assert_eq!(
            fields(&text, &p).map(|values| values.iter().map(|v| v.len()).collect::<Vec<_>>()),
            Some(vec![1, 1 + run.len()])
        );
        let noise = [pattern(&[" rid: ", ""], &["rid"])];
        assert_eq!(
            strip_noise(&format!("x{run}y rid: {run}z"), &noise),
            format!("x{run}y")
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
    }
}
