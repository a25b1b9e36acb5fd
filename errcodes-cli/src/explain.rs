//! `errcodes explain`: what a received error is and what to do about it.

use std::error::Error;
use std::fmt::Write as _;

use errcodes::{By, Code, PlatformError};
use serde::Serialize;

use crate::entry::{CodeValue, Entry, Retry};
use crate::lookup::{self, Found, Received};
use crate::output::{self, Format, FormatArg};
use crate::platform::{Origin, Platform};
use crate::problems;
use crate::target::{self, Target};
use crate::Status;

/// Explains a received error: its entry, message, hint, retry class and fields
///
/// The entry is the one the generated enum's `lookup` gives: the entry of the sub-code
/// rule the sub-code given matches (the code's rules first); else, of the code's entries,
/// the one whose message or template matches the message given; else an entry without a
/// code whose message matches; else the code's fallback. Without a message or sub-code,
/// the code's entry (its fallback when it has several). A negative code is written as it
/// is: `errcodes explain wechat_global -1`.
///
/// Exit status: 0 when the table knows the error, 1 when it does not (the error would be
/// `Unknown`) or the spec has problems, 2 for a usage error.
///
/// Examples:
///   errcodes explain wangdiantong 100 "超过每分钟最大调用频率限制，请稍后重试"
///   errcodes explain aliexpress F00-00-10013-002
///   errcodes explain aliexpress 15 --sub-code isp.top-remote-connection-timeout
///   errcodes explain specs/acme.yaml 40001 --format json
#[derive(Debug, clap::Args)]
// Negative numbers are values, not flags: WeChat's -1 and AliExpress's -999 are codes.
#[command(verbatim_doc_comment, allow_negative_numbers = true)]
pub struct Args {
    /// A shipped platform (`errcodes list` names them) or a spec file
    #[arg(value_name = "PLATFORM|SPEC", value_parser = target::parse)]
    pub target: Target,
    /// The code received: an integer or text (`""` for none)
    pub code: String,
    /// The message received with it: it picks among the code's entries and fills in the
    /// template's fields
    pub message: Option<String>,
    /// The sub-code received: where the spec has sub-code rules, the rule it matches picks
    /// the entry
    #[arg(long, value_name = "S")]
    pub sub_code: Option<String>,
    /// The endpoint called: it picks the entry documented for it where entries share a
    /// code and message
    #[arg(long, value_name = "E")]
    pub endpoint: Option<String>,
    #[command(flatten)]
    pub output: FormatArg,
}

/// `--format json`.
#[derive(Serialize)]
struct Explained<'a> {
    platform: &'a Platform,
    received: &'a Received,
    known: bool,
    variant: String,
    retry: Retry,
    entry: Option<Entry>,
    /// The spec the entry's row comes from.
    origin: Option<Origin>,
    fields: Vec<Field>,
    /// Names of the other entries of the code.
    others: Vec<&'static str>,
    /// How the entry was chosen: `sub_code`, `message`, `code`, `fallback` or `unknown`.
    by: &'static str,
    /// A sub-code was given that none of the spec's sub-code rules matches.
    unknown_sub_code: bool,
}

#[derive(Serialize)]
struct Field {
    name: &'static str,
    value: String,
}

pub fn run(args: &Args) -> Result<Status, Box<dyn Error>> {
    let platform = match args.target.open() {
        Ok(platform) => platform,
        Err(reports) => {
            return problems::report(args.output.format, vec![(args.target.name(), reports)])
        }
    };
    let received = Received {
        code: CodeValue::of(Code::Str(&args.code)).filter(|_| !args.code.trim().is_empty()),
        message: args.message.clone(),
        endpoint: args.endpoint.clone(),
        sub_code: args.sub_code.clone(),
    };
    let found = lookup::find(platform.table, &received);
    let entry = (!found.variant.is_unknown()).then(|| Entry::of(&found.variant));
    let origin = entry.as_ref().and_then(|entry| platform.origin(entry.name));
    match args.output.format {
        Format::Json => output::print_json(&Explained {
            platform: &platform,
            variant: platform.variant(entry.as_ref().map_or("Unknown", |entry| entry.name)),
            received: &received,
            known: entry.is_some(),
            retry: Retry::of(found.variant.retry_class()),
            fields: found
                .fields
                .iter()
                .map(|(name, value)| Field {
                    name,
                    value: value.clone(),
                })
                .collect(),
            others: found.others.iter().map(PlatformError::name).collect(),
            by: by_name(found.by),
            unknown_sub_code: found.unknown_sub_code,
            entry: entry.clone(),
            origin,
        })?,
        Format::Text => match &entry {
            Some(entry) => {
                output::print(&text(&platform, &received, &found, entry, origin.as_ref()))?;
            }
            None => output::warn(&unknown(&platform, &received, &found)),
        },
    }
    Ok(if entry.is_some() {
        Status::Clean
    } else {
        Status::Problems
    })
}

/// At most this many other entries are named.
const SHOWN: usize = 6;

