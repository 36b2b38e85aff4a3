//! `Derived`: a type and the types derived from it, told apart by
//! `xsi:type`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use crate::attrs::XmlAttrs;
use crate::shape::wrapped;

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "Derived derives for enums only",
        ));
    };
    let declared = XmlAttrs::parse(&input.attrs)?;
    declared.only(&["name", "ns", "abstract"])?;
    let Some(declared_name) = &declared.name else {
        return Err(syn::Error::new(
            Span::call_site(),
            "Derived needs `#[xml(name = \"…\", ns = …)]`: the declared type",
        ));
    };
    let x = quote!(::ews_um::xml);
    let (mut decode_arms, mut encode_arms, mut base) = (Vec::new(), Vec::new(), None);
    for variant in &data.variants {
        let attrs = XmlAttrs::parse(&variant.attrs)?;
        attrs.only(if attrs.base {
            &["base"]
        } else {
            &["name", "ns"]
        })?;
        let ident = &variant.ident;
        let Fields::Unnamed(fields) = &variant.fields else {
            return Err(syn::Error::new_spanned(
                variant,
                "a variant holds one value",
            ));
        };
        let boxed = fields
            .unnamed
            .first()
            .is_some_and(|f| wrapped(&f.ty, "Box").is_some());
        let (decode, value) = if boxed {
            (
                quote!(Self::#ident(::std::boxed::Box::new(d.decode(start)?))),
                quote!(&**v),
            )
        } else {
            (quote!(Self::#ident(d.decode(start)?)), quote!(v))
        };
        if attrs.base {
            let ns = declared.ns_tokens();
            decode_arms.push(quote!((#ns, #declared_name) => #decode,));
            encode_arms.push(quote!(Self::#ident(v) => #x::Encode::encode(#value, e, ns, name),));
            base = Some(decode);
            continue;
        }
        let Some(type_name) = &attrs.name else {
            return Err(syn::Error::new_spanned(
                variant,
                "expected `#[xml(base)]` or `#[xml(name = \"…\", ns = …)]`",
            ));
        };
        let ns = attrs.ns_tokens();
        decode_arms.push(quote!((#ns, #type_name) => #decode,));
        encode_arms.push(quote! {
            Self::#ident(v) => {
                e.xsi_type(ns, #ns, #type_name)?;
                #x::Encode::encode(#value, e, ns, name)
            }
        });
    }
    let without_type = match (&base, declared.is_abstract) {
        (Some(decode), false) => quote!(return Ok(#decode)),
        _ => {
            let message = format!(
                "the type {} is abstract: xsi:type must name a type derived from it",
                declared_name.value()
            );
            // Naming the abstract type itself says no more than leaving it out.
            let ns = declared.ns_tokens();
            decode_arms
                .push(quote!((#ns, #declared_name) => return Err(d.invalid(start, #message)),));
            quote!(return Err(d.invalid(start, #message)))
        }
    };
    Ok(quote! {
        impl #x::Decode for #name {
            fn decode(d: &mut #x::Decoder<'_>, start: &#x::Start<'_>) -> #x::DecodeResult<Self> {
                let Some((type_ns, type_name)) = d.xsi_type(start)? else {
                    #without_type;
                };
                Ok(match (type_ns.as_str(), type_name.as_str()) {
                    #(#decode_arms)*
                    _ => return Err(d.unknown_type(start, &type_ns, &type_name, #declared_name)),
                })
            }
        }

        impl #x::Encode for #name {
            fn encode(&self, e: &mut #x::Encoder, ns: &'static str, name: &'static str) -> #x::EncodeResult {
                match self {
                    #(#encode_arms)*
                }
            }
        }
    })
}
