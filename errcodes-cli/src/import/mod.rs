//! `errcodes import`: a vendor's error table → a spec.
//!
//! read (one reader per format → [`table::Page`]) → rows (columns placed, codes parsed) →
//! spec (names, templates, repeats merged, fallbacks) → write (YAML).

pub(crate) mod codes;
mod columns;
mod fallback;
mod format;
pub(crate) mod naming;
pub(crate) mod placeholders;
mod problem;
mod read;
mod rows;
mod spec;
mod table;
pub(crate) mod unique;
pub(crate) mod write;

use std::error::Error;
use std::path::PathBuf;

pub use format::Format;
pub use problem::Problem;

/// Turns a vendor's error table into a spec
///
/// Reads a Markdown pipe table (also one inside a saved page, among links and text), TSV,
/// CSV or an HTML <table>, with headers in Chinese or English (错误码, 错误信息, 解决方案,
/// HTTP状态码, code, message, solution, ...), and writes a spec that `platform_errors!`
/// compiles, for you to review.
///
/// Groups: one per table whose first row names a code column, titled by the nearest
/// heading (the short line right above the table, else the nearest `#` heading; in HTML
/// the <caption>, else the nearest <h1>-<h6>), else by the spec's title. A row holding one
/// text only, in its first cell, starts a group of its own. The id is the title's ASCII
/// words in `snake_case`, else `table_<n>`.
///
/// Columns: the first column of each kind is the code, message, hint, HTTP status,
/// endpoint or scene; every other cell goes to the entry's `note`. With no recognised
/// message header, the first column the importer cannot place is the message.
///
/// Codes: an integer, several joined by `/` or `、` (`code: [990001, 990002]`), or a code
/// without spaces (`"F00-00-10013-002"`); an empty cell is `code: null`.
///
/// Names: the words of the message's first clause in `UpperCamelCase` (at most eight,
/// articles dropped) when at least four in five of its letters are ASCII; otherwise
/// `Code100` for the first entry of code 100, `Code100Case2` for its second, `Code100Case5`
/// for its fifth (every entry of the code counts, English or not), `CodeMinus1` for -1,
/// `NoCode` without a code. A name already taken gets the code appended, then `Case2`,
/// `Case3`...
///
/// Fallback: when rows share a code, the first row of the code in table order has
/// `fallback: true`. A row that repeats an earlier row's code and message is merged into
/// the earlier row's note.
///
/// Placeholders become template fields only where they clearly are placeholders: runs of
/// three or more `x` or `X` that touch no other letter or digit, `{name}`, `{}`, `{0}`,
/// `%s` and `%d`. A field is named after the identifier right before it (`(spec_no):xxx` →
/// `{spec_no}`), else `{field1}`, `{field2}`...; the entry's note says which became which.
///
/// Retry: every group is `retry: permanent`, a default the spec's note asks you to review.
///
/// Exit status: 0 when the spec was written, 1 when the table has problems or `-o` names a
/// file that exists (without `--force`), 2 for a usage error.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The table: a .md, .tsv, .csv or .html file, or a saved page (.txt)
    pub table: PathBuf,
    /// The table's format [default: from the extension, else from the content]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<Format>,
    /// The spec's `platform` [default: from the file name]
    #[arg(long, value_name = "ID", value_parser = snake_case)]
    pub platform: Option<String>,
    /// The enum's name [default: the platform in `UpperCamelCase` + `Error`]
    #[arg(long = "enum", value_name = "NAME", value_parser = upper_camel_case)]
    pub enum_name: Option<String>,
    /// The spec's `title` [default: the page's title, else the file name]
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// The spec's `source` [default: the table's path]
    #[arg(long, value_name = "URL")]
    pub source: Option<String>,
    /// Where to write the spec [default: standard output]; a file that exists is left
    /// alone unless `--force` is given
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite the file `-o` names, though it exists (it may be a spec already reviewed)
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Reads the table, writes the spec; a problem names the file and line.
pub fn run(args: &Args) -> Result<(), Box<dyn Error>> {
    let path = args.table.display();
    let bytes =
        std::fs::read(&args.table).map_err(|error| format!("cannot read {path}: {error}"))?;
    let yaml = import(&bytes, args).map_err(|problem| format!("{path}:{problem}"))?;
    write::output(&yaml, args.output.as_deref(), args.force)?;
    Ok(())
}

/// The spec for a table's bytes.
pub fn import(bytes: &[u8], args: &Args) -> Result<String, Problem> {
    let text = read::decode(bytes)?;
    let format = args
        .from
        .unwrap_or_else(|| format::detect(&args.table, text));
    let page = read::read(text, format)?;
    let groups = rows::groups(&page.tables)?;
    let stem = args
        .table
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let platform = args
        .platform
        .clone()
        .unwrap_or_else(|| spec::default_platform(&stem));
    let head = spec::Head {
        enum_name: args
            .enum_name
            .clone()
            .unwrap_or_else(|| spec::default_enum(&platform)),
        platform,
        title: args.title.clone().or(page.title).unwrap_or(stem),
        source: args
            .source
            .clone()
            .unwrap_or_else(|| args.table.display().to_string()),
    };
    Ok(write::yaml(&spec::build(head, groups)?))
}

fn snake_case(text: &str) -> Result<String, String> {
    let mut chars = text.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    ok.then(|| text.to_owned())
        .ok_or_else(|| "use lowercase ASCII letters, digits and `_`, starting with a letter, as in `wechat_shop`".to_owned())
}

/// clap's parser of `--enum`: the name rules of the spec format, as `check` states them.
pub(crate) fn upper_camel_case(text: &str) -> Result<String, String> {
    match errcodes_spec::type_name_problem(text, "enum name") {
        None => Ok(text.to_owned()),
        Some((problem, help)) => Err(format!("{problem}: {help}")),
    }
}
