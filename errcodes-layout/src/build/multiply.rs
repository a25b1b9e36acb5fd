//! A one-multiply perfect hash for integer codes: the slot of `code` is the top bits of
//! `code * mult` ([`multiply_slot`](crate::hash::multiply_slot)), in a table of a power of
//! two slots, two to eight times as many as there are codes. Codes are known at compile
//! time, so odd multipliers are tried until one sends every code to a slot of its own.
//! Platforms' codes come in runs (40001, 40002, ...), which multiplicative hashing spreads
//! evenly: their tables place within a few hundred tries. Random sparse codes by the
//! thousand do not (by the birthday bound, they would need a table of about the square of
//! their number): for them the search gives up, after a bounded number of tries, and the
//! caller falls back to hash and displace.

use alloc::vec;
use alloc::vec::Vec;

use crate::hash::multiply_slot;

/// Multipliers tried per table size.
pub(crate) const TRIES: u32 = 4096;
/// Table sizes tried, smallest first, as multiples of the number of codes (rounded up to a
/// power of two): the smaller the table, the more of it stays in cache.
const SPREADS: [usize; 3] = [2, 4, 8];

/// Codes placed by a multiplier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub(crate) mult: u64,
    pub(crate) shift: u32,
    /// For each slot, the index of the code placed there, if any.
    pub(crate) slots: Vec<Option<usize>>,
}

/// The first multiplier, among `tries` per table size, that gives each of `keys` (distinct)
/// a slot of its own; `None` if none does.
pub(crate) fn place(keys: &[i64], tries: u32) -> Option<Placed> {
    let mut sizes: Vec<u32> = SPREADS
        .iter()
        .map(|spread| {
            (spread * keys.len())
                .max(2)
                .next_power_of_two()
                .trailing_zeros()
        })
        .collect();
    sizes.dedup();
    sizes
        .into_iter()
        .find_map(|bits| place_in(keys, bits, tries))
}

fn place_in(keys: &[i64], bits: u32, tries: u32) -> Option<Placed> {
    let shift = 64 - bits;
    // The try that last took each slot: no table to clear between tries.
    let mut taken = vec![0_u32; 1 << bits];
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for attempt in 1..=tries {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mult = state | 1;
        let fits = keys.iter().all(|&key| {
            let slot = &mut taken[multiply_slot(key, mult, shift)];
            let free = *slot != attempt;
            *slot = attempt;
            free
        });
        if fits {
            let mut slots = vec![None; 1 << bits];
            for (index, &key) in keys.iter().enumerate() {
                slots[multiply_slot(key, mult, shift)] = Some(index);
            }
            return Some(Placed { mult, shift, slots });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(keys: &[i64]) -> Placed {
        let placed = place(keys, TRIES).unwrap_or_else(|| panic!("{} keys not placed", keys.len()));
        for (index, &key) in keys.iter().enumerate() {
            let slot = multiply_slot(key, placed.mult, placed.shift);
            assert_eq!(placed.slots[slot], Some(index), "{key}");
        }
        assert!(
            placed.slots.len() <= 16 * keys.len().max(1),
            "{}",
            placed.slots.len()
        );
        placed
    }

    #[test]
    fn runs_of_codes_place_in_a_table_a_few_times_their_number() {
        placed(&[]);
        placed(&[0]);
        placed(&[i64::MIN, -1, 0, 1, i64::MAX]);
        let runs: Vec<i64> = (0..300)
            .map(|i| 40_000 + (i / 50) * 1_000 + i % 50)
            .chain([-1, 0, 45_109, -9_990_202])
            .collect();
        placed(&runs);
        placed(&(1..=2_000).collect::<Vec<_>>());
    }

    #[test]
    fn thousands_of_random_codes_are_given_up_on() {
        let keys: alloc::collections::BTreeSet<i64> = (0..2_000)
            .map(|i| 10_000 + (crate::hash_int(i, 0) % 99_990_000) as i64)
            .collect();
        let keys: Vec<i64> = keys.into_iter().collect();
        assert_eq!(place(&keys, TRIES), None);
    }

    #[test]
    fn the_multiplier_search_stops_at_its_bound() {
        assert_eq!(place(&[1, 2, 3], 0), None);
    }
}
