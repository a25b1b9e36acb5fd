//! Placeholders in a message → template fields, only where they clearly are placeholders:
//!
//! - a run of three or more `x` or of three or more `X` (`xxx`, `XXXXXX`) that touches no
//!   other ASCII letter or digit;
//! - `{name}` (the field keeps the name), `{}` and `{0}`;
//! - `%s` and `%d`.
//!
//! A field is named after an identifier right before it, in brackets or as a word
//! (`(spec_no):xxx` → `{spec_no}`, `for column xxx` → `{column}`); else `field1`,
//! `field2`… Any other brace is literal and written `{{` or `}}`. A placeholder right after
//! another, with no text between, stays literal: no message could tell where one ends.

use crate::import::unique::first_free;

/// The most fields one message may have (the spec's limit).
const MAX_FIELDS: usize = 8;

/// Words that name nothing: `is %s` is not a field called `is`.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
    "no", "not", "of", "on", "or", "than", "that", "the", "this", "to", "was", "with",
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Template {
    /// The message as the spec writes it: fields in braces, literal braces doubled.
    pub text: String,
    /// The literal text around the fields, as the matcher compares it.
    pub lits: Vec<String>,
    /// Each placeholder as the source writes it, and its field.
    pub fields: Vec<(String, String)>,
    /// The message with each placeholder blanked out: what a name is made from.
    pub words: String,
}

impl Template {
    /// Says which placeholders became which fields.
    pub fn note(&self) -> Option<String> {
        if self.fields.is_empty() {
            return None;
        }
        let pairs: Vec<String> = self
            .fields
            .iter()
            .map(|(source, field)| format!("`{source}` → `{{{field}}}`"))
            .collect();
        Some(format!(
            "placeholders in the source became template fields: {}",
            pairs.join(", ")
        ))
    }
}

pub fn template(message: &str) -> Template {
    let chars: Vec<char> = message.chars().collect();
    let mut out = Template::default();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        let adjacent = !out.fields.is_empty() && lit.is_empty();
        if !adjacent && out.fields.len() < MAX_FIELDS {
            if let Some((len, explicit)) = placeholder_at(&chars, i) {
                let field = field_name(explicit, &lit, &out.fields);
                out.text
                    .extend(['{'].into_iter().chain(field.chars()).chain(['}']));
                out.words.push(' ');
                out.lits.push(std::mem::take(&mut lit));
                out.fields.push((chars[i..i + len].iter().collect(), field));
                i += len;
                continue;
            }
        }
        let c = chars[i];
        match c {
            '{' => out.text.push_str("{{"),
            '}' => out.text.push_str("}}"),
            c => out.text.push(c),
        }
        lit.push(c);
        out.words.push(c);
        i += 1;
    }
    out.lits.push(lit);
    out
}

/// The length in chars of a placeholder at `i`, and the name it gives itself.
fn placeholder_at(chars: &[char], i: usize) -> Option<(usize, Option<String>)> {
    let touches = |at: Option<&char>| at.is_some_and(char::is_ascii_alphanumeric);
    match chars[i] {
        '{' => {
            let close = chars[i + 1..].iter().take(64).position(|&c| c == '}')?;
            let inside: String = chars[i + 1..i + 1 + close].iter().collect();
            let named = inside.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && inside
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
            if named {
                Some((close + 2, Some(inside)))
            } else {
                inside
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    .then_some((close + 2, None))
            }
        }
        '%' if matches!(chars.get(i + 1), Some('s' | 'd'))
            && (i == 0 || chars[i - 1] != '%')
            && !touches(chars.get(i + 2)) =>
        {
            Some((2, None))
        }
        c @ ('x' | 'X') if i == 0 || !touches(chars.get(i - 1)) => {
            let run = chars[i..].iter().take_while(|&&next| next == c).count();
            (run >= 3 && !touches(chars.get(i + run))).then_some((run, None))
        }
        _ => None,
    }
}

