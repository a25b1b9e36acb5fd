//! The scan of an envelope whose paths are each one key of the body's object, as WeChat's
//! (`errcode`, `errmsg`) and Wangdiantong's (`status`, `message`) are: only the top-level
//! object's keys are compared, each with the paths' keys directly, and the values of the
//! keys no path names are skipped. It reads what [`Scan::object`] reads at depth 0 for
//! such paths, without the masks of depths and `*`s.

use super::{is_number_key, Mask, Paths, Scan};

impl Scan<'_, '_> {
    /// The entries of the top-level object, whose `{` is behind.
    pub(super) fn flat(&mut self) -> Option<()> {
        self.space();
        if self.eat(b'}').is_some() {
            return Some(());
        }
        let mut taken: Mask = 0;
        let mut first = true;
        loop {
            self.space();
            let key = self.key()?;
            // A number, where serde_json's `arbitrary_precision` makes this map one.
            if std::mem::take(&mut first) && is_number_key(&key) {
                return None;
            }
            self.space();
            self.eat(b':')?;
            let next = self.paths.keyed(&key);
            // A key on a path repeated: the exact read says which value wins.
            if next & taken != 0 {
                return None;
            }
            taken |= next;
            if next == 0 {
                self.skip()?;
            } else {
                self.value(next, 1)?;
            }
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

impl Paths {
    /// The paths whose one key is `key`.
    fn keyed(&self, key: &[u8]) -> Mask {
        let mut keyed = 0;
        for (bit, path) in self
            .list
            .iter()
            .take(self.all.count_ones() as usize)
            .enumerate()
        {
            let want = path.keys.first().map_or(&[][..], |want| want.as_bytes());
            // Most keys differ in length or first byte: no call to compare the rest.
            if want.len() == key.len() && want.first() == key.first() && want == key {
                keyed |= 1 << bit;
            }
        }
        keyed
    }
}
