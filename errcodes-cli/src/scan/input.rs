//! Where the log lines come from: files, globs and standard input, each read as a stream of
//! lines, gzip-compressed or not (told by the magic bytes, not the name).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use flate2::read::MultiGzDecoder;

/// A source of lines named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// How reports name it.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The bytes to read, as far as known before reading: a file's size.
    pub fn size(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(path) => std::fs::metadata(path).ok().map(|meta| meta.len()),
        }
    }

    /// A reader of its lines, decompressed where the content is gzip; `counted` is told how
    /// many bytes of the source (compressed or not) have been read.
    pub fn open(&self, counted: impl FnMut(usize) + 'static) -> io::Result<Box<dyn BufRead>> {
        let raw: Box<dyn Read> = match self {
            Source::Stdin => Box::new(io::stdin().lock()),
            Source::File(path) => Box::new(File::open(path)?),
        };
        let mut raw = BufReader::with_capacity(
            1 << 16,
            Counting {
                inner: raw,
                counted,
            },
        );
        let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        Ok(if gzip {
            Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(raw)))
        } else {
            Box::new(raw)
        })
    }
}

/// Reports each read's size.
struct Counting<R, F> {
    inner: R,
    counted: F,
}

impl<R: Read, F: FnMut(usize)> Read for Counting<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        (self.counted)(read);
        Ok(read)
    }
}

/// The sources the arguments name: `-` is standard input, a pattern with `*`, `?` or `[`
/// is a glob (its matches in order), anything else a file. No argument is standard input.
///
/// # Errors
/// A glob that is not valid or matches no file, or a file that does not exist: every one.
pub fn sources(args: &[String]) -> Result<Vec<Source>, Vec<String>> {
    if args.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for arg in args {
        if arg == "-" {
            sources.push(Source::Stdin);
        } else if arg.contains(['*', '?', '[']) {
            match glob::glob(arg) {
                Err(error) => problems.push(format!("`{arg}` is not a valid glob: {error}")),
                Ok(paths) => {
                    let before = sources.len();
                    for path in paths {
                        match path {
                            Ok(path) if path.is_file() => sources.push(Source::File(path)),
                            Ok(_) => {}
                            Err(error) => problems.push(format!("{error}")),
                        }
                    }
                    if sources.len() == before {
                        problems.push(format!("no log file matches `{arg}`"));
                    }
                }
            }
        } else if PathBuf::from(arg).is_file() {
            sources.push(Source::File(PathBuf::from(arg)));
        } else {
            problems.push(format!("no such log file `{arg}`"));
        }
    }
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(problems)
    }
}

/// Calls `each` with every line of `reader` (its number from 1, without the line break),
/// reusing one buffer: memory stays flat however long the log. A read error ends the
/// source, and is returned.
pub fn lines(mut reader: impl BufRead, mut each: impl FnMut(u64, &[u8])) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 12);
    let mut number = 0u64;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        number += 1;
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        each(number, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_without_their_breaks() {
        let mut seen = Vec::new();
        lines(&b"a\r\n\nb"[..], |n, line| seen.push((n, line.to_vec()))).unwrap();
        assert_eq!(
            seen,
            [(1, b"a".to_vec()), (2, Vec::new()), (3, b"b".to_vec())]
        );
    }

    #[test]
    fn missing_files_and_empty_globs_are_all_reported() {
        let problems = sources(&["no/such.log".into(), "no/such/*.gz".into()]).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("no/such.log"));
        assert!(problems[1].contains("no/such/*.gz"));
        assert_eq!(sources(&[]).unwrap(), [Source::Stdin]);
    }
}
