//! An entry's sub-code rule as text, for tools that show the table (`errcodes docs`,
//! `list`): the rule is stored for matching, so a template comes back from its parts.

use errcodes_layout::{record, section, sub};

use super::Table;

impl Table {
    /// The sub-code rule of entry `index`, as a spec writes it: exact (`ACQ.TRADE_NOT_EXIST`),
    /// a prefix (`isp.*`) or a template (`isp.service-error:{code}`, its literal text as
    /// matched: normalised). `None` for an entry without one.
    #[must_use]
    pub fn sub_code_of(&self, index: usize) -> Option<String> {
        let rules = self.section(section::SUB_CODES);
        let [_, kind, _, value] = (0..rules.len() / (4 * record::SUB))
            .filter_map(|i| errcodes_layout::record::<{ record::SUB }>(rules, i))
            .find(|&[_, _, entry, _]| entry as usize == index)?;
        Some(match kind {
            sub::EXACT => self.string(value).to_owned(),
            sub::PREFIX => format!("{}*", self.string(value)),
            _ => {
                let pattern = self.pattern(value)?;
                let mut text = String::new();
                let mut fields = pattern.fields.iter();
                for lit in pattern.lits.iter() {
                    text.push_str(&lit.replace('{', "{{").replace('}', "}}"));
                    if let Some(field) = fields.next() {
                        text.push('{');
                        text.push_str(field);
                        text.push('}');
                    }
                }
                text
            }
        })
    }
}
