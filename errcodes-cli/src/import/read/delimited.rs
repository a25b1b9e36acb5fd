//! TSV and CSV: one table, the first row naming the columns. CSV cells may be quoted
//! (`"a, b"`, embedded newlines); TSV cells are not, as in the IANA definition, so a `"`
//! in a message stays a `"`.

use crate::import::problem::Problem;
use crate::import::read::Lines;
use crate::import::table::{Page, Row, Table};

pub fn read(text: &str, delimiter: u8) -> Result<Page, Problem> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter != b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // csv's own line count passes over blank lines, and a record's offset is where the
    // blank lines before it start.
    let lines = Lines::new(text);
    let line = |at: Option<&csv::Position>| {
        let offset = at.map_or(0, |at| to_usize(at.byte()));
        let blank = text.get(offset..).map_or(0, |rest| {
            rest.len() - rest.trim_start_matches(['\n', '\r']).len()
        });
        lines.line(offset + blank)
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| {
            Problem::at(line(error.position()), format!("unreadable row: {error}"))
        })?;
        rows.push(Row {
            line: line(record.position()),
            cells: record.iter().map(|cell| cell.trim().to_owned()).collect(),
        });
    }
    Ok(Page {
        title: None,
        tables: Table::from_rows(None, rows).into_iter().collect(),
    })
}

fn to_usize(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_may_be_quoted_and_span_lines() {
        let page = read(
            "code,message\n100,\"a, quoted\nmessage\"\n\n200,plain\n",
            b',',
        )
        .expect("a table");
        let table = &page.tables[0];
        assert_eq!(table.headers.cells, ["code", "message"]);
        assert_eq!(table.rows[0].cells, ["100", "a, quoted\nmessage"]);
        assert_eq!(table.rows[1].line, 5);
        assert_eq!(table.rows[1].cells, ["200", "plain"]);
    }

    #[test]
    fn tsv_keeps_quotes_as_text() {
        let page = read("错误码\t错误信息\n1\tFor input string: \"16\"\n", b'\t').expect("a table");
        assert_eq!(
            page.tables[0].rows[0].cells,
            ["1", "For input string: \"16\""]
        );
    }

    #[test]
    fn one_row_is_no_table() {
        assert!(read("code,message\n", b',')
            .expect("read")
            .tables
            .is_empty());
    }
}
