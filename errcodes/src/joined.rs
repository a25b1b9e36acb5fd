//! [`Joined`]: the text an [`ApiError`](crate::ApiError) keeps, its pieces back to back,
//! inline where it is short, so that most errors are one allocation, not two.

/// Longest text kept inline: most messages with their sub-code and request id fit.
const INLINE: usize = 128;

/// Pieces of text back to back, owned.
#[derive(Clone)]
pub(crate) enum Joined {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Joined {
    /// `first` then each of `rest`, `len` bytes in all.
    pub(crate) fn new(first: &str, rest: &[Option<&str>], len: usize) -> Self {
        match u8::try_from(len) {
            Ok(short) if len <= INLINE => {
                let mut bytes = [0; INLINE];
                let mut at = first.len();
                if let Some(to) = bytes.get_mut(..at) {
                    to.copy_from_slice(first.as_bytes());
                }
                for piece in rest.iter().flatten() {
                    if let Some(to) = bytes.get_mut(at..at + piece.len()) {
                        to.copy_from_slice(piece.as_bytes());
                    }
                    at += piece.len();
                }
                Joined::Inline { len: short, bytes }
            }
            _ => {
                let mut text = String::with_capacity(len);
                text.push_str(first);
                rest.iter().flatten().for_each(|piece| text.push_str(piece));
                Joined::Heap(text.into_boxed_str())
            }
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // Whole `str`s copied back to back: always UTF-8.
            Joined::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|bytes| core::str::from_utf8(bytes).ok())
                .unwrap_or_default(),
            Joined::Heap(text) => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Joined, INLINE};

    #[test]
    fn short_text_is_inline_and_long_text_on_the_heap_both_read_back() {
        let short = Joined::new("quota", &[Some("isp.x"), None, Some("rid-1")], 15);
        assert!(matches!(short, Joined::Inline { .. }));
        assert_eq!(short.as_str(), "quotaisp.xrid-1");
        let long = "长".repeat(INLINE / 3 + 1);
        let joined = Joined::new(&long, &[Some("!")], long.len() + 1);
        assert!(matches!(joined, Joined::Heap(_)));
        assert_eq!(joined.as_str(), format!("{long}!"));
        let edge = "a".repeat(INLINE);
        let joined = Joined::new(&edge, &[], INLINE);
        assert!(matches!(joined, Joined::Inline { .. }));
        assert_eq!(joined.as_str(), edge);
    }
}
