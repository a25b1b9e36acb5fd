//! Spec text in Markdown: escaped so that a message never becomes markup.

/// Text for a heading or a paragraph: Markdown's special characters escaped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a table cell: escaped, and on one line.
pub fn cell(value: &str) -> String {
    text(value.trim())
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

/// A spec's `source`: each URL in it a link, the text around them escaped. A source names
/// several pages with words between them (`URL (the table); URL (the rate limit)`).
pub fn links(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut rest = value;
    while let Some(start) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        out.push_str(&text(&rest[..start]));
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
            .unwrap_or(tail.len());
        // Punctuation that ends a sentence or a list ends the URL too.
        let url = tail[..end].trim_end_matches([',', ';', '.', ')', ':']);
        out.push('<');
        out.push_str(url);
        out.push('>');
        rest = &tail[url.len()..];
    }
    out.push_str(&text(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_a_cell_stays_on_one_line() {
        assert_eq!(
            text("a_b *c* <d> & [e]|#"),
            "a\\_b \\*c\\* &lt;d&gt; &amp; \\[e\\]\\|\\#"
        );
        assert_eq!(cell(" one\r\ntwo\n\nthree "), "one<br>two<br><br>three");
    }

    #[test]
    fn every_url_of_a_source_is_a_link_and_the_words_between_stay_text() {
        assert_eq!(
            links("https://a.example/x?y=1&z=2"),
            "<https://a.example/x?y=1&z=2>"
        );
        assert_eq!(
            links("https://a.example/t (the *table*); http://b.example/r, and words"),
            "<https://a.example/t> (the \\*table\\*); <http://b.example/r>, and words"
        );
        assert_eq!(links("no link at all"), "no link at all");
        assert_eq!(
            links("see https://a.example/p."),
            "see <https://a.example/p>."
        );
    }
}
