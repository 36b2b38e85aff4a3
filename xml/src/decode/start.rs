//! What the decoder hands out: start tags with their resolved names, their
//! attributes, and the pieces of mixed content.

use std::borrow::Cow;

use quick_xml::events::BytesStart;

use super::Decoder;
use crate::{AnyAttribute, DecodeError, DecodeErrorKind, SimpleType};

/// The start tag of an element: its resolved name, its attributes and where
/// it is.
pub struct Start<'a> {
    pub(super) raw: BytesStart<'a>,
    pub(super) ns: Cow<'a, str>,
    pub(super) local: Cow<'a, str>,
    pub(super) pos: usize,
    pub(super) depth: usize,
    /// Some attribute has a prefix (other than `xmlns:`): only then can
    /// there be an `xsi:type` or `xsi:nil` to look for.
    pub(super) prefixed_attributes: bool,
}

impl Start<'_> {
    /// The namespace (empty for none) and local name.
    pub fn name(&self) -> (&str, &str) {
        (&self.ns, &self.local)
    }

    /// `{namespace}local`, for messages.
    pub fn expanded_name(&self) -> String {
        if self.ns.is_empty() {
            self.local.to_string()
        } else {
            format!("{{{}}}{}", self.ns, self.local)
        }
    }
}

/// A child of an element whose content mixes elements and text.
pub enum Node<'a> {
    /// A child element, its start tag just read.
    Element(Start<'a>),
    /// A piece of text.
    Text(Cow<'a, str>),
}

/// One attribute of a start tag, namespace-resolved (never an `xmlns`
/// declaration).
pub struct Attr<'s, 'a> {
    pub(super) ns: &'s str,
    pub(super) local: &'s str,
    pub(super) value: Cow<'s, str>,
    pub(super) decoder: &'s Decoder<'a>,
    pub(super) element: &'s Start<'s>,
}

impl<'s> Attr<'s, '_> {
    /// The namespace (empty for an unprefixed attribute) and local name.
    pub fn name(&self) -> (&'s str, &'s str) {
        (self.ns, self.local)
    }

    /// The value as text: references resolved, white space normalised.
    pub fn text(&self) -> &str {
        &self.value
    }

    /// The attribute as a value of its own, for types that keep attributes
    /// their schema does not declare.
    pub fn to_any(&self) -> AnyAttribute {
        AnyAttribute {
            namespace: self.ns.to_owned(),
            name: self.local.to_owned(),
            value: self.value.to_string(),
        }
    }

    /// The value parsed as `T`; an error names the attribute and element.
    pub fn parse<T: SimpleType>(&self) -> Result<T, DecodeError> {
        let local = self.local;
        T::parse(Cow::Borrowed(&self.value)).map_err(|reason| {
            self.decoder.error_at(
                DecodeErrorKind::Value,
                self.element.pos,
                self.element.depth,
                format!("attribute {local}: {reason}"),
            )
        })
    }
}
