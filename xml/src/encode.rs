//! An XML writer that appends straight into a byte buffer: markup is pushed
//! as constant bytes and values are escaped in one pass, which is all that
//! well-formed output needs.

use smallvec::SmallVec;

use std::borrow::Cow;
use std::collections::HashSet;

use crate::decode::{MAX_ATTRIBUTES, MAX_DEPTH, forbidden_binding};
use crate::error::write_path;
use crate::names::is_ncname;
use crate::raw::escape_attr;
use crate::versions::{Check, Scope};
use crate::{AnyAttribute, EncodeError, RawXml};

/// Writes one XML document.
///
/// Element namespaces are written as default-namespace declarations
/// (`xmlns="…"`) where an element's namespace differs from its parent's, so
/// generated code never has to think about prefixes.
pub struct Encoder {
    out: Vec<u8>,
    /// The open elements, held inline: encoding allocates only `out`.
    open: SmallVec<[Open; 8]>,
    /// The last start tag is still open (`<a x="1"`), awaiting `>` or `/>`.
    in_start_tag: bool,
    /// The `xsi:type` the next element written is to name: its namespace
    /// as written in a declaration (escaped), and its name.
    xsi_type: Option<(Cow<'static, str>, Cow<'static, str>)>,
    /// Attributes written in the open start tag, declarations included:
    /// no more than decoding takes.
    tag_attributes: usize,
    /// A version check going on (`Versions::check`): what is written is
    /// looked up as it goes.
    check: Option<Box<Check>>,
}

struct Open {
    prefix: &'static str,
    local: &'static str,
    /// The default namespace inside this element.
    default_ns: &'static str,
}

impl Default for Encoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Encoder {
    /// An encoder that starts the document with an XML declaration.
    pub fn new() -> Self {
        let mut out = Vec::with_capacity(512);
        out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        Self {
            out,
            open: SmallVec::new(),
            in_start_tag: false,
            xsi_type: None,
            tag_attributes: 0,
            check: None,
        }
    }

    /// An encoder that checks what it writes against a version.
    pub(crate) fn with_check(check: Check) -> Self {
        Self {
            check: Some(Box::new(check)),
            ..Self::new()
        }
    }

    /// The check done, if this encoder did one.
    pub(crate) fn into_check(self) -> Option<Check> {
        self.check.map(|check| *check)
    }

    /// With a check going on, looks the names written next up in `scope`
    /// (made only then); returns what [`leave_scope`](Self::leave_scope)
    /// goes back to.
    #[inline]
    pub(crate) fn enter_scope(&mut self, scope: impl FnOnce() -> Scope) -> Option<Scope> {
        self.check.as_mut().map(|check| check.enter(scope()))
    }

    #[inline]
    pub(crate) fn leave_scope(&mut self, outer: Option<Scope>) {
        if let (Some(check), Some(outer)) = (self.check.as_mut(), outer) {
            check.enter(outer);
        }
    }

    /// Looks the element about to be opened up, in a version check.
    #[cold]
    #[inline(never)]
    fn check_element(&mut self, ns: &str, local: &str) {
        if let Some(check) = self.check.as_mut() {
            let open = &self.open;
            check.member(ns, local, || Self::path_to(open, local));
        }
    }

    /// Whether a version check is going on.
    #[inline]
    pub(crate) fn checking(&self) -> bool {
        self.check.is_some()
    }

    /// The path of the open elements, then `last`.
    fn path_to(open: &[Open], last: &str) -> String {
        let mut path = String::new();
        write_path(&mut path, open.iter().map(|o| o.local).chain([last]))
            .expect("writing to a String cannot fail");
        path
    }

