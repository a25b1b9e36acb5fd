use core::fmt;

use crate::text::Strings;

/// Most fields one template may have; the spec checker enforces it.
pub(crate) const MAX_FIELDS: usize = 8;

/// The values of a matched template's fields, borrowed from the message:
/// `商家编码{spec_no}已存在` matched against `商家编码A-1已存在` gives `spec_no = "A-1"`.
///
/// Returned by `classify_fields` on a generated enum. Empty when the message matched a
/// plain message, or nothing matched.
#[derive(Clone, Copy)]
pub struct Fields<'m> {
    names: Strings<'static>,
    values: [&'m str; MAX_FIELDS],
}

impl<'m> Fields<'m> {
    pub(crate) fn none() -> Self {
        Fields {
            names: Strings::new("", &[]),
            values: [""; MAX_FIELDS],
        }
    }

    /// Fields called `names`, whose values are at `ranges` in `message`.
    pub(crate) fn new(
        message: &'m str,
        names: Strings<'static>,
        ranges: &[(usize, usize); MAX_FIELDS],
    ) -> Self {
        let mut values = [""; MAX_FIELDS];
        for (value, &(start, end)) in values
            .iter_mut()
            .zip(&ranges[..names.len().min(MAX_FIELDS)])
        {
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
        self.names.iter().zip(self.values.iter().copied())
    }

    /// How many fields the template has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.len().min(MAX_FIELDS)
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
