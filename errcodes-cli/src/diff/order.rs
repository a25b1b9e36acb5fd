//! The order of the entries both specs have. The generated enum derives `Ord` in spec order
//! and `classify` breaks ties by it, so a change in their relative order is a change; the
//! entries named as moved are the fewest that explain it (those off a longest run that kept
//! its order).

use errcodes_spec::Spec;

/// The entries of both specs (`renamed`: `(old name, new name)`) that moved: each as
/// `(name, where it was, where it is)`, a place being the entry it follows.
pub fn changes(
    old: &Spec,
    new: &Spec,
    renamed: &[(String, String)],
) -> Vec<(String, String, String)> {
    let common: Vec<(&str, usize)> = old
        .entries
        .iter()
        .filter_map(|entry| {
            let name = renamed
                .iter()
                .find(|(from, _)| *from == entry.name)
                .map_or(entry.name.as_str(), |(_, to)| to.as_str());
            let at = new.entries.iter().position(|other| other.name == name)?;
            Some((name, at))
        })
        .collect();
    moved(&common)
}

/// Of `common` (`(name, index in new)`, in old order), the entries that moved.
fn moved(common: &[(&str, usize)]) -> Vec<(String, String, String)> {
    let kept = longest_increasing(&common.iter().map(|&(_, at)| at).collect::<Vec<_>>());
    let mut in_new: Vec<&(&str, usize)> = common.iter().collect();
    in_new.sort_by_key(|&&(_, at)| at);
    let after = |order: &[&(&str, usize)], name: &str| {
        let at = order.iter().position(|&&(other, _)| other == name);
        match at.and_then(|at| at.checked_sub(1)) {
            Some(before) => format!("after {}", order[before].0),
            None => "first".to_owned(),
        }
    };
    let in_old: Vec<&(&str, usize)> = common.iter().collect();
    common
        .iter()
        .zip(kept)
        .filter(|&(_, kept)| !kept)
        .map(|(&(name, _), _)| (name.to_owned(), after(&in_old, name), after(&in_new, name)))
        .collect()
}

/// Which of `values` (all distinct) a longest increasing subsequence keeps.
fn longest_increasing(values: &[usize]) -> Vec<bool> {
    // `tails[n]`: the index of the least value that ends an increasing run of length n + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous = vec![None; values.len()];
    for (i, &value) in values.iter().enumerate() {
        let length = tails.partition_point(|&tail| values[tail] < value);
        previous[i] = length.checked_sub(1).map(|before| tails[before]);
        if length == tails.len() {
            tails.push(i);
        } else {
            tails[length] = i;
        }
    }
    let mut kept = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept[i] = true;
        at = previous[i];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved_names(order: &[usize]) -> Vec<String> {
        let names = ["a", "b", "c", "d", "e", "f"];
        let common: Vec<(&str, usize)> = order.iter().map(|&at| (names[at], at)).collect();
        moved(&common).into_iter().map(|(name, ..)| name).collect()
    }

    #[test]
    fn the_same_order_moves_nothing() {
        assert!(moved_names(&[0, 1, 2, 3]).is_empty());
        assert!(moved_names(&[]).is_empty());
    }

    #[test]
    fn one_entry_moved_far_is_the_one_named() {
        assert_eq!(moved_names(&[5, 0, 1, 2, 3, 4]), ["f"]);
        assert_eq!(moved_names(&[1, 2, 3, 4, 5, 0]), ["a"]);
    }

    #[test]
    fn a_reversal_moves_all_but_one() {
        assert_eq!(moved_names(&[3, 2, 1, 0]).len(), 3);
    }

    #[test]
    fn a_move_says_where_the_entry_was_and_is() {
        let common = [("b", 1), ("a", 0), ("c", 2)];
        assert_eq!(
            moved(&common),
            [("b".to_owned(), "first".to_owned(), "after a".to_owned())]
        );
    }
}