    /// The document written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// Opens element `{ns}local`, declaring `ns` as the default namespace
    /// when it is not already.
    pub fn start(&mut self, ns: &'static str, local: &'static str) {
        if self.check.is_some() {
            self.check_element(ns, local);
        }
        let inherited = self.open.last().map_or("", |o| o.default_ns);
        self.start_tag("", local);
        // Generated code passes the same constant: comparing addresses first
        // spares comparing the text.
        if !std::ptr::eq(ns, inherited) && ns != inherited {
            self.namespace_attr("xmlns", ns);
        }
        if let Some((type_ns, type_name)) = self.xsi_type.take() {
            self.namespace_attr("xmlns:xsi", crate::XSI_NS);
            // An unprefixed name is in the default namespace: the element's.
            if type_ns == ns {
                self.out.extend_from_slice(b" xsi:type=\"");
            } else if type_ns == crate::XML_NS {
                self.out.extend_from_slice(b" xsi:type=\"xml:");
            } else {
                self.tag_attributes += 1;
                self.out.extend_from_slice(b" xmlns:xt=\"");
                self.out.extend_from_slice(type_ns.as_bytes());
                self.out.extend_from_slice(b"\" xsi:type=\"xt:");
            }
            self.out.extend_from_slice(type_name.as_bytes());
            self.out.push(b'"');
            self.tag_attributes += 1;
        }
        self.open.push(Open {
            prefix: "",
            local,
            default_ns: ns,
        });
    }

    /// Makes the next element written, `{element_ns}…`, name its type,
    /// `{ns}name`, with `xsi:type`: a type derived from the one the schema
    /// declares for it. A type of no namespace cannot be named inside an
    /// element of one (its name would take the default namespace).
    pub fn xsi_type(
        &mut self,
        element_ns: &'static str,
        ns: &'static str,
        name: &'static str,
    ) -> Result<(), EncodeError> {
        if ns.is_empty() && !element_ns.is_empty() {
            return Err(self.error(format!(
                "xsi:type {name} has no namespace, which an element of namespace {element_ns} cannot name"
            )));
        }
        self.xsi_type = Some((Cow::Borrowed(ns), Cow::Borrowed(name)));
        Ok(())
    }

    /// [`xsi_type`](Self::xsi_type) for a type name kept from a decoded
    /// document (an [`UnknownType`](crate::UnknownType)'s), checked as data
    /// is: refused where it is not a name, or its namespace cannot be
    /// declared or named here.
    pub fn unknown_xsi_type(
        &mut self,
        element_ns: &'static str,
        ns: &str,
        name: &str,
    ) -> Result<(), EncodeError> {
        let problem = if !is_ncname(name) {
            Some(format!("{name:?} is not an XML name"))
        } else if ns.is_empty() && !element_ns.is_empty() {
            Some(format!(
                "it has no namespace, which an element of namespace {element_ns} cannot name"
            ))
        } else if let Some(ch) = crate::first_non_xml_char(ns) {
            Some(format!(
                "its namespace holds U+{:04X}, which XML cannot carry",
                u32::from(ch)
            ))
        } else if ns == element_ns || ns == crate::XML_NS {
            None
        } else {
            forbidden_binding("xt", ns)
        };
        if let Some(problem) = problem {
            return Err(self.error(format!(
                "xsi:type {{{ns}}}{name} cannot be written: {problem}"
            )));
        }
        let ns = if ns == element_ns {
            Cow::Borrowed(element_ns)
        } else {
            Cow::Owned(escape_attr(ns))
        };
        self.xsi_type = Some((ns, Cow::Owned(name.to_owned())));
        Ok(())
    }

    /// In a version check, looks up the type the next element,
    /// `{ns}element`, names with `xsi:type`: `versions` are those that
    /// have the type.
    #[inline]
    pub fn check_type(
        &mut self,
        ns: &str,
        element: &str,
        name: &str,
        versions: Option<crate::VersionRange>,
    ) {
        if self.check.is_some() {
            self.check_type_name(ns, element, name, versions);
        }
    }

    #[cold]
    #[inline(never)]
    fn check_type_name(
        &mut self,
        ns: &str,
        element: &str,
        name: &str,
        versions: Option<crate::VersionRange>,
    ) {
        if let Some(check) = self.check.as_mut() {
            let open = &self.open;
            // The element first: what it lacks comes before its type.
            check.member(ns, element, || Self::path_to(open, element));
            let path = || Self::path_to(open, &format!("{element}/@xsi:type"));
            check.type_name(versions, name, path);
        }
    }

    /// Writes a nillable element: `xsi:nil="true"` for `None`.
    pub fn nillable<T: crate::Encode + ?Sized>(
        &mut self,
        ns: &'static str,
        local: &'static str,
        value: Option<&T>,
    ) -> Result<(), EncodeError> {
        match value {
            Some(value) => value.encode(self, ns, local),
            None => {
                self.start(ns, local);
                self.namespace_attr("xmlns:xsi", crate::XSI_NS);
                self.out.extend_from_slice(b" xsi:nil=\"true\"");
                self.tag_attributes += 1;
                self.end();
                Ok(())
            }
        }
    }

