//! The labels of a complex type's members, and of a choice's alternatives.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};
use syn::{Attribute, LitStr, Path};

use crate::{Keys, VersionRange, attribute};

/// How often a member occurs: once unless the label says `optional` or
/// `repeated` (with `min` and `max` bounds, when the schema sets them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Occurs {
    Required,
    Optional,
    Repeated { min: usize, max: Option<usize> },
}

impl Occurs {
    const KEYS: [&'static str; 4] = ["optional", "repeated", "min", "max"];

    fn from_keys(keys: &Keys) -> syn::Result<Self> {
        let bounds = keys.has("min") || keys.has("max");
        match (keys.has("optional"), keys.has("repeated")) {
            (true, true) => Err(keys.error(&["repeated"], "`optional` or `repeated`, not both")),
            (_, false) if bounds => Err(keys.error(&["min", "max"], "bounds need `repeated`")),
            (true, false) => Ok(Occurs::Optional),
            (false, false) => Ok(Occurs::Required),
            (false, true) => Ok(Occurs::Repeated {
                min: keys.int("min").unwrap_or(0),
                max: keys.int("max"),
            }),
        }
    }

    fn parts(self) -> Vec<TokenStream> {
        match self {
            Occurs::Required => Vec::new(),
            Occurs::Optional => vec![quote!(optional)],
            Occurs::Repeated { min, max } => {
                let min = (min > 0).then(|| {
                    let min = Literal::usize_unsuffixed(min);
                    quote!(min = #min)
                });
                let max = max.map(|max| {
                    let max = Literal::usize_unsuffixed(max);
                    quote!(max = #max)
                });
                std::iter::once(quote!(repeated))
                    .chain(min)
                    .chain(max)
                    .collect()
            }
        }
    }
}

/// A child element: its name (and other spellings read), namespace, how
/// often it occurs, whether `xsi:nil` stands for no value (each value is
/// an `Option`) and whether each value is held in a `Box`.
#[derive(Clone)]
pub struct Element {
    pub name: LitStr,
    /// The constant naming the namespace; `None` when unqualified.
    pub ns: Option<Path>,
    pub aliases: Vec<LitStr>,
    pub occurs: Occurs,
    pub nillable: bool,
    pub boxed: bool,
    /// The versions that have it.
    pub versions: VersionRange,
}

impl Element {
    const KEYS: [&'static str; 8] = [
        "element", "ns", "alias", "nillable", "boxed", "since", "until", "except",
    ];

    fn from_keys(keys: &Keys, name: LitStr) -> syn::Result<Self> {
        Ok(Element {
            name,
            ns: keys.path("ns"),
            aliases: keys.strs("alias").collect(),
            occurs: Occurs::from_keys(keys)?,
            nillable: keys.has("nillable"),
            boxed: keys.has("boxed"),
            versions: VersionRange::from_keys(keys),
        })
    }

    /// The label of a variant of a `Choice` enum that is an alternative:
    /// an element, held once.
    pub fn parse_alternative(attrs: &[Attribute]) -> syn::Result<Self> {
        match ChoiceVariant::parse(attrs)? {
            ChoiceVariant::Element(element) => Ok(element),
            ChoiceVariant::Other => {
                Err(Keys::parse(attrs)?.error(&["other"], "expected an element"))
            }
        }
    }

    fn parts(&self) -> Vec<TokenStream> {
        let name = &self.name;
        let mut parts = vec![quote!(element = #name)];
        parts.extend(self.ns.iter().map(|ns| quote!(ns = #ns)));
        parts.extend(self.aliases.iter().map(|alias| quote!(alias = #alias)));
        parts.extend(self.occurs.parts());
        parts.extend(self.nillable.then(|| quote!(nillable)));
        parts.extend(self.boxed.then(|| quote!(boxed)));
        parts.extend(self.versions.parts());
        parts
    }
}

impl ToTokens for Element {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(attribute(self.parts()));
    }
}

/// A variant of a `Choice` enum.
#[derive(Clone)]
// Parsed once per variant, at compile time: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum ChoiceVariant {
    /// An alternative: the element it is.
    Element(Element),
    /// `other`: the variant that keeps, as written, an element none of the
    /// alternatives is (`Variant(RawXml)`).
    Other,
}

impl ChoiceVariant {
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let keys = Keys::parse(attrs)?;
        if keys.has("other") {
            keys.only(&["other"])?;
            return Ok(ChoiceVariant::Other);
        }
        keys.only(&Element::KEYS)?;
        let Some(name) = keys.str("element") else {
            return Err(keys.error(&[], "expected `#[xml(element = \"…\")]` or `#[xml(other)]`"));
        };
        Element::from_keys(&keys, name).map(ChoiceVariant::Element)
    }
}

impl ToTokens for ChoiceVariant {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            ChoiceVariant::Element(element) => element.to_tokens(tokens),
            ChoiceVariant::Other => tokens.extend(attribute(vec![quote!(other)])),
        }
    }
}

/// What a field of a `ComplexType` struct is.
#[derive(Clone)]
pub enum Member {
    /// `base`: the members of the type this one extends.
    Base,
    /// `attribute = "Name"`, `ns = CONST` for a qualified one, `optional`
    /// when it may be absent, and the versions that have it.
    Attribute {
        name: LitStr,
        ns: Option<Path>,
        optional: bool,
        versions: VersionRange,
    },
    /// `any_attribute`: attributes the schema leaves open.
    AnyAttribute,
    /// `element = "Name"` and the rest of [`Element`].
    Element(Element),
    /// `choice`: one of several elements, by the `Choice` type of the field;
    /// `boxed` when each value is held in a `Box`; `open` when an element
    /// the type does not declare is kept as the choice's `other` variant
    /// (the choice is all the type's element content).
    Choice {
        occurs: Occurs,
        boxed: bool,
        open: bool,
    },
    /// `any`: elements the schema leaves open.
    Any { occurs: Occurs },
    /// `text`: the text of an element with simple content.
    Text,
    /// `unknown`: the elements the type does not declare, kept as written
    /// (a `Vec<RawXml>`).
    Unknown,
}

impl Member {
    /// Reads a field's label; exactly one kind of member, and only the keys
    /// that kind takes.
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let keys = Keys::parse(attrs)?;
        let kinds = [
            "base",
            "attribute",
            "any_attribute",
            "element",
            "choice",
            "any",
            "text",
            "unknown",
        ];
        let given: Vec<&str> = kinds.into_iter().filter(|k| keys.has(k)).collect();
        let occurs_and = |first: &'static str| {
            let mut allowed = vec![first];
            allowed.extend(Occurs::KEYS);
            allowed
        };
        let kind = match given.as_slice() {
            [kind] => *kind,
            [] => {
                let message = format!("expected #[xml({})]", kinds.join(" | "));
                return Err(keys.error(&[], &message));
            }
            [_, second, ..] => {
                return Err(keys.error(&[second], "a member is one kind of member"));
            }
        };
        let member = match kind {
            "base" => {
                keys.only(&["base"])?;
                Member::Base
            }
            "attribute" => {
                let mut allowed = vec!["attribute", "ns", "optional"];
                allowed.extend(VersionRange::KEYS);
                keys.only(&allowed)?;
                Member::Attribute {
                    name: keys.str("attribute").expect("given"),
                    ns: keys.path("ns"),
                    optional: keys.has("optional"),
                    versions: VersionRange::from_keys(&keys),
                }
            }
            "any_attribute" => {
                keys.only(&["any_attribute"])?;
                Member::AnyAttribute
            }
            "element" => {
                let mut allowed = Element::KEYS.to_vec();
                allowed.extend(Occurs::KEYS);
                keys.only(&allowed)?;
                Member::Element(Element::from_keys(
                    &keys,
                    keys.str("element").expect("given"),
                )?)
            }
            "choice" => {
                let mut allowed = occurs_and("choice");
                allowed.extend(["boxed", "open"]);
                keys.only(&allowed)?;
                Member::Choice {
                    occurs: Occurs::from_keys(&keys)?,
                    boxed: keys.has("boxed"),
                    open: keys.has("open"),
                }
            }
            "any" => {
                keys.only(&occurs_and("any"))?;
                Member::Any {
                    occurs: Occurs::from_keys(&keys)?,
                }
            }
            "unknown" => {
                keys.only(&["unknown"])?;
                Member::Unknown
            }
            _ => {
                keys.only(&["text"])?;
                Member::Text
            }
        };
        Ok(member)
    }
}

impl ToTokens for Member {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let parts = match self {
            Member::Base => vec![quote!(base)],
            Member::Attribute {
                name,
                ns,
                optional,
                versions,
            } => {
                let mut parts = vec![quote!(attribute = #name)];
                parts.extend(ns.iter().map(|ns| quote!(ns = #ns)));
                parts.extend(optional.then(|| quote!(optional)));
                parts.extend(versions.parts());
                parts
            }
            Member::AnyAttribute => vec![quote!(any_attribute)],
            Member::Element(element) => element.parts(),
            Member::Choice {
                occurs,
                boxed,
                open,
            } => [quote!(choice)]
                .into_iter()
                .chain(occurs.parts())
                .chain(boxed.then(|| quote!(boxed)))
                .chain(open.then(|| quote!(open)))
                .collect(),
            Member::Any { occurs } => [quote!(any)].into_iter().chain(occurs.parts()).collect(),
            Member::Text => vec![quote!(text)],
            Member::Unknown => vec![quote!(unknown)],
        };
        tokens.extend(attribute(parts));
    }
}
