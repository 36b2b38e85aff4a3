//! `Choice`: an enum of elements, told apart by element name.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use crate::attrs::XmlAttrs;
use crate::shape::{Occurs, Shape};

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "Choice derives for enums only",
        ));
    };
    let x = quote!(::ews_um::xml);
    let (mut decode_arms, mut encode_arms, mut names) = (Vec::new(), Vec::new(), Vec::new());
    for variant in &data.variants {
        let attrs = XmlAttrs::parse(&variant.attrs)?;
        attrs.only(&["element", "ns", "alias", "nillable"])?;
        let (Some(local), Fields::Unnamed(fields)) = (&attrs.element, &variant.fields) else {
            return Err(syn::Error::new_spanned(
                variant,
                "expected `#[xml(element = \"…\")] Variant(Type)`",
            ));
        };
        let Some(field) = fields.unnamed.first().filter(|_| fields.unnamed.len() == 1) else {
            return Err(syn::Error::new_spanned(fields, "a variant holds one value"));
        };
        let shape = Shape::of(&field.ty, attrs.nillable);
        if shape.occurs != Occurs::Required && !attrs.nillable {
            return Err(syn::Error::new_spanned(
                &field.ty,
                "a variant holds one value (an `Option` only when `nillable`)",
            ));
        }
        let (ident, value, ns) = (&variant.ident, shape.value, attrs.ns_tokens());
        let decode = match (attrs.nillable, shape.boxed) {
            (true, true) => {
                quote!(d.decode_nillable::<#value>(child)?.map(::std::boxed::Box::new))
            }
            (true, false) => quote!(d.decode_nillable::<#value>(child)?),
            (false, true) => quote!(::std::boxed::Box::new(d.decode::<#value>(child)?)),
            (false, false) => quote!(d.decode::<#value>(child)?),
        };
        let spellings = std::iter::once(local).chain(&attrs.aliases);
        decode_arms.push(quote!(#(#spellings)|* if ns == #ns => Self::#ident(#decode),));
        encode_arms.push(match (attrs.nillable, shape.boxed) {
            (true, true) => quote!(Self::#ident(v) => e.nillable(#ns, #local, v.as_deref()),),
            (true, false) => quote!(Self::#ident(v) => e.nillable(#ns, #local, v.as_ref()),),
            (false, true) => quote!(Self::#ident(v) => e.element(#ns, #local, &**v),),
            (false, false) => quote!(Self::#ident(v) => e.element(#ns, #local, v),),
        });
        names.push(local.value());
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
