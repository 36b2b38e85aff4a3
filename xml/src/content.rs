//! What generated complex types, choices and derived-type enums share: the
//! decoding loop over attributes and children, the writing of members, and
//! the `xsi:type`/`xsi:nil` conventions. The `ews-um-derive` derives
//! implement these traits; the loops themselves exist once, here.

use crate::{
    Attr, DecodeResult, Decoder, EncodeResult, Encoder, RawXml, SimpleType, Start, Text,
    VersionRange,
};

/// The XML Schema instance namespace (`xsi:type`, `xsi:nil`).
pub const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The members of a complex type, read one attribute or child element at a
/// time, so that a type extending it (and the derive) reuses its decoding
/// rather than repeating it.
pub trait Content: Sized {
    /// The members read so far.
    type Partial: Default;

    /// Whether the type (or a base) takes any attribute: decoding does not
    /// look at the attributes of one that takes none.
    const ATTRIBUTES: bool = true;

    /// Whether the type keeps elements it does not declare (in an open
    /// choice, its `unknown` member or a base's): decoding skips them
    /// without reading them otherwise.
    const KEEPS_UNKNOWN: bool = false;

    /// Takes `attr` if the type declares it (or keeps undeclared ones);
    /// `Ok(false)` leaves it to the caller.
    fn attribute(partial: &mut Self::Partial, attr: &Attr<'_, '_>) -> DecodeResult<bool>;

    /// Takes the child element `child` if the type has a place for it;
    /// `Ok(false)` leaves it, unread, to the caller.
    fn child(
        partial: &mut Self::Partial,
        d: &mut Decoder<'_>,
        child: &Start<'_>,
    ) -> DecodeResult<bool>;

    /// Reads the element's content after its attributes: child elements, one
    /// at a time through [`Content::child`] (a type with text content reads
    /// its text instead). One no member takes is [`undeclared`].
    fn content(
        partial: &mut Self::Partial,
        d: &mut Decoder<'_>,
        _start: &Start<'_>,
    ) -> DecodeResult<()> {
        while let Some(child) = d.next_child()? {
            if !Self::child(partial, d, &child)? {
                undeclared::<Self>(partial, d, &child)?;
            }
        }
        Ok(())
    }

    /// The namespace of the child element named `local` that the type
    /// declares (itself, in a choice, or in a base), `None` if it declares
    /// none of that name. `partial` only lends its members' types.
    fn declared_namespace(partial: &Self::Partial, local: &str) -> Option<&'static str>;

    /// Keeps `element`, one the type does not declare: as its open
    /// choice's unknown alternative when `open` allows (no type between has
    /// element content of its own) and the choice has room, else among its
    /// (or its base's) kept elements; drops it where there is no place.
    fn keep_unknown(_partial: &mut Self::Partial, _element: RawXml, _open: bool) {}

    /// The elements kept by [`keep_unknown`](Self::keep_unknown) among the
    /// type's (or its base's) kept elements: written after all the others.
    fn unknown_elements(&self) -> &[RawXml] {
        &[]
    }

    /// The value, once the element is read: errors name what is missing.
    fn finish(partial: Self::Partial, d: &Decoder<'_>, start: &Start<'_>) -> DecodeResult<Self>;

    /// Whether the type (or a base) declares the unqualified attribute
    /// `name`: kept attributes of that name are not written again.
    fn declares_attribute(name: &str) -> bool;

    /// Writes the attributes, the bases' first.
    fn encode_attributes(&self, e: &mut Encoder) -> EncodeResult;

    /// Writes the content, the bases' first.
    fn encode_content(&self, e: &mut Encoder) -> EncodeResult;

    /// The versions that have the member called `name` (an element's
    /// local name, or `@` and an attribute's), own or a base's, in a
    /// module of several schema versions; `None` when every version of the
    /// type has it.
    fn member_versions(_name: &str) -> Option<VersionRange> {
        None
    }
}

/// What becomes of a child element no member of `T` took: an error when
/// `T` declares its local name in another namespace, or when the decoder
/// is strict; else kept, where `T` keeps such elements, or skipped (read
/// through, checked as kept content is, within the decoder's depth limit).
#[cold]
pub fn undeclared<T: Content>(
    partial: &mut T::Partial,
    d: &mut Decoder<'_>,
    child: &Start<'_>,
) -> DecodeResult<()> {
    if let Some(expected) = T::declared_namespace(partial, child.name().1) {
        return Err(d.wrong_namespace(child, expected));
    }
    if d.is_strict() {
        return Err(d.unexpected(child));
    }
    if T::KEEPS_UNKNOWN {
        let element = d.raw_element(child)?;
        T::keep_unknown(partial, element, true);
        Ok(())
    } else {
        d.skip()
    }
}

