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
}
