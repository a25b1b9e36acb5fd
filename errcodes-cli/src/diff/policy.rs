//! The project's semver policy for the generated enum (`docs/SEMVER.md`), as code: what
//! each kind of change to a spec asks of the crate that publishes the enum.

use serde::Serialize;

/// A release's level; `None` when the generated enum is the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    // `--fail-on none` would fail every run.
    #[value(skip)]
    None,
    Patch,
    Minor,
    Major,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        }
    }
}

/// What changed between two specs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    // The enum.
    Platform,
    Enum,
    NonExhaustive,
    UnknownRetry,
    Envelope,
    Noise,
    Title,
    Source,
    Note,
    GroupAdded,
    GroupRemoved,
    GroupTitle,
    GroupNote,
    // Its entries.
    EntryAdded,
    EntryRemoved,
    EntryRenamed,
    Codes,
    SubCode,
    Fallback,
    Deprecated,
    /// The entry moved among the entries both specs have.
    Order,
    Retry,
    Fields,
    Group,
    Message,
    Hint,
    EntryNote,
    HttpStatus,
    Endpoint,
    Scene,
    // The composition.
    Shadowed,
}

impl Kind {
    /// The level of this change to a spec whose new enum is `non_exhaustive` (or not).
    pub fn level(self, non_exhaustive: bool) -> Level {
        match self {
            // Code that names the enum, the platform or the variant stops compiling, and so
            // do exhaustive `match`es when the enum gains a variant or `#[non_exhaustive]`
            // changes either way.
            Kind::Platform
            | Kind::Enum
            | Kind::NonExhaustive
            | Kind::EntryRemoved
            | Kind::EntryRenamed => Level::Major,
            Kind::EntryAdded if !non_exhaustive => Level::Major,
            // Everything still compiles, but what a lookup gives or what a client does
            // changes: `from_code`, the fallback, retries, a response's reading, the field a
            // template fills, the group `group()` returns, how the variants sort and which
            // of two equal matches `classify` picks.
            Kind::EntryAdded
            | Kind::UnknownRetry
            | Kind::Envelope
            | Kind::Noise
            | Kind::GroupAdded
            | Kind::GroupRemoved
            | Kind::Codes
            | Kind::SubCode
            | Kind::Fallback
            | Kind::Deprecated
            | Kind::Order
            | Kind::Retry
            | Kind::Fields
            | Kind::Group => Level::Minor,
            // Documentation and the data an error carries, corrected.
            Kind::Title
            | Kind::Source
            | Kind::Note
            | Kind::GroupTitle
            | Kind::GroupNote
            | Kind::Message
            | Kind::Hint
            | Kind::EntryNote
            | Kind::HttpStatus
            | Kind::Endpoint
            | Kind::Scene => Level::Patch,
            // What an earlier layer newly shadows: its effect on the enum (an entry left out,
            // a code moved, a group's title) is a change of its own, with its own level.
            Kind::Shadowed => Level::None,
        }
    }

    /// How the change is named in text output.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Platform => "platform renamed",
            Kind::Enum => "enum renamed",
            Kind::NonExhaustive => "non_exhaustive changed",
            Kind::UnknownRetry => "unknown_retry changed",
            Kind::Envelope => "envelope changed",
            Kind::Noise => "noise changed",
            Kind::Title => "title changed",
            Kind::Source => "source changed",
            Kind::Note => "spec note changed",
            Kind::GroupAdded => "group added",
            Kind::GroupRemoved => "group removed",
            Kind::GroupTitle => "group title changed",
            Kind::GroupNote => "group note changed",
            Kind::EntryAdded => "added",
            Kind::EntryRemoved => "removed",
            Kind::EntryRenamed => "renamed",
            Kind::Codes => "codes changed",
            Kind::SubCode => "sub-code rule changed",
            Kind::Deprecated => "deprecation changed",
            Kind::Order => "moved in spec order",
            Kind::Fallback => "fallback changed",
            Kind::Retry => "retry class changed",
            Kind::Fields => "template fields changed",
            Kind::Group => "moved to another group",
            Kind::Message => "message changed",
            Kind::Hint => "hint changed",
            Kind::EntryNote => "entry note changed",
            Kind::HttpStatus => "http_status changed",
            Kind::Endpoint => "endpoint changed",
            Kind::Scene => "scene changed",
            Kind::Shadowed => "newly shadowed",
        }
    }
}
