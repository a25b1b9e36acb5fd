//! The first free name of a numbered series: variants, fields and group ids all need one.

/// `stem` if free, else `stem{sep}{n}` for the first free `n` counting from `from`.
pub fn first_free(stem: &str, sep: &str, from: u32, is_free: impl Fn(&str) -> bool) -> String {
    if is_free(stem) {
        return stem.to_owned();
    }
    let mut n = from;
    loop {
        let candidate = format!("{stem}{sep}{n}");
        if is_free(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_past_the_taken_names() {
        let taken = ["a", "a_2", "a_3"];
        assert_eq!(
            first_free("a", "_", 2, |name| !taken.contains(&name)),
            "a_4"
        );
        assert_eq!(first_free("b", "_", 2, |name| !taken.contains(&name)), "b");
        assert_eq!(first_free("field", "", 1, |name| name != "field"), "field1");
    }
}
