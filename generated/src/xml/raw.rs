//! XML kept as it was written: what wildcards (`xs:any`,
//! `xs:anyAttribute`) and SOAP fault details admit.

/// A piece of XML kept as written, with the namespace declarations it
/// relies on from its surroundings, so that it means the same wherever it
/// is written again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RawXml {
    /// `(prefix, namespace)` pairs the markup relies on; the prefix is empty
    /// for the default namespace.
    pub namespaces: Vec<(String, String)>,
    /// The markup, exactly as in the input.
    pub xml: String,
}

impl RawXml {
    /// Keeps `xml` with those of `in_scope` it uses: the default namespace,
    /// and each prefix that appears in it followed by `:`.
    pub(crate) fn new(in_scope: Vec<(String, String)>, xml: &str) -> Self {
        let namespaces = in_scope
            .into_iter()
            .filter(|(prefix, _)| prefix.is_empty() || xml.contains(&format!("{prefix}:")))
            .collect();
        Self {
            namespaces,
            xml: xml.to_owned(),
        }
    }
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
