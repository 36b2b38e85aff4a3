//! `SimpleEnum`: the text forms of an open enumeration.

use proc_macro2::Span;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr};

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
    let mut values: Vec<(&Ident, LitStr)> = Vec::new();
    let mut other: Option<&Ident> = None;
    for variant in &data.variants {
        let (value, is_other) = xml_attribute(&variant.attrs)?;
        match (&variant.fields, is_other) {
            (Fields::Unit, false) => {
                let value = value.unwrap_or_else(|| {
                    LitStr::new(&variant.ident.to_string(), variant.ident.span())
                });
                let text = value.value();
                // `parse` trims white space and refuses empty values.
                if text.is_empty() || text.trim_matches([' ', '\t', '\n', '\r']) != text {
                    return Err(syn::Error::new_spanned(
                        &value,
                        "a value must be non-empty, without white space at its ends",
                    ));
                }
                if values.iter().any(|(_, v)| v.value() == text) {
                    return Err(syn::Error::new_spanned(
                        &value,
                        format!("the value {text:?} is given twice"),
                    ));
                }
                values.push((&variant.ident, value));
            }
            (_, true) if other.is_some() => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "only one variant can be `#[xml(other)]`",
                ));
            }
            (Fields::Unnamed(fields), true) if fields.unnamed.len() == 1 && value.is_none() => {
                let is_string = matches!(&fields.unnamed[0].ty, syn::Type::Path(p) if p.path.is_ident("String"));
                if !is_string {
                    return Err(syn::Error::new_spanned(
                        &fields.unnamed[0].ty,
                        "the `#[xml(other)]` variant holds a `String`",
                    ));
                }
                other = Some(&variant.ident);
            }
            (_, true) => {
                let message = "the `#[xml(other)]` variant is `Variant(String)`, without a `value`";
                return Err(syn::Error::new_spanned(variant, message));
            }
            _ => {
                let message = "expected unit variants and one `#[xml(other)] Variant(String)`";
                return Err(syn::Error::new_spanned(variant, message));
            }
        }
    }
    let Some(other) = other else {
        return Err(syn::Error::new(
            Span::call_site(),
            "SimpleEnum needs an `#[xml(other)] Variant(String)`",
        ));
    };
    let name = &input.ident;
    let (variants, texts): (Vec<_>, Vec<_>) = values.into_iter().unzip();
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

        impl ::ews_um::xml::SimpleType for #name {
            fn parse(text: ::ews_um::xml::Text<'_>) -> ::ews_um::xml::ParseResult<Self> {
                Ok(match ::ews_um::xml::collapse(&text)? {
                    #(#texts => Self::#variants,)*
                    other => Self::#other(other.to_owned()),
                })
            }

            fn text(&self) -> ::ews_um::xml::Text<'_> {
                self.as_str().into()
            }
        }
    })
}

/// What `#[xml(…)]` on a variant says: its value, and whether it is the
/// variant for other values.
fn xml_attribute(attrs: &[syn::Attribute]) -> syn::Result<(Option<LitStr>, bool)> {
    let (mut value, mut other) = (None, false);
    for attr in attrs.iter().filter(|a| a.path().is_ident("xml")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("value") {
                value = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("other") {
                other = true;
                Ok(())
            } else {
                Err(meta.error("expected `value = \"…\"` or `other`"))
            }
        })?;
    }
    Ok((value, other))
}
