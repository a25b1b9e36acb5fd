//! HTML `<table>`s as saved from a docs page: each `<tr>` a row, each `<td>`/`<th>` a cell
//! (`colspan` and `rowspan` repeated into the cells they cover), `<br>` and block tags a
//! line break, other tags dropped. A table's title is its `<caption>`, else the nearest
//! `<h1>`–`<h6>` since the previous table.

use html5gum::{DefaultEmitter, EndTag, StartTag, Token, Tokenizer};

use crate::import::read::Lines;
use crate::import::table::{Page, Row, Table};

/// Past these a span is surely a mistake; HTML itself caps them at 1000 and 65534.
const MAX_COLSPAN: usize = 64;
const MAX_ROWSPAN: usize = 10_000;

pub fn read(text: &str) -> Page {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Without a tree builder the tokenizer must be told that <script> and <style> hold raw
    // text; the naive switch does that from the tag names.
    emitter.naively_switch_states(true);
    let mut reader = Reader {
        lines: Lines::new(text),
        ..Reader::default()
    };
    for Ok(token) in Tokenizer::new_with_emitter(text, emitter) {
        match token {
            Token::StartTag(tag) => reader.start(&tag),
            Token::EndTag(tag) => reader.end(&tag),
            Token::String(text) => reader.text(&String::from_utf8_lossy(&text)),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    lines: Lines,
    title: Option<String>,
    tables: Vec<Table>,
    /// Tables being read, the innermost last.
    open: Vec<Open>,
    /// The nearest heading since the previous table.
    heading: Option<String>,
    /// Text of a `<title>` or heading being read.
    gathering: Option<(Gather, String)>,
    in_raw_text: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gather {
    Title,
    Heading,
}

impl Reader {
    fn start(&mut self, tag: &StartTag<usize>) {
        let line = self.lines.line(tag.span.start);
        let name = tag.name.as_slice();
        if let Some(open) = self.open.last_mut() {
            match name {
                b"tr" => open.start_row(line),
                b"td" | b"th" => open.start_cell(
                    line,
                    span(tag, b"colspan", MAX_COLSPAN),
                    span(tag, b"rowspan", MAX_ROWSPAN),
                ),
                b"caption" => open.in_caption = true,
                b"br" | b"p" | b"div" | b"li" => open.text("\n"),
                _ => {}
            }
        }
        match name {
            b"table" => self.open.push(Open {
                heading: self.heading.take(),
                ..Open::default()
            }),
            b"script" | b"style" => self.in_raw_text = !tag.self_closing,
            b"title" if self.open.is_empty() => {
                self.gathering = Some((Gather::Title, String::new()));
            }
            b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" if self.open.is_empty() => {
                self.gathering = Some((Gather::Heading, String::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: &EndTag<usize>) {
        let name = tag.name.as_slice();
        match name {
            b"table" => {
                if let Some(table) = self.open.pop().and_then(Open::finish) {
                    self.tables.push(table);
                }
            }
            b"script" | b"style" => self.in_raw_text = false,
            b"title" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => self.gathered(),
            _ => {}
        }
        if let Some(open) = self.open.last_mut() {
            match name {
                b"td" | b"th" => open.end_cell(),
                b"tr" => open.end_row(),
                b"caption" => open.in_caption = false,
                b"p" | b"div" | b"li" => open.text("\n"),
                _ => {}
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_raw_text {
            return;
        }
        if let Some(open) = self.open.last_mut() {
            open.text(text);
        } else if let Some((_, gathered)) = &mut self.gathering {
            gathered.push_str(text);
        }
    }

    fn gathered(&mut self) {
        let Some((what, text)) = self.gathering.take() else {
            return;
        };
        let text = tidy(&text);
        if text.is_empty() {
            return;
        }
        match what {
            Gather::Title => self.title = Some(text),
            Gather::Heading => self.heading = Some(text),
        }
    }

    fn finish(mut self) -> Page {
        while let Some(open) = self.open.pop() {
            self.tables.extend(open.finish());
        }
        Page {
            title: self.title,
            tables: self.tables,
        }
    }
}

fn span(tag: &StartTag<usize>, name: &[u8], max: usize) -> usize {
    tag.attributes
        .get(name)
        .and_then(|value| {
            std::str::from_utf8(value)
                .ok()?
                .trim()
                .parse::<usize>()
                .ok()
        })
        .map_or(1, |n| n.clamp(1, max))
}

/// A table being read.
#[derive(Default)]
struct Open {
    heading: Option<String>,
    caption: String,
    in_caption: bool,
    rows: Vec<Row>,
    row: Option<Row>,
    cell: Option<Cell>,
    /// Per column, the text a `rowspan` carries into the rows below.
    carried: Vec<Option<Carry>>,
}

struct Cell {
    text: String,
    colspan: usize,
    rowspan: usize,
}

struct Carry {
    text: String,
    rows_left: usize,
}

impl Open {
    fn text(&mut self, text: &str) {
        if self.in_caption {
            self.caption.push_str(text);
        } else if let Some(cell) = &mut self.cell {
            cell.text.push_str(text);
        }
    }

    fn start_row(&mut self, line: usize) {
        self.end_row();
        self.row = Some(Row {
            line,
            cells: Vec::new(),
        });
    }

    fn start_cell(&mut self, line: usize, colspan: usize, rowspan: usize) {
        self.end_cell();
        if self.row.is_none() {
            self.start_row(line);
        }
        self.cell = Some(Cell {
            text: String::new(),
            colspan,
            rowspan,
        });
    }

    fn end_cell(&mut self) {
        let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) else {
            return;
        };
        fill_carried(&mut row.cells, &mut self.carried);
        let text = tidy(&cell.text);
        for _ in 0..cell.colspan {
            let column = row.cells.len();
            row.cells.push(text.clone());
            if cell.rowspan > 1 {
                if self.carried.len() <= column {
                    self.carried.resize_with(column + 1, || None);
                }
                self.carried[column] = Some(Carry {
                    text: text.clone(),
                    rows_left: cell.rowspan - 1,
                });
            }
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(mut row) = self.row.take() {
            fill_carried(&mut row.cells, &mut self.carried);
            self.rows.push(row);
        }
    }

    fn finish(mut self) -> Option<Table> {
        self.end_row();
        let caption = tidy(&self.caption);
        let heading = if caption.is_empty() {
            self.heading
        } else {
            Some(caption)
        };
        Table::from_rows(heading, self.rows)
    }
}

/// Cells that a `rowspan` above covers, up to the first column it does not.
fn fill_carried(cells: &mut Vec<String>, carried: &mut [Option<Carry>]) {
    while let Some(slot) = carried.get_mut(cells.len()) {
        let Some(carry) = slot.as_mut() else {
            break;
        };
        cells.push(carry.text.clone());
        carry.rows_left -= 1;
        if carry.rows_left == 0 {
            *slot = None;
        }
    }
}

/// Text as a browser shows it: each line's whitespace runs as one space, blank lines gone.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells_entities_headings_and_lines() {
        let page = read(
            "<html><head><title>Error codes</title><script>var t = '<table><tr><td>x';</script></head>\n<body><h2>Orders &amp; items</h2>\n<table>\n<tr><th>错误码</th><th>错误信息</th></tr>\n<tr><td>100</td><td>a &lt;b&gt;<br>second   line</td></tr>\n</table></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Error codes"));
        assert_eq!(page.tables.len(), 1);
        let table = &page.tables[0];
        assert_eq!(table.heading.as_deref(), Some("Orders & items"));
        assert_eq!(table.headers.cells, ["错误码", "错误信息"]);
        assert_eq!(table.rows[0].line, 5);
        assert_eq!(table.rows[0].cells, ["100", "a <b>\nsecond line"]);
    }

    #[test]
    fn spans_repeat_into_the_cells_they_cover() {
        let page = read(
            "<table><caption>Codes</caption><tr><th>code</th><th>message</th><th>hint</th></tr>\
             <tr><td rowspan=2>100</td><td>a</td><td rowspan=\"2\">h</td></tr>\
             <tr><td>b</td></tr><tr><td colspan=3>Section</td></tr></table>",
        );
        let table = &page.tables[0];
        assert_eq!(table.heading.as_deref(), Some("Codes"));
        let rows: Vec<&[String]> = table.rows.iter().map(|row| row.cells.as_slice()).collect();
        assert_eq!(rows[0], ["100", "a", "h"]);
        assert_eq!(rows[1], ["100", "b", "h"]);
        assert_eq!(rows[2], ["Section", "Section", "Section"]);
    }

    #[test]
    fn unclosed_cells_and_tables_still_give_rows() {
        let page = read("<table><tr><td>code<td>message<tr><td>1<td>one");
        assert_eq!(page.tables[0].rows[0].cells, ["1", "one"]);
    }

    #[test]
    fn nested_tables_are_tables_of_their_own() {
        let page = read(
            "<table><tr><td>layout</td><td><table><tr><td>code</td><td>msg</td></tr><tr><td>1</td><td>x</td></tr></table></td></tr><tr><td>a</td><td>b</td></tr></table>",
        );
        assert_eq!(page.tables.len(), 2);
        assert_eq!(page.tables[0].headers.cells, ["code", "msg"]);
        assert_eq!(page.tables[1].rows[0].cells, ["a", "b"]);
    }
}
