//! `SimpleEnum`: the text forms of an open enumeration.

use ews_um_labels::{EnumVariant, TypeLabel, VersionRange};
use proc_macro2::Span;
use quote::quote;
use syn::{Data, DataEnum, DeriveInput, Fields, Ident, LitStr, Variant};

/// Derives `as_str` and `ews_um::xml::SimpleType` for an open enumeration:
/// unit variants, each written as its name or as `#[xml(value = "…")]`
/// says, and one variant `#[xml(other)] Name(String)` that keeps any other
/// value as it was sent.
pub fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "SimpleEnum derives for enums only",
        ));
    };
    let x = TypeLabel::parse(&input.attrs, false)?.runtime;
    let (values, other) = variants(data)?;
    let name = &input.ident;
    let spans: Vec<_> = values
        .iter()
        .filter_map(|(variant, _, span)| Some((*variant, crate::versions::expr(&x, span)?)))
        .collect();
    let span_fn = (!spans.is_empty()).then(|| {
        let (variants, spans): (Vec<_>, Vec<_>) = spans.into_iter().unzip();
        quote! {
            fn versions(&self) -> ::std::option::Option<#x::VersionRange> {
                match self {
                    #(Self::#variants => #spans,)*
                    _ => ::std::option::Option::None,
                }
            }
        }
    });
    let (variants, texts): (Vec<_>, Vec<_>) = values.into_iter().map(|(v, t, _)| (v, t)).unzip();
    Ok(quote! {
        impl #name {
            /// The value as written in XML.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #texts,)*
                    Self::#other(value) => value,
                }
            }
        }

        impl #x::SimpleType for #name {
            fn parse(text: #x::Text<'_>) -> #x::ParseResult<Self> {
                Ok(match #x::collapse(&text)? {
                    #(#texts => Self::#variants,)*
                    other => Self::#other(other.to_owned()),
                })
            }

            fn text(&self) -> #x::Text<'_> {
                self.as_str().into()
            }

            fn check(&self) -> #x::ParseResult<()> {
                match self {
                    Self::#other(value) => #x::check_unlisted(value, &[#(#texts),*]),
                    _ => Ok(()),
                }
            }

            #span_fn
        }
    })
}

/// A value of the enumeration: its variant, its text, the versions that
/// list it.
type Value<'d> = (&'d Ident, LitStr, VersionRange);

/// The values of the enumeration, and the variant that keeps other values.
fn variants(data: &DataEnum) -> syn::Result<(Vec<Value<'_>>, &Ident)> {
    let mut values: Vec<Value<'_>> = Vec::new();
    let mut other: Option<&Ident> = None;
    for variant in &data.variants {
        match (EnumVariant::parse(&variant.attrs)?, &variant.fields) {
            (EnumVariant::Value(value, span), Fields::Unit) => {
                let value = checked_value(variant, value)?;
                if values.iter().any(|(_, v, _)| v.value() == value.value()) {
                    let message = format!("the value {:?} is given twice", value.value());
                    return Err(syn::Error::new_spanned(&value, message));
                }
                values.push((&variant.ident, value, span));
            }
            (EnumVariant::Other, _) if other.is_some() => {
                let message = "only one variant can be `#[xml(other)]`";
                return Err(syn::Error::new_spanned(variant, message));
            }
            (EnumVariant::Other, Fields::Unnamed(fields)) if fields.unnamed.len() == 1 => {
                let ty = &fields.unnamed[0].ty;
                if !matches!(ty, syn::Type::Path(p) if p.path.is_ident("String")) {
                    let message = "the `#[xml(other)]` variant holds a `String`";
                    return Err(syn::Error::new_spanned(ty, message));
                }
                other = Some(&variant.ident);
            }
            (EnumVariant::Other, _) => {
                let message = "the `#[xml(other)]` variant is `Variant(String)`";
                return Err(syn::Error::new_spanned(variant, message));
            }
            (EnumVariant::Value(..), _) => {
                let message = "expected unit variants and one `#[xml(other)] Variant(String)`";
                return Err(syn::Error::new_spanned(variant, message));
            }
        }
    }
    match other {
        Some(other) => Ok((values, other)),
        None => Err(syn::Error::new(
            Span::call_site(),
            "SimpleEnum needs an `#[xml(other)] Variant(String)`",
        )),
    }
}

/// A unit variant's value: as its label gives it, else the variant's
/// name; never empty, nor with white space at its ends (`parse` trims it).
fn checked_value(variant: &Variant, value: Option<LitStr>) -> syn::Result<LitStr> {
    let value =
        value.unwrap_or_else(|| LitStr::new(&variant.ident.to_string(), variant.ident.span()));
    let text = value.value();
    if text.is_empty() || text.trim_matches([' ', '\t', '\n', '\r']) != text {
        return Err(syn::Error::new_spanned(
            &value,
            "a value must be non-empty, without white space at its ends",
        ));
    }
    Ok(value)
}
