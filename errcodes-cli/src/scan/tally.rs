//! The counts a scan keeps: by variant and retry class, and for each code, sub-code and
//! message the spec lacks, how often, where first and last, and a few samples. Bounded:
//! past [`MAX_KEYS`] distinct lacks of a kind, further ones are only counted.

use std::collections::BTreeMap;

use serde::Serialize;

/// The most distinct unknown codes (and sub-codes, and unmatched messages) kept.
pub const MAX_KEYS: usize = 10_000;
/// The most distinct messages kept as samples of one lack.
pub const MAX_SAMPLES: usize = 8;
/// The most malformed lines named.
pub const MAX_MALFORMED: usize = 20;

/// A line of a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub file: String,
    pub line: u64,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Tally {
    pub lines: u64,
    pub errors: u64,
    pub successes: u64,
    /// Records and events of another platform: not this spec's to judge.
    pub other_platforms: u64,
    /// A JSON subscriber's events that tell no error (the application's own, retry
    /// decisions): the log's, not the platform's.
    pub other_events: u64,
    pub malformed: Malformed,
    pub by_variant: BTreeMap<&'static str, Count>,
    pub by_retry: BTreeMap<&'static str, u64>,
    pub unknown_codes: Lacks,
    pub unknown_sub_codes: Lacks,
    /// Messages of known codes that no entry of the code matches: the code's fallback stood
    /// in for them.
    pub unmatched_messages: Lacks,
}

#[derive(Debug, Default, Serialize)]
pub struct Malformed {
    pub count: u64,
    /// The first [`MAX_MALFORMED`], with why.
    pub first: Vec<Bad>,
}

#[derive(Debug, Serialize)]
pub struct Bad {
    #[serde(flatten)]
    pub place: Place,
    pub reason: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Count {
    pub count: u64,
    pub retry: &'static str,
}

/// One kind of lack: by key (the code; the code and sub-code; the code and message).
#[derive(Debug, Default, Serialize)]
pub struct Lacks {
    pub seen: BTreeMap<String, Lack>,
    /// Sightings of keys past the first [`MAX_KEYS`].
    pub not_kept: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Lack {
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_code: Option<String>,
    /// The message, as the spec would match it (for an unmatched message, the one message).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The variant chosen for it: `Unknown`, or the code's fallback.
    pub variant: &'static str,
    pub count: u64,
    pub first: Place,
    pub last: Place,
    /// The earliest and latest time an event of it carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Distinct messages it came with, the first [`MAX_SAMPLES`].
    pub samples: Vec<String>,
}

/// One sighting of something a spec lacks.
pub struct Sighting<'a> {
    pub key: String,
    pub code: &'a str,
    pub sub_code: Option<&'a str>,
    pub message: &'a str,
    pub variant: &'static str,
    pub time: Option<&'a str>,
}

impl Tally {
    pub fn error(&mut self, variant: &'static str, retry: &'static str) {
        self.errors += 1;
        let count = self
            .by_variant
            .entry(variant)
            .or_insert(Count { count: 0, retry });
        count.count += 1;
        *self.by_retry.entry(retry).or_default() += 1;
    }

    pub fn malformed(&mut self, place: impl FnOnce() -> Place, reason: impl FnOnce() -> String) {
        self.malformed.count += 1;
        if self.malformed.first.len() < MAX_MALFORMED {
            self.malformed.first.push(Bad {
                place: place(),
                reason: reason(),
            });
        }
    }

    /// Whether anything the spec lacks was seen.
    pub fn lacks_any(&self) -> bool {
        [
            &self.unknown_codes,
            &self.unknown_sub_codes,
            &self.unmatched_messages,
        ]
        .iter()
        .any(|lacks| !lacks.seen.is_empty() || lacks.not_kept > 0)
    }
}

impl Lacks {
    pub fn add(
        &mut self,
        sighting: &Sighting<'_>,
        place: impl FnOnce() -> Place,
        keep_message: bool,
    ) {
        let kept = self.seen.len();
        let Some(lack) = self.seen.get_mut(&sighting.key) else {
            if kept >= MAX_KEYS {
                self.not_kept += 1;
                return;
            }
            let place = place();
            let time = sighting.time.map(str::to_owned);
            self.seen.insert(
                sighting.key.clone(),
                Lack {
                    code: sighting.code.to_owned(),
                    sub_code: sighting.sub_code.map(str::to_owned),
                    message: keep_message.then(|| sighting.message.to_owned()),
                    variant: sighting.variant,
                    count: 1,
                    first: place.clone(),
                    last: place,
                    since: time.clone(),
                    until: time,
                    samples: vec![sighting.message.to_owned()],
                },
            );
            return;
        };
        lack.count += 1;
        lack.last = place();
        if let Some(time) = sighting.time {
            if lack.since.as_deref().is_none_or(|since| time < since) {
                lack.since = Some(time.to_owned());
            }
            if lack.until.as_deref().is_none_or(|until| time > until) {
                lack.until = Some(time.to_owned());
            }
        }
        if lack.samples.len() < MAX_SAMPLES && !lack.samples.iter().any(|s| s == sighting.message) {
            lack.samples.push(sighting.message.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u64) -> Place {
        Place {
            file: "a.log".into(),
            line,
        }
    }

    fn sighting<'a>(code: &'a str, message: &'a str, time: Option<&'a str>) -> Sighting<'a> {
        Sighting {
            key: code.to_owned(),
            code,
            sub_code: None,
            message,
            variant: "Unknown",
            time,
        }
    }

    #[test]
    fn a_lack_counts_its_sightings_places_times_and_distinct_samples() {
        let mut lacks = Lacks::default();
        lacks.add(&sighting("7", "b", Some("2026-02")), || at(3), false);
        lacks.add(&sighting("7", "a", Some("2026-01")), || at(9), false);
        lacks.add(&sighting("7", "b", None), || at(12), false);
        let lack = &lacks.seen["7"];
        assert_eq!(lack.count, 3);
        assert_eq!((lack.first.line, lack.last.line), (3, 12));
        assert_eq!(lack.since.as_deref(), Some("2026-01"));
        assert_eq!(lack.until.as_deref(), Some("2026-02"));
        assert_eq!(lack.samples, ["b", "a"]);
    }

    #[test]
    fn only_the_first_malformed_lines_are_named_but_all_are_counted() {
        let mut tally = Tally::default();
        for line in 0..30 {
            tally.malformed(|| at(line), || "not JSON".into());
        }
        assert_eq!(tally.malformed.count, 30);
        assert_eq!(tally.malformed.first.len(), MAX_MALFORMED);
    }
}
