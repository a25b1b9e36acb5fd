//! What a spec asks of errcodes' cargo features, said where the spec asks it: the macro
//! cannot see the facade's features, so it hands this report to a facade macro that is a
//! compile error only where the feature is off.

use crate::ast::Spec;
use crate::ctxt::{self, Path, Place, Problem};
use crate::source::Files;
use crate::Format;

/// The report for a spec whose envelope reads XML (`format: xml` or `auto`), rendered at
/// its `format` key as problems are; `None` for a spec that reads JSON or has no envelope.
pub fn xml(spec: &Spec, files: &Files) -> Option<String> {
    let envelope = spec.envelope.as_ref()?;
    let format = match envelope.format {
        Format::Json => return None,
        Format::Xml => "xml",
        Format::Auto => "auto",
    };
    let problem = Problem {
        // An envelope is a top-level key; its first level may sit under `levels`.
        place: Place::Node(Path::root(envelope.path.file).key("envelope").key("format")),
        message: format!(
            "the envelope reads XML (`format: {format}`), and errcodes feature `xml` is off"
        ),
        help: Some(
            "enable it where your Cargo.toml names errcodes: `features = [\"xml\"]`".to_owned(),
        ),
        related: None,
    };
    Some(ctxt::render_one(&problem, files))
}
