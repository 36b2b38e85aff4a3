//! `arbitrary::Arbitrary` for the runtime's value types (feature
//! `arbitrary`), so that generated types can derive it: values for fuzzing
//! and property tests. Kept XML is generated as decoding keeps it; kept
//! attributes mostly with XML names, sometimes with any text (which
//! encoding must refuse).

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::raw::escape_attr;
use crate::{AnyAttribute, Base64, List, RawXml, UnknownType, XML_NS};

/// Prefixes kept XML may use, and their namespaces.
const NAMESPACES: [(&str, &str); 3] = [
    ("", "urn:example:default"),
    (
        "t",
        "http://schemas.microsoft.com/exchange/services/2006/types",
    ),
    ("x", "urn:example:x"),
];

impl<'a> Arbitrary<'a> for RawXml {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut namespaces = Vec::new();
        for (prefix, namespace) in NAMESPACES {
            if u.arbitrary()? {
                namespaces.push((prefix.to_owned(), namespace.to_owned()));
            }
        }
        let prefixes: Vec<&str> = namespaces.iter().map(|(p, _)| p.as_str()).collect();
        let mut xml = String::new();
        element(u, &prefixes, 0, &mut xml)?;
        RawXml::from_parts(&namespaces, &xml).map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}

/// Writes one element of kept XML: a name in one of `prefixes`' namespaces
/// (or none), attributes, and text or child elements.
fn element(
    u: &mut Unstructured<'_>,
    prefixes: &[&str],
    depth: usize,
    xml: &mut String,
) -> Result<()> {
    let name = qualified(u, prefixes, &["Value", "Note", "V"])?;
    xml.push('<');
    xml.push_str(&name);
    let attributes: Vec<String> = (0..u.int_in_range(0..=2)?)
        .map(|_| qualified(u, prefixes, &["Name", "Kind", "a"]))
        .collect::<Result<_>>()?;
    for (i, attribute) in attributes.iter().enumerate() {
        if !attributes[..i].contains(attribute) {
            xml.push_str(&format!(" {attribute}=\"{}\"", escape_attr(&xml_text(u)?)));
        }
    }
    xml.push('>');
    let children = if depth < 2 { u.int_in_range(0..=2)? } else { 0 };
    if children == 0 {
        xml.push_str(&escape_attr(&xml_text(u)?));
    }
    for _ in 0..children {
        element(u, prefixes, depth + 1, xml)?;
    }
    xml.push_str(&format!("</{name}>"));
    Ok(())
}

/// One of `locals`, with one of `prefixes` (the empty one: none).
fn qualified(u: &mut Unstructured<'_>, prefixes: &[&str], locals: &[&str]) -> Result<String> {
    let local = u.choose(locals)?;
    Ok(match u.choose(prefixes).copied() {
        Ok(prefix) if !prefix.is_empty() => format!("{prefix}:{local}"),
        _ => (*local).to_owned(),
    })
}

/// Any text, with the characters XML cannot carry replaced.
fn xml_text(u: &mut Unstructured<'_>) -> Result<String> {
    let text: String = u.arbitrary()?;
    Ok(text
        .chars()
        .map(|c| if crate::is_forbidden(c) { '?' } else { c })
        .collect())
}

impl<'a> Arbitrary<'a> for AnyAttribute {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let namespace = *u.choose(&["", "urn:example:a", "urn:example:b", XML_NS])?;
        // Mostly names, sometimes any text: encoding refuses what is not one.
        let name = if u.ratio(1, 8)? {
            u.arbitrary()?
        } else {
            (*u.choose(&["Kind", "a", "b", "x1"])?).to_owned()
        };
        Ok(AnyAttribute {
            namespace: namespace.to_owned(),
            name,
            value: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for Base64 {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let bytes: Vec<u8> = u.arbitrary()?;
        let one_line = Base64::from_bytes(&bytes);
        if u.ratio(3, 4)? {
            return Ok(one_line);
        }
        // As MIME writes it, or broken anywhere: white space is kept and
        // written back, and must read back as itself.
        let width = u.int_in_range(1..=76)?;
        let brk = *u.choose(&["\r\n", "\n", " ", "\t"])?;
        let mut text = String::new();
        for line in one_line.as_str().as_bytes().chunks(width) {
            text.push_str(
                std::str::from_utf8(line).map_err(|_| arbitrary::Error::IncorrectFormat)?,
            );
            text.push_str(brk);
        }
        Base64::try_from(text).map_err(|_| arbitrary::Error::IncorrectFormat)
    }
}

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for List<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(List(u.arbitrary()?))
    }
}

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for UnknownType<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // Mostly names a newer schema could give, sometimes any text:
        // encoding refuses what is not a name.
        let (_, namespace) = *u.choose(&NAMESPACES)?;
        let name = if u.ratio(1, 8)? {
            u.arbitrary()?
        } else {
            (*u.choose(&["NewItemType", "Unlisted", "V2Type"])?).to_owned()
        };
        Ok(UnknownType {
            namespace: namespace.to_owned(),
            name,
            value: u.arbitrary()?,
        })
    }
}
