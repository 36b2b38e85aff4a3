//! Derives for the types `ews-um-codegen` generates, re-exported by
//! `ews-um` as `ews_um::xml::{ComplexType, Choice, Derived, Union,
//! SimpleEnum}`. The (de)serializers live here, once, so that generated
//! code is declarations annotated with their XML names.

use proc_macro::TokenStream;
use syn::DeriveInput;

mod attrs;
mod choice;
mod complex;
mod derived;
mod shape;
mod simple_enum;
mod union;

/// Derives `Content`, `Decode` and `Encode` for a complex type: a struct
/// whose fields say what they are with `#[xml(…)]`:
///
/// - `base`: the members of the type this one extends (first);
/// - `attribute = "Name"` (with `ns = CONST` for a qualified one);
/// - `any_attribute`: attributes the schema leaves open;
/// - `element = "Name"`, with `ns = CONST`, `alias = "Other"`, `nillable`,
///   `min = n`, `max = n`;
/// - `choice`: one of several elements (a `Choice` type);
/// - `any`: elements the schema leaves open;
/// - `text`: the text of an element with simple content.
///
/// `Option<T>` fields are optional, `Vec<T>` repeated, `Box<T>` held boxed.
#[proc_macro_derive(ComplexType, attributes(xml))]
pub fn complex_type(input: TokenStream) -> TokenStream {
    derive(input, complex::expand)
}

/// Derives `Choice` for an enum of elements: each variant holds one
/// value and names its element with `#[xml(element = "Name", ns = CONST)]`
/// (`nillable` too, holding an `Option`).
#[proc_macro_derive(Choice, attributes(xml))]
pub fn choice(input: TokenStream) -> TokenStream {
    derive(input, choice::expand)
}

/// Derives `Decode` and `Encode` for an enum of a type and the types
/// derived from it, told apart by `xsi:type`. The enum says the declared
/// type, `#[xml(name = "T", ns = CONST)]` (and `abstract` when it has no
/// values of its own); each variant names its type the same way, the
/// declared type's variant with `#[xml(base)]`.
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
