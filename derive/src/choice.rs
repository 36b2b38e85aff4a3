//! `Choice`: an enum of elements, told apart by element name.

use ews_um_labels::{Element, TypeLabel};
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
    for variant in &data.variants {
        let element = Element::parse_alternative(&variant.attrs)?;
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
        let (decode, ns) = (
            crate::element::decode(&element),
            crate::element::ns(&element),
        );
        let spellings = std::iter::once(&element.name).chain(&element.aliases);
        decode_arms.push(quote!(#(#spellings)|* if ns == #ns => Self::#ident(#decode),));
        let encode = crate::element::encode(&element, quote!(v));
        encode_arms.push(quote!(Self::#ident(v) => #encode,));
        names.push(element.name.value());
    }
    let expected = match names.as_slice() {
        [] => String::from("nothing"),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
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
        }
    })
}
