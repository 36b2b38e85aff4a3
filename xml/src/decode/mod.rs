//! A pull decoder over quick-xml's borrowing reader: events, elements
//! entered and left, text. Its namespace resolution is its own
//! (`namespaces`), so that element and namespace names are slices of the
//! input (no copies); content kept as written is `capture`'s business,
//! errors `errors`'.

mod capture;
mod chars;
mod errors;
mod namespaces;
mod start;

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesEnd, BytesRef, BytesStart, Event};
use smallvec::SmallVec;

use crate::error::line_column;
use crate::names::is_qname;
use crate::{DecodeError, DecodeErrorKind, XSI_NS};
use namespaces::{MAX_BINDINGS, NamespaceResolver, TooManyBindings};
pub use start::{Attr, Node, Start};

/// Deeper nesting than this is refused: it bounds the decoder's recursion
/// whatever the input (no message of these schemas comes close).
pub(crate) const MAX_DEPTH: usize = 128;

/// More attributes on one element than this are refused: checking them for
/// duplicates takes time quadratic in their number.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads one XML document, element by element.
///
/// Decoding is forward-compatible unless the decoder is
/// [`strict`](Self::strict): an element a type does not declare (one a
/// newer version of its schema added, say) is skipped, or kept where the
/// type keeps such elements; an open choice keeps an element none of its
/// alternatives is; an `xsi:type` naming a type the schema does not know
/// is read as the declared type. A strict decoder refuses all of these, as
/// a validating reader of the schema would. Either way, what is not
/// well-formed is refused, and so are an element the type declares in
/// another namespace, a missing required element and a value its simple
/// type cannot hold.
pub struct Decoder<'a> {
    /// The document after the byte-order mark.
    text: &'a str,
    reader: Reader<&'a [u8]>,
    /// The open elements, outermost first. Held inline: decoding a typical
    /// message allocates nothing for it.
    frames: SmallVec<[Frame<'a>; 8]>,
    /// The namespace declarations in scope.
    namespaces: NamespaceResolver<'a>,
    /// The name of the empty element (`<a/>`) just read, whose end comes next.
    empty_end: Option<Cow<'a, str>>,
    /// The innermost frame's end tag has been read; it is popped by the next
    /// read, so that errors raised meanwhile still name it in their path.
    ended: bool,
    /// What the schema does not declare is an error, not skipped or kept.
    strict: bool,
    /// The first character XML forbids, found up front (`chars::scan`): an
    /// error once reading passes its offset (`usize::MAX`: none), located
    /// at the character, in the element being read (for one in a start
    /// tag, the element's parent).
    forbidden: chars::Forbidden,
}

struct Frame<'a> {
    local: Cow<'a, str>,
    /// Offset of the start tag's `<`.
    pos: usize,
    /// Where this element's own namespace declarations start.
    namespaces_mark: usize,
}

impl<'a> Decoder<'a> {
    /// A forward-compatible decoder for a whole document: what the schema
    /// does not declare is skipped or kept (see [`Decoder`]). The input
    /// must be UTF-8 (a byte-order mark is allowed).
    pub fn new(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        let (text, forbidden) = chars::scan(body).map_err(|at| {
            // Positions count from after the byte-order mark: it is not a character of the document.
            let (line, column) = line_column(body, at);
            DecodeError {
                kind: DecodeErrorKind::Syntax,
                line,
                column,
                path: "/".into(),
                message: "input is not valid UTF-8".into(),
            }
        })?;
        // A second mark would be skipped by quick-xml as the first, and no
        // position would then match the text; it is no character a
        // document may start with anyway.
        if text.starts_with('\u{feff}') {
            return Err(DecodeError {
                kind: DecodeErrorKind::Syntax,
                line: 1,
                column: 1,
                path: "/".into(),
                message: "malformed XML: a second byte-order mark".into(),
            });
        }
        // quick-xml keeps `<a/>` as one event; `next_event` gives it its end
        // tag (quick-xml's own expansion allocates one for each).
        let reader = Reader::from_str(text);
        Ok(Self {
            text,
            reader,
            frames: SmallVec::new(),
            namespaces: NamespaceResolver::default(),
            empty_end: None,
            ended: false,
            strict: false,
            forbidden: forbidden.unwrap_or((usize::MAX, '\0')),
        })
    }

