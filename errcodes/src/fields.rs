use core::fmt;

use crate::text::{match_pattern, Pattern};

/// Most fields one template may have; the spec checker enforces it.
const MAX_FIELDS: usize = 8;

/// The values of a matched template's fields, borrowed from the message:
/// `商家编码{spec_no}已存在` matched against `商家编码A-1已存在` gives `spec_no = "A-1"`.
///
/// Returned by `classify_fields` on a generated enum. Empty when the message matched a
/// plain message, or nothing matched.
#[derive(Clone, Copy)]
pub struct Fields<'m> {
    names: &'static [&'static str],
    values: [&'m str; MAX_FIELDS],
}

impl<'m> Fields<'m> {
    pub(crate) fn none() -> Self {
        Fields {
            names: &[],
            values: [""; MAX_FIELDS],
        }
    }

    pub(crate) fn matched(message: &'m str, pattern: &'static Pattern) -> Self {
        let mut ranges = [(0, 0); MAX_FIELDS];
        let names = &pattern.fields[..pattern.fields.len().min(MAX_FIELDS)];
        if !match_pattern(message, pattern, &mut ranges[..names.len()]) {
            return Fields::none();
        }
        let mut values = [""; MAX_FIELDS];
        for (value, &(start, end)) in values.iter_mut().zip(&ranges[..names.len()]) {
            *value = message.get(start..end).unwrap_or_default();
        }
        Fields { names, values }
    }

    /// The value of the field called `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'m str> {
        self.iter()
            .find_map(|(field, value)| (field == name).then_some(value))
    }

    /// `(name, value)` pairs, in the template's order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'m str)> + '_ {
        self.names.iter().copied().zip(self.values.iter().copied())
    }

    /// How many fields the template has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are no fields.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
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
