//! Where each named declaration stands in the schema files, so that an
//! error about a type or element can name its file and line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Declarations by file and name, in the order they stand.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: HashMap<PathBuf, HashMap<String, Vec<Declaration>>>,
}

#[derive(Debug)]
struct Declaration {
    /// The local name of the `xs:` construct.
    construct: String,
    line: u32,
    top_level: bool,
}

impl SourceMap {
    /// Indexes `text`, the contents of `path`. A file that is not
    /// well-formed is indexed as far as it reads (the loader reports it).
    pub fn add(&mut self, path: &Path, text: &str) {
        let mut reader = Reader::from_str(text);
        let mut declarations: HashMap<String, Vec<Declaration>> = HashMap::new();
        let mut add = |(name, declaration)| declarations.entry(name).or_default().push(declaration);
        let mut depth = 0usize;
        let mut lines = LineCounter::default();
        loop {
            let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            match reader.read_event() {
                Ok(Event::Start(start)) => {
                    declaration(lines.line(text, pos), &start, depth)
                        .into_iter()
                        .for_each(&mut add);
                    depth += 1;
                }
                Ok(Event::Empty(start)) => {
                    declaration(lines.line(text, pos), &start, depth)
                        .into_iter()
                        .for_each(&mut add);
                }
                Ok(Event::End(_)) => depth = depth.saturating_sub(1),
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
        self.files.insert(path.to_owned(), declarations);
    }

    /// The line of the declaration of `name` in `path`: a top-level one of
    /// one of `constructs` first, then any with that name.
    pub fn line(&self, path: &Path, constructs: &[&str], name: &str) -> Option<u32> {
        let declarations = self.files.get(path)?.get(name)?;
        declarations
            .iter()
            .find(|d| d.top_level && constructs.contains(&d.construct.as_str()))
            .or(declarations.first())
            .map(|d| d.line)
    }
}

/// The declaration a start tag makes, and its name, if it has one.
fn declaration(line: u32, start: &BytesStart<'_>, depth: usize) -> Option<(String, Declaration)> {
    let name = start
        .try_get_attribute("name")
        .ok()??
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()?;
    let declaration = Declaration {
        construct: start.local_name().as_ref().to_owned(),
        line,
        top_level: depth == 1,
    };
    Some((name.into_owned(), declaration))
}

/// Line numbers of increasing offsets, counted once.
#[derive(Default)]
pub(super) struct LineCounter {
    counted_to: usize,
    newlines: usize,
}

impl LineCounter {
    pub(super) fn line(&mut self, text: &str, pos: usize) -> u32 {
        let pos = pos.min(text.len());
        if pos > self.counted_to {
            self.newlines += text.as_bytes()[self.counted_to..pos]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.counted_to = pos;
        }
        u32::try_from(self.newlines + 1).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_declarations_first() {
        let text = "<xs:schema xmlns:xs='x'>\n  <xs:complexType name='A'>\n    <xs:sequence><xs:element name='B'/></xs:sequence>\n  </xs:complexType>\n  <xs:element name='B'/>\n</xs:schema>\n";
        let mut map = SourceMap::default();
        map.add(Path::new("s.xsd"), text);
        assert_eq!(map.line(Path::new("s.xsd"), &["complexType"], "A"), Some(2));
        assert_eq!(map.line(Path::new("s.xsd"), &["element"], "B"), Some(5));
        assert_eq!(map.line(Path::new("s.xsd"), &["simpleType"], "B"), Some(3));
        assert_eq!(map.line(Path::new("other.xsd"), &["element"], "B"), None);
    }
}
