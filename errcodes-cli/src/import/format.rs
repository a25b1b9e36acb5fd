//! Which reader a file needs: from `--from`, else its extension, else its content.

use std::path::Path;

use clap::ValueEnum;

use crate::import::read::markdown;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown pipe tables, also inside a saved page
    #[value(alias = "md")]
    Markdown,
    /// Tab-separated values
    Tsv,
    /// Comma-separated values
    Csv,
    /// HTML <table>s
    Html,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Tsv => "TSV",
            Format::Csv => "CSV",
            Format::Html => "HTML",
        }
    }
}

pub fn detect(path: &Path, text: &str) -> Format {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("md" | "markdown") => Format::Markdown,
        Some("tsv" | "tab") => Format::Tsv,
        Some("csv") => Format::Csv,
        Some("html" | "htm" | "xhtml") => Format::Html,
        _ => from_content(text),
    }
}

/// An HTML table anywhere wins, then two table lines in a row of pipes, tabs or commas.
/// Prose that only looks like a table is caught later, by its missing code column.
fn from_content(text: &str) -> Format {
    if text.to_ascii_lowercase().contains("<table") {
        return Format::Html;
    }
    let lines: Vec<&str> = text.lines().collect();
    let two_in_a_row = |is_row: &dyn Fn(&str) -> bool| {
        lines
            .windows(2)
            .any(|pair| is_row(pair[0]) && is_row(pair[1]))
    };
    if two_in_a_row(&|line| markdown::cells(line).is_some()) {
        Format::Markdown
    } else if two_in_a_row(&|line| line.contains('\t')) {
        Format::Tsv
    } else if lines
        .windows(2)
        .any(|pair| commas(pair[0]) > 0 && commas(pair[0]) == commas(pair[1]))
    {
        Format::Csv
    } else {
        Format::Markdown
    }
}

fn commas(line: &str) -> usize {
    line.matches(',').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_decides_before_the_content() {
        assert_eq!(detect(Path::new("a.CSV"), "x\ty\n1\t2"), Format::Csv);
        assert_eq!(detect(Path::new("a.htm"), ""), Format::Html);
        assert_eq!(detect(Path::new("a.markdown"), ""), Format::Markdown);
        assert_eq!(detect(Path::new("a.tab"), ""), Format::Tsv);
    }

    #[test]
    fn content_decides_for_other_files() {
        let txt = Path::new("page.txt");
        assert_eq!(detect(txt, "<p>x</p><TABLE><tr><td>1"), Format::Html);
        assert_eq!(
            detect(txt, "links\n| a | b |\n| 1 | 2 |\n"),
            Format::Markdown
        );
        assert_eq!(detect(txt, "code\tmessage\n1\tone\n"), Format::Tsv);
        assert_eq!(detect(txt, "code,message\n1,one\n"), Format::Csv);
        assert_eq!(
            detect(txt, "prose, with a comma\n\n-999\n"),
            Format::Markdown
        );
    }
}
