//! Markdown pipe tables, also among the links and prose of a saved page: a run of two or
//! more lines with cells between `|`, the first naming the columns, `---` lines skipped.
//! Lines are simple enough that a Markdown parser would only add a tree to walk.

use crate::import::table::{Page, Row, Table};

pub fn read(text: &str) -> Page {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = Vec::new();
    let mut after_previous = 0;
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len())
            .find(|&j| cells(lines[j]).is_none())
            .unwrap_or(lines.len());
        if end - i < 2 {
            i += 1;
            continue;
        }
        let rows = (i..end)
            .filter_map(|j| {
                let cells = cells(lines[j])?;
                (!is_separator(&cells)).then_some(Row { line: j + 1, cells })
            })
            .collect();
        if let Some(table) = Table::from_rows(heading(&lines[after_previous..i]), rows) {
            tables.push(table);
            after_previous = end;
        }
        i = end;
    }
    Page {
        title: front_matter_title(&lines),
        tables,
    }
}

/// The cells of a table line, unescaped; `None` for a line that is not one.
pub fn cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = match inner.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => inner,
    };
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) if next.is_ascii_punctuation() => push(&mut cells, next),
                Some(next) => {
                    push(&mut cells, '\\');
                    push(&mut cells, next);
                }
                None => push(&mut cells, '\\'),
            },
            '|' => cells.push(String::new()),
            c => push(&mut cells, c),
        }
    }
    (cells.len() >= 2).then(|| cells.iter().map(|cell| cell.trim().to_owned()).collect())
}

fn push(cells: &mut [String], c: char) {
    if let Some(cell) = cells.last_mut() {
        cell.push(c);
    }
}

fn is_separator(cells: &[String]) -> bool {
    cells.iter().any(|cell| !cell.is_empty())
        && cells.iter().all(|cell| {
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            cell.is_empty() || (!dashes.is_empty() && dashes.chars().all(|c| c == '-'))
        })
}

/// The line right above the table (a heading or a short title line), else the nearest `#`
/// heading since the previous table.
fn heading(before: &[&str]) -> Option<String> {
    let above = before.last().map(|line| line.trim()).filter(|line| {
        !line.is_empty() && line.chars().count() <= 80 && !line.starts_with(['!', '['])
    });
    above
        .or_else(|| {
            before
                .iter()
                .rev()
                .map(|line| line.trim())
                .find(|line| line.starts_with('#'))
        })
        .map(|line| line.trim_matches(|c: char| c == '#' || c == '*' || c.is_whitespace()))
        .filter(|title| !title.is_empty())
        .map(str::to_owned)
}

/// `title:` of a YAML front matter block (`---` lines around it), as saved pages have.
fn front_matter_title(lines: &[&str]) -> Option<String> {
    if lines.first()?.trim() != "---" {
        return None;
    }
    let end = lines.iter().skip(1).position(|line| line.trim() == "---")? + 1;
    let block = lines[1..end].join("\n");
    let map: serde_yaml::Mapping = serde_yaml::from_str(&block).ok()?;
    let title = map.get("title")?.as_str()?.trim();
    (!title.is_empty()).then(|| title.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(String::as_str).collect()
    }

    #[test]
    fn reads_tables_with_and_without_outer_pipes_and_separators() {
        let page = read(
            "---\ntitle: \"文档中心\"\n---\n[首页](x) text\n\n# Common\n通用错误码 | Introductions |\n---|---|\n100000 | Doing this without permission |\n\nprose\nAudit error code\nAccess error code | Introductions |\n1050003 | Approved |\n",
        );
        assert_eq!(page.title.as_deref(), Some("文档中心"));
        assert_eq!(page.tables.len(), 2);
        let first = &page.tables[0];
        assert_eq!(first.heading.as_deref(), Some("Common"));
        assert_eq!(texts(&first.headers), ["通用错误码", "Introductions"]);
        assert_eq!(first.rows.len(), 1);
        assert_eq!(first.rows[0].line, 9);
        assert_eq!(
            texts(&first.rows[0]),
            ["100000", "Doing this without permission"]
        );
        assert_eq!(page.tables[1].heading.as_deref(), Some("Audit error code"));
    }

    #[test]
    fn unescapes_markdown_and_keeps_escaped_pipes_in_cells() {
        let cells = cells(r"| 2 | shop\_no \* a\|b | C:\path |").expect("a row");
        assert_eq!(cells, ["2", "shop_no * a|b", r"C:\path"]);
    }

    #[test]
    fn a_lone_pipe_line_or_plain_text_is_no_table() {
        assert!(read("a | b\n\nc | d\n").tables.is_empty());
        assert!(read("just text\n-999\n").tables.is_empty());
        assert_eq!(cells("|"), None);
        assert_eq!(cells("no pipes"), None);
    }

    #[test]
    fn a_heading_far_above_is_found_past_prose() {
        let page = read("## Orders\n\nSome prose that is long enough to not be a title at all, surely more than eighty characters.\n\n| code | message |\n| --- | --- |\n| 1 | a |\n");
        assert_eq!(page.tables[0].heading.as_deref(), Some("Orders"));
    }
}
