use core::fmt;

use crate::table::Table;
use crate::text::Strings;

pub(crate) use errcodes_layout::MAX_FIELDS;

/// The values of a matched template's fields, borrowed from the message:
/// `商家编码{spec_no}已存在` matched against `商家编码A-1已存在` gives `spec_no = "A-1"`.
///
/// Returned by [`Catalog::lookup`](crate::Catalog::lookup) and kept by
/// [`ApiError`](crate::ApiError). Empty when the message matched a plain message, or
/// nothing matched.
#[derive(Clone, Copy)]
pub struct Fields<'m> {
    message: &'m str,
    spans: Spans,
}

/// Where the fields are in a message: their names and byte ranges. Kept apart from the
/// message so that an owner of the message can keep them.
#[derive(Clone, Copy)]
pub(crate) struct Spans {
    names: Strings<'static>,
    ranges: [Span; MAX_FIELDS],
    /// Where the request id is, in the noise stripped from the message before it was
    /// matched (WeChat's ` rid: ...`).
    request_id: Option<Span>,
    /// What was left to do until it is asked for.
    later: Later,
}

/// What a lookup left to do until it is asked for, with the table that does it.
#[derive(Clone, Copy)]
pub(crate) enum Later {
    Nothing,
    /// The request id is in the message's noise, not stripped yet.
    Noise(&'static Table),
    /// The message was not matched: the entry is the code's whatever the message says.
    /// How it was chosen (by the message or by the code), the fields of a template it
    /// matches and the request id are found when asked for.
    Match(&'static Table),
}

/// A byte range of a text, in 32 bits: what an error keeps is copied from stage to stage,
/// and half the size is a copy without a call to `memcpy`. A bound past `u32::MAX` (a
/// message of 4 GiB) reads as `u32::MAX`, which slices nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    start: u32,
    end: u32,
}

impl Span {
    pub(crate) fn new((start, end): (usize, usize)) -> Self {
        let bound = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Span {
            start: bound(start),
            end: bound(end),
        }
    }

    /// The text of `text` the span covers, if it is within it.
    pub(crate) fn of(self, text: &str) -> Option<&str> {
        text.get(self.start as usize..self.end as usize)
    }
}

impl Spans {
    pub(crate) fn none() -> Self {
        Spans {
            names: Strings::new("", &[]),
            ranges: [Span::default(); MAX_FIELDS],
            request_id: None,
            later: Later::Nothing,
        }
    }

    /// Spans with `later` left to do.
    pub(crate) fn later(later: Later) -> Self {
        Spans {
            later,
            ..Spans::none()
        }
    }

    /// What was left to do.
    pub(crate) fn left(&self) -> Later {
        self.later
    }

    /// The request id in the noise stripped from `message`.
    pub(crate) fn request_id<'m>(&self, message: &'m str) -> Option<&'m str> {
        match (self.request_id, self.later) {
            (Some(span), _) => span.of(message),
            (None, Later::Noise(table) | Later::Match(table)) => table.request_id(message),
            (None, Later::Nothing) => None,
        }
    }

    pub(crate) fn with_request_id(mut self, request_id: Option<(usize, usize)>) -> Self {
        self.request_id = request_id.map(Span::new);
        self
    }

    /// Fields called `names` at `ranges` of a text that starts `offset` bytes into the
    /// message.
    pub(crate) fn new(
        names: Strings<'static>,
        ranges: &[(usize, usize); MAX_FIELDS],
        offset: usize,
    ) -> Self {
        let mut spans = Spans::none();
        spans.names = names;
        for (span, &(start, end)) in spans.ranges.iter_mut().zip(ranges) {
            *span = Span::new((start.saturating_add(offset), end.saturating_add(offset)));
        }
        spans
    }

    pub(crate) fn of(self, message: &str) -> Fields<'_> {
        Fields {
            message,
            spans: self,
        }
    }
}

impl<'m> Fields<'m> {
    pub(crate) fn spans(&self) -> Spans {
        self.spans
    }

    /// The value of the field called `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'m str> {
        self.iter()
            .find_map(|(field, value)| (field == name).then_some(value))
    }

    /// `(name, value)` pairs, in the template's order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'m str)> + '_ {
        let message = self.message;
        self.spans
            .names
            .iter()
            .zip(self.spans.ranges)
            .map(move |(name, span)| (name, span.of(message).unwrap_or_default()))
    }

    /// How many fields the template has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.spans.names.len().min(MAX_FIELDS)
    }

    /// Whether there are no fields.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for Fields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl PartialEq for Fields<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Fields<'_> {}
