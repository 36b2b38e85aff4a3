//! The labels of types as a whole, and of the variants of derived-type
//! enums and enumerations.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Attribute, LitStr, Path};

use crate::{Keys, VersionRange, attribute};

/// What any derive reads off the type itself: the path of the runtime
/// (`crate = ::ews_um::xml` by default), and for a `Derived` enum the type
/// it is declared as.
#[derive(Clone)]
pub struct TypeLabel {
    /// The runtime the expansion refers to.
    pub runtime: Path,
    /// `name = "T", ns = CONST` and `abstract`: the declared type of a
    /// `Derived` enum.
    pub declared: Option<DeclaredType>,
}

/// The type a `Derived` enum's values are declared as.
#[derive(Clone)]
pub struct DeclaredType {
    pub name: LitStr,
    pub ns: Option<Path>,
    /// It has no values of its own: `xsi:type` must name a derived type.
    pub is_abstract: bool,
}

impl TypeLabel {
    /// Reads a type's label; `declared` says whether it names a declared
    /// type (`Derived`) or may only give the runtime's path.
    pub fn parse(attrs: &[Attribute], declared: bool) -> syn::Result<Self> {
        let keys = Keys::parse(attrs)?;
        if declared {
            keys.only(&["crate", "name", "ns", "abstract"])?;
        } else {
            keys.only(&["crate"])?;
        }
        let runtime = keys
            .path("crate")
            .unwrap_or_else(|| syn::parse_quote!(::ews_um::xml));
        let declared = match keys.str("name") {
            Some(name) => Some(DeclaredType {
                name,
                ns: keys.path("ns"),
                is_abstract: keys.has("abstract"),
            }),
            None if declared => {
                let message = "expected `#[xml(name = \"…\", ns = …)]`: the declared type";
                return Err(keys.error(&["ns", "abstract"], message));
            }
            None => None,
        };
        Ok(TypeLabel { runtime, declared })
    }
}

impl ToTokens for DeclaredType {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let name = &self.name;
        let mut parts = vec![quote!(name = #name)];
        parts.extend(self.ns.iter().map(|ns| quote!(ns = #ns)));
        parts.extend(self.is_abstract.then(|| quote!(abstract)));
        tokens.extend(attribute(parts));
    }
}

/// A variant of a `Derived` enum, which holds a `Box` of its type.
#[derive(Clone)]
pub enum DerivedVariant {
    /// `base`: the declared type itself, named by no `xsi:type`.
    Base,
    /// `name = "T", ns = CONST`: the type `xsi:type` names; and the
    /// versions that have it.
    Type {
        name: LitStr,
        ns: Option<Path>,
        versions: VersionRange,
    },
    /// `other`: a type `xsi:type` names that none of the others is, read
    /// as the declared type (a `Box<UnknownType<Declared>>`).
    Other,
}

impl DerivedVariant {
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let keys = Keys::parse(attrs)?;
        for (key, variant) in [
            ("base", DerivedVariant::Base),
            ("other", DerivedVariant::Other),
        ] {
            if keys.has(key) {
                keys.only(&[key])?;
                return Ok(variant);
            }
        }
        keys.only(&["name", "ns", "since", "until", "except"])?;
        match keys.str("name") {
            Some(name) => Ok(DerivedVariant::Type {
                name,
                ns: keys.path("ns"),
                versions: VersionRange::from_keys(&keys),
            }),
            None => Err(keys.error(
                &["ns"],
                "expected `#[xml(base)]`, `#[xml(other)]` or `#[xml(name = \"…\", ns = …)]`",
            )),
        }
    }
}

impl ToTokens for DerivedVariant {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let parts = match self {
            DerivedVariant::Base => vec![quote!(base)],
            DerivedVariant::Type { name, ns, versions } => {
                let mut parts = vec![quote!(name = #name)];
                parts.extend(ns.iter().map(|ns| quote!(ns = #ns)));
                parts.extend(versions.parts());
                parts
            }
            DerivedVariant::Other => vec![quote!(other)],
        };
        tokens.extend(attribute(parts));
    }
}

/// A variant of an open enumeration (`SimpleEnum`).
#[derive(Clone)]
pub enum EnumVariant {
    /// A value: the variant's name, or the text `value = "…"` gives; and
    /// the versions that list it.
    Value(Option<LitStr>, VersionRange),
    /// `other`: the variant that keeps any other value.
    Other,
}

impl EnumVariant {
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let keys = Keys::parse(attrs)?;
        keys.only(&["value", "other", "since", "until", "except"])?;
        match (keys.has("other"), keys.str("value")) {
            (true, Some(_)) => Err(keys.error(
                &["value"],
                "the `#[xml(other)]` variant is `Variant(String)`, without a `value`",
            )),
            (true, None) if VersionRange::from_keys(&keys).is_all() => Ok(EnumVariant::Other),
            (true, None) => Err(keys.error(
                &["since", "until", "except"],
                "the `#[xml(other)]` variant is in every version",
            )),
            (false, value) => Ok(EnumVariant::Value(value, VersionRange::from_keys(&keys))),
        }
    }
}

impl ToTokens for EnumVariant {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let parts = match self {
            EnumVariant::Value(value, versions) => value
                .iter()
                .map(|value| quote!(value = #value))
                .chain(versions.parts())
                .collect(),
            EnumVariant::Other => vec![quote!(other)],
        };
        tokens.extend(attribute(parts));
    }
}