fn text(
    platform: &Platform,
    received: &Received,
    found: &Found,
    entry: &Entry,
    origin: Option<&Origin>,
) -> String {
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        let value = value.replace('\n', "\n         ");
        let _ = writeln!(out, "{label:<9}{value}");
    };
    line("variant", &platform.variant(entry.name));
    let code = received.code.as_ref().or(entry.codes.first()).map_or_else(
        || "(none: found by message)".to_owned(),
        ToString::to_string,
    );
    match entry.codes.as_slice() {
        [_, _, ..] => line(
            "code",
            &format!(
                "{code} (this entry has codes {})",
                entry.codes_text(", ", ToString::to_string)
            ),
        ),
        _ => line("code", &code),
    }
    line("message", &entry.message);
    line("hint", entry.hint.unwrap_or("(the source gives none)"));
    line("retry", &entry.retry.advice());
    let group = entry.group.unwrap_or("-");
    match platform.group_title(group) {
        Some(title) => line("group", &format!("{group} ({title})")),
        None => line("group", group),
    }
    if !entry.fields.is_empty() {
        line("fields", &fields(entry, found));
    }
    for (label, value) in [
        ("http", entry.http_status.map(|status| status.to_string())),
        ("endpoint", entry.endpoint.map(str::to_owned)),
        ("scene", entry.scene.map(str::to_owned)),
        ("sub-code", received.sub_code.clone()),
    ] {
        if let Some(value) = value {
            line(label, &value);
        }
    }
    line("by", &chosen(received, found, &code));
    if !found.others.is_empty() {
        line("also", &others(platform, found, &code));
    }
    // A row of a spec the platform includes or extends comes from that spec's source.
    match origin {
        Some(origin) if !origin.own => {
            line("source", &origin.source);
            line("from", &format!("{}: {}", origin.title, origin.spec));
        }
        Some(origin) => line("source", &origin.source),
        None => line("source", &platform.source),
    }
    out
}

fn by_name(by: By) -> &'static str {
    match by {
        By::SubCode => "sub_code",
        By::Message => "message",
        By::Code => "code",
        By::Fallback => "fallback",
        _ => "unknown",
    }
}

/// How the entry was chosen, saying so where the spec lacks the message or sub-code given.
fn chosen(received: &Received, found: &Found, code: &str) -> String {
    let mut how = match (found.by, &received.message) {
        (By::SubCode, _) => "its sub-code rule".to_owned(),
        (By::Message, _) => "its message".to_owned(),
        (By::Code, _) => "its code".to_owned(),
        (By::Fallback, Some(_)) => format!(
            "the code's fallback: no entry of code {code} has this message (the spec lacks it)"
        ),
        (By::Fallback, None) => "the code's fallback (no message given)".to_owned(),
        _ => "nothing".to_owned(),
    };
    if found.unknown_sub_code {
        let sub_code = received.sub_code.as_deref().unwrap_or_default();
        let _ = write!(
            how,
            "; no sub-code rule matches {sub_code} (the spec lacks it)"
        );
    }
    how
}

/// The values received, or the names a message would fill in.
fn fields(entry: &Entry, found: &Found) -> String {
    if found.fields.is_empty() {
        return entry
            .fields
            .iter()
            .map(|name| format!("{{{name}}}"))
            .collect::<Vec<_>>()
            .join(", ");
    }
    found
        .fields
        .iter()
        .map(|(name, value)| format!("{name} = {value:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn others(platform: &Platform, found: &Found, code: &str) -> String {
    let mut names: Vec<String> = found
        .others
        .iter()
        .take(SHOWN)
        .map(|other| other.name().to_owned())
        .collect();
    if found.others.len() > SHOWN {
        names.push(format!(
            "and {} more (errcodes list {})",
            found.others.len() - SHOWN,
            platform.argument()
        ));
    }
    let count = found.others.len();
    let entries = if count == 1 { "entry" } else { "entries" };
    let other = if found.variant.is_unknown() {
        ""
    } else {
        "other "
    };
    format!(
        "code {code} has {count} {other}{entries}, told apart by message or sub-code: {}",
        names.join(", ")
    )
}

fn unknown(platform: &Platform, received: &Received, found: &Found) -> String {
    let retry = Retry::of(platform.table.unknown_retry()).advice();
    match &received.code {
        // Its fallback was left out (specs/README.md, Composition).
        Some(code) if !found.others.is_empty() => format!(
            "{} has no meaning of code {code} alone: its entries are told apart by message or \
             sub-code, and {}.\n{}\n\
             A response with this code that none of them matches classifies as {}({code}), \
             retry class {retry}.\n",
            platform.id,
            match &received.message {
                Some(_) => "none matches this one",
                None => "no message was given",
            },
            others(platform, found, code.to_string().as_str()),
            platform.variant("Unknown"),
        ),
        Some(code) => format!(
            "{} has no code {code}: {} ({}, from {}) does not list it.\n\
             A response with this code classifies as {}({code}), retry class {retry}.\n",
            platform.id,
            platform.title,
            platform.spec,
            platform.source,
            platform.variant("Unknown"),
        ),
        None => format!(
            "{} has no entry without a code whose message matches: {} ({}) does not list it.\n\
             A response without a code classifies as {}, retry class {retry}.\n",
            platform.id,
            platform.title,
            platform.spec,
            platform.variant("Unknown"),
        ),
    }
}