    /// Opens element `prefix:local`; the caller declares the prefix.
    pub fn start_prefixed(&mut self, prefix: &'static str, local: &'static str) {
        let default_ns = self.open.last().map_or("", |o| o.default_ns);
        self.start_tag(prefix, local);
        self.open.push(Open {
            prefix,
            local,
            default_ns,
        });
    }

    /// Adds an attribute to the element just opened.
    pub fn attr(&mut self, name: &str, value: &str) -> Result<(), EncodeError> {
        debug_assert!(self.in_start_tag, "attribute written outside a start tag");
        self.tag_attributes += 1;
        if self.tag_attributes > MAX_ATTRIBUTES {
            return Err(self.error(format!(
                "more than {MAX_ATTRIBUTES} attributes, which decoding refuses"
            )));
        }
        self.out.push(b' ');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"=\"");
        self.escape(value, Context::Attribute)?;
        self.out.push(b'"');
        Ok(())
    }

    /// Declares `prefix` for `namespace`, a namespace name from data (a
    /// kept attribute's, a fault code's): refused where Namespaces in XML
    /// forbids it, as decoding would refuse it.
    pub fn declare(&mut self, prefix: &str, namespace: &str) -> Result<(), EncodeError> {
        if let Some(problem) = forbidden_binding(prefix, namespace) {
            return Err(self.error(problem));
        }
        self.attr(&format!("xmlns:{prefix}"), namespace)
    }

    /// Adds an attribute holding a simple value.
    pub fn attr_value<T: crate::SimpleType>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value
            .check()
            .map_err(|problem| self.error(format!("attribute {name}: {problem}")))?;
        if self.check.is_some() {
            let mut ranges = Vec::new();
            value.each_version_range(&mut |range, text| ranges.push((range, text.to_owned())));
            self.check_attribute(name, &ranges);
        }
        self.attr(name, &value.text())
    }

    /// Looks an attribute and its value up, in a version check.
    #[cold]
    #[inline(never)]
    fn check_attribute(&mut self, name: &str, values: &[(crate::VersionRange, String)]) {
        if let Some(check) = self.check.as_mut() {
            let open = &self.open;
            let key = format!("@{name}");
            let path = || Self::path_to(open, &key);
            check.member("", &key, path);
            for (range, text) in values {
                check.value(*range, text, path);
            }
        }
    }

    /// Adds an optional attribute: nothing when `None`.
    pub fn attr_opt<T: crate::SimpleType>(
        &mut self,
        name: &str,
        value: &Option<T>,
    ) -> Result<(), EncodeError> {
        match value {
            Some(value) => self.attr_value(name, value),
            None => Ok(()),
        }
    }

    /// Adds attributes kept from a decoded document, declaring a prefix for
    /// each namespace they are in. `declared` tells the element's own
    /// (unqualified) attributes, which a kept one may not repeat; nor may it
    /// be a namespace declaration, an `xsi:` attribute (the decoder's, never
    /// kept), or have a name that is not an XML name.
    pub fn any_attributes(
        &mut self,
        attributes: &[AnyAttribute],
        declared: impl Fn(&str) -> bool,
    ) -> Result<(), EncodeError> {
        let mut seen = HashSet::with_capacity(attributes.len());
        let mut prefixes: Vec<&str> = Vec::new();
        for attr in attributes {
            let fresh = seen.insert((attr.namespace.as_str(), attr.name.as_str()));
            if !is_ncname(&attr.name)
                || attr.namespace == XMLNS_NS
                || attr.namespace == crate::XSI_NS
                || (attr.namespace.is_empty() && (attr.name == "xmlns" || declared(&attr.name)))
                || !fresh
            {
                return Err(self.error(format!(
                    "{:?} cannot be written as a kept attribute",
                    attr.name
                )));
            }
            let name = if attr.namespace.is_empty() {
                attr.name.clone()
            } else if attr.namespace == crate::XML_NS {
                format!("xml:{}", attr.name)
            } else {
                let at = match prefixes.iter().position(|ns| *ns == attr.namespace) {
                    Some(at) => at,
                    None => {
                        self.declare(&format!("a{}", prefixes.len()), &attr.namespace)?;
                        prefixes.push(&attr.namespace);
                        prefixes.len() - 1
                    }
                };
                format!("a{at}:{}", attr.name)
            };
            self.attr(&name, &attr.value)?;
        }
        Ok(())
    }

    /// Writes elements kept from a decoded document, each with the namespace
    /// declarations it relies on. Each must be one well-formed element whose
    /// prefixes are declared: anything else is refused, never written.
    pub fn raw_elements<'r>(
        &mut self,
        elements: impl IntoIterator<Item = &'r RawXml>,
    ) -> Result<(), EncodeError> {
        for raw in elements {
            // The default namespace in effect here needs no declaring.
            let inherited = self.open.last().map_or("", |o| o.default_ns);
            let written = raw.standalone(|prefix, ns| prefix.is_empty() && ns == inherited);
            let room = MAX_DEPTH - self.open.len().min(MAX_DEPTH);
            let checked = written
                .ok_or_else(|| "it does not start with an element".to_owned())
                .and_then(|xml| {
                    check_element(xml.as_bytes(), room)?;
                    Ok(xml)
                });
            match checked {
                Ok(xml) => self.raw(&xml),
                Err(problem) => {
                    return Err(self.error(format!(
                        "kept XML {:?} cannot be written: {problem}",
                        raw.xml
                    )));
                }
            }
        }
        Ok(())
    }

    /// Writes the elements a type keeps that its schema does not declare,
    /// each as [`raw_elements`](Self::raw_elements) writes it; refused
    /// where the type declares its local name (`declared` says which it
    /// does), as it would not read back as kept.
    pub fn unknown_elements<'r>(
        &mut self,
        elements: impl IntoIterator<Item = &'r RawXml>,
        declared: impl Fn(&str) -> bool,
    ) -> Result<(), EncodeError> {
        for raw in elements {
            if let Some(local) = raw.local_name().filter(|local| declared(local)) {
                return Err(self.error(format!(
                    "kept element {local} cannot be written: the type declares an element of that name, as which it would read back"
                )));
            }
            self.raw_elements([raw])?;
        }
        Ok(())
    }

    fn raw(&mut self, xml: &str) {
        self.close_start_tag();
        self.out.extend_from_slice(xml.as_bytes());
    }

    /// Refuses `count` values of a repeated member the schema bounds to
    /// `min..=max`: decoding would refuse what was written.
    pub fn occurs(
        &self,
        count: usize,
        name: &str,
        min: usize,
        max: Option<usize>,
    ) -> Result<(), EncodeError> {
        if count >= min && max.is_none_or(|max| count <= max) {
            return Ok(());
        }
        let bounds = match max {
            Some(max) => format!("{min} to {max}"),
            None => format!("at least {min}"),
        };
        Err(self.error(format!(
            "element {name} given {count} times, where the schema allows {bounds}"
        )))
    }

    /// Writes a simple value as the text of the current element.
    pub fn simple<T: crate::SimpleType>(&mut self, value: &T) -> Result<(), EncodeError> {
        value.check().map_err(|problem| self.error(problem))?;
        if self.check.is_some() {
            let mut ranges = Vec::new();
            value.each_version_range(&mut |range, text| ranges.push((range, text.to_owned())));
            self.check_values(&ranges);
        }
        self.text(&value.text())
    }

    /// Looks an element's value up, in a version check.
    #[cold]
    #[inline(never)]
    fn check_values(&mut self, values: &[(crate::VersionRange, String)]) {
        if let Some(check) = self.check.as_mut() {
            let open = &self.open;
            let path = || {
                let mut path = String::new();
                write_path(&mut path, open.iter().map(|o| o.local))
                    .expect("writing to a String cannot fail");
                path
            };
            for (range, text) in values {
                check.value(*range, text, path);
            }
        }
    }

    /// Writes escaped text into the current element.
    pub fn text(&mut self, text: &str) -> Result<(), EncodeError> {
        self.close_start_tag();
        self.escape(text, Context::Text)
    }

    /// Closes the innermost open element (`/>` when it has no content).
    pub fn end(&mut self) {
        let Some(open) = self.open.pop() else { return };
        if std::mem::take(&mut self.in_start_tag) {
            self.out.extend_from_slice(b"/>");
            return;
        }
        self.out.extend_from_slice(b"</");
        if !open.prefix.is_empty() {
            self.out.extend_from_slice(open.prefix.as_bytes());
            self.out.push(b':');
        }
        self.out.extend_from_slice(open.local.as_bytes());
        self.out.push(b'>');
    }

    /// Writes `value` as element `{ns}local`.
    pub fn element<T: crate::Encode + ?Sized>(
        &mut self,
        ns: &'static str,
        local: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value.encode(self, ns, local)
    }

    fn start_tag(&mut self, prefix: &str, local: &str) {
        self.close_start_tag();
        self.out.push(b'<');
        if !prefix.is_empty() {
            self.out.extend_from_slice(prefix.as_bytes());
            self.out.push(b':');
        }
        self.out.extend_from_slice(local.as_bytes());
        self.in_start_tag = true;
        self.tag_attributes = 0;
    }

    /// Declares a namespace that comes from a schema: a constant of
    /// generated code, which the generator only emits for namespace names
    /// that need no escaping (it refuses the others). Written as it is.
    pub fn namespace_attr(&mut self, name: &str, namespace: &'static str) {
        debug_assert!(self.in_start_tag, "attribute written outside a start tag");
        debug_assert!(
            !needs_escaping(namespace.as_bytes(), Context::Attribute),
            "{namespace:?} needs escaping"
        );
        self.tag_attributes += 1;
        self.out.push(b' ');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"=\"");
        self.out.extend_from_slice(namespace.as_bytes());
        self.out.push(b'"');
    }

    fn close_start_tag(&mut self) {
        if std::mem::take(&mut self.in_start_tag) {
            self.out.push(b'>');
        }
    }

    /// Appends `value` escaped for `context`, refusing characters XML 1.0
    /// cannot carry. Characters that parsers normalise (CR; tab and line
    /// feed in attributes) are written as references so they survive.
    fn escape(&mut self, value: &str, context: Context) -> Result<(), EncodeError> {
        let bytes = value.as_bytes();
        // Most values need nothing, and are copied whole.
        if !needs_escaping(bytes, context) {
            self.out.extend_from_slice(bytes);
            return Ok(());
        }
        let mut copied = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let replacement: &[u8] = match b {
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                b'&' => b"&amp;",
                b'"' if context == Context::Attribute => b"&quot;",
                b'\r' => b"&#13;",
                b'\n' if context == Context::Attribute => b"&#10;",
                b'\t' if context == Context::Attribute => b"&#9;",
                b'\t' | b'\n' => continue,
                0..=0x1F => return Err(self.invalid_char(char::from(b))),
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
                0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => {
                    return Err(self.invalid_char(value[i..].chars().next().unwrap_or('\u{FFFF}')));
                }
                _ => continue,
            };
            self.out.extend_from_slice(&bytes[copied..i]);
            self.out.extend_from_slice(replacement);
            copied = i + 1;
        }
        self.out.extend_from_slice(&bytes[copied..]);
        Ok(())
    }

    fn invalid_char(&self, ch: char) -> EncodeError {
        self.error(format!(
            "character U+{:04X} cannot be written in XML",
            u32::from(ch)
        ))
    }

    /// The error for a value that cannot be written here (one decoding
    /// would not give back), at the path of the open elements.
    pub fn refuse(&self, message: impl Into<String>) -> EncodeError {
        self.error(message.into())
    }

    fn error(&self, message: String) -> EncodeError {
        let mut path = String::new();
        write_path(&mut path, self.open.iter().map(|o| o.local))
            .expect("writing to a String cannot fail");
        EncodeError { path, message }
    }
}

