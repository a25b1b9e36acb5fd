//! Writes `docs/platforms/<platform>.md`, the reference of every shipped error code.
//!
//! ```sh
//! cargo run --example gen_docs
//! ```
//!
//! `tests/docs.rs` fails when the checked-in files differ from what this writes.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(errcodes_workspace::docs::DIR);
    std::fs::create_dir_all(&dir)?;
    for (name, contents) in errcodes_workspace::docs::files() {
        let path = dir.join(&name);
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old == contents {
            println!("unchanged {}", path.display());
        } else {
            std::fs::write(&path, contents)?;
            println!("wrote     {}", path.display());
        }
    }
    Ok(())
}
