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

/// Byte offsets of char boundaries of `text` from `from` on, `text.len()` included.
fn boundaries(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    text[from..]
        .char_indices()
        .map(move |(i, _)| from + i)
        .chain(core::iter::once(text.len()))
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
        let found = boundaries(text, field_start)
            .skip(1)
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
    let found = boundaries(text, field_start)
        .skip(1)
        .find(|&start| match_at(text, start, last) == Some(text.len()));
    let Some(start) = found else {
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
        boundaries(text, 0)
            .skip(1)
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
}
