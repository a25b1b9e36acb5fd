//! How the matcher sees a table's text: [`Strings`], runs of strings stored back to back,
//! and [`Pattern`], a message template made of them.

/// Consecutive strings of a table: string `k` is `text[bounds[k]..bounds[k + 1]]`, the
/// bounds being little-endian `u32`s.
#[derive(Debug, Clone, Copy)]
pub struct Strings<'t> {
    text: &'t str,
    bounds: &'t [u8],
}

impl<'t> Strings<'t> {
    /// The strings that `bounds` delimit in `text`.
    #[must_use]
    pub fn new(text: &'t str, bounds: &'t [u8]) -> Self {
        Strings { text, bounds }
    }

    /// How many strings.
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        (self.bounds.len() / 4).saturating_sub(1)
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// String `k`; empty past the end.
    #[must_use]
    #[inline]
    pub fn get(&self, k: usize) -> &'t str {
        // Both bounds with one check.
        let Some(b) = self.bounds.get(4 * k..4 * k + 8) else {
            return "";
        };
        let start = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let end = u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize;
        self.text.get(start..end).unwrap_or_default()
    }

    /// The strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.len()).map(|k| self.get(k))
    }
}

/// A message pattern: literal pieces with a field between each pair, so
/// `lits.len() == fields.len() + 1`. A plain message is one literal and no field.
#[derive(Debug, Clone, Copy)]
pub struct Pattern<'t> {
    /// The literal text around the fields, unescaped (`{{` is already `{`), normalised, the
    /// first trimmed at its start and the last at its end.
    pub lits: Strings<'t>,
    /// The field names, in order.
    pub fields: Strings<'t>,
    /// The literals' length in bytes plus one per field: no shorter message can match, as
    /// normalisation never lengthens text.
    pub min_len: u32,
}
