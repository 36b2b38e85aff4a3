//! XML kept as it was written: what wildcards (`xs:any`,
//! `xs:anyAttribute`) and SOAP fault details admit.

/// A piece of XML kept as written, with the namespace declarations it
/// relies on from its surroundings, so that it means the same wherever it
/// is written again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RawXml {
    /// `(prefix, namespace)` pairs the markup relies on, by prefix; the
    /// prefix is empty for the default namespace.
    pub namespaces: Vec<(String, String)>,
    /// The markup, exactly as in the input.
    pub xml: String,
}

impl RawXml {
    /// Keeps `xml` with those of `in_scope` it may use: the default
    /// namespace, and each prefix that appears in it as `prefix:` (in a
    /// name, or in a value such as `xsi:type="p:T"`).
    pub(crate) fn new(in_scope: Vec<(String, String)>, xml: &str) -> Self {
        let mut namespaces: Vec<(String, String)> = in_scope
            .into_iter()
            .filter(|(prefix, _)| prefix.is_empty() || uses_prefix(xml, prefix))
            .collect();
        // By prefix: the order declarations stand in means nothing, and
        // must not make two keepings of one element differ.
        namespaces.sort();
        Self {
            namespaces,
            xml: xml.to_owned(),
        }
    }
}

impl RawXml {
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

/// `value` escaped for a double-quoted attribute.
fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// Whether `prefix:` stands in `xml` other than as the end of a longer name
/// (`s:` in `xmlns:t` is not the prefix `s`).
fn uses_prefix(xml: &str, prefix: &str) -> bool {
    let pattern = format!("{prefix}:");
    xml.match_indices(&pattern).any(|(at, _)| {
        let before = xml[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_the_declarations_used() {
        let in_scope = vec![
            ("".into(), "urn:d".into()),
            ("s".into(), "urn:s".into()),
            ("t".into(), "urn:t".into()),
        ];
        let raw = RawXml::new(in_scope.clone(), r#"<t:V xmlns:x="urn:x">x</t:V>"#);
        assert_eq!(
            raw.namespaces,
            [("".into(), "urn:d".into()), ("t".into(), "urn:t".into())]
        );
        let raw = RawXml::new(in_scope, r#"<V xsi:type="s:T"/>"#);
        assert_eq!(
            raw.namespaces,
            [("".into(), "urn:d".into()), ("s".into(), "urn:s".into())]
        );
    }
}
