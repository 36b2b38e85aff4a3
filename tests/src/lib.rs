//! Helpers for the end-to-end tests: fixtures, and comparing XML documents
//! by meaning rather than spelling.

use std::path::PathBuf;

// The README's examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The bytes of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = repo_root().join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The message of the decoding error `xml` gives as an envelope of `B` with
/// headers `H`; panics if it decodes (or fails otherwise).
pub fn decode_error<B, H>(xml: &str) -> String
where
    B: ews_um::xml::Payload + std::fmt::Debug,
    H: ews_um::Headers + std::fmt::Debug,
{
    decode_failure::<B, H>(xml).to_string()
}

/// [`decode_error`] of strict decoding, which refuses what the schema does
/// not declare.
pub fn strict_decode_error<B, H>(xml: &str) -> String
where
    B: ews_um::xml::Payload + std::fmt::Debug,
    H: ews_um::Headers + std::fmt::Debug,
{
    strict_decode_failure::<B, H>(xml).to_string()
}

/// The decoding error `xml` gives as an envelope of `B` with headers `H`;
/// panics if it decodes (or fails otherwise).
pub fn decode_failure<B, H>(xml: &str) -> ews_um::DecodeError
where
    B: ews_um::xml::Payload + std::fmt::Debug,
    H: ews_um::Headers + std::fmt::Debug,
{
    failure(ews_um::Envelope::<B, H>::decode(xml.as_bytes()))
}

/// [`decode_failure`] of strict decoding, which refuses what the schema
/// does not declare.
pub fn strict_decode_failure<B, H>(xml: &str) -> ews_um::DecodeError
where
    B: ews_um::xml::Payload + std::fmt::Debug,
    H: ews_um::Headers + std::fmt::Debug,
{
    failure(ews_um::Envelope::<B, H>::decode_strict(xml.as_bytes()))
}

fn failure<T: std::fmt::Debug>(result: Result<T, ews_um::Error>) -> ews_um::DecodeError {
    match result {
        Err(ews_um::Error::Decode(error)) => error,
        other => panic!("expected a decoding error, got {other:?}"),
    }
}

/// Checks an operation's name and its SOAPAction, which is the messages
/// namespace followed by the name.
pub fn assert_operation<Op: ews_um::Operation>(name: &str) {
    assert_eq!(Op::OPERATION, name);
    let action = format!("http://schemas.microsoft.com/exchange/services/2006/messages/{name}");
    assert_eq!(Op::SOAP_ACTION, action);
}

/// An element with its namespace resolved: what a document means, whatever
/// its prefixes, namespace declarations, comments and indentation.
#[derive(Debug, PartialEq, Eq)]
pub struct Node {
    pub name: (String, String),
    /// Attributes other than namespace declarations, sorted.
    pub attributes: Vec<((String, String), String)>,
    /// The text, joined; white space between elements is not text.
    pub text: String,
    pub children: Vec<Node>,
}

/// Parses `xml` into its [`Node`] tree.
pub fn parse(xml: &[u8]) -> Result<Node, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let mut reader = NsReader::from_str(text.trim_start_matches('\u{feff}'));
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Node> = Vec::new();
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        let ns = match ns {
            ResolveResult::Bound(ns) => ns.as_ref().to_owned(),
            ResolveResult::Unbound => String::new(),
            ResolveResult::Unknown(p) => return Err(format!("unknown prefix {p:?}")),
        };
        match event {
            Event::Start(start) => {
                let mut attributes = Vec::new();
                for attr in start.attributes() {
                    let attr = attr.map_err(|e| e.to_string())?;
                    let key = attr.key;
                    if key.0 == "xmlns" || key.0.starts_with("xmlns:") {
                        continue;
                    }
                    let (attr_ns, local) = reader.resolver().resolve_attribute(key);
                    let attr_ns = bound(attr_ns);
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| e.to_string())?;
                    let local = local.as_ref().to_owned();
                    // An xsi:type names a type by a qualified name: its
                    // prefix (or the default namespace) is resolved, in the
                    // scope of this element.
                    let value = if (attr_ns.as_str(), local.as_str()) == (XSI_NS, "type") {
                        qualified_name(reader.resolver(), &value)
                    } else {
                        value.into_owned()
                    };
                    attributes.push(((attr_ns, local), value));
                }
                attributes.sort();
                let local = start.local_name().as_ref().to_owned();
                stack.push(Node {
                    name: (ns, local),
                    attributes,
                    text: String::new(),
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                let node = stack.pop().ok_or("unbalanced end tag")?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Ok(node),
                }
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                if let Some(node) = stack.last_mut().filter(|_| !text.trim().is_empty()) {
                    // A SOAP fault code is a qualified name: its prefix is resolved.
                    if node.name == (String::new(), "faultcode".to_owned()) {
                        node.text
                            .push_str(&qualified_name(reader.resolver(), &text));
                    } else {
                        node.text.push_str(&text);
                    }
                }
            }
            Event::CData(c) => {
                if let Some(node) = stack.last_mut() {
                    node.text.push_str(&c.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let ch = r.resolve_char_ref().map_err(|e| e.to_string())?;
                let ch = ch.or(match &*r {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "apos" => Some('\''),
                    "quot" => Some('"'),
                    _ => None,
                });
                if let (Some(node), Some(ch)) = (stack.last_mut(), ch) {
                    node.text.push(ch);
                }
            }
            Event::Eof => return Err("no root element".into()),
            _ => {}
        }
    }
}