    /// A strict decoder for a whole document: an element, choice or
    /// `xsi:type` the schema does not declare is an error, as it is for a
    /// reader that validates against the schema (for tests, and for
    /// checking what a client sends).
    pub fn strict(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        let mut decoder = Self::new(bytes)?;
        decoder.strict = true;
        Ok(decoder)
    }

    /// Whether the decoder refuses what the schema does not declare.
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// Reads up to the document's root element and returns its start tag.
    pub fn root(&mut self) -> Result<Start<'a>, DecodeError> {
        loop {
            let (pos, event) = self.next_event()?;
            match event {
                Event::Start(start) => return self.enter(pos, start),
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                Event::Text(text) if is_blank(&text) => {}
                Event::Eof => {
                    return Err(self.error_at(DecodeErrorKind::Missing, pos, 0, "no root element"));
                }
                _ => {
                    return Err(self.error_at(
                        DecodeErrorKind::Syntax,
                        pos,
                        0,
                        "content before the root element",
                    ));
                }
            }
        }
    }

    /// Checks that nothing but comments, processing instructions and white
    /// space follows the root element.
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        loop {
            let (pos, event) = self.next_event()?;
            match event {
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(text) if is_blank(&text) => {}
                _ => {
                    return Err(self.error_at(
                        DecodeErrorKind::Syntax,
                        pos,
                        0,
                        "content after the root element",
                    ));
                }
            }
        }
    }

    /// The next child element or piece of text of the current element (for
    /// content that mixes both), or `None` once its end tag is read. Text
    /// comes a piece at a time: text, a CDATA section, a reference.
    pub fn next_node(&mut self) -> Result<Option<Node<'a>>, DecodeError> {
        loop {
            let (pos, event) = self.next_event()?;
            let text = match event {
                Event::Start(start) => {
                    return self.enter(pos, start).map(|s| Some(Node::Element(s)));
                }
                Event::End(_) => {
                    self.ended = true;
                    return Ok(None);
                }
                Event::Eof => return Err(self.unexpected_eof(pos)),
                other => match self.text_piece(pos, other)? {
                    Some(text) => text,
                    None => continue,
                },
            };
            return Ok(Some(Node::Text(text)));
        }
    }

    /// The next child element of the current element, or `None` once its end
    /// tag is read. Comments, processing instructions and white space are
    /// skipped; any other text is an error (the content is element-only).
    pub fn next_child(&mut self) -> Result<Option<Start<'a>>, DecodeError> {
        loop {
            let (pos, event) = self.next_event()?;
            match event {
                Event::Start(start) => return self.enter(pos, start).map(Some),
                Event::End(_) => {
                    self.ended = true;
                    return Ok(None);
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(text) if is_blank(&text) => {}
                Event::CData(data) if is_blank(&data) => {}
                Event::Eof => return Err(self.unexpected_eof(pos)),
                _ => {
                    let depth = self.frames.len();
                    return Err(self.error_at(
                        DecodeErrorKind::Unexpected,
                        pos,
                        depth,
                        "text is not allowed here: the element has element-only content",
                    ));
                }
            }
        }
    }

    /// The text content of the current element, up to its end tag: text,
    /// CDATA sections and character or predefined entity references joined,
    /// line ends normalised. Borrowed from the input when it can be.
    pub fn text(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        let mut text: Option<Cow<'a, str>> = None;
        loop {
            let (pos, event) = self.next_event()?;
            let piece = match event {
                Event::End(_) => {
                    self.ended = true;
                    return Ok(text.unwrap_or(Cow::Borrowed("")));
                }
                Event::Start(start) => {
                    let depth = self.frames.len();
                    let name = start.name().as_ref().to_owned();
                    return Err(self.error_at(
                        DecodeErrorKind::Unexpected,
                        pos,
                        depth,
                        format!(
                            "element {name} is not allowed here: the element has text content only"
                        ),
                    ));
                }
                Event::Eof => return Err(self.unexpected_eof(pos)),
                other => match self.text_piece(pos, other)? {
                    Some(piece) => piece,
                    None => continue,
                },
            };
            text = Some(match text {
                None => piece,
                Some(prev) => Cow::Owned(prev.into_owned() + &piece),
            });
        }
    }

    /// Resolves a `prefix:name` value (such as a SOAP fault code) against the
    /// declarations in scope: `(namespace, local)`.
    pub fn resolve_qname<'v>(
        &self,
        start: &Start<'_>,
        value: &'v str,
    ) -> Result<(String, &'v str), DecodeError> {
        if !is_qname(value) {
            let message = format!("{value:?} is not a qualified name");
            return Err(self.error(DecodeErrorKind::Value, start, &message));
        }
        let (prefix, local) = split_qname(value);
        match self.lookup(prefix) {
            Some(uri) => Ok((uri.to_string(), local)),
            None if prefix.is_empty() => Ok((String::new(), local)),
            None => Err(self.error(
                DecodeErrorKind::Namespace,
                start,
                &format!("prefix {prefix:?} of {value:?} is not declared"),
            )),
        }
    }

    /// The type `start` names for itself with `xsi:type`, as `(namespace,
    /// local name)`; `None` without one.
    pub fn xsi_type(&self, start: &Start<'_>) -> Result<Option<(String, String)>, DecodeError> {
        if !start.prefixed_attributes {
            return Ok(None);
        }
        for attr in self.attributes(start) {
            let attr = attr?;
            if attr.name() == (XSI_NS, "type") {
                let qname = crate::collapse(attr.text())
                    .map_err(|e| self.invalid(start, &format!("xsi:type: {e}")))?;
                let (ns, local) = self.resolve_qname(start, qname)?;
                return Ok(Some((ns, local.to_owned())));
            }
        }
        Ok(None)
    }

    /// Whether `start` says it has no value (`xsi:nil="true"`).
    pub fn is_nil(&self, start: &Start<'_>) -> Result<bool, DecodeError> {
        if !start.prefixed_attributes {
            return Ok(false);
        }
        for attr in self.attributes(start) {
            let attr = attr?;
            if attr.name() == (XSI_NS, "nil") {
                return attr.parse();
            }
        }
        Ok(false)
    }

    /// Decodes a nillable element: `None` when it is `xsi:nil` (and then
    /// empty).
    pub fn decode_nillable<T: crate::Decode>(
        &mut self,
        start: &Start<'_>,
    ) -> Result<Option<T>, DecodeError> {
        if self.is_nil(start)? {
            self.empty()?;
            return Ok(None);
        }
        T::decode(self, start).map(Some)
    }

    /// The attributes of `start`, namespace-resolved, without `xmlns`
    /// declarations.
    pub fn attributes<'s>(
        &'s self,
        start: &'s Start<'s>,
    ) -> impl Iterator<Item = Result<Attr<'s, 'a>, DecodeError>> + 's {
        // `enter` checked them: each is well-formed and given once.
        unchecked_attributes(&start.raw).filter_map(move |attr| {
            let attr = match attr {
                Ok(attr) => attr,
                Err(e) => {
                    return Some(Err(self.error(
                        DecodeErrorKind::Syntax,
                        start,
                        &e.to_string(),
                    )));
                }
            };
            let key = attr.key.0;
            if key == "xmlns" || key.starts_with("xmlns:") {
                return None;
            }
            let (ns, local) = match key.split_once(':') {
                None => ("", key),
                Some((prefix, local)) => match self.lookup(prefix) {
                    Some(uri) => (uri, local),
                    None => {
                        return Some(Err(self.error(
                            DecodeErrorKind::Namespace,
                            start,
                            &format!("attribute prefix {prefix:?} is not declared"),
                        )));
                    }
                },
            };
            Some(
                attribute_value(&attr)
                    .map_err(|e| self.error(DecodeErrorKind::Syntax, start, &e))
                    .map(|value| Attr {
                        ns,
                        local,
                        value,
                        decoder: self,
                        element: start,
                    }),
            )
        })
    }

    /// Decodes the element `start` as a `T`.
    pub fn decode<T: crate::Decode>(&mut self, start: &Start<'_>) -> Result<T, DecodeError> {
        T::decode(self, start)
    }

    /// Decodes `start` into an empty slot; a second occurrence is an error.
    pub fn decode_once<T: crate::Decode>(
        &mut self,
        slot: &mut Option<T>,
        start: &Start<'_>,
    ) -> Result<(), DecodeError> {
        if slot.is_some() {
            return Err(self.duplicate(start));
        }
        *slot = Some(T::decode(self, start)?);
        Ok(())
    }

    /// Reads the end of an element that allows no content.
    pub fn empty(&mut self) -> Result<(), DecodeError> {
        match self.next_child()? {
            Some(child) => Err(self.unexpected(&child)),
            None => Ok(()),
        }
    }

    fn next_event(&mut self) -> Result<(usize, Event<'a>), DecodeError> {
        if std::mem::take(&mut self.ended) {
            self.leave();
        }
        let pos = offset(self.reader.buffer_position());
        let event = match self.empty_end.take() {
            Some(name) => Ok(Event::End(BytesEnd::new(name))),
            None => self.reader.read_event(),
        };
        if offset(self.reader.buffer_position()) > self.forbidden.0 {
            return Err(self.forbidden_character());
        }
        match event {
            Ok(Event::Empty(start)) => {
                self.empty_end = Some(self.borrowed(start.name().as_ref()));
                Ok((pos, Event::Start(start)))
            }
            Ok(Event::DocType(_)) => Err(self.error_at(
                DecodeErrorKind::Limit,
                pos,
                self.frames.len(),
                "DOCTYPE declarations are not accepted",
            )),
            Ok(event) => Ok((pos, event)),
            Err(e) => {
                let at = offset(self.reader.error_position());
                Err(self.error_at(
                    DecodeErrorKind::Syntax,
                    at,
                    self.frames.len(),
                    format!("malformed XML: {e}"),
                ))
            }
        }
    }

    /// Opens an element: binds its namespace declarations and resolves its name.
    fn enter(&mut self, pos: usize, raw: BytesStart<'a>) -> Result<Start<'a>, DecodeError> {
        if self.frames.len() >= MAX_DEPTH {
            return Err(self.error_at(
                DecodeErrorKind::Limit,
                pos,
                self.frames.len(),
                format!("elements nested deeper than {MAX_DEPTH}"),
            ));
        }
        let namespaces_mark = self.namespaces.mark();
        let qname = self.borrowed(raw.name().as_ref());
        if !is_qname(&qname) {
            let message = format!(
                "malformed XML: element name {:?} is not an XML name",
                &*qname
            );
            return Err(self.error_at(DecodeErrorKind::Syntax, pos, self.frames.len(), message));
        }
        let (prefix, local) = match &qname {
            Cow::Borrowed(q) => {
                let (prefix, local) = split_qname(q);
                (Cow::Borrowed(prefix), Cow::Borrowed(local))
            }
            Cow::Owned(q) => {
                let (prefix, local) = split_qname(q);
                (Cow::Owned(prefix.to_owned()), Cow::Owned(local.to_owned()))
            }
        };
        self.frames.push(Frame {
            local: local.clone(),
            pos,
            namespaces_mark,
        });
        let prefixed_attributes = self.declare(pos, &raw)?;
        let ns = match self.namespaces.resolve(&prefix) {
            Some(uri) => uri.clone(),
            None if prefix.is_empty() => Cow::Borrowed(""),
            None => {
                return Err(self.error_at(
                    DecodeErrorKind::Namespace,
                    pos,
                    self.frames.len(),
                    format!("namespace prefix {prefix:?} is not declared"),
                ));
            }
        };
        Ok(Start {
            raw,
            ns,
            local,
            pos,
            depth: self.frames.len(),
            prefixed_attributes,
        })
    }

    /// Checks the attributes of the start tag `raw` (at `pos`) and binds
    /// its namespace declarations; returns whether any other attribute has
    /// a prefix.
    fn declare(&mut self, pos: usize, raw: &BytesStart<'a>) -> Result<bool, DecodeError> {
        let mut prefixed_attributes = false;
        let mut seen: SmallVec<[&str; 16]> = SmallVec::new();
        for (n, attr) in unchecked_attributes(raw).enumerate() {
            if n == MAX_ATTRIBUTES {
                let message = format!("more than {MAX_ATTRIBUTES} attributes");
                return Err(self.at_tag(DecodeErrorKind::Limit, pos, message));
            }
            let attr = attr.map_err(|e| {
                self.at_tag(
                    DecodeErrorKind::Syntax,
                    pos,
                    format!("malformed attribute: {e}"),
                )
            })?;
            let key: &str = attr.key.0;
            if !self.follows_white_space(key) {
                let message = format!("malformed XML: no white space before attribute {key}");
                return Err(self.at_tag(DecodeErrorKind::Syntax, pos, message));
            }
            if !is_qname(key) {
                let message = format!("malformed XML: attribute name {key:?} is not an XML name");
                return Err(self.at_tag(DecodeErrorKind::Syntax, pos, message));
            }
            // Each attribute once. quick-xml's own check allocates; a tag
            // has few attributes (at most MAX_ATTRIBUTES), held inline here.
            if seen.contains(&key) {
                let message = format!("malformed XML: attribute {key} appears more than once");
                return Err(self.at_tag(DecodeErrorKind::Syntax, pos, message));
            }
            seen.push(key);
            let prefix = if key == "xmlns" {
                Cow::Borrowed("")
            } else if let Some(prefix) = key.strip_prefix("xmlns:") {
                self.borrowed(prefix)
            } else {
                prefixed_attributes |= key.contains(':');
                continue;
            };
            let uri = match attribute_value(&attr)
                .map_err(|e| self.at_tag(DecodeErrorKind::Syntax, pos, e))?
            {
                Cow::Borrowed(s) => self.borrowed(s),
                Cow::Owned(s) => Cow::Owned(s),
            };
            if let Some(problem) = forbidden_binding(&prefix, &uri) {
                let message = format!("malformed XML: {problem}");
                return Err(self.at_tag(DecodeErrorKind::Namespace, pos, message));
            }
            if let Err(TooManyBindings) = self.namespaces.declare(prefix, uri) {
                let message = format!("more than {MAX_BINDINGS} namespace declarations in scope");
                return Err(self.at_tag(DecodeErrorKind::Limit, pos, message));
            }
        }
        if prefixed_attributes {
            self.check_expanded_names(pos, &seen)?;
        }
        Ok(prefixed_attributes)
    }

    /// The error for the start tag at `pos`, the element just entered.
    fn at_tag(&self, kind: DecodeErrorKind, pos: usize, message: String) -> DecodeError {
        self.error_at(kind, pos, self.frames.len(), message)
    }

    /// Refuses two prefixed attributes of one start tag that name the same
    /// attribute through prefixes bound to one namespace (`a:n`, `b:n`):
    /// not namespace-well-formed. An unbound prefix is reported where the
    /// attributes are read. Sorted, not compared pairwise: a tag may have
    /// `MAX_ATTRIBUTES`.
    fn check_expanded_names(&self, pos: usize, keys: &[&str]) -> Result<(), DecodeError> {
        let mut names: SmallVec<[((&str, &str), &str); 16]> = keys
            .iter()
            .filter_map(|&key| Some((self.expanded_attribute_name(key)?, key)))
            .collect();
        names.sort_unstable();
        match names.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            Some([((ns, local), first), (_, second)]) => {
                let message = format!(
                    "malformed XML: attributes {first} and {second} are both {{{ns}}}{local}"
                );
                Err(self.at_tag(DecodeErrorKind::Namespace, pos, message))
            }
            _ => Ok(()),
        }
    }

    /// Whether white space stands before `key`, a slice of the input (XML
    /// requires it between attributes; quick-xml does not).
    fn follows_white_space(&self, key: &str) -> bool {
        let at = (key.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        match at
            .checked_sub(1)
            .and_then(|before| self.text.as_bytes().get(before))
        {
            Some(&b) => crate::is_white_space(b),
            // Not a slice of the input: nothing to check against.
            None => true,
        }
    }

    /// `(namespace, local)` of a prefixed attribute whose prefix is bound.
    fn expanded_attribute_name<'k>(&'k self, key: &'k str) -> Option<(&'k str, &'k str)> {
        let (prefix, local) = key.split_once(':')?;
        if prefix == "xmlns" {
            return None;
        }
        Some((self.lookup(prefix)?, local))
    }

    /// The text an event stands for — text, a CDATA section or a reference
    /// — with line ends normalised; `None` for any other event. The
    /// document's characters were checked up front (`chars::scan`); a
    /// reference is checked here.
    fn text_piece(
        &self,
        pos: usize,
        event: Event<'a>,
    ) -> Result<Option<Cow<'a, str>>, DecodeError> {
        Ok(Some(match event {
            Event::Text(t) => t.xml10_content(),
            Event::CData(c) => c.xml10_content(),
            Event::GeneralRef(r) => {
                let ch = self.resolve_reference(pos, &r)?;
                if crate::is_forbidden(ch) {
                    return Err(self.not_a_character(pos, ch));
                }
                Cow::Owned(ch.into())
            }
            _ => return Ok(None),
        }))
    }

    fn not_a_character(&self, pos: usize, ch: char) -> DecodeError {
        let message = format!("character U+{:04X} is not allowed in XML", u32::from(ch));
        self.error_at(DecodeErrorKind::Syntax, pos, self.frames.len(), message)
    }

    /// The error for the forbidden character `chars::scan` found, once
    /// reading has reached it.
    fn forbidden_character(&self) -> DecodeError {
        let (at, ch) = self.forbidden;
        self.not_a_character(at, ch)
    }

    fn leave(&mut self) {
        if let Some(frame) = self.frames.pop() {
            self.namespaces.release(frame.namespaces_mark);
        }
    }

    /// The namespace bound to `prefix` (empty: the default namespace);
    /// `None` when unbound or, for the default, undeclared or set to "".
    fn lookup(&self, prefix: &str) -> Option<&str> {
        self.namespaces.resolve(prefix).map(|uri| &**uri)
    }

    /// `s` as a string borrowed from the input. Events of a slice reader
    /// always point into the input; anything else is copied.
    fn borrowed(&self, s: &str) -> Cow<'a, str> {
        let base = self.text.as_ptr() as usize;
        let at = (s.as_ptr() as usize).wrapping_sub(base);
        match self.text.get(at..at.wrapping_add(s.len())) {
            Some(input) if input.as_ptr() == s.as_ptr() => Cow::Borrowed(input),
            _ => Cow::Owned(s.to_owned()),
        }
    }

    fn resolve_reference(&self, pos: usize, r: &BytesRef<'_>) -> Result<char, DecodeError> {
        let depth = self.frames.len();
        if let Some(ch) = r
            .resolve_char_ref()
            .map_err(|e| self.error_at(DecodeErrorKind::Syntax, pos, depth, e.to_string()))?
        {
            return Ok(ch);
        }
        match &**r {
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "amp" => Ok('&'),
            "apos" => Ok('\''),
            "quot" => Ok('"'),
            name => Err(self.error_at(
                DecodeErrorKind::Syntax,
                pos,
                depth,
                format!("unknown entity &{name};"),
            )),
        }
    }
}

