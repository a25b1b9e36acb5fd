//! Where a platform's JSON response keeps its code and message, as section
//! [`ENVELOPE`](crate::section::ENVELOPE) stores it: ranges of the table's lists of paths and
//! codes, and a flag.

/// A spec's `envelope`: for each value a response carries, the range of the table's paths
/// to try in order, as `(start, len)`; the success codes, a range of the table's codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Envelope {
    /// Paths to the code.
    pub code: (u32, u32),
    /// Paths to the message.
    pub message: (u32, u32),
    /// Paths to the sub-code.
    pub sub_code: (u32, u32),
    /// Paths to the sub-message.
    pub sub_message: (u32, u32),
    /// Paths to the request id.
    pub request_id: (u32, u32),
    /// Codes that mean success.
    pub success: (u32, u32),
    /// Messages a body without a code may carry and still be a success, a range of the
    /// table's names.
    pub success_message: (u32, u32),
    /// Whether a body with no code at any path is a success.
    pub success_without_code: bool,
}

/// `u32`s in the section of a spec with an envelope.
pub(crate) const LEN: usize = 15;

impl Envelope {
    pub(crate) fn words(&self) -> [u32; LEN] {
        let ranges = [
            self.code,
            self.message,
            self.sub_code,
            self.sub_message,
            self.request_id,
            self.success,
            self.success_message,
        ];
        let mut words = [u32::from(self.success_without_code); LEN];
        for (at, (start, len)) in ranges.into_iter().enumerate() {
            words[2 * at] = start;
            words[2 * at + 1] = len;
        }
        words
    }

    pub(crate) fn from_words(w: [u32; LEN]) -> Envelope {
        Envelope {
            code: (w[0], w[1]),
            message: (w[2], w[3]),
            sub_code: (w[4], w[5]),
            sub_message: (w[6], w[7]),
            request_id: (w[8], w[9]),
            success: (w[10], w[11]),
            success_message: (w[12], w[13]),
            success_without_code: w[14] != 0,
        }
    }
}
