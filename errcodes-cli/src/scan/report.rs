//! The scan's report for people; `--format json` prints the [`Tally`] itself.

use std::fmt::Write as _;

use super::tally::{Lacks, Tally};

pub fn text(tally: &Tally, sources: usize) -> String {
    let mut out = String::new();
    let files = if sources == 1 { "source" } else { "sources" };
    let _ = writeln!(
        out,
        "{} lines from {sources} {files}: {} errors, {} successes, {} malformed, {} of other platforms, {} other events",
        tally.lines,
        tally.errors,
        tally.successes,
        tally.malformed.count,
        tally.other_platforms,
        tally.other_events
    );
    if !tally.by_variant.is_empty() {
        out.push_str("\nby variant:\n");
        let mut variants: Vec<_> = tally.by_variant.iter().collect();
        variants.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        for (variant, count) in variants {
            let _ = writeln!(out, "  {:>8}  {variant} ({})", count.count, count.retry);
        }
        out.push_str("\nby retry class:\n");
        for (retry, count) in &tally.by_retry {
            let _ = writeln!(out, "  {count:>8}  {retry}");
        }
    }
    lacks(&mut out, "unknown codes", &tally.unknown_codes, |lack| {
        lack.code.clone()
    });
    lacks(
        &mut out,
        "unknown sub-codes",
        &tally.unknown_sub_codes,
        |lack| {
            format!(
                "{} (code {})",
                lack.sub_code.as_deref().unwrap_or_default(),
                lack.code
            )
        },
    );
    lacks(
        &mut out,
        "messages no entry of their code matches",
        &tally.unmatched_messages,
        |lack| {
            format!(
                "{} {:?} (fallback {})",
                lack.code,
                lack.message.as_deref().unwrap_or_default(),
                lack.variant
            )
        },
    );
    if tally.malformed.count > 0 {
        let _ = writeln!(out, "\nmalformed lines: {}", tally.malformed.count);
        for bad in &tally.malformed.first {
            let _ = writeln!(out, "  {}: {}", bad.place, bad.reason);
        }
        if tally.malformed.count > tally.malformed.first.len() as u64 {
            out.push_str("  …\n");
        }
    }
    out
}

fn lacks(
    out: &mut String,
    title: &str,
    lacks: &Lacks,
    key: impl Fn(&super::tally::Lack) -> String,
) {
    if lacks.seen.is_empty() && lacks.not_kept == 0 {
        return;
    }
    let _ = writeln!(out, "\n{title}: {}", lacks.seen.len());
    let mut seen: Vec<_> = lacks.seen.values().collect();
    seen.sort_by_key(|lack| std::cmp::Reverse(lack.count));
    for lack in seen {
        let _ = writeln!(
            out,
            "  {:>8}  {}  first {}, last {}",
            lack.count,
            key(lack),
            lack.first,
            lack.last
        );
        for sample in &lack.samples {
            let _ = writeln!(out, "            {sample:?}");
        }
    }
    if lacks.not_kept > 0 {
        let _ = writeln!(out, "  and {} sightings of others not kept", lacks.not_kept);
    }
}