fn attribute_value<'v>(attr: &Attribute<'v>) -> Result<Cow<'v, str>, String> {
    let value = attr
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map_err(|e| format!("bad attribute value: {e}"))?;
    // The value as written was checked up front; a character reference
    // may still stand for a character XML forbids.
    match &value {
        Cow::Owned(owned) => match crate::first_non_xml_char(owned) {
            Some(ch) => Err(format!(
                "character U+{:04X} is not allowed in XML",
                u32::from(ch)
            )),
            None => Ok(value),
        },
        Cow::Borrowed(_) => Ok(value),
    }
}

/// The attributes of a tag, without quick-xml's check for repeated names
/// (which allocates).
fn unchecked_attributes<'t>(
    tag: &'t BytesStart<'_>,
) -> quick_xml::events::attributes::Attributes<'t> {
    let mut attributes = tag.attributes();
    attributes.with_checks(false);
    attributes
}

/// What Namespaces in XML forbids declaring: `xmlns:xmlns`, `xml` bound
/// to another namespace or its namespace to another prefix, the `xmlns`
/// namespace to any, a prefix to no namespace.
pub(crate) fn forbidden_binding(prefix: &str, uri: &str) -> Option<String> {
    const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";
    if prefix == "xmlns" {
        Some("the prefix xmlns cannot be declared".to_owned())
    } else if (prefix == "xml") != (uri == crate::XML_NS) {
        Some(format!("only the prefix xml is bound to {}", crate::XML_NS))
    } else if uri == XMLNS_NS {
        Some(format!("no prefix can be bound to {XMLNS_NS}"))
    } else if !prefix.is_empty() && uri.is_empty() {
        Some(format!(
            "the prefix {prefix} cannot be bound to no namespace"
        ))
    } else {
        None
    }
}

/// How deep the elements of well-formed `xml` nest.
pub(crate) fn nesting_depth(xml: &[u8]) -> usize {
    let mut reader = Reader::from_reader(xml);
    let (mut depth, mut deepest) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Ok(Event::Empty(_)) => deepest = deepest.max(depth + 1),
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) | Err(_) => return deepest,
            Ok(_) => {}
        }
    }
}

/// `(prefix, local)` of `prefix:local`; the prefix is empty when absent.
fn split_qname(qname: &str) -> (&str, &str) {
    qname.split_once(':').unwrap_or(("", qname))
}

fn is_blank(text: &str) -> bool {
    text.bytes().all(crate::is_white_space)
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}
