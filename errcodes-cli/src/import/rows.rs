//! Tables → groups of rows with their cells placed: code, message, hint, HTTP status,
//! endpoint, scene, and a note for the rest.

use crate::import::codes::{self, Code};
use crate::import::columns::{self, Columns};
use crate::import::problem::Problem;
use crate::import::table::{Row, Table};

/// One row of a table, its cells placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub line: usize,
    pub codes: Vec<Code>,
    /// The message as the table writes it.
    pub message: String,
    pub hint: Option<String>,
    pub http_status: Option<u16>,
    pub endpoint: Option<String>,
    pub scene: Option<String>,
    /// `header: value` of the cells no key holds.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftGroup {
    pub title: Option<String>,
    /// Said once for the group, such as a guessed message column.
    pub note: Option<String>,
    pub drafts: Vec<Draft>,
}

/// Every table with a code column, in page order; a row that holds one text only (a
/// sub-heading) starts a group of its own.
pub fn groups(tables: &[Table]) -> Result<Vec<DraftGroup>, Problem> {
    let mut groups = Vec::new();
    let mut mapped = 0;
    for table in tables {
        let Some(columns) = columns::map(&table.headers.cells) else {
            continue;
        };
        mapped += 1;
        let note = columns.message_guessed.then(|| {
            format!(
                "the message column is `{}`, the first column after the codes that the importer could not place",
                table.headers.cells[columns.message]
            )
        });
        let mut group = DraftGroup {
            title: table.heading.clone(),
            note: note.clone(),
            drafts: Vec::new(),
        };
        for row in &table.rows {
            if let Some(title) = sub_heading(row, &columns) {
                if !group.drafts.is_empty() {
                    groups.push(group);
                    group = DraftGroup {
                        title: None,
                        note: note.clone(),
                        drafts: Vec::new(),
                    };
                }
                group.title = Some(title);
                continue;
            }
            group
                .drafts
                .push(draft(row, &table.headers.cells, &columns)?);
        }
        groups.push(group);
    }
    groups.retain(|group| !group.drafts.is_empty());
    if groups.is_empty() {
        return Err(no_rows(tables, mapped));
    }
    Ok(groups)
}

fn no_rows(tables: &[Table], mapped: usize) -> Problem {
    let Some(first) = tables.first() else {
        return Problem::at(1, "no table here");
    };
    if mapped > 0 {
        return Problem::at(
            first.headers.line,
            "the table names its columns but has no rows of error codes",
        );
    }
    let headers: Vec<String> = first
        .headers
        .cells
        .iter()
        .map(|cell| format!("`{cell}`"))
        .collect();
    Problem::at(
        first.headers.line,
        format!(
            "no column of error codes and messages in this table (its first row is {}); name the columns in the first row, as in `错误码 | 错误信息` or `code | message`",
            headers.join(", ")
        ),
    )
}

/// A row whose first cell holds its only text (other cells empty or the same, as a
/// `colspan` gives), and that text is not a code. A word with no digit (`Orders`) is taken
/// for a heading, not for a string code.
fn sub_heading(row: &Row, columns: &Columns) -> Option<String> {
    let first = row.cells.first().filter(|cell| !cell.is_empty())?;
    let one_text = row
        .cells
        .iter()
        .all(|cell| cell.is_empty() || cell == first);
    let is_code = columns.code == 0
        && first.contains(|c: char| c.is_ascii_digit())
        && codes::parse(first).is_some_and(|codes| !codes.is_empty());
    (one_text && !is_code).then(|| first.clone())
}