/// The XML Schema instance namespace, of `xsi:type`.
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// A qualified name written as text (a fault code, an `xsi:type`) as
/// `{namespace}local`, its prefix resolved like an element name's: unprefixed
/// is the default namespace.
fn qualified_name(resolver: &quick_xml::name::NamespaceResolver, text: &str) -> String {
    let (ns, local) = resolver.resolve_element(quick_xml::name::QName(text.trim()));
    format!("{{{}}}{}", bound(ns), local.as_ref())
}

/// The namespace a name resolved to; empty when it has none.
fn bound(ns: ResolveResult<'_>) -> String {
    match ns {
        ResolveResult::Bound(ns) => ns.as_ref().to_owned(),
        _ => String::new(),
    }
}

/// Panics with both documents unless they mean the same.
pub fn assert_equivalent(actual: &[u8], expected: &[u8]) {
    let a = parse(actual).unwrap_or_else(|e| {
        panic!(
            "actual is not XML: {e}\n{}",
            String::from_utf8_lossy(actual)
        )
    });
    let b = parse(expected).unwrap_or_else(|e| panic!("expected is not XML: {e}"));
    assert_eq!(
        a,
        b,
        "\nactual:\n{}\nexpected:\n{}",
        String::from_utf8_lossy(actual),
        String::from_utf8_lossy(expected)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_layout_do_not_matter() {
        let a = br#"<a:x xmlns:a="urn:1"><!-- c --><a:y k="v">t</a:y></a:x>"#;
        let b = b"<x xmlns=\"urn:1\">\n  <y k=\"v\"><![CDATA[t]]></y>\n</x>";
        assert_eq!(parse(a).unwrap(), parse(b).unwrap());
    }

    #[test]
    fn fault_codes_compare_as_qualified_names() {
        let a = br#"<f><faultcode xmlns:a="urn:1">a:Bad</faultcode></f>"#;
        assert_eq!(
            parse(a).unwrap(),
            parse(br#"<f><faultcode xmlns:c="urn:1">c:Bad</faultcode></f>"#).unwrap()
        );
        assert_ne!(
            parse(a).unwrap(),
            parse(br#"<f><faultcode xmlns:a="urn:2">a:Bad</faultcode></f>"#).unwrap()
        );
    }

    #[test]
    fn xsi_types_compare_as_qualified_names() {
        const XSI: &str = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
        let prefixed = format!(r#"<a:x xmlns:a="urn:1" {XSI}><a:y xsi:type="a:T"/></a:x>"#);
        // The default namespace, and a prefix declared on the element itself.
        let default = format!(r#"<x xmlns="urn:1" {XSI}><y xsi:type="T"/></x>"#);
        let own = format!(r#"<x xmlns="urn:1"><y {XSI} xmlns:xt="urn:1" xsi:type="xt:T"/></x>"#);
        let parsed = parse(prefixed.as_bytes()).unwrap();
        assert_eq!(parse(default.as_bytes()).unwrap(), parsed);
        assert_eq!(parse(own.as_bytes()).unwrap(), parsed);
        let elsewhere =
            format!(r#"<x xmlns="urn:1" xmlns:b="urn:2" {XSI}><y xsi:type="b:T"/></x>"#);
        assert_ne!(parse(elsewhere.as_bytes()).unwrap(), parsed);
        // Other attributes stay text.
        let a = parse(br#"<x xmlns:a="urn:1" k="a:T"/>"#).unwrap();
        assert_ne!(a, parse(br#"<x xmlns:b="urn:1" k="b:T"/>"#).unwrap());
    }

    #[test]
    fn namespaces_and_values_do() {
        let a = br#"<x xmlns="urn:1"><y>t</y></x>"#;
        assert_ne!(
            parse(a).unwrap(),
            parse(br#"<x xmlns="urn:2"><y>t</y></x>"#).unwrap()
        );
        assert_ne!(
            parse(a).unwrap(),
            parse(br#"<x xmlns="urn:1"><y>u</y></x>"#).unwrap()
        );
        assert_ne!(
            parse(a).unwrap(),
            parse(br#"<x xmlns="urn:1"><y xmlns="">t</y></x>"#).unwrap()
        );
    }
}
