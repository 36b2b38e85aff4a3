//! `ComplexType`: `Content`, `Decode` and `Encode` for a struct of
//! attributes, child elements, choices, wildcards and a base.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Field, Fields, Ident, LitStr, Type};

use crate::attrs::XmlAttrs;
use crate::shape::{Occurs, Shape};

/// The code each member contributes to the impls.
#[derive(Default)]
struct Parts {
    partial_fields: Vec<TokenStream>,
    attribute_arms: Vec<TokenStream>,
    /// Unqualified attribute names, for `declares_attribute`.
    declared: Vec<LitStr>,
    child_arms: Vec<TokenStream>,
    /// Tried in order when no element name matched: choices.
    child_tries: Vec<TokenStream>,
    finish: Vec<TokenStream>,
    encode_attributes: Vec<TokenStream>,
    encode_content: Vec<TokenStream>,
    base: Option<(Ident, Type)>,
    any_attribute: Option<Ident>,
    /// The wildcard's field and whether it takes more than one element.
    any: Option<(Ident, Occurs)>,
    text: Option<Ident>,
}

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "ComplexType derives for structs only",
        ));
    };
    let fields = match &data.fields {
        Fields::Unit => return Ok(unit(name)),
        Fields::Named(fields) => &fields.named,
        Fields::Unnamed(fields) => {
            return Err(syn::Error::new_spanned(
                fields,
                "ComplexType needs named fields",
            ));
        }
    };
    let mut parts = Parts::default();
    for field in fields {
        member(field, &mut parts)?;
    }
    if parts.text.is_some() && (!parts.child_arms.is_empty() || !parts.child_tries.is_empty()) {
        return Err(syn::Error::new_spanned(
            name,
            "a type with `text` content has no child elements",
        ));
    }
    Ok(impls(name, parts))
}

