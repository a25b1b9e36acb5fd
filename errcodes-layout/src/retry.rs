//! A retry class as a spec writes it and a table stores it: the one conversion between the
//! spec's words and the words of section [`RETRIES`](crate::section::RETRIES).

use core::fmt;

use crate::record;

/// What a client should do after an error, as a spec writes it: `permanent`, `transient`,
/// `throttled` (with the shortest wait, in seconds, where the platform gives one),
/// `reauthenticate` or `already_applied`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Retrying cannot succeed.
    Permanent,
    /// Retrying may succeed.
    Transient,
    /// Rate limited: retry after at least this many seconds, where given.
    Throttled(Option<u64>),
    /// Refresh the credentials, then retry.
    Reauthenticate,
    /// The requested effect already exists.
    AlreadyApplied,
}

const PERMANENT: u32 = 0;
const TRANSIENT: u32 = 1;
const THROTTLED: u32 = 2;
const REAUTHENTICATE: u32 = 3;
const ALREADY_APPLIED: u32 = 4;

impl Retry {
    /// Its record: the kind, then the wait as an `u64` (low word first); a throttle without
    /// a wait has `u64::MAX`, which no spec can write.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // the two halves of the wait
    pub const fn words(self) -> [u32; record::RETRY] {
        let (kind, wait) = match self {
            Retry::Permanent => (PERMANENT, 0),
            Retry::Transient => (TRANSIENT, 0),
            Retry::Throttled(None) => (THROTTLED, u64::MAX),
            Retry::Throttled(Some(secs)) => (THROTTLED, secs),
            Retry::Reauthenticate => (REAUTHENTICATE, 0),
            Retry::AlreadyApplied => (ALREADY_APPLIED, 0),
        };
        [kind, wait as u32, (wait >> 32) as u32]
    }

    /// The class a record holds; `None` for a kind no writer writes.
    #[must_use]
    pub const fn from_words([kind, low, high]: [u32; record::RETRY]) -> Option<Retry> {
        let wait = (high as u64) << 32 | low as u64;
        Some(match kind {
            PERMANENT => Retry::Permanent,
            TRANSIENT => Retry::Transient,
            THROTTLED if wait == u64::MAX => Retry::Throttled(None),
            THROTTLED => Retry::Throttled(Some(wait)),
            REAUTHENTICATE => Retry::Reauthenticate,
            ALREADY_APPLIED => Retry::AlreadyApplied,
            _ => return None,
        })
    }
}

impl Retry {
    /// The class's word, as a spec writes it: `permanent`, `transient`, `throttled`,
    /// `reauthenticate` or `already_applied`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::Permanent => "permanent",
            Retry::Transient => "transient",
            Retry::Throttled(_) => "throttled",
            Retry::Reauthenticate => "reauthenticate",
            Retry::AlreadyApplied => "already_applied",
        }
    }

    /// The class in one line, its wait in the largest whole unit: `permanent`,
    /// `throttled`, `throttled 5m`. What the runtime's `RetryClass` prints and `errcodes
    /// diff` shows.
    #[must_use]
    pub const fn short(self) -> Short {
        Short(self)
    }
}

/// A wait in the largest unit that divides it, as a spec writes it (1d, not 86400s).
fn whole_unit(secs: u64) -> (u64, &'static str) {
    [(86_400, "d"), (3_600, "h"), (60, "m")]
        .into_iter()
        .find(|&(size, _)| secs % size == 0 && secs >= size)
        .map_or((secs, "s"), |(size, unit)| (secs / size, unit))
}

/// [`Retry::short`]: `throttled 5m`.
#[derive(Debug, Clone, Copy)]
pub struct Short(Retry);

impl fmt::Display for Short {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())?;
        if let Retry::Throttled(Some(secs)) = self.0 {
            let (amount, unit) = whole_unit(secs);
            write!(f, " {amount}{unit}")?;
        }
        Ok(())
    }
}

/// The class as a spec's docs show it: `permanent`, `throttled, wait at least 5m`.
impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Retry::Throttled(Some(secs)) => {
                let (amount, unit) = whole_unit(*secs);
                write!(f, "throttled, wait at least {amount}{unit}")
            }
            retry => f.write_str(retry.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn throttled_waits_read_in_the_largest_whole_unit() {
        let shown = |secs| Retry::Throttled(Some(secs)).to_string();
        assert_eq!(shown(86_400), "throttled, wait at least 1d");
        assert_eq!(shown(7_200), "throttled, wait at least 2h");
        assert_eq!(shown(300), "throttled, wait at least 5m");
        assert_eq!(shown(30), "throttled, wait at least 30s");
        assert_eq!(shown(90), "throttled, wait at least 90s");
        assert_eq!(Retry::Throttled(None).to_string(), "throttled");
        assert_eq!(
            Retry::Throttled(Some(0)).to_string(),
            "throttled, wait at least 0s"
        );
    }

    #[test]
    fn the_short_form_is_the_word_and_the_wait() {
        let short = |retry: Retry| retry.short().to_string();
        assert_eq!(short(Retry::Throttled(Some(300))), "throttled 5m");
        assert_eq!(short(Retry::Throttled(Some(90))), "throttled 90s");
        assert_eq!(short(Retry::Throttled(None)), "throttled");
        assert_eq!(short(Retry::AlreadyApplied), "already_applied");
    }

    #[test]
    fn a_kind_no_writer_writes_reads_as_none() {
        assert_eq!(Retry::from_words([5, 0, 0]), None);
        assert_eq!(Retry::from_words([u32::MAX, 0, 0]), None);
    }
}
