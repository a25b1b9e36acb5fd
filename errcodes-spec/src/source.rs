//! The files a spec is read from: a composed spec has several, and every problem names the
//! one it is in.

/// One file of a spec, by its place in [`Files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub usize);

/// Every file read, as reports name it and as it was read.
#[derive(Debug, Default)]
pub struct Files {
    files: Vec<(String, String)>,
}

impl Files {
    /// Adds a file: `display` names it in reports.
    pub fn add(&mut self, display: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push((display.into(), text.into()));
        FileId(self.files.len() - 1)
    }

    /// How reports name the file; empty for an id never added.
    pub fn display(&self, id: FileId) -> &str {
        self.files.get(id.0).map_or("", |(display, _)| display)
    }

    /// The file's text.
    pub fn text(&self, id: FileId) -> &str {
        self.files.get(id.0).map_or("", |(_, text)| text)
    }

    /// Replaces the text of a file added before it could be read.
    pub fn set_text(&mut self, id: FileId, text: String) {
        if let Some(file) = self.files.get_mut(id.0) {
            file.1 = text;
        }
    }
}
