//! How loading fails: what `xsd-parser` reports (or panics with) turned
//! into errors that name the file and, where the text tells, the line.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use ews_um_xml::is_ncname;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use crate::error::Error;

const XS_NS: &str = "http://www.w3.org/2001/XMLSchema";

/// Runs a step of `xsd-parser` on `files`: a panic in it (it has
/// `unreachable!`s that some malformed schemas reach) becomes an error
/// naming the files rather than ending the process.
pub fn guarded<T>(files: &str, step: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    catch_unwind(AssertUnwindSafe(step)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let reason = reason.lines().next().unwrap_or_default();
        Err(Error::Load(format!(
            "{files}: the schema loader (xsd-parser) cannot read this schema ({reason})"
        )))
    })
}

/// A file `xsd-parser` could not parse: the position it gives (a byte
/// offset, in the file it names when an included one) as a line.
pub fn parse_error(path: &Path, message: String) -> Error {
    let file = message
        .split("in schema ")
        .nth(1)
        .and_then(|url| url::Url::parse(url.trim()).ok())
        .and_then(|url| url.to_file_path().ok())
        .unwrap_or_else(|| path.to_owned());
    let offset = message
        .split("position=")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse::<usize>().ok());
    let reason = message.lines().next().unwrap_or_default().to_owned();
    let text = std::fs::read(&file).unwrap_or_default();
    match offset {
        Some(offset) => Error::Invalid {
            line: line_of(&text, offset),
            file,
            message: reason,
        },
        None => Error::Load(format!("{}: {reason}", file.display())),
    }
}

/// Refuses, with its line, a schema file that `xsd-parser` would read all
/// the same, stop on, or never finish reading (it loops at the end of some
/// truncated files): one that is not well-formed, whose root element is
/// not `xs:schema`, or that has a top-level declaration without a name.
pub fn check_schema_text(path: &Path, text: &str) -> Result<(), Error> {
    let mut reader = quick_xml::NsReader::from_str(text);
    let mut open: Vec<(String, usize)> = Vec::new();
    let invalid = |offset: usize, message: String| Error::Invalid {
        file: path.to_owned(),
        line: line_of(text.as_bytes(), offset),
        message,
    };
    let mut seen_root = false;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let (ns, event) = match reader.read_resolved_event() {
            Ok(read) => read,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(offset);
                return Err(invalid(at, format!("not well-formed XML: {e}")));
            }
        };
        let (start, empty) = match event {
            Event::Start(start) => (start, false),
            Event::Empty(start) => (start, true),
            Event::End(_) => {
                open.pop();
                continue;
            }
            Event::Eof => {
                return match open.last() {
                    Some((name, at)) => {
                        Err(invalid(*at, format!("element {name} is never closed")))
                    }
                    None if !seen_root => Err(invalid(offset, "no root element".into())),
                    None => Ok(()),
                };
            }
            _ => continue,
        };
        let in_xs = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == XS_NS);
        let local = start.local_name().as_ref().to_owned();
        // quick-xml lets `<` stand in an attribute value; XML does not. A
        // declaration's name is an XML name without `:`.
        for attribute in start.attributes().with_checks(false) {
            let attribute =
                attribute.map_err(|e| invalid(offset, format!("not well-formed XML: {e}")))?;
            if attribute.value.contains('<') {
                return Err(invalid(
                    offset,
                    "not well-formed XML: `<` in an attribute value".into(),
                ));
            }
            if in_xs && attribute.key.as_ref() == "name" {
                let name = attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| invalid(offset, format!("not well-formed XML: {e}")))?;
                if !is_ncname(&name) {
                    return Err(invalid(
                        offset,
                        format!("the name {name:?} of an xs:{local} is not an XML name"),
                    ));
                }
            }
        }
        match open.len() {
            0 if seen_root => return Err(invalid(offset, "a second root element".into())),
            0 if !(in_xs && local == "schema") => {
                let name = start.name().as_ref().to_owned();
                return Err(invalid(
                    offset,
                    format!("the root element is {name}, not xs:schema ({XS_NS})"),
                ));
            }
            1 if in_xs
                && DECLARATIONS.contains(&local.as_str())
                && !start
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "name") =>
            {
                return Err(invalid(
                    offset,
                    format!("a top-level xs:{local} without a name"),
                ));
            }
            _ => {}
        }
        seen_root = true;
        if !empty {
            open.push((start.name().as_ref().to_owned(), offset));
        }
    }
}