fn member(field: &Field, parts: &mut Parts) -> syn::Result<()> {
    let attrs = XmlAttrs::parse(&field.attrs)?;
    let ident = field.ident.clone().expect("named field");
    let ty = &field.ty;
    let x = quote!(::ews_um::xml);
    let ns = attrs.ns_tokens();
    if attrs.base {
        attrs.only(&["base"])?;
        parts
            .partial_fields
            .push(quote!(#ident: <#ty as #x::Content>::Partial,));
        parts
            .finish
            .push(quote!(#ident: <#ty as #x::Content>::finish(p.#ident, d, start)?,));
        parts
            .encode_attributes
            .insert(0, quote!(#x::Content::encode_attributes(&self.#ident, e)?;));
        parts
            .encode_content
            .insert(0, quote!(#x::Content::encode_content(&self.#ident, e)?;));
        parts.base = Some((ident, ty.clone()));
        return Ok(());
    }
    if attrs.any_attribute {
        attrs.only(&["any_attribute"])?;
        parts
            .partial_fields
            .push(quote!(#ident: ::std::vec::Vec<#x::AnyAttribute>,));
        parts.finish.push(quote!(#ident: p.#ident,));
        parts.any_attribute = Some(ident);
        return Ok(());
    }
    if let Some(local) = &attrs.attribute {
        attrs.only(&["attribute", "ns"])?;
        let optional = crate::shape::wrapped(ty, "Option").is_some();
        let (slot, value, write) = if optional {
            (quote!(#ty), quote!(p.#ident), quote!(attr_opt))
        } else {
            (
                quote!(::std::option::Option<#ty>),
                quote!(d.required_attr(p.#ident, start, #local)?),
                quote!(attr_value),
            )
        };
        parts.partial_fields.push(quote!(#ident: #slot,));
        parts
            .attribute_arms
            .push(quote!((#ns, #local) => p.#ident = Some(attr.parse()?),));
        parts.finish.push(quote!(#ident: #value,));
        // Qualified attributes are the `xml:` namespace's.
        let written = match &attrs.ns {
            Some(_) => LitStr::new(&format!("xml:{}", local.value()), local.span()),
            None => {
                parts.declared.push(local.clone());
                local.clone()
            }
        };
        parts
            .encode_attributes
            .push(quote!(e.#write(#written, &self.#ident)?;));
        return Ok(());
    }
    if attrs.text {
        attrs.only(&["text"])?;
        parts
            .partial_fields
            .push(quote!(#ident: ::std::option::Option<#ty>,));
        parts
            .finish
            .push(quote!(#ident: d.required(p.#ident, "text")?,));
        parts
            .encode_content
            .push(quote!(e.text(&#x::SimpleType::text(&self.#ident))?;));
        parts.text = Some(ident);
        return Ok(());
    }

    let shape = Shape::of(ty, attrs.nillable);
    let value = shape.value;
    let (label, item_ref_encode): (TokenStream, Box<dyn Fn(TokenStream) -> TokenStream>) =
        if let Some(local) = &attrs.element {
            attrs.only(&["element", "ns", "alias", "nillable", "min", "max"])?;
            let names = std::iter::once(local).chain(&attrs.aliases);
            let item = match (shape.nillable, shape.boxed) {
                (true, true) => {
                    quote!(d.decode_nillable::<#value>(child)?.map(::std::boxed::Box::new))
                }
                (true, false) => quote!(d.decode_nillable::<#value>(child)?),
                (false, boxed) => self::boxed(quote!(d.decode::<#value>(child)?), boxed),
            };
            let store = store(&ident, shape.occurs, item);
            parts
                .child_arms
                .push(quote!(#(#names)|* if ns == #ns => { #store }));
            let (ns, local) = (ns.clone(), local.clone());
            let nillable = shape.nillable;
            let deref = shape.boxed;
            (
                quote!(#local),
                Box::new(move |r| {
                    if nillable && deref {
                        quote!(e.nillable(#ns, #local, (#r).as_deref())?;)
                    } else if nillable {
                        quote!(e.nillable(#ns, #local, (#r).as_ref())?;)
                    } else if deref {
                        quote!(e.element(#ns, #local, &**#r)?;)
                    } else {
                        quote!(e.element(#ns, #local, #r)?;)
                    }
                }),
            )
        } else if attrs.choice {
            attrs.only(&["choice", "min", "max"])?;
            let item = boxed(quote!(item), shape.boxed);
            let store = match shape.occurs {
                Occurs::Repeated => store(&ident, shape.occurs, item),
                // A second alternative of a choice allowed once.
                _ => quote! {
                    if p.#ident.is_some() {
                        return Err(d.another_of(child, <#value as #x::Choice>::EXPECTED));
                    }
                    p.#ident = Some(#item);
                },
            };
            parts.child_tries.push(quote! {
                if let Some(item) = <#value as #x::Choice>::decode_choice(d, child)? {
                    #store
                    return Ok(true);
                }
            });
            let deref = shape.boxed;
            let value = value.clone();
            (
                quote!(<#value as #x::Choice>::EXPECTED),
                Box::new(move |r| {
                    let r = if deref { quote!(&**#r) } else { r };
                    quote!(<#value as #x::Choice>::encode_choice(#r, e)?;)
                }),
            )
        } else if attrs.any {
            attrs.only(&["any", "min", "max"])?;
            if parts.any.is_some() {
                return Err(syn::Error::new_spanned(&ident, "only one `any` field"));
            }
            parts.any = Some((ident.clone(), shape.occurs));
            (
                quote!("any element"),
                Box::new(|r| quote!(e.raw_elements([#r])?;)),
            )
        } else {
            return Err(syn::Error::new_spanned(
                &ident,
                "expected #[xml(base | attribute = … | any_attribute | element = … | choice | any | text)]",
            ));
        };

    let slot = match shape.occurs {
        Occurs::Required => quote!(::std::option::Option<#ty>),
        Occurs::Optional | Occurs::Repeated => quote!(#ty),
    };
    parts.partial_fields.push(quote!(#ident: #slot,));
    let finish = match (shape.occurs, attrs.min, attrs.max) {
        (Occurs::Required, ..) => quote!(d.required(p.#ident, #label)?),
        (Occurs::Repeated, min, max) if min.is_some() || max.is_some() => {
            let min = min.unwrap_or(0);
            let max = match max {
                Some(max) => quote!(Some(#max)),
                None => quote!(None),
            };
            quote!(d.occurs(p.#ident, #label, #min, #max)?)
        }
        _ => quote!(p.#ident),
    };
    parts.finish.push(quote!(#ident: #finish,));
    let encode = match shape.occurs {
        Occurs::Required => item_ref_encode(quote!((&self.#ident))),
        Occurs::Optional => {
            let each = item_ref_encode(quote!(v));
            quote!(if let Some(v) = &self.#ident { #each })
        }
        Occurs::Repeated => {
            let each = item_ref_encode(quote!(v));
            quote!(for v in &self.#ident { #each })
        }
    };
    parts.encode_content.push(encode);
    Ok(())
}

fn boxed(item: TokenStream, boxed: bool) -> TokenStream {
    if boxed {
        quote!(::std::boxed::Box::new(#item))
    } else {
        item
    }
}

/// Puts one decoded value into the member's slot.
fn store(ident: &Ident, occurs: Occurs, item: TokenStream) -> TokenStream {
    match occurs {
        Occurs::Repeated => quote!(p.#ident.push(#item);),
        Occurs::Required | Occurs::Optional => quote! {
            if p.#ident.is_some() {
                return Err(d.duplicate(child));
            }
            p.#ident = Some(#item);
        },
    }
}

fn impls(name: &Ident, parts: Parts) -> TokenStream {
    let x = quote!(::ews_um::xml);
    let partial = format_ident!("__{}Partial", name);
    let Parts {
        partial_fields,
        attribute_arms,
        declared,
        child_arms,
        child_tries,
        finish,
        encode_attributes,
        encode_content,
        base,
        any_attribute,
        any,
        text,
    } = parts;

    // Own declarations first, then the base's, then own wildcards.
    let base_attribute = base.as_ref().map(|(field, ty)| {
        quote!(if <#ty as #x::Content>::attribute(&mut p.#field, attr)? { return Ok(true); })
    });
    let keep_attribute = match &any_attribute {
        Some(field) => quote!(p.#field.push(attr.to_any()); Ok(true)),
        None => quote!(Ok(false)),
    };
    let attribute_body = if attribute_arms.is_empty() {
        quote!(#base_attribute #keep_attribute)
    } else {
        quote! {
            match attr.name() {
                #(#attribute_arms)*
                _ => {
                    #base_attribute
                    return { #keep_attribute };
                }
            }
            Ok(true)
        }
    };
    let base_child = base.as_ref().map(|(field, ty)| {
        quote!(if <#ty as #x::Content>::child(&mut p.#field, d, child)? { return Ok(true); })
    });
    let keep_child = match &any {
        Some((field, Occurs::Repeated)) => {
            quote!(p.#field.push(d.raw_element(child)?); Ok(true))
        }
        Some((field, _)) => quote! {
            if p.#field.is_some() {
                return Ok(false);
            }
            p.#field = Some(d.raw_element(child)?);
            Ok(true)
        },
        None => quote!(Ok(false)),
    };
    let fallback = quote! {
        #(#child_tries)*
        #base_child
        #keep_child
    };
    let child_body = if child_arms.is_empty() {
        fallback
    } else {
        // Local names first: they tell elements apart at the first byte
        // or the length, where namespaces (long, mostly the same) do not.
        quote! {
            let (ns, local) = child.name();
            match local {
                #(#child_arms)*
                _ => return { #fallback },
            }
            Ok(true)
        }
    };
    let content = text.map(|field| {
        quote! {
            fn content(p: &mut Self::Partial, d: &mut #x::Decoder<'_>, start: &#x::Start<'_>) -> #x::DecodeResult<()> {
                p.#field = Some(d.decode(start)?);
                Ok(())
            }
        }
    });
    let base_declares = base
        .as_ref()
        .map(|(_, ty)| quote!(|| <#ty as #x::Content>::declares_attribute(name)));
    let declares = quote!(matches!(name, #(#declared)|*) #base_declares);
    let declares = if declared.is_empty() {
        match &base {
            Some((_, ty)) => quote!(<#ty as #x::Content>::declares_attribute(name)),
            None => quote!(false),
        }
    } else {
        declares
    };
    let encode_any = any_attribute.as_ref().map(
        |field| quote!(e.any_attributes(&self.#field, <Self as #x::Content>::declares_attribute)?;),
    );
    let own_attributes = !attribute_arms.is_empty() || any_attribute.is_some();
    let takes_attributes = match &base {
        Some((_, ty)) => quote!(#own_attributes || <#ty as #x::Content>::ATTRIBUTES),
        None => quote!(#own_attributes),
    };
    let doc = format!("What decoding a [`{name}`] has read so far.");
    let element = decode_and_encode(name);
    quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #[derive(Default)]
        pub struct #partial {
            #(#partial_fields)*
        }

        impl #x::Content for #name {
            type Partial = #partial;

            const ATTRIBUTES: bool = #takes_attributes;

            #[allow(unused_variables)]
            fn attribute(p: &mut #partial, attr: &#x::Attr<'_, '_>) -> #x::DecodeResult<bool> {
                #attribute_body
            }

            #[allow(unused_variables)]
            fn child(p: &mut #partial, d: &mut #x::Decoder<'_>, child: &#x::Start<'_>) -> #x::DecodeResult<bool> {
                #child_body
            }

            #content

            #[allow(unused_variables)]
            fn finish(p: #partial, d: &#x::Decoder<'_>, start: &#x::Start<'_>) -> #x::DecodeResult<Self> {
                Ok(Self { #(#finish)* })
            }

            fn declares_attribute(name: &str) -> bool {
                #declares
            }

            #[allow(unused_variables)]
            fn encode_attributes(&self, e: &mut #x::Encoder) -> #x::EncodeResult {
                #(#encode_attributes)*
                #encode_any
                Ok(())
            }

            #[allow(unused_variables)]
            fn encode_content(&self, e: &mut #x::Encoder) -> #x::EncodeResult {
                #(#encode_content)*
                Ok(())
            }
        }

        #element
    }
}

/// A type without members.
fn unit(name: &Ident) -> TokenStream {
    let x = quote!(::ews_um::xml);
    let element = decode_and_encode(name);
    quote! {
        impl #x::Content for #name {
            type Partial = ();

            const ATTRIBUTES: bool = false;

            fn attribute(_: &mut (), _: &#x::Attr<'_, '_>) -> #x::DecodeResult<bool> {
                Ok(false)
            }

            fn child(_: &mut (), _: &mut #x::Decoder<'_>, _: &#x::Start<'_>) -> #x::DecodeResult<bool> {
                Ok(false)
            }

            fn finish(_: (), _: &#x::Decoder<'_>, _: &#x::Start<'_>) -> #x::DecodeResult<Self> {
                Ok(Self)
            }

            fn declares_attribute(_: &str) -> bool {
                false
            }

            fn encode_attributes(&self, _: &mut #x::Encoder) -> #x::EncodeResult {
                Ok(())
            }

            fn encode_content(&self, _: &mut #x::Encoder) -> #x::EncodeResult {
                Ok(())
            }
        }

        #element
    }
}

/// `Decode` and `Encode` of a complex type: the runtime's loops over its
/// `Content`.
fn decode_and_encode(name: &Ident) -> TokenStream {
    let x = quote!(::ews_um::xml);
    quote! {
        impl #x::Decode for #name {
            fn decode(d: &mut #x::Decoder<'_>, start: &#x::Start<'_>) -> #x::DecodeResult<Self> {
                #x::decode_element(d, start)
            }
        }

        impl #x::Encode for #name {
            fn encode(&self, e: &mut #x::Encoder, ns: &'static str, name: &'static str) -> #x::EncodeResult {
                #x::encode_element(self, e, ns, name)
            }
        }
    }
}
