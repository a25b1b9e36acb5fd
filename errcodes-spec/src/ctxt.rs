//! Problems found in a spec, collected so that one build reports all of them.

use std::fmt::Write as _;

use crate::locate::{locate, Location};
use crate::source::{FileId, Files};

/// Where in which YAML document a node is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Path {
    pub file: FileId,
    pub segs: Vec<Seg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// The value of a mapping key.
    Key(String),
    /// The key itself.
    KeyName(String),
    /// An element of a sequence.
    Index(usize),
}

impl Path {
    /// The root of a file's document.
    pub fn root(file: FileId) -> Path {
        Path {
            file,
            segs: Vec::new(),
        }
    }

    pub fn key(&self, key: &str) -> Path {
        self.with(Seg::Key(key.to_owned()))
    }

    pub fn key_name(&self, key: &str) -> Path {
        self.with(Seg::KeyName(key.to_owned()))
    }

    pub fn index(&self, index: usize) -> Path {
        self.with(Seg::Index(index))
    }

    fn with(&self, seg: Seg) -> Path {
        let mut path = self.clone();
        path.segs.push(seg);
        path
    }
}

/// Where a problem is: a node of the document, or a known position (a syntax error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Node(Path),
    At(FileId, Location),
    File(FileId),
}

impl Place {
    fn file(&self) -> FileId {
        match self {
            Place::Node(path) => path.file,
            Place::At(file, _) | Place::File(file) => *file,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// A related place, such as the first definition of a duplicate.
    pub related: Option<(Path, String)>,
}

/// Collects problems; `finish` turns them into readable reports.
#[derive(Debug, Default)]
pub struct Ctxt {
    problems: Vec<Problem>,
}

/// Problems beyond this many are summed up: locating each one re-reads the document.
const MAX_REPORTED: usize = 50;

impl Ctxt {
    pub fn error(&mut self, path: &Path, message: impl Into<String>) -> &mut Problem {
        self.push(Place::Node(path.clone()), message)
    }

    pub fn push(&mut self, place: Place, message: impl Into<String>) -> &mut Problem {
        self.problems.push(Problem {
            place,
            message: message.into(),
            help: None,
            related: None,
        });
        let last = self.problems.len() - 1;
        &mut self.problems[last]
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}

impl Problem {
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn related(&mut self, path: &Path, what: impl Into<String>) -> &mut Self {
        self.related = Some((path.clone(), what.into()));
        self
    }
}

/// Renders problems as `rustc` does: `file:line:column: message`, the line with a caret,
/// then the help.
pub fn render(problems: &[Problem], files: &Files) -> Vec<String> {
    let mut out: Vec<String> = problems
        .iter()
        .take(MAX_REPORTED)
        .map(|problem| render_one(problem, files))
        .collect();
    if problems.len() > MAX_REPORTED {
        out.push(format!(
            "{}: {} more problems not shown; fix the ones above first",
            files.display(FileId(0)),
            problems.len() - MAX_REPORTED
        ));
    }
    out
}

pub(crate) fn render_one(problem: &Problem, files: &Files) -> String {
    let file = problem.place.file();
    let (display_path, text) = (files.display(file), files.text(file));
    let location = match &problem.place {
        Place::Node(path) => locate(text, path),
        Place::At(_, location) => Some(*location),
        Place::File(_) => None,
    };
    let mut out = String::new();
    match location {
        Some(at) => {
            let _ = write!(
                out,
                "{display_path}:{}:{}: {}",
                at.line, at.column, problem.message
            );
            snippet(&mut out, text, at);
        }
        None => {
            let _ = write!(out, "{display_path}: {}", problem.message);
        }
    }
    if let Some((path, what)) = &problem.related {
        let (display_path, text) = (files.display(path.file), files.text(path.file));
        if let Some(at) = locate(text, path) {
            let _ = write!(
                out,
                "\n  = note: {what} at {display_path}:{}:{}",
                at.line, at.column
            );
            snippet(&mut out, text, at);
        }
    }
    if let Some(help) = &problem.help {
        let _ = write!(out, "\n  = help: {help}");
    }
    out
}

/// Longest line quoted in a snippet, in chars; a 100 KB line is cut around the caret.
const SNIPPET_WIDTH: usize = 100;

fn snippet(out: &mut String, text: &str, at: Location) {
    let Some(line) = text.lines().nth(at.line.saturating_sub(1)) else {
        return;
    };
    let chars: Vec<char> = line.chars().collect();
    let caret = at.column.saturating_sub(1).min(chars.len());
    let start = caret.saturating_sub(SNIPPET_WIDTH / 2);
    let end = (start + SNIPPET_WIDTH).min(chars.len());
    let shown: String = chars[start..end]
        .iter()
        .map(|&c| {
            if c.is_control() && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    let pad: String = chars[start..caret]
        .iter()
        .map(|&c| match c {
            '\t' => "\t",
            c if is_wide(c) => "  ",
            _ => " ",
        })
        .collect();
    let number = at.line.to_string();
    let gutter = " ".repeat(number.len());
    let _ = write!(
        out,
        "\n{gutter} |\n{number} | {}{shown}{}\n{gutter} | {}{pad}^",
        if start > 0 { "..." } else { "" },
        if end < chars.len() { "..." } else { "" },
        if start > 0 { "   " } else { "" },
    );
}

/// East Asian wide characters take two columns in a terminal.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}
