//! What each column holds, from its header in Chinese or English.

/// The first column of each role is used; a later one of the same role, and every column of
/// no role, goes to the entry's `note`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub code: usize,
    pub message: usize,
    /// The message column had no recognised header: it is the first column of no role.
    pub message_guessed: bool,
    pub hint: Option<usize>,
    pub http_status: Option<usize>,
    pub endpoint: Option<usize>,
    pub scene: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Code,
    Message,
    Hint,
    HttpStatus,
    /// A sub-code (`子错误码`, `sub_code`): the spec has no key for it, so it goes to the note.
    SubCode,
    Endpoint,
    Scene,
    Other,
}

const HINT: &[&str] = &[
    "解决",
    "处理",
    "建议",
    "办法",
    "方案",
    "排查",
    "solution",
    "suggest",
    "remed",
    "resolution",
    "fix",
    "handling",
    "action",
];
const MESSAGE: &[&str] = &[
    "信息",
    "描述",
    "说明",
    "提示",
    "含义",
    "原因",
    "文案",
    "message",
    "msg",
    "desc",
    "info",
    "explanation",
    "introduction",
    "meaning",
    "reason",
];
const CODE: &[&str] = &["码", "code", "errno"];
const ENDPOINT: &[&str] = &["endpoint", "接口", "api", "path", "url"];
const SCENE: &[&str] = &["scene", "scenario", "场景"];

fn role(header: &str) -> Role {
    let key: String = header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let has = |words: &[&str]| words.iter().any(|word| key.contains(word));
    if key.contains("http") {
        Role::HttpStatus
    } else if key.starts_with("sub") || key.starts_with('子') {
        if has(CODE) {
            Role::SubCode
        } else {
            Role::Other
        }
    } else if has(HINT) {
        Role::Hint
    } else if MESSAGE.iter().any(|word| key.ends_with(word)) {
        Role::Message
    } else if has(CODE) || key == "ret" {
        Role::Code
    } else if has(MESSAGE) {
        Role::Message
    } else if has(ENDPOINT) {
        Role::Endpoint
    } else if has(SCENE) {
        Role::Scene
    } else {
        Role::Other
    }
}

/// `None` when no header names a column of codes.
pub fn map(headers: &[String]) -> Option<Columns> {
    let roles: Vec<Role> = headers.iter().map(|header| role(header)).collect();
    let mut used = vec![false; headers.len()];
    let mut first = |wanted: Role| {
        let at = roles.iter().position(|&role| role == wanted)?;
        used[at] = true;
        Some(at)
    };
    let code = first(Role::Code)?;
    let (hint, http_status) = (first(Role::Hint), first(Role::HttpStatus));
    let (endpoint, scene) = (first(Role::Endpoint), first(Role::Scene));
    let message = first(Role::Message);
    let guess = || (0..roles.len()).find(|&at| roles[at] == Role::Other && at != code);
    let (message, message_guessed) = match message {
        Some(message) => (message, false),
        None => (guess()?, true),
    };
    Some(Columns {
        code,
        message,
        message_guessed,
        hint,
        http_status,
        endpoint,
        scene,
    })
}

impl Columns {
    /// Whether a column's cells go to the entry's `note`.
    pub fn for_note(&self, column: usize) -> bool {
        column != self.code
            && column != self.message
            && ![self.hint, self.http_status, self.endpoint, self.scene].contains(&Some(column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(headers: &[&str]) -> Option<Columns> {
        map(&headers
            .iter()
            .map(|&header| header.to_owned())
            .collect::<Vec<_>>())
    }

    #[test]
    fn chinese_and_english_headers() {
        for (header, expected) in [
            ("错误码", Role::Code),
            ("错误代码", Role::Code),
            ("返回码", Role::Code),
            ("通用错误码", Role::Code),
            ("Error Code", Role::Code),
            ("errcode", Role::Code),
            ("错误信息", Role::Message),
            ("错误描述", Role::Message),
            ("异常描述", Role::Message),
            ("说明", Role::Message),
            ("errmsg", Role::Message),
            ("Error explanation", Role::Message),
            ("错误码说明", Role::Message),
            ("解决方案", Role::Hint),
            ("处理建议", Role::Hint),
            ("解决办法", Role::Hint),
            ("Solution", Role::Hint),
            ("HTTP状态码", Role::HttpStatus),
            ("HTTP Status Code", Role::HttpStatus),
            ("子错误码", Role::SubCode),
            ("sub_code", Role::SubCode),
            ("sub_msg", Role::Other),
            ("Related endpoint", Role::Endpoint),
            ("Related scene", Role::Scene),
            ("级别", Role::Other),
        ] {
            assert_eq!(role(header), expected, "{header}");
        }
    }

    #[test]
    fn maps_the_first_column_of_each_role() {
        let found = columns(&[
            "错误码",
            "错误信息",
            "解决方案",
            "HTTP状态码",
            "子错误码",
            "错误描述",
        ])
        .expect("a code column");
        assert_eq!(
            (found.code, found.message, found.hint, found.http_status),
            (0, 1, Some(2), Some(3))
        );
        assert!(!found.message_guessed);
        assert!(found.for_note(4) && found.for_note(5) && !found.for_note(2));
    }

    #[test]
    fn an_unnamed_message_column_is_the_first_of_no_role() {
        let found = columns(&["其他错误码", "Error Type"]).expect("a code column");
        assert_eq!(
            (found.code, found.message, found.message_guessed),
            (0, 1, true)
        );
        assert_eq!(columns(&["Home", "About"]), None);
        assert_eq!(columns(&["code", "http status"]), None);
    }
}
