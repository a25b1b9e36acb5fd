//! Variant names. From the message's English text: the words of its first clause (up to
//! the first `,` `.` `:` `;` `(` `!` `?`, their full-width forms or a line break), articles
//! dropped, at most eight, in `UpperCamelCase` (`The coupon status is illegal.` →
//! `CouponStatusIsIllegal`). A message is English when at least four in five of its letters
//! are ASCII (`字段名must not be null` is; `OPENID非法` is not).
//!
//! Otherwise, from the code: `Code100` for the code's first entry, `Code100Case2` for its
//! second, `Code100Case5` for its fifth (counting every entry of the code, so a name does
//! not move when another row gains an English one); `CodeMinus30000`, `CodeF000010013002`,
//! `NoCode` for a row without a code; a row of several codes is named by the first.
//!
//! A name already taken gets the row's code appended (`ParametersAreIllegal100020`), then
//! `Case2`, `Case3`…; `Unknown` and `Self`, which the generated code needs, get `Error`.

use std::collections::{HashMap, HashSet};

use heck::ToUpperCamelCase;

use crate::import::codes::Code;
use crate::import::unique::first_free;

const MAX_WORDS: usize = 8;
const ARTICLES: &[&str] = &["a", "an", "the"];
const CLAUSE_ENDS: &[char] = &[
    ',', '.', ':', ';', '(', '，', '。', '：', '；', '（', '!', '?', '！', '？', '\n',
];

#[derive(Default)]
pub struct Namer {
    taken: HashSet<String>,
    rows_of_code: HashMap<Option<Code>, usize>,
}

impl Namer {
    /// A namer for entries added to a spec that has `names` already.
    pub fn taking(names: impl IntoIterator<Item = String>) -> Namer {
        Namer {
            taken: names.into_iter().collect(),
            ..Namer::default()
        }
    }

    /// The name of the next row; `words` is its message with placeholders blanked out.
    pub fn name(&mut self, codes: &[Code], words: &str) -> String {
        let rows = self.rows_of_code.entry(codes.first().cloned()).or_default();
        *rows += 1;
        let row = *rows;
        let suffix = code_suffix(codes);
        let name = if let Some(english) = english(words) {
            if self.is_free(&english) || suffix.is_empty() {
                english
            } else {
                format!("{english}{suffix}")
            }
        } else {
            let stem = if codes.is_empty() {
                "NoCode".to_owned()
            } else {
                format!("Code{suffix}")
            };
            if row == 1 {
                stem
            } else {
                format!("{stem}Case{row}")
            }
        };
        let name = first_free(&name, "Case", 2, |name| self.is_free(name));
        self.taken.insert(name.clone());
        name
    }

    fn is_free(&self, name: &str) -> bool {
        !self.taken.contains(name)
    }
}

/// `100`, `Minus30000`, `F000010013002`: a code as it can end a name.
fn code_suffix(codes: &[Code]) -> String {
    match codes.first() {
        None => String::new(),
        Some(Code::Int(code)) if *code < 0 => format!("Minus{}", code.unsigned_abs()),
        Some(Code::Int(code)) => code.to_string(),
        Some(Code::Str(code)) => code.to_upper_camel_case(),
    }
}

/// The name a message's English text gives, if it is English.
fn english(text: &str) -> Option<String> {
    let ascii = text.chars().filter(char::is_ascii_alphabetic).count();
    let other = text
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii())
        .count();
    if ascii == 0 || ascii < 4 * other {
        return None;
    }
    let clause = text
        .split(CLAUSE_ENDS)
        .find(|clause| clause.chars().any(|c| c.is_ascii_alphabetic()))?;
    // `hasn't` is one word: `Hasnt`, not `HasnT`.
    let clause = clause.replace(['\'', '’'], "");
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty() && !ARTICLES.contains(&word.to_ascii_lowercase().as_str()))
        .skip_while(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .take(MAX_WORDS)
        .collect();
    let name = words.join(" ").to_upper_camel_case();
    match name.as_str() {
        "" => None,
        "Unknown" | "Self" => Some(format!("{name}Error")),
        _ => Some(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(rows: &[(&[Code], &str)]) -> Vec<String> {
        let mut namer = Namer::default();
        rows.iter()
            .map(|(codes, text)| namer.name(codes, text))
            .collect()
    }

    #[test]
    fn english_messages_give_their_first_clause() {
        for (text, name) in [
            ("The coupon status is illegal.", "CouponStatusIsIllegal"),
            ("SKU already exists", "SkuAlreadyExists"),
            ("OPEN ILLEGAL", "OpenIllegal"),
            ("page_Size exceeds limit", "PageSizeExceedsLimit"),
            (
                "Day level frequency limit, 2 solutions 2 choose 1",
                "DayLevelFrequencyLimit",
            ),
            ("(deprecated) Order locked", "DeprecatedOrderLocked"),
            ("字段名must not be null", "MustNotBeNull"),
            ("Unparseable date: 2023/02/06 17:59:19", "UnparseableDate"),
            ("2 many requests", "ManyRequests"),
            ("SKU & SPU do not match\ncheck both", "SkuSpuDoNotMatch"),
            (
                "The Mini Program hasn't been plugged in yet.",
                "MiniProgramHasntBeenPluggedInYet",
            ),
            (
                "The item in the request body that needs to be sold does not exist",
                "ItemInRequestBodyThatNeedsToBe",
            ),
            ("unknown", "UnknownError"),
            ("self", "SelfError"),
        ] {
            assert_eq!(english(text).as_deref(), Some(name), "{text}");
        }
    }

    #[test]
    fn chinese_messages_are_not_english() {
        for text in [
            "参数错误",
            "ip限制",
            "此方法仅支持分页查询：接口method",
            "",
            "123",
        ] {
            assert_eq!(english(text), None, "{text}");
        }
    }

    #[test]
    fn chinese_rows_are_named_by_code_and_row() {
        let (c100, c1) = (&[Code::Int(100)][..], &[Code::Int(1)][..]);
        assert_eq!(
            names(&[
                (c100, "应用错误"),
                (c100, "The API used internal only"),
                (c100, "权限不足"),
                (c1, "参数错误"),
                (&[], "无码")
            ]),
            [
                "Code100",
                "ApiUsedInternalOnly",
                "Code100Case3",
                "Code1",
                "NoCode"
            ]
        );
        let minus = [Code::Int(-30000)];
        let string = [Code::Str("F00-00-10013-002".into())];
        assert_eq!(
            names(&[(&minus, "审核中"), (&string, "系统错误")]),
            ["CodeMinus30000", "CodeF000010013002"]
        );
    }

    #[test]
    fn taken_names_get_the_code_then_a_case() {
        let rows: [(&[Code], &str); 4] = [
            (&[Code::Int(9401020)], "The parameters are illegal."),
            (&[Code::Int(100020)], "The parameters are illegal."),
            (&[Code::Int(100020)], "Parameters are illegal"),
            (&[], "Parameters are illegal"),
        ];
        assert_eq!(
            names(&rows),
            [
                "ParametersAreIllegal",
                "ParametersAreIllegal100020",
                "ParametersAreIllegal100020Case2",
                "ParametersAreIllegalCase2"
            ]
        );
    }
}
