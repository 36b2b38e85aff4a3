#![warn(missing_docs)]

//! The small runtime that the types `ews-um-codegen` generates are written
//! against: streaming, namespace-aware decoding and encoding over
//! quick-xml, and the traits each generated type implements. It knows XML
//! and XML Schema, nothing of SOAP or Exchange.
//!
//! Generated modules refer to it as `::ews_um::xml`, where the `ews-um`
//! crate re-exports it together with the derives of `ews-um-derive`, so
//! that they compile in any crate that depends on `ews-um`.
//!
//! Decoding is forward-compatible unless the [`Decoder`] is strict: what a
//! newer version of a schema adds is skipped, or kept ([`OpenChoice`],
//! [`UnknownType`], [`Content::keep_unknown`]) and written back.

#[cfg(feature = "arbitrary")]
mod arbitrary;
mod base64;
mod content;
mod decode;
mod encode;
mod error;
mod names;
mod raw;
mod simple;
mod unknown;
mod versions;

use std::borrow::Cow;

pub use self::base64::{Base64, Base64Error};
pub use content::{
    Choice, Content, List, OpenChoice, XSI_NS, declares, declares_boxed, decode_element,
    encode_element, expected, expected_boxed, undeclared,
};
pub use decode::{Attr, Decoder, Node, Start};
pub use encode::Encoder;
pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use names::is_ncname;
pub use raw::{AnyAttribute, RawXml};
pub use simple::{check_unlisted, collapse};
pub use unknown::UnknownType;
pub use versions::{Item, Version, VersionError, VersionRange, Versions, encode_choice};

/// The XML namespace, bound to the `xml` prefix in every document.
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Whether `b` is XML white space: space, tab, line feed, carriage return.
pub(crate) fn is_white_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether XML 1.0 does not allow `c`: control characters but tab, line
/// feed and carriage return; U+FFFE; U+FFFF.
pub(crate) fn is_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// The first character of `text` that XML 1.0 does not allow.
pub(crate) fn first_non_xml_char(text: &str) -> Option<char> {
    // U+FFFE and U+FFFF start with 0xEF in UTF-8.
    let suspect = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xEF);
    if !any_byte(text.as_bytes(), suspect) {
        return None;
    }
    text.chars().find(|&c| is_forbidden(c))
}

/// Whether any byte is one `is` picks out. Looking at every byte is the cost
/// of the checks that use this: a branch-free scan of 64-byte blocks, which
/// the compiler vectorises, finds the rare text that needs a closer look.
pub(crate) fn any_byte(bytes: &[u8], is: impl Fn(u8) -> bool) -> bool {
    bytes
        .chunks(64)
        .any(|block| block.iter().fold(0u8, |seen, &b| seen | u8::from(is(b))) != 0)
}

/// The result of decoding.
pub type DecodeResult<T> = Result<T, DecodeError>;
/// The result of encoding.
pub type EncodeResult = Result<(), EncodeError>;
/// Text as read from a document: borrowed from the input where it can be.
pub type Text<'t> = Cow<'t, str>;
/// The result of parsing a simple value; the error is the reason, without
/// position (the decoder adds that).
pub type ParseResult<T> = Result<T, String>;

/// A type read from the content (and attributes) of one element.
pub trait Decode: Sized {
    /// Reads the element whose start tag the decoder just returned as
    /// `start`, up to and including its end tag.
    fn decode(d: &mut Decoder<'_>, start: &Start<'_>) -> Result<Self, DecodeError>;
}

/// A type written as one element.
pub trait Encode {
    /// Writes `self` as the element `{ns}name`.
    fn encode(
        &self,
        e: &mut Encoder,
        ns: &'static str,
        name: &'static str,
    ) -> Result<(), EncodeError>;
}

/// A value with a text form: the content of a simple-typed element, or an
/// attribute value.
pub trait SimpleType: Sized {
    /// Parses the text as the schema defines it.
    fn parse(text: Text<'_>) -> ParseResult<Self>;
    /// The text form, as written on the wire.
    fn text(&self) -> Text<'_>;
    /// Whether `parse` would give this value back from `text`: encoding
    /// refuses a value decoding could never have produced (an open
    /// enumeration's `Unknown("")`, say) rather than write what reads back
    /// as something else. Most types have no such values.
    fn check(&self) -> ParseResult<()> {
        Ok(())
    }
    /// The versions that have this value (an enumeration's), in a module
    /// of several schema versions; `None` when every version has it.
    fn versions(&self) -> Option<VersionRange> {
        None
    }

    /// Calls `f` with the versions of each value this one holds that not
    /// every version has, and its text: this value's, or a list's items',
    /// or a union's member's.
    fn each_version_range(&self, f: &mut dyn FnMut(VersionRange, &str)) {
        if let Some(range) = self.versions() {
            f(range, &self.text());
        }
    }
}

/// A top-level element of a schema: a type together with its element name.
pub trait Element: Decode + Encode {
    /// The element's namespace.
    const NAMESPACE: &'static str;
    /// The element's local name.
    const NAME: &'static str;
}

/// What a SOAP body can carry: one element type, or a generated enum of
/// several chosen by element name.
pub trait Payload: Sized {
    /// Decodes `start` if its name is one this payload accepts; `Ok(None)`
    /// when it is not (the caller reports the unexpected element).
    fn decode_payload(d: &mut Decoder<'_>, start: &Start<'_>) -> Result<Option<Self>, DecodeError>;
    /// Writes the payload element.
    fn encode_payload(&self, e: &mut Encoder) -> Result<(), EncodeError>;
}

impl<T: Element> Payload for T {
    fn decode_payload(d: &mut Decoder<'_>, start: &Start<'_>) -> Result<Option<Self>, DecodeError> {
        if start.name() == (T::NAMESPACE, T::NAME) {
            T::decode(d, start).map(Some)
        } else {
            Ok(None)
        }
    }

    fn encode_payload(&self, e: &mut Encoder) -> Result<(), EncodeError> {
        self.encode(e, T::NAMESPACE, T::NAME)
    }
}

impl<T: SimpleType> Decode for T {
    fn decode(d: &mut Decoder<'_>, start: &Start<'_>) -> Result<Self, DecodeError> {
        let text = d.text()?;
        T::parse(text).map_err(|reason| d.invalid(start, &reason))
    }
}

impl<T: SimpleType> Encode for T {
    fn encode(
        &self,
        e: &mut Encoder,
        ns: &'static str,
        name: &'static str,
    ) -> Result<(), EncodeError> {
        e.start(ns, name);
        e.simple(self)?;
        e.end();
        Ok(())
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(
        &self,
        e: &mut Encoder,
        ns: &'static str,
        name: &'static str,
    ) -> Result<(), EncodeError> {
        match self {
            Some(value) => value.encode(e, ns, name),
            None => Ok(()),
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(
        &self,
        e: &mut Encoder,
        ns: &'static str,
        name: &'static str,
    ) -> Result<(), EncodeError> {
        self.iter().try_for_each(|value| value.encode(e, ns, name))
    }
}
