//! Message templates: `商家编码{spec_no}已存在`, with `{{` and `}}` for literal braces.

use crate::ast::Template;

/// More fields than this in one message is surely a mistake, and the runtime keeps field
/// values in a fixed array.
pub use errcodes_layout::MAX_FIELDS;

/// Parses a message. The error says what is wrong and how to fix it.
pub fn parse(text: &str) -> Result<Template, String> {
    let mut lits = Vec::new();
    let mut lit = String::new();
    let mut fields: Vec<String> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, c)| c) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|&(_, c)| c) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '}' => {
                return Err(format!(
                    "unmatched `}}` at byte {at}; write `}}}}` for a literal brace"
                ))
            }
            '{' => {
                let mut name = String::new();
                let closed = loop {
                    match chars.next() {
                        Some((_, '}')) => break true,
                        Some((_, c)) => name.push(c),
                        None => break false,
                    }
                };
                if !closed {
                    return Err(format!(
                        "unclosed `{{` at byte {at}; close the field with `}}`, or write `{{{{` for a literal brace"
                    ));
                }
                check_field(&name)?;
                if fields.contains(&name) {
                    return Err(format!(
                        "field `{name}` appears twice; give each field its own name"
                    ));
                }
                if lit.is_empty() && !fields.is_empty() {
                    return Err(format!(
                        "field `{name}` follows field `{}` with no text between them, so no \
                         message can tell where one ends; put literal text between fields",
                        fields[fields.len() - 1]
                    ));
                }
                fields.push(name);
                lits.push(std::mem::take(&mut lit));
            }
            c => lit.push(c),
        }
    }
    lits.push(lit);
    if fields.len() > MAX_FIELDS {
        return Err(format!(
            "{} fields in one message; at most {MAX_FIELDS} are supported",
            fields.len()
        ));
    }
    Ok(Template { lits, fields })
}

fn check_field(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("empty field `{}`; name the field, as in `{order_no}`, or write `{{}}` for literal braces".into());
    }
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!(
            "field name `{{{name}}}` is not an identifier; use letters, digits and `_`, not starting with a digit (as in `{{order_no}}`), or write `{{{{` for a literal brace"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> (Vec<&'static str>, Vec<String>) {
        let t = parse(text).expect("valid template");
        let lits = t
            .lits
            .iter()
            .map(|s| &*Box::leak(s.clone().into_boxed_str()))
            .collect();
        (lits, t.fields)
    }

    #[test]
    fn splits_literals_and_fields() {
        assert_eq!(
            ok("商家编码{spec_no}已存在,货品编号: {goods_no}"),
            (
                vec!["商家编码", "已存在,货品编号: ", ""],
                vec!["spec_no".to_owned(), "goods_no".to_owned()]
            )
        );
        assert_eq!(ok("plain"), (vec!["plain"], vec![]));
        assert_eq!(ok("{x}"), (vec!["", ""], vec!["x".to_owned()]));
    }

    #[test]
    fn doubled_braces_are_literal() {
        assert_eq!(
            ok("a {{b}} {c}"),
            (vec!["a {b} ", ""], vec!["c".to_owned()])
        );
        assert_eq!(parse("{{}}").expect("valid").display(), "{}");
    }

    #[test]
    fn display_round_trips_fields() {
        let text = "员工{employee} 不存在或已删除!";
        assert_eq!(parse(text).expect("valid").display(), text);
    }

    #[test]
    fn rejects_bad_templates_with_a_fix() {
        for (text, says) in [
            ("a {b", "unclosed `{`"),
            ("a }", "unmatched `}`"),
            ("{}", "empty field"),
            ("{1x}", "not an identifier"),
            ("{a b}", "not an identifier"),
            ("{a} and {a}", "appears twice"),
            ("{a}{b}", "no text between"),
            ("{a}{b}{c}{d}{e}{f}{g}{h}{i}", "no text between"),
        ] {
            let error = parse(text).expect_err(text);
            assert!(error.contains(says), "{text}: {error}");
        }
        let nine: String = (0..9).map(|i| format!("{{f{i}}}-")).collect();
        assert!(parse(&nine).expect_err("too many").contains("at most 8"));
    }
}
