//! XML kept as it was written: what wildcards (`xs:any`,
//! `xs:anyAttribute`) and SOAP fault details admit.

use crate::names::is_ncname;
use crate::{DecodeError, Decoder};

/// A piece of XML kept as written, with the namespace declarations it
/// relies on from its surroundings, so that it means the same wherever it
/// is written again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawXmlParts"))]
pub struct RawXml {
    /// `(prefix, namespace)` pairs the markup relies on, by prefix; the
    /// prefix is empty for the default namespace.
    pub namespaces: Vec<(String, String)>,
    /// The markup as in the input, but for the namespace declarations of
    /// its start tag (those it relies on are in `namespaces`).
    pub xml: String,
}

impl RawXml {
    /// Keeps `xml` with the declarations it relies on from outside it:
    /// the default namespace, and the prefixes its names and `xsi:type`
    /// values use. (A prefix in text or in another attribute's value is not
    /// looked for: nothing says it is one.)
    pub(crate) fn new(mut namespaces: Vec<(String, String)>, xml: &str) -> Self {
        // By prefix: the order declarations stand in means nothing, and
        // must not make two keepings of one element differ.
        namespaces.sort();
        Self {
            namespaces,
            xml: xml.to_owned(),
        }
    }

    /// `xml`, one element, kept as decoding would keep it where
    /// `namespaces` are in scope: checked as decoded content is, and with
    /// only the declarations it uses (the default namespace always). What
    /// is built this way encodes and decodes back to itself.
    pub fn from_parts(namespaces: &[(String, String)], xml: &str) -> Result<Self, String> {
        let mut document = String::from("<kept");
        for (i, (prefix, namespace)) in namespaces.iter().enumerate() {
            let attr = if prefix.is_empty() {
                "xmlns".to_owned()
            } else if is_ncname(prefix) {
                format!("xmlns:{prefix}")
            } else {
                return Err(format!("{prefix:?} is not a prefix"));
            };
            if namespaces[..i].iter().any(|(p, _)| p == prefix) {
                return Err(format!("the prefix {prefix:?} is given twice"));
            }
            document.push_str(&format!(" {attr}=\"{}\"", escape_attr(namespace)));
        }
        document.push('>');
        document.push_str(xml);
        document.push_str("</kept>");
        // The messages name no place: the places are the wrapper's.
        let kept = (|| {
            let mut d = Decoder::new(document.as_bytes())?;
            d.root()?;
            let Some(element) = d.next_child()? else {
                return Err(d.missing("(one element to keep)"));
            };
            let kept = d.raw_element(&element)?;
            if let Some(another) = d.next_child()? {
                return Err(d.unexpected(&another));
            }
            d.finish()?;
            Ok(kept)
        })();
        kept.map_err(|e: DecodeError| e.message)
    }

    /// The local name of the element kept, `None` if it does not start
    /// with an element.
    pub fn local_name(&self) -> Option<&str> {
        let tag = self.xml.strip_prefix('<')?;
        let name = &tag[..tag.find([' ', '\t', '\r', '\n', '/', '>'])?];
        let local = name.rsplit_once(':').map_or(name, |(_, local)| local);
        is_ncname(local).then_some(local)
    }

    /// The element with the declarations it relies on written into its
    /// start tag, so that it stands on its own (leaving out the
    /// `(prefix, namespace)` declarations `skip` says are not needed).
    /// `None` if it does not start with an element.
    pub fn standalone(&self, skip: impl Fn(&str, &str) -> bool) -> Option<String> {
        let xml = &self.xml;
        if !xml.starts_with('<') || matches!(xml.as_bytes().get(1), Some(b'!' | b'?' | b'/')) {
            return None;
        }
        // Declarations go right after the element's name: `<p:name`.
        let name_end = xml
            .find([' ', '\t', '\r', '\n', '/', '>'])
            .unwrap_or(xml.len());
        let mut out = String::with_capacity(xml.len() + 64);
        out.push_str(&xml[..name_end]);
        for (prefix, namespace) in self.namespaces.iter().filter(|(p, ns)| !skip(p, ns)) {
            let attr = if prefix.is_empty() {
                "xmlns".to_owned()
            } else {
                format!("xmlns:{prefix}")
            };
            out.push_str(&format!(" {attr}=\"{}\"", escape_attr(namespace)));
        }
        out.push_str(&xml[name_end..]);
        Some(out)
    }
}

/// What serde reads a [`RawXml`] from: kept only through
/// [`RawXml::from_parts`], so that JSON cannot say what XML would not
/// read back.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct RawXmlParts {
    namespaces: Vec<(String, String)>,
    xml: String,
}

#[cfg(feature = "serde")]
impl TryFrom<RawXmlParts> for RawXml {
    type Error = String;

    fn try_from(parts: RawXmlParts) -> Result<Self, String> {
        RawXml::from_parts(&parts.namespaces, &parts.xml)
            .map_err(|problem| format!("kept XML {:?}: {problem}", parts.xml))
    }
}

/// `value` escaped for a double-quoted attribute (or text): markup, and
/// the white space that attribute normalisation would change.
pub(crate) fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\r', "&#13;")
        .replace('\n', "&#10;")
        .replace('\t', "&#9;")
}

/// An attribute a schema does not declare, kept as it was sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AnyAttribute {
    /// The namespace; empty for an unprefixed attribute.
    pub namespace: String,
    /// The local name.
    pub name: String,
    /// The value, unescaped.
    pub value: String,
}
