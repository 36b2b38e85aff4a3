//! Derives for the types `ews-um-codegen` generates, re-exported by
//! `ews-um` as `ews_um::xml::{ComplexType, Choice, Derived, Union,
//! SimpleEnum}`. The (de)serializers live here, once, so that generated
//! code is declarations whose `#[xml(…)]` labels (the `ews-um-labels`
//! vocabulary) say what each member is. The derives read only the labels:
//! what a field's Rust type is, the compiler works out.
//!
//! The expansions refer to the runtime as `::ews_um::xml`, the path every
//! crate that depends on `ews-um` has; `#[xml(crate = path)]` on the type
//! names another (the runtime crate itself, `::ews_um_xml`, say).

use proc_macro::TokenStream;
use syn::DeriveInput;

mod choice;
mod complex;
mod derived;
mod element;
mod simple_enum;
mod union;
mod versions;

/// Derives `Content`, `Decode` and `Encode` for a complex type: a struct
/// whose fields each say what they are:
///
/// - `base`: the members of the type this one extends (first);
/// - `attribute = "Name"`, with `ns = CONST` for a qualified one and
///   `optional` when it may be absent (the field is then an `Option`);
/// - `any_attribute`: attributes the schema leaves open (a `Vec`);
/// - `element = "Name"`, with `ns = CONST`, `alias = "Other"`, `nillable`
///   (each value an `Option`, `None` written `xsi:nil`), `boxed` (each
///   value a `Box`);
/// - `choice`: one of several elements (a `Choice` type); `open` when it is
///   all the type's element content, and keeps an element the type does
///   not declare as its `#[xml(other)]` variant (an `OpenChoice`);
/// - `any`: elements the schema leaves open (`RawXml`);
/// - `text`: the text of an element with simple content;
/// - `unknown`: the elements the type (with its bases) does not declare, kept
///   as written (a `Vec<RawXml>`, in a type without `base`: a type that
///   extends it keeps them there), written after all the others.
///
/// Elements, choices and wildcards occur once unless labelled `optional`
/// (an `Option` field) or `repeated` (a `Vec` field, with `min = n` and
/// `max = n` when bounded).
///
/// In a module generated from several schema versions, an element or
/// attribute not every version has says which do: `since = V` and `until
/// = W`, constants of the module's `versions` (`Content::member_versions`,
/// which version checks read). Choice alternatives, derived types and
/// enumeration values take the same keys, and `except = X` for a version
/// between that lacks the item.
///
/// An element no member takes is the runtime's business
/// (`ews_um::xml::undeclared`): skipped or kept, or refused by a strict
/// decoder.
#[proc_macro_derive(ComplexType, attributes(xml))]
pub fn complex_type(input: TokenStream) -> TokenStream {
    derive(input, complex::expand)
}

/// Derives `Choice` for an enum of elements: each variant holds one value
/// and names its element as a `ComplexType` element member does (without
/// `optional` or `repeated`). One variant `#[xml(other)] Name(RawXml)` makes
/// it an `OpenChoice`: it keeps an element none of the others is.
#[proc_macro_derive(Choice, attributes(xml))]
pub fn choice(input: TokenStream) -> TokenStream {
    derive(input, choice::expand)
}

/// Derives `Decode` and `Encode` for an enum of a type and the types
/// derived from it, told apart by `xsi:type`. The enum says the declared
/// type, `#[xml(name = "T", ns = CONST)]` (and `abstract` when it has no
/// values of its own); each variant holds a `Box` of its type and names it
/// the same way, the declared type's variant with `#[xml(base)]`. One
/// variant `#[xml(other)] Name(Box<UnknownType<T>>)` reads a type the enum
/// does not know as the declared type's struct `T`, keeping its name, where
/// the decoder is not strict.
#[proc_macro_derive(Derived, attributes(xml))]
pub fn derived(input: TokenStream) -> TokenStream {
    derive(input, derived::expand)
}

/// Derives `SimpleType` for a union of simple types: an enum whose
/// variants each hold one member type, tried in order.
#[proc_macro_derive(Union, attributes(xml))]
pub fn union(input: TokenStream) -> TokenStream {
    derive(input, union::expand)
}

/// Derives `as_str` and `SimpleType` for an open enumeration: unit
/// variants, each written as its name or as `#[xml(value = "…")]` says, and
/// one variant `#[xml(other)] Name(String)` that keeps any other value as
/// it was sent.
#[proc_macro_derive(SimpleEnum, attributes(xml))]
pub fn simple_enum(input: TokenStream) -> TokenStream {
    derive(input, simple_enum::expand)
}

fn derive(
    input: TokenStream,
    expand: fn(&DeriveInput) -> syn::Result<proc_macro2::TokenStream>,
) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}
