//! The labels of a complex type's members, and of a choice's alternatives.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};
use syn::{Attribute, LitStr, Path};

use crate::{Keys, attribute};

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
}

impl Element {
    const KEYS: [&'static str; 5] = ["element", "ns", "alias", "nillable", "boxed"];

    fn from_keys(keys: &Keys, name: LitStr) -> syn::Result<Self> {
        Ok(Element {
            name,
            ns: keys.path("ns"),
            aliases: keys.strs("alias").collect(),
            occurs: Occurs::from_keys(keys)?,
            nillable: keys.has("nillable"),
            boxed: keys.has("boxed"),
        })
    }

    /// The label of a variant of a `Choice` enum: an element, held once.
    pub fn parse_alternative(attrs: &[Attribute]) -> syn::Result<Self> {
        let keys = Keys::parse(attrs)?;
        keys.only(&Self::KEYS)?;
        let Some(name) = keys.str("element") else {
            return Err(keys.error(&[], "expected `#[xml(element = \"…\")]`"));
        };
        Self::from_keys(&keys, name)
    }

    fn parts(&self) -> Vec<TokenStream> {
        let name = &self.name;
        let mut parts = vec![quote!(element = #name)];
        parts.extend(self.ns.iter().map(|ns| quote!(ns = #ns)));
        parts.extend(self.aliases.iter().map(|alias| quote!(alias = #alias)));
        parts.extend(self.occurs.parts());
        parts.extend(self.nillable.then(|| quote!(nillable)));
        parts.extend(self.boxed.then(|| quote!(boxed)));
        parts
    }
}

impl ToTokens for Element {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(attribute(self.parts()));
    }
}

/// What a field of a `ComplexType` struct is.
#[derive(Clone)]
pub enum Member {
    /// `base`: the members of the type this one extends.
    Base,
    /// `attribute = "Name"`, `ns = CONST` for a qualified one, `optional`
    /// when it may be absent.
    Attribute {
        name: LitStr,
        ns: Option<Path>,
        optional: bool,
    },
    /// `any_attribute`: attributes the schema leaves open.
    AnyAttribute,
    /// `element = "Name"` and the rest of [`Element`].
    Element(Element),
    /// `choice`: one of several elements, by the `Choice` type of the field;
    /// `boxed` when each value is held in a `Box`.
    Choice { occurs: Occurs, boxed: bool },
    /// `any`: elements the schema leaves open.
    Any { occurs: Occurs },
    /// `text`: the text of an element with simple content.
    Text,
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
                keys.only(&["attribute", "ns", "optional"])?;
                Member::Attribute {
                    name: keys.str("attribute").expect("given"),
                    ns: keys.path("ns"),
                    optional: keys.has("optional"),
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
                allowed.push("boxed");
                keys.only(&allowed)?;
                Member::Choice {
                    occurs: Occurs::from_keys(&keys)?,
                    boxed: keys.has("boxed"),
                }
            }
            "any" => {
                keys.only(&occurs_and("any"))?;
                Member::Any {
                    occurs: Occurs::from_keys(&keys)?,
                }
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
            Member::Attribute { name, ns, optional } => {
                let mut parts = vec![quote!(attribute = #name)];
                parts.extend(ns.iter().map(|ns| quote!(ns = #ns)));
                parts.extend(optional.then(|| quote!(optional)));
                parts
            }
            Member::AnyAttribute => vec![quote!(any_attribute)],
            Member::Element(element) => element.parts(),
            Member::Choice { occurs, boxed } => [quote!(choice)]
                .into_iter()
                .chain(occurs.parts())
                .chain(boxed.then(|| quote!(boxed)))
                .collect(),
            Member::Any { occurs } => [quote!(any)].into_iter().chain(occurs.parts()).collect(),
            Member::Text => vec![quote!(text)],
        };
        tokens.extend(attribute(parts));
    }
}