fn draft(row: &Row, headers: &[String], columns: &Columns) -> Result<Draft, Problem> {
    let cell = |at: Option<usize>| {
        at.and_then(|at| row.cells.get(at))
            .filter(|cell| !cell.is_empty())
            .cloned()
    };
    let code_cell = cell(Some(columns.code)).unwrap_or_default();
    let codes = codes::parse(&code_cell).ok_or_else(|| {
        Problem::at(
            row.line,
            format!(
                "`{code_cell}` in column `{}` is not an error code; write an integer (`40001`), codes joined by `/` (`990001/990002`) or a code without spaces (`F00-00-10013-002`)",
                headers[columns.code]
            ),
        )
    })?;
    let mut notes = Vec::new();
    let http_status = cell(columns.http_status).and_then(|text| {
        let status = text
            .parse()
            .ok()
            .filter(|status| (100..=599).contains(status));
        if status.is_none() {
            notes.push(labelled(headers, columns.http_status, &text));
        }
        status
    });
    for (at, text) in row.cells.iter().enumerate() {
        if !text.is_empty() && columns.for_note(at) {
            notes.push(labelled(headers, Some(at), text));
        }
    }
    Ok(Draft {
        line: row.line,
        codes,
        message: cell(Some(columns.message)).unwrap_or_default(),
        hint: cell(columns.hint),
        http_status,
        endpoint: cell(columns.endpoint),
        scene: cell(columns.scene),
        notes,
    })
}

fn labelled(headers: &[String], at: Option<usize>, text: &str) -> String {
    match at
        .and_then(|at| headers.get(at))
        .filter(|header| !header.is_empty())
    {
        Some(header) => format!("{header}: {text}"),
        None => format!("column {}: {text}", at.map_or(0, |at| at + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(heading: &str, rows: &[&[&str]]) -> Table {
        let mut rows: Vec<Row> = rows
            .iter()
            .enumerate()
            .map(|(i, cells)| Row {
                line: i + 1,
                cells: cells.iter().map(|&cell| cell.to_owned()).collect(),
            })
            .collect();
        Table {
            heading: Some(heading.to_owned()),
            headers: rows.remove(0),
            rows,
        }
    }

    #[test]
    fn places_cells_and_keeps_the_rest_in_notes() {
        let groups = groups(&[table(
            "Orders",
            &[
                &["错误码", "错误信息", "解决方案", "HTTP状态码", "级别"],
                &[
                    "990001/990002",
                    "OPEN ILLEGAL",
                    "check it",
                    "400",
                    "high",
                    "extra",
                ],
                &["5", "db", "", "5xx", ""],
            ],
        )])
        .expect("groups");
        let drafts = &groups[0].drafts;
        assert_eq!(groups[0].title.as_deref(), Some("Orders"));
        assert_eq!(drafts[0].codes, [Code::Int(990001), Code::Int(990002)]);
        assert_eq!(drafts[0].hint.as_deref(), Some("check it"));
        assert_eq!(drafts[0].http_status, Some(400));
        assert_eq!(drafts[0].notes, ["级别: high", "column 6: extra"]);
        assert_eq!(drafts[1].http_status, None);
        assert_eq!(drafts[1].notes, ["HTTP状态码: 5xx"]);
    }

    #[test]
    fn a_row_of_one_text_starts_a_group() {
        let groups = groups(&[table(
            "Codes",
            &[
                &["code", "message"],
                &["Orders", ""],
                &["1", "a"],
                &["Items", "Items"],
                &["2", "b"],
                &["", "a row without a code"],
            ],
        )])
        .expect("groups");
        let titles: Vec<_> = groups.iter().map(|group| group.title.as_deref()).collect();
        assert_eq!(titles, [Some("Orders"), Some("Items")]);
        assert_eq!(groups[1].drafts[0].line, 5);
        assert_eq!(groups[1].drafts[1].codes, []);
    }

    #[test]
    fn a_code_cell_that_is_not_a_code_is_an_error_on_its_line() {
        let problem = groups(&[table(
            "T",
            &[&["code", "message"], &["1", "a"], &["not a code", "b"]],
        )])
        .expect_err("bad code");
        assert_eq!(problem.line, 3);
        assert!(problem
            .message
            .starts_with("`not a code` in column `code` is not an error code"));
    }

    #[test]
    fn tables_without_a_code_column_are_skipped_or_named() {
        let nav = table("Nav", &[&["Home", "About"], &["a", "b"]]);
        let problem = groups(std::slice::from_ref(&nav)).expect_err("no code column");
        assert!(
            problem.message.starts_with("no column of error codes"),
            "{problem}"
        );
        let codes = table("Codes", &[&["code", "message"], &["1", "a"]]);
        assert_eq!(groups(&[nav, codes]).expect("groups").len(), 1);
    }
}
