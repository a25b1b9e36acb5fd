//! `cargo run --example explain -- <platform> <code> [message]`: what a code means and what
//! to do about it. The example's `main` is a thin shell over [`run`], which tests call.

use std::fmt::Write as _;

use errcodes::RetryClass;

use crate::catalog::{self, Found, Platform, Row};

const USAGE: &str = "\
usage: explain <platform> <code> [message]
       explain --list <platform>
  e.g. explain wangdiantong 100 \"超过每分钟最大调用频率限制，请稍后重试\"
       explain wechat_transaction 45009
       explain aliexpress F00-00-10013-002";

/// What the command printed and its exit status.
#[derive(Debug, Default)]
pub struct Output {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// 0: found; 1: the code is unknown to the platform; 2: bad arguments or platform.
    pub status: i32,
}

/// Runs the command on its arguments (without the program name).
#[must_use]
pub fn run(args: &[String]) -> Output {
    let mut out = Output::default();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["--list", id] => match platform(id, &mut out) {
            Some(platform) => out.stdout = list(platform),
            None => out.status = 2,
        },
        [id, code] | [id, code, _] if !id.starts_with('-') => {
            let Some(platform) = platform(id, &mut out) else {
                out.status = 2;
                return out;
            };
            let found = platform.find(code, args.get(2).copied());
            if found.row.unknown {
                let _ = writeln!(
                    out.stderr,
                    "{id} has no code {code}: {} (specs/{id}.yaml, from {}) does not list it.\n\
                     A response with this code classifies as {}::Unknown({code}), retry class {}.",
                    platform.title(),
                    platform.source(),
                    platform.enum_name(),
                    retry_advice(found.row.retry),
                );
                out.status = 1;
            } else {
                out.stdout = explain(platform, &found);
            }
        }
        _ => {
            out.stderr = format!("{USAGE}\nplatforms: {}\n", ids());
            out.status = 2;
        }
    }
    out
}

fn ids() -> String {
    catalog::PLATFORMS
        .iter()
        .map(|platform| platform.id())
        .collect::<Vec<_>>()
        .join(", ")
}

fn platform(id: &str, out: &mut Output) -> Option<&'static dyn Platform> {
    let found = catalog::platform(id);
    if found.is_none() {
        let _ = writeln!(
            out.stderr,
            "unknown platform `{id}`; the platforms are: {}",
            ids()
        );
    }
    found
}

fn explain(platform: &dyn Platform, found: &Found) -> String {
    let row = &found.row;
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        let value = value.replace('\n', "\n         ");
        let _ = writeln!(out, "{label:<9}{value}");
    };
    line(
        "variant",
        &format!("{}::{}", platform.enum_name(), row.name),
    );
    if row.codes.len() > 1 {
        line(
            "code",
            &format!(
                "{} (this entry has codes {})",
                row.code,
                row.codes.join(", ")
            ),
        );
    } else {
        line("code", &row.code);
    }
    line("message", row.message);
    line("hint", row.hint.unwrap_or("(the source gives none)"));
    line("retry", &retry_advice(row.retry));
    line("group", &group(platform, row));
    if !row.field_names.is_empty() {
        let fields = if found.fields.is_empty() {
            row.field_names
                .iter()
                .map(|name| format!("{{{name}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            found
                .fields
                .iter()
                .map(|(name, value)| format!("{name} = {value:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        line("fields", &fields);
    }
    if !found.siblings.is_empty() {
        const SHOWN: usize = 6;
        let siblings = &found.siblings;
        let mut names: Vec<&str> = siblings.iter().take(SHOWN).map(|row| row.name).collect();
        let more = format!(
            "and {} more (--list {})",
            siblings.len().saturating_sub(SHOWN),
            platform.id()
        );
        if siblings.len() > SHOWN {
            names.push(&more);
        }
        line(
            "also",
            &format!(
                "code {} has {} other entries, told apart by message: {}",
                row.code,
                siblings.len(),
                names.join(", ")
            ),
        );
    }
    line("source", platform.source());
    out
}

fn group(platform: &dyn Platform, row: &Row) -> String {
    let id = row.group.unwrap_or("-");
    match platform.groups().iter().find(|(group, _)| *group == id) {
        Some((_, title)) => format!("{id} ({title})"),
        None => id.to_owned(),
    }
}

/// The retry class and what it asks of a client.
#[must_use]
pub fn retry_advice(class: RetryClass) -> String {
    let advice = match class {
        RetryClass::Permanent => "do not retry: fix the request".to_owned(),
        RetryClass::Transient => "retry with backoff".to_owned(),
        RetryClass::Throttled { wait: Some(_) } => {
            format!(
                "rate limited: wait at least {}, then retry",
                wait_text(class)
            )
        }
        RetryClass::Throttled { wait: None } => "rate limited: wait, then retry".to_owned(),
        RetryClass::Reauthenticate => "refresh the access token, then retry once".to_owned(),
        RetryClass::AlreadyApplied => "already done: a retried write has succeeded".to_owned(),
    };
    format!("{class} ({advice})")
}

fn wait_text(class: RetryClass) -> String {
    class
        .to_string()
        .strip_prefix("throttled ")
        .unwrap_or_default()
        .to_owned()
}

fn list(platform: &dyn Platform) -> String {
    let mut out = format!(
        "{}: {} ({}), {} entries\nsource: {}\n",
        platform.id(),
        platform.title(),
        platform.enum_name(),
        platform.rows().len(),
        platform.source()
    );
    let rows = platform.rows();
    for (id, title) in platform.groups() {
        let _ = writeln!(out, "\n[{id}] {title}");
        for row in rows.iter().filter(|row| row.group == Some(id)) {
            let code = if row.codes.is_empty() {
                "-".to_owned()
            } else {
                row.codes.join(",")
            };
            let _ = writeln!(
                out,
                "  {code:>16}  {:<44} {:<18} {}",
                row.name,
                row.retry.to_string(),
                row.message.lines().next().unwrap_or_default()
            );
        }
    }
    let _ = writeln!(
        out,
        "\nany other code: Unknown, {}",
        retry_advice(platform.unknown_retry())
    );
    out
}