/// Whether `bytes` hold anything to escape or refuse in `context`.
fn needs_escaping(bytes: &[u8], context: Context) -> bool {
    let attribute = context == Context::Attribute;
    crate::any_byte(bytes, |b| {
        (b == b'<')
            | (b == b'>')
            | (b == b'&')
            | (b == b'\r')
            | (b == 0xEF)
            | ((b < 0x20) & (b != b'\t') & (b != b'\n'))
            | (attribute & ((b == b'"') | (b == b'\n') | (b == b'\t')))
    })
}

/// The namespace of namespace declarations themselves.
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// Checks that `xml` is exactly one well-formed element whose prefixes are
/// all declared in it, nested no deeper than `room` allows.
fn check_element(xml: &[u8], room: usize) -> Result<(), String> {
    let mut d = crate::Decoder::new(xml).map_err(|e| e.message)?;
    let root = d.root().map_err(|e| e.message)?;
    d.raw_element(&root)
        .and_then(|_| d.finish())
        .map_err(|e| e.message)?;
    let depth = crate::decode::nesting_depth(xml);
    if depth > room {
        return Err(format!(
            "nested {depth} deep here, past the {MAX_DEPTH} levels decoding takes"
        ));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Text,
    Attribute,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    fn body(e: Encoder) -> String {
        let bytes = e.into_bytes();
        let text = String::from_utf8(bytes).unwrap();
        text.split_once('\n').unwrap().1.to_owned()
    }

    #[test]
    fn declares_a_namespace_only_where_it_changes() {
        let mut e = Encoder::new();
        e.start("urn:a", "A");
        e.start("urn:a", "B");
        e.end();
        e.start("", "C");
        e.text("x").unwrap();
        e.end();
        e.end();
        assert_eq!(body(e), r#"<A xmlns="urn:a"><B/><C xmlns="">x</C></A>"#);
    }

    #[test]
    fn escapes_markup_and_keeps_normalised_characters() {
        let mut e = Encoder::new();
        e.start("", "A");
        e.attr("v", "a\"<b>\t\n&").unwrap();
        e.text("1 < 2 && ]]> \r\n").unwrap();
        e.end();
        assert_eq!(
            body(e),
            "<A v=\"a&quot;&lt;b&gt;&#9;&#10;&amp;\">1 &lt; 2 &amp;&amp; ]]&gt; &#13;\n</A>"
        );
    }

    #[test]
    fn kept_xml_is_written_with_its_declarations_or_refused() {
        let raw = |namespaces: &[(&str, &str)], xml: &str| RawXml {
            namespaces: namespaces
                .iter()
                .map(|(p, n)| (p.to_string(), n.to_string()))
                .collect(),
            xml: xml.into(),
        };
        let mut e = Encoder::new();
        e.start("", "A");
        e.raw_elements([&raw(&[("t", "urn:t")], "<t:V n=\"1\">x</t:V>")])
            .unwrap();
        for bad in [
            raw(&[], "<t:V/>"),               // undeclared prefix
            raw(&[], "<V/></A><B>"),          // breaks out of its place
            raw(&[], "text"),                 // not an element
            raw(&[("a b", "urn:t")], "<V/>"), // not a prefix
            raw(&[], "<V/><W/>"),             // two elements
        ] {
            assert!(e.raw_elements([&bad]).is_err(), "{bad:?}");
        }
        e.end();
        assert_eq!(body(e), r#"<A><t:V xmlns:t="urn:t" n="1">x</t:V></A>"#);
    }

    #[test]
    fn refuses_characters_xml_cannot_carry() {
        let mut e = Encoder::new();
        e.start("", "A");
        let err = e.text("nul\0").unwrap_err();
        assert_eq!(
            err.to_string(),
            "/A: character U+0000 cannot be written in XML"
        );
        assert!(e.text("\u{FFFE}").is_err());
        assert!(e.text("\u{FFFD}").is_ok());
    }

    #[test]
    fn kept_attributes_cannot_inject_markup() {
        let attr = |namespace: &str, name: &str| AnyAttribute {
            namespace: namespace.into(),
            name: name.into(),
            value: "v".into(),
        };
        let mut e = Encoder::new();
        e.start("", "A");
        e.any_attributes(&[attr("urn:s", "mustUnderstand")], |n| n == "Version")
            .unwrap();
        for bad in [
            attr("", r#"x="1"/><B"#),
            attr("", "Version"),
            attr("", "xmlns"),
            attr(XMLNS_NS, "p"),
            attr(XSI_NS, "type"),
            attr("", "a b"),
            attr("urn:s", "q:r"),
        ] {
            assert!(
                e.any_attributes(std::slice::from_ref(&bad), |n| n == "Version")
                    .is_err(),
                "{bad:?}"
            );
        }
        e.end();
        assert_eq!(body(e), r#"<A xmlns:a0="urn:s" a0:mustUnderstand="v"/>"#);
    }
}
