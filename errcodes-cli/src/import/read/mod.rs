//! Input text → [`Page`]: one reader per format, each giving tables of plain-text cells.

pub mod delimited;
pub mod html;
pub mod markdown;

use crate::import::format::Format;
use crate::import::problem::Problem;
use crate::import::table::Page;

/// The line of a byte offset, for readers that count bytes.
#[derive(Default)]
pub struct Lines(Vec<usize>);

impl Lines {
    pub fn new(text: &str) -> Lines {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(at, _)| at + 1))
                .collect(),
        )
    }

    /// 1-based.
    pub fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// The file's text: UTF-8, a byte-order mark dropped.
pub fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = valid.split(|&byte| byte == b'\n').count();
        Problem::at(
            line,
            "the file is not UTF-8; convert it first (for a GBK page: `iconv -f GBK -t UTF-8`)",
        )
    })
}

pub fn read(text: &str, format: Format) -> Result<Page, Problem> {
    let page = match format {
        Format::Markdown => markdown::read(text),
        Format::Tsv => delimited::read(text, b'\t')?,
        Format::Csv => delimited::read(text, b',')?,
        Format::Html => html::read(text),
    };
    if page.tables.is_empty() {
        return Err(no_table(text, format));
    }
    Ok(page)
}

/// Rows laid out one cell per line, as pages rendered from cards or lists are, are the
/// usual reason: name the first line that holds a code and nothing else.
fn no_table(text: &str, format: Format) -> Problem {
    let wanted = format.describe();
    let lone_code = text.lines().enumerate().find(|(_, line)| {
        let line = line.trim();
        line.chars().any(|c| c.is_ascii_digit())
            && crate::import::codes::parse(line).is_some_and(|codes| !codes.is_empty())
    });
    match lone_code {
        Some((index, line)) => Problem::at(
            index + 1,
            format!(
                "no table here: `{}` stands alone on its line, so the rows are written one cell \
                 per line, not as a table; import reads a Markdown pipe table, TSV, CSV or an \
                 HTML <table>, each row on one line with its cells side by side",
                line.trim()
            ),
        ),
        None => Problem::at(
            1,
            format!(
                "no table here (read as {wanted}); import reads Markdown pipe tables, TSV, \
                 CSV and HTML <table>s whose first row names the columns"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_one_cell_per_line_are_named_as_not_a_table() {
        let problem = read(
            "Error Codes\n\n-999\n\nError Message Solution\n",
            Format::Markdown,
        )
        .expect_err("no table");
        assert_eq!(problem.line, 3);
        assert!(
            problem
                .message
                .starts_with("no table here: `-999` stands alone"),
            "{problem}"
        );
        let problem = read("", Format::Csv).expect_err("no table");
        assert_eq!(problem.line, 1);
        assert!(
            problem.message.starts_with("no table here (read as CSV)"),
            "{problem}"
        );
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let problem = decode(b"ok\nstill ok\n\xB4\xED").expect_err("GBK");
        assert_eq!(problem.line, 3);
        assert_eq!(decode(b"\xEF\xBB\xBFcode").expect("UTF-8"), "code");
    }
}
