//! What every reader gives: a page of tables whose cells are plain text, each row with the
//! line it starts on.

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The page's own title (Markdown front matter `title:`, HTML `<title>`).
    pub title: Option<String>,
    pub tables: Vec<Table>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    /// The nearest heading above the table (or its HTML `<caption>`).
    pub heading: Option<String>,
    /// The first row, which names the columns.
    pub headers: Row,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the input where the row starts.
    pub line: usize,
    pub cells: Vec<String>,
}

impl Table {
    /// The first row names the columns; a lone row is no table.
    pub fn from_rows(heading: Option<String>, mut rows: Vec<Row>) -> Option<Table> {
        rows.retain(|row| row.cells.iter().any(|cell| !cell.is_empty()));
        if rows.len() < 2 {
            return None;
        }
        let headers = rows.remove(0);
        Some(Table {
            heading,
            headers,
            rows,
        })
    }
}
