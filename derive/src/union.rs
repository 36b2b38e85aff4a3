//! `Union`: a simple type whose values are those of several member types.

use ews_um_labels::{Keys, TypeLabel};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "Union derives for enums only",
        ));
    };
    let x = TypeLabel::parse(&input.attrs, false)?.runtime;
    let mut variants = Vec::new();
    for variant in &data.variants {
        // A member is known by its type: its variant takes no label.
        Keys::parse(&variant.attrs)?.only(&[])?;
        match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                variants.push((&variant.ident, &fields.unnamed[0].ty));
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "a variant holds one value of a member type",
                ));
            }
        }
    }
    let tries = variants.iter().map(|(ident, ty)| {
        quote! {
            match <#ty as #x::SimpleType>::parse(::std::borrow::Cow::Borrowed(&text)) {
                Ok(value) => return Ok(Self::#ident(value)),
                Err(reason) => reasons.push(reason),
            }
        }
    });
    let idents: Vec<_> = variants.iter().map(|(ident, _)| ident).collect();
    let texts = variants
        .iter()
        .map(|(ident, _)| quote!(Self::#ident(value) => #x::SimpleType::text(value),));
    // A value reads back as the first member type that accepts its text:
    // one that an earlier member would take does not read back as itself.
    let checks = variants.iter().enumerate().map(|(i, (ident, ty))| {
        let earlier = variants[..i].iter().map(|(_, ty)| ty);
        quote! {
            Self::#ident(value) => {
                <#ty as #x::SimpleType>::check(value)?;
                let text = <#ty as #x::SimpleType>::text(value);
                #(
                    if <#earlier as #x::SimpleType>::parse(::std::borrow::Cow::Borrowed(&text)).is_ok() {
                        return Err(format!(
                            "{:?} cannot be written as {}: it reads back as {}",
                            text, stringify!(#ty), stringify!(#earlier),
                        ));
                    }
                )*
                Ok(())
            }
        }
    });
    Ok(quote! {
        impl #x::SimpleType for #name {
            fn parse(text: #x::Text<'_>) -> #x::ParseResult<Self> {
                let mut reasons = ::std::vec::Vec::new();
                #(#tries)*
                Err(format!("no member type of the union accepts it: {}", reasons.join("; ")))
            }

            fn text(&self) -> #x::Text<'_> {
                match self {
                    #(#texts)*
                }
            }

            fn check(&self) -> #x::ParseResult<()> {
                match self {
                    #(#checks)*
                }
            }

            fn each_version_range(&self, f: &mut dyn FnMut(#x::VersionRange, &str)) {
                match self {
                    #(Self::#idents(value) => #x::SimpleType::each_version_range(value, f),)*
                }
            }
        }
    })
}
