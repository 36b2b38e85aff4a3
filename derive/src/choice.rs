//! `Choice`: an enum of elements, told apart by element name; an open one
//! has an `other` variant that keeps an element none of them is.

use ews_um_labels::{ChoiceVariant, TypeLabel};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "Choice derives for enums only",
        ));
    };
    let x = TypeLabel::parse(&input.attrs, false)?.runtime;
    let (mut decode_arms, mut encode_arms, mut names) = (Vec::new(), Vec::new(), Vec::new());
    let mut spans = Vec::new();
    let (mut declared_arms, mut other) = (Vec::new(), None);
    for variant in &data.variants {
        match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {}
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "expected `#[xml(element = \"…\")] Variant(Type)`: a variant holds one value",
                ));
            }
        }
        let ident = &variant.ident;
        let element = match ChoiceVariant::parse(&variant.attrs)? {
            ChoiceVariant::Element(element) => element,
            ChoiceVariant::Other if other.is_some() => {
                let message = "only one variant can be `#[xml(other)]`";
                return Err(syn::Error::new_spanned(variant, message));
            }
            ChoiceVariant::Other => {
                // Checked as a type's kept elements are: written back only
                // if it reads back as this variant.
                encode_arms.push(quote! {
                    Self::#ident(v) => e.unknown_elements([v], |local| {
                        <Self as #x::Choice>::declares(local).is_some()
                    }),
                });
                other = Some(ident);
                continue;
            }
        };
        if let Some(range) = crate::versions::expr(&x, &element.versions) {
            spans.push((element.name.clone(), range));
        }
        let (decode, ns) = (
            crate::element::decode(&element),
            crate::element::ns(&element),
        );
        let spellings: Vec<_> = std::iter::once(&element.name)
            .chain(&element.aliases)
            .collect();
        decode_arms.push(quote!(#(#spellings)|* if ns == #ns => Self::#ident(#decode),));
        declared_arms.push(quote!(#(#spellings)|* => Some(#ns),));
        let encode = crate::element::encode(&element, quote!(v));
        encode_arms.push(quote!(Self::#ident(v) => #encode,));
        names.push(element.name.value());
    }
    let open = other.map(|other| {
        quote! {
            impl #x::OpenChoice for #name {
                fn unknown(element: #x::RawXml) -> Self {
                    Self::#other(element)
                }

                fn into_unknown(self) -> Result<#x::RawXml, Self> {
                    match self {
                        Self::#other(element) => Ok(element),
                        held => Err(held),
                    }
                }
            }
        }
    });
    let expected = match names.as_slice() {
        [] => String::from("nothing"),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    let member_versions = crate::versions::member_versions_fn(&x, &spans, None);
    Ok(quote! {
        impl #x::Choice for #name {
            const EXPECTED: &'static str = #expected;

            fn decode_choice(d: &mut #x::Decoder<'_>, child: &#x::Start<'_>) -> #x::DecodeResult<Option<Self>> {
                // Local names first, as in `ComplexType`.
                let (ns, local) = child.name();
                Ok(Some(match local {
                    #(#decode_arms)*
                    _ => return Ok(None),
                }))
            }

            fn encode_choice(&self, e: &mut #x::Encoder) -> #x::EncodeResult {
                match self {
                    #(#encode_arms)*
                }
            }

            #member_versions
            #[allow(unreachable_patterns)]
            fn declares(local: &str) -> Option<&'static str> {
                match local {
                    #(#declared_arms)*
                    _ => None,
                }
            }
        }

        #open
    })
}
