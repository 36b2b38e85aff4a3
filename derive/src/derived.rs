//! `Derived`: a type and the types derived from it, told apart by
//! `xsi:type`. Each variant holds a `Box` of its type: the enum stays small
//! whatever the size of its largest member. An `other` variant reads a type
//! the enum does not know as the declared type, keeping its name.

use ews_um_labels::{DeclaredType, DerivedVariant, TypeLabel};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use crate::element::ns_or_none;

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "Derived derives for enums only",
        ));
    };
    let label = TypeLabel::parse(&input.attrs, true)?;
    let x = &label.runtime;
    let Some(declared) = label.declared else {
        return Err(syn::Error::new(
            Span::call_site(),
            "Derived needs its declared type",
        ));
    };
    let (declared_name, declared_ns) = (&declared.name, ns_or_none(declared.ns.as_ref()));
    let (mut decode_arms, mut encode_arms, mut base) = (Vec::new(), Vec::new(), None);
    // Every type the enum knows, by `(namespace, name)`, and the variant
    // of others.
    let (mut known, mut other) = (vec![quote!((#declared_ns, #declared_name))], None);
    for variant in &data.variants {
        let ident = &variant.ident;
        if !matches!(&variant.fields, Fields::Unnamed(f) if f.unnamed.len() == 1) {
            return Err(syn::Error::new_spanned(
                variant,
                "a variant holds one value, a `Box` of its type",
            ));
        }
        let decode = quote!(Self::#ident(::std::boxed::Box::new(d.decode(start)?)));
        match DerivedVariant::parse(&variant.attrs)? {
            DerivedVariant::Base => {
                decode_arms.push(quote!((#declared_ns, #declared_name) => #decode,));
                encode_arms.push(quote!(Self::#ident(v) => #x::Encode::encode(&**v, e, ns, name),));
                base = Some(decode);
            }
            DerivedVariant::Type {
                name: type_name,
                ns,
                versions,
            } => {
                let ns = ns_or_none(ns.as_ref());
                decode_arms.push(quote!((#ns, #type_name) => #decode,));
                // A version check looks the type up too, when not every
                // version has it.
                let check = crate::versions::expr(x, &versions)
                    .map(|range| quote!(e.check_type(ns, name, #type_name, #range);));
                encode_arms.push(quote! {
                    Self::#ident(v) => {
                        #check
                        e.xsi_type(ns, #ns, #type_name)?;
                        #x::Encode::encode(&**v, e, ns, name)
                    }
                });
                known.push(quote!((#ns, #type_name)));
            }
            DerivedVariant::Other if other.is_some() => {
                let message = "only one variant can be `#[xml(other)]`";
                return Err(syn::Error::new_spanned(variant, message));
            }
            DerivedVariant::Other => other = Some(ident),
        }
    }
    let without_type = without_type(&declared, base, &mut decode_arms);
    let unknown_type = match other {
        Some(other) => {
            encode_arms.push(quote! {
                Self::#other(v) => {
                    if matches!((v.namespace.as_str(), v.name.as_str()), #(#known)|*) {
                        return Err(e.refuse(format!(
                            "xsi:type {{{}}}{} is a type the enum knows: it would read back as that variant",
                            v.namespace, v.name
                        )));
                    }
                    e.unknown_xsi_type(ns, &v.namespace, &v.name)?;
                    #x::Encode::encode(&v.value, e, ns, name)
                }
            });
            quote! {
                #x::UnknownType::decode(d, start, type_ns, type_name, #declared_name)
                    .map(|v| Self::#other(::std::boxed::Box::new(v)))
            }
        }
        None => quote!(Err(d.unknown_type(start, &type_ns, &type_name, #declared_name))),
    };
    Ok(quote! {
        impl #x::Decode for #name {
            fn decode(d: &mut #x::Decoder<'_>, start: &#x::Start<'_>) -> #x::DecodeResult<Self> {
                let Some((type_ns, type_name)) = d.xsi_type(start)? else {
                    #without_type;
                };
                Ok(match (type_ns.as_str(), type_name.as_str()) {
                    #(#decode_arms)*
                    _ => return #unknown_type,
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

/// What decoding does with an element that names no `xsi:type`: the
/// declared type's own variant, unless it is abstract (then naming it is an
/// error too, as it says no more).
fn without_type(
    declared: &DeclaredType,
    base: Option<TokenStream>,
    decode_arms: &mut Vec<TokenStream>,
) -> TokenStream {
    if let (Some(decode), false) = (&base, declared.is_abstract) {
        return quote!(return Ok(#decode));
    }
    let name = &declared.name;
    let message = format!(
        "the type {} is abstract: xsi:type must name a type derived from it",
        name.value()
    );
    let ns = ns_or_none(declared.ns.as_ref());
    decode_arms.push(quote!((#ns, #name) => return Err(d.invalid(start, #message)),));
    quote!(return Err(d.invalid(start, #message)))
}