/// What a schema declares at its top level, each by name.
const DECLARATIONS: [&str; 6] = [
    "complexType",
    "simpleType",
    "element",
    "attribute",
    "group",
    "attributeGroup",
];

/// What the interpreter refused, at the first place in `texts` that refers
/// to the name it gives (`name=Foo` in its message).
pub fn interpret_error(files: &str, texts: &[(PathBuf, String)], message: String) -> Error {
    let name = message
        .split("name=")
        .nth(1)
        .map(|rest| rest.split([')', ',', ' ']).next().unwrap_or_default())
        .filter(|name| !name.is_empty());
    let found = name.and_then(|name| {
        texts.iter().find_map(|(file, text)| {
            let at = references(text, name)?;
            Some((file, line_of(text.as_bytes(), at)))
        })
    });
    match found {
        Some((file, line)) => Error::Invalid {
            file: file.clone(),
            line,
            message: format!("the schema loader (xsd-parser) refuses it: {message}"),
        },
        None => Error::Load(format!("interpreting {files}: {message}")),
    }
}

/// Where `text` first refers to `name` in a quoted attribute value
/// (`type="t:Name"`, `base="Name"`, a list of them), else names it.
fn references(text: &str, name: &str) -> Option<usize> {
    let mentions = || {
        text.match_indices(name).filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            matches!(before, Some('"' | '\'' | ':' | ' '))
                && matches!(after, Some('"' | '\'' | ' '))
        })
    };
    let naming = |at: usize| text[..at].trim_end_matches(['"', '\'']).ends_with("name=");
    mentions()
        .find(|(at, _)| !naming(*at))
        .or_else(|| mentions().next())
        .map(|(at, _)| at)
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &[u8], offset: usize) -> u32 {
    let before = &text[..offset.min(text.len())];
    u32::try_from(before.iter().filter(|&&b| b == b'\n').count() + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_where_they_are_referred_to() {
        let text = "<xs:simpleType name=\"foo\"/>\n<xs:element name=\"a\" type=\"t:foo\"/>";
        assert_eq!(
            references(text, "foo").map(|at| line_of(text.as_bytes(), at)),
            Some(2)
        );
        assert_eq!(references("<x name=\"foo\"/>", "foo"), Some(9));
        assert_eq!(references("<x type=\"food\"/>", "foo"), None);
    }

    #[test]
    fn outlines_that_are_not_schemas_are_refused() {
        let check =
            |text: &str| check_schema_text(Path::new("s.xsd"), text).map_err(|e| e.to_string());
        let xs = "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"";
        assert_eq!(
            check(&format!(
                "<xs:schema {xs}><xs:complexType name=\"A\"><xs:sequence/></xs:complexType></xs:schema>"
            )),
            Ok(())
        );
        assert_eq!(check(&format!("<xs:schema {xs}/>")), Ok(()));
        assert_eq!(
            check("<chema><complexType/></chema>"),
            Err(format!(
                "s.xsd:1: the root element is chema, not xs:schema ({XS_NS})"
            ))
        );
        assert_eq!(
            check(&format!(
                "<xs:schema {xs}>\n<xs:element name=\"a\"/>\n<xs:complexType abstract=\"true\"/></xs:schema>"
            )),
            Err("s.xsd:3: a top-level xs:complexType without a name".into())
        );
    }

    #[test]
    fn a_panic_in_a_step_is_an_error() {
        let error = guarded("a.xsd", || -> Result<(), Error> { unreachable!("a case") });
        assert!(
            error.unwrap_err().to_string().contains("a.xsd: the schema loader (xsd-parser) cannot read this schema (internal error: entered unreachable code: a case)"),
        );
    }
}