fn field_name(explicit: Option<String>, before: &str, taken: &[(String, String)]) -> String {
    let free = |name: &str| taken.iter().all(|(_, field)| field != name);
    match explicit.or_else(|| context_name(before)) {
        Some(name) => first_free(&name, "", 2, free),
        None => first_free("field", "", 1, |name| name != "field" && free(name)),
    }
}

/// An identifier right before a placeholder: `(spec_no):`, `column `, `goods_no=`.
fn context_name(before: &str) -> Option<String> {
    let before = before.trim_end();
    let before = before
        .strip_suffix([':', '：', '='])
        .unwrap_or(before)
        .trim_end();
    if let Some(inner) = before.strip_suffix([')', '）']) {
        let (open, bracket) = inner
            .char_indices()
            .rev()
            .find(|&(_, c)| c == '(' || c == '（')?;
        return identifier(&inner[open + bracket.len_utf8()..]);
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '_')
        .last()
        .map_or(before.len(), |(at, _)| at);
    identifier(&before[start..]).filter(|word| !STOPWORDS.contains(&word.as_str()))
}

/// A name from context: two or more ASCII letters, digits and `_`, not starting with a
/// digit; lowercased.
fn identifier(text: &str) -> Option<String> {
    let text = text.trim();
    let ok = text.len() >= 2
        && text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then(|| text.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(message: &str) -> String {
        template(message).text
    }

    #[test]
    fn x_runs_become_fields_named_from_context() {
        assert_eq!(
            text("商家编码xxx已存在,但货品不存在或已删除,货品编号: xxx"),
            "商家编码{field1}已存在,但货品不存在或已删除,货品编号: {field2}"
        );
        assert_eq!(
            text("商家编码(spec_no):xxx,调拨量不能大于可出库存量"),
            "商家编码(spec_no):{spec_no},调拨量不能大于可出库存量"
        );
        assert_eq!(
            text("商家编码（spec_no）:xxx与已删除的规格重复！"),
            "商家编码（spec_no）:{spec_no}与已删除的规格重复！"
        );
        assert_eq!(
            text("Data too long for column xxx"),
            "Data too long for column {column}"
        );
        assert_eq!(
            text("下单时间非法,原始单号为：XXXXXX"),
            "下单时间非法,原始单号为：{field1}"
        );
        assert_eq!(text("不存在的XXX原因:xxx"), "不存在的{field1}原因:{field2}");
    }

    #[test]
    fn only_clear_placeholders_become_fields() {
        for literal in [
            "xx", "xxxl", "boxxx", "1xxx", "Xxx", "100%", "%sx", "%%s", "50%d0",
        ] {
            assert_eq!(text(literal), literal);
        }
        assert_eq!(text(r#"{"code": 1}"#), r#"{{"code": 1}}"#);
        assert_eq!(text("a } b {"), "a }} b {{");
    }

    #[test]
    fn braces_and_printf_placeholders() {
        assert_eq!(
            text("order {order_id} not found"),
            "order {order_id} not found"
        );
        assert_eq!(text("{} and {0}"), "{field1} and {field2}");
        assert_eq!(
            text("is %s, goods_no=%d"),
            "is {field1}, goods_no={goods_no}"
        );
        assert_eq!(text("{id} or {id}"), "{id} or {id2}");
        assert_eq!(text("{a}{b} {A} {_x}"), "{a}{{b}} {A} {_x}");
    }

    #[test]
    fn adjacent_and_surplus_placeholders_stay_literal() {
        assert_eq!(text("xxx%s"), "{field1}%s");
        let nine = "%s,".repeat(9);
        let done = template(&nine);
        assert_eq!(done.fields.len(), MAX_FIELDS);
        assert!(done.text.ends_with("{field8},%s,"), "{}", done.text);
    }

    #[test]
    fn the_note_pairs_source_and_field_and_words_drop_placeholders() {
        let done = template("标记xxx  不存在");
        assert_eq!(
            done.note().as_deref(),
            Some("placeholders in the source became template fields: `xxx` → `{field1}`")
        );
        assert_eq!(done.lits, ["标记", "  不存在"]);
        assert_eq!(done.words, "标记   不存在");
        assert_eq!(template("plain").note(), None);
    }
}