/// Decodes the element `start` as the complex type `T`. `xsi:` attributes
/// are the decoder's business, never a member.
pub fn decode_element<T: Content>(d: &mut Decoder<'_>, start: &Start<'_>) -> DecodeResult<T> {
    let mut partial = T::Partial::default();
    if T::ATTRIBUTES {
        for attr in d.attributes(start) {
            let attr = attr?;
            if attr.name().0 != XSI_NS {
                T::attribute(&mut partial, &attr)?;
            }
        }
    }
    T::content(&mut partial, d, start)?;
    T::finish(partial, d, start)
}

/// Writes `value` as the element `{ns}name`.
pub fn encode_element<T: Content>(
    value: &T,
    e: &mut Encoder,
    ns: &'static str,
    name: &'static str,
) -> EncodeResult {
    if e.checking() {
        return crate::versions::encode_element_checked(value, e, ns, name);
    }
    e.start(ns, name);
    encode_members(value, e)?;
    e.end();
    Ok(())
}

/// Writes the attributes and content of `value`, then the elements it
/// kept undeclared.
pub(crate) fn encode_members<T: Content>(value: &T, e: &mut Encoder) -> EncodeResult {
    value.encode_attributes(e)?;
    value.encode_content(e)?;
    let kept = value.unknown_elements();
    if !kept.is_empty() {
        let partial = T::Partial::default();
        e.unknown_elements(kept, |local| {
            T::declared_namespace(&partial, local).is_some()
        })?;
    }
    Ok(())
}

/// One of several elements (an `xs:choice`, or a substitution group),
/// told apart by element name.
pub trait Choice: Sized {
    /// The elements it can be, for messages ("A, B or C").
    const EXPECTED: &'static str;

    /// Decodes `child` if its name is one of the alternatives'; `Ok(None)`
    /// leaves it, unread, to the caller.
    fn decode_choice(d: &mut Decoder<'_>, child: &Start<'_>) -> DecodeResult<Option<Self>>;

    /// Writes the alternative held, as its element.
    fn encode_choice(&self, e: &mut Encoder) -> EncodeResult;

    /// The versions that have the alternative whose element is called
    /// `name`, in a module of several schema versions; `None` when every
    /// version has it.
    fn member_versions(_name: &str) -> Option<VersionRange> {
        None
    }

    /// The namespace of the alternative named `local`, `None` if none is.
    fn declares(local: &str) -> Option<&'static str>;
}

/// A choice that keeps an element none of its alternatives is, as written
/// (its `#[xml(other)]` variant): where the choice is all its type holds,
/// an element a newer schema added keeps its place among the others.
pub trait OpenChoice: Choice {
    /// The choice holding `element`, an element none of its alternatives is.
    fn unknown(element: RawXml) -> Self;

    /// The element kept, if that is what the choice holds; else itself.
    fn into_unknown(self) -> Result<RawXml, Self>;
}

/// The elements a choice member (`Option` or `Vec` of a `Choice`, as a
/// slice) can hold, for messages: lets derived code name them without
/// naming the choice's type.
pub fn expected<C: Choice>(_: &[C]) -> &'static str {
    C::EXPECTED
}

/// [`expected`] of a member whose choices are boxed.
pub fn expected_boxed<C: Choice>(_: &[Box<C>]) -> &'static str {
    C::EXPECTED
}

/// [`Choice::declares`] of the choice a member holds, named as
/// [`expected`] names it.
pub fn declares<C: Choice>(_: &[C], local: &str) -> Option<&'static str> {
    C::declares(local)
}

/// [`declares`] of a member whose choices are boxed.
pub fn declares_boxed<C: Choice>(_: &[Box<C>], local: &str) -> Option<&'static str> {
    C::declares(local)
}

/// The values of a list type (`xs:list`): items separated by white space.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct List<T>(pub Vec<T>);

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        Self(items)
    }
}

impl<T> std::ops::Deref for List<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: SimpleType> SimpleType for List<T> {
    fn parse(text: Text<'_>) -> Result<Self, String> {
        text.split([' ', '\t', '\n', '\r'])
            .filter(|item| !item.is_empty())
            .map(|item| T::parse(Text::Borrowed(item)))
            .collect::<Result<Vec<T>, String>>()
            .map(Self)
    }

    /// Each item must read back as one item: checked itself, not empty
    /// and without white space (which would split it).
    fn check(&self) -> Result<(), String> {
        self.0.iter().try_for_each(|item| {
            item.check()?;
            let text = item.text();
            if text.is_empty() || text.contains([' ', '\t', '\n', '\r']) {
                Err(format!(
                    "list item {text:?} cannot be written: it does not read back as one item"
                ))
            } else {
                Ok(())
            }
        })
    }

    fn each_version_range(&self, f: &mut dyn FnMut(crate::VersionRange, &str)) {
        self.0.iter().for_each(|item| item.each_version_range(f));
    }

    fn text(&self) -> Text<'_> {
        match self.0.as_slice() {
            [one] => one.text(),
            items => Text::Owned(
                items
                    .iter()
                    .map(|item| item.text())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }
    }
}
