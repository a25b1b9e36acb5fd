//! Reads an XML body (feature `xml`) in one pass with `quick-xml`'s reader, keeping only what
//! the envelope's paths lead through, as a `serde_json::Value` that the reader of
//! [`super::value`] then reads by the same rules as JSON. The root element is the object,
//! its child elements the keys: `<xml><return_code>FAIL</return_code></xml>` is
//! `{"return_code": "FAIL"}`. An element with child elements is an object (a repeated child:
//! the last wins, as for a repeated JSON key), one without is text: its text and CDATA, with
//! the blank text around CDATA left out. Where a path says `name[]`, each `<name>` child is
//! an item of a list. Attributes, comments and processing instructions are skipped.

use std::fmt;

use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;
use serde_json::{Map, Value};

use super::values::{ITEMS, JSON_TEXT};
use crate::table::Path;

/// Why a body is no XML: `quick-xml`'s error, or a rule of this reader.
#[derive(Debug)]
pub(crate) enum NotXml {
    Xml(quick_xml::Error),
    Encoding(quick_xml::encoding::EncodingError),
    Rule(&'static str),
}

impl fmt::Display for NotXml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotXml::Xml(error) => fmt::Display::fmt(error, f),
            NotXml::Encoding(error) => fmt::Display::fmt(error, f),
            NotXml::Rule(rule) => f.write_str(rule),
        }
    }
}

impl std::error::Error for NotXml {}

impl From<quick_xml::Error> for NotXml {
    fn from(error: quick_xml::Error) -> Self {
        NotXml::Xml(error)
    }
}

impl From<quick_xml::encoding::EncodingError> for NotXml {
    fn from(error: quick_xml::encoding::EncodingError) -> Self {
        NotXml::Encoding(error)
    }
}

/// `body`'s root element as an object, keeping only what `paths` lead through.
pub(crate) fn read(body: &[u8], paths: &[&'static Path]) -> Result<Value, NotXml> {
    let mut reader = Reader::from_reader(body);
    let root = loop {
        match reader.read_event()? {
            // The root is the object, whatever text it holds.
            Event::Start(_) => match element(&mut reader, paths, 0)? {
                Value::String(_) => break Value::Object(Map::new()),
                object => break object,
            },
            Event::Empty(_) => break Value::Object(Map::new()),
            Event::Text(text) if is_blank(&text) => {}
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => return Err(NotXml::Rule("the body has no element")),
            _ => return Err(NotXml::Rule("the body has text before its root element")),
        }
    };
    loop {
        match reader.read_event()? {
            Event::Eof => return Ok(root),
            Event::Text(text) if is_blank(&text) => {}
            Event::Comment(_) | Event::PI(_) => {}
            _ => return Err(NotXml::Rule("the body goes on after its root element")),
        }
    }
}

/// The element whose start tag is behind, at `depth` keys along `paths`, to its end tag.
fn element(
    reader: &mut Reader<&[u8]>,
    paths: &[&'static Path],
    depth: usize,
) -> Result<Value, NotXml> {
    let mut object = Map::new();
    let mut children = false;
    // All its text, and its text without the blank pieces, for an element with CDATA.
    let (mut text, mut solid, mut cdata) = (String::new(), String::new(), false);
    loop {
        match reader.read_event()? {
            Event::Start(start) => {
                children = true;
                let name = std::str::from_utf8(start.name().into_inner())
                    .map_err(|_| NotXml::Rule("an element's name is not UTF-8"))?
                    .to_owned();
                let (next, list) = through(paths, depth, &name);
                if next.is_empty() {
                    reader.read_to_end(start.name())?;
                    continue;
                }
                let value = element(reader, &next, depth + 1 + usize::from(list))?;
                insert(&mut object, name, value, list);
            }
            Event::Empty(start) => {
                children = true;
                let name = std::str::from_utf8(start.name().into_inner())
                    .map_err(|_| NotXml::Rule("an element's name is not UTF-8"))?
                    .to_owned();
                let (next, list) = through(paths, depth, &name);
                if !next.is_empty() {
                    insert(&mut object, name, Value::String(String::new()), list);
                }
            }
            Event::End(_) => break,
            Event::Text(piece) => {
                let piece = piece.decode()?;
                if !piece.trim().is_empty() {
                    solid.push_str(&piece);
                }
                text.push_str(&piece);
            }
            Event::CData(piece) => {
                let piece = piece.decode()?;
                cdata = true;
                solid.push_str(&piece);
                text.push_str(&piece);
            }
            Event::GeneralRef(reference) => {
                let piece = entity(&reference)?;
                solid.push_str(&piece);
                text.push_str(&piece);
            }
            Event::Comment(_) | Event::PI(_) => {}
            Event::Decl(_) | Event::DocType(_) => {
                return Err(NotXml::Rule("a declaration inside an element"));
            }
            Event::Eof => return Err(NotXml::Rule("an element is not closed")),
        }
    }
    Ok(if children {
        Value::Object(object)
    } else if cdata {
        Value::String(solid)
    } else {
        Value::String(text)
    })
}

/// The paths of `paths` that go on through a child element `name` at `depth`, and whether
/// they take it as an item of a list (`name[]`).
fn through(paths: &[&'static Path], depth: usize, name: &str) -> (Vec<&'static Path>, bool) {
    let takes = |path: &&Path| {
        path.keys.get(depth).is_some_and(|&want| {
            want != ITEMS && want != JSON_TEXT && (want == "*" || want == name)
        })
    };
    let list = |path: &&Path| path.keys.get(depth + 1) == Some(&ITEMS);
    let next: Vec<&'static Path> = paths.iter().copied().filter(takes).collect();
    if next.iter().any(list) {
        (next.into_iter().filter(list).collect(), true)
    } else {
        (next, false)
    }
}

/// Keeps `value` under `name`: the last of a repeated name, or the next item of a list.
fn insert(object: &mut Map<String, Value>, name: String, value: Value, list: bool) {
    if !list {
        object.insert(name, value);
        return;
    }
    match object
        .entry(name)
        .or_insert_with(|| Value::Array(Vec::new()))
    {
        Value::Array(items) => items.push(value),
        other => *other = Value::Array(vec![value]),
    }
}

/// The text of `&amp;`, `&#x4e2d;` and the other entities XML defines.
fn entity(reference: &BytesRef<'_>) -> Result<String, NotXml> {
    if let Some(char) = reference.resolve_char_ref()? {
        return Ok(char.to_string());
    }
    let name = reference.decode()?;
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_owned)
        .ok_or(NotXml::Rule("an entity XML does not define"))
}

fn is_blank(text: &[u8]) -> bool {
    text.iter().all(u8::is_ascii_whitespace)
}
