//! What decoding keeps of a type that a newer version of a schema derives
//! from a known one: the name `xsi:type` gives it, and the value read as
//! the type its element is declared as.

use crate::{Decode, DecodeResult, Decoder, Start};

/// A value whose `xsi:type` names a type the schema does not know (one a
/// newer version of it derives from `T`, say), read as `T`, the type its
/// element is declared as. The name is kept, and written back; the members
/// `T` does not declare are skipped, or kept as `T` keeps undeclared
/// elements.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UnknownType<T> {
    /// The type's namespace.
    pub namespace: String,
    /// The type's local name.
    pub name: String,
    /// The value, as the declared type.
    pub value: T,
}

impl<T: Decode> UnknownType<T> {
    /// Reads `start`, whose `xsi:type` names `{namespace}name`, a type that
    /// neither `declared` nor a type the schema derives from it is: as the
    /// declared type. An error when the decoder is strict, or when the name
    /// could not be written back (a type of no namespace, named inside an
    /// element of one).
    pub fn decode(
        d: &mut Decoder<'_>,
        start: &Start<'_>,
        namespace: String,
        name: String,
        declared: &str,
    ) -> DecodeResult<Self> {
        if d.is_strict() || (namespace.is_empty() && !start.name().0.is_empty()) {
            return Err(d.unknown_type(start, &namespace, &name, declared));
        }
        let value = T::decode(d, start)?;
        Ok(Self {
            namespace,
            name,
            value,
        })
    }
}
