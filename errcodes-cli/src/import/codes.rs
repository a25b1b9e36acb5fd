//! The code cell of a row: `100`, `-30000`, `990001/990002`, `F00-00-10013-002`, or empty.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Int(i64),
    Str(String),
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Int(code) => write!(f, "{code}"),
            Code::Str(code) => f.write_str(code),
        }
    }
}

/// Longer than this, a "code" is surely a word or a sentence.
const MAX_LEN: usize = 64;

/// The codes of a cell (none for an empty cell); `None` when the cell is not a code.
/// Several codes are joined by `/` or `、`.
pub fn parse(cell: &str) -> Option<Vec<Code>> {
    let cell = cell.trim().trim_matches(|c| c == '`' || c == '*').trim();
    if cell.is_empty() {
        return Some(Vec::new());
    }
    let mut codes = Vec::new();
    for part in cell.split(['/', '、']) {
        let code = one(part.trim())?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Some(codes)
}

fn one(text: &str) -> Option<Code> {
    let ascii_minus = text.replace(['－', '−'], "-");
    let digits = ascii_minus.trim_start_matches(['-', '+']);
    if !digits.is_empty()
        && digits.len() + 1 >= ascii_minus.len()
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return ascii_minus.parse().ok().map(Code::Int);
    }
    let word = text.len() <= MAX_LEN
        && text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    word.then(|| Code::Str(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(codes: &[i64]) -> Vec<Code> {
        codes.iter().map(|&code| Code::Int(code)).collect()
    }

    #[test]
    fn integers_lists_and_words() {
        assert_eq!(parse(" 100 "), Some(ints(&[100])));
        assert_eq!(parse("-30000"), Some(ints(&[-30000])));
        assert_eq!(parse("－1"), Some(ints(&[-1])));
        assert_eq!(parse("`45009`"), Some(ints(&[45009])));
        assert_eq!(parse("990001/990002"), Some(ints(&[990001, 990002])));
        assert_eq!(parse("1 、 2 / 2"), Some(ints(&[1, 2])));
        assert_eq!(
            parse("F00-00-10013-002"),
            Some(vec![Code::Str("F00-00-10013-002".into())])
        );
        assert_eq!(parse(""), Some(vec![]));
    }

    #[test]
    fn text_is_not_a_code() {
        for cell in [
            "错误码",
            "Error Message Solution",
            "100/",
            "--1",
            "99999999999999999999",
            "-",
            "a b",
        ] {
            assert_eq!(parse(cell), None, "{cell}");
        }
    }
}
