//! `ComplexType`: `Content`, `Decode` and `Encode` for a struct of
//! attributes, child elements, choices, wildcards and a base, each member
//! read as its label says.

use ews_um_labels::{Member, Occurs, TypeLabel};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Field, Fields, Ident, LitStr, Path, Type};

use crate::element::ns_or_none;

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
    /// `declared_namespace`'s arms for the elements the type names.
    declared_elements: Vec<TokenStream>,
    /// `declared_namespace` of each choice, asked in order.
    declared_by_choices: Vec<TokenStream>,
    /// `keep_unknown`'s tries of the open choices.
    open_choices: Vec<TokenStream>,
    /// Whether the type has child elements of its own (elements, choices
    /// or wildcards).
    own_elements: bool,
    /// The field keeping elements the type does not declare.
    unknown: Option<Ident>,
    finish: Vec<TokenStream>,
    encode_attributes: Vec<TokenStream>,
    encode_content: Vec<TokenStream>,
    base: Option<(Ident, Type)>,
    any_attribute: Option<Ident>,
    /// The wildcard's field and how often it occurs.
    any: Option<(Ident, Occurs)>,
    text: Option<Ident>,
    /// The members not in every version: name (`@` before an
    /// attribute's), span.
    spans: Vec<(LitStr, TokenStream)>,
}

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "ComplexType derives for structs only",
        ));
    };
    let x = TypeLabel::parse(&input.attrs, false)?.runtime;
    let fields = match &data.fields {
        Fields::Unit => return Ok(unit(name, &x)),
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
        member(field, &x, &mut parts)?;
    }
    if parts.text.is_some() && (!parts.child_arms.is_empty() || !parts.child_tries.is_empty()) {
        return Err(syn::Error::new_spanned(
            name,
            "a type with `text` content has no child elements",
        ));
    }
    if let (Some(unknown), Some(_)) = (&parts.unknown, &parts.base) {
        return Err(syn::Error::new_spanned(
            unknown,
            "a type with a `base` keeps unknown elements in its base's `unknown` field",
        ));
    }
    Ok(impls(name, &x, parts))
}

fn member(field: &Field, x: &Path, parts: &mut Parts) -> syn::Result<()> {
    let ident = field.ident.clone().expect("named field");
    let ty = &field.ty;
    match Member::parse(&field.attrs)? {
        Member::Base => base(parts, x, ident, ty),
        Member::AnyAttribute => {
            parts
                .partial_fields
                .push(quote!(#ident: ::std::vec::Vec<#x::AnyAttribute>,));
            parts.finish.push(quote!(#ident: p.#ident,));
            parts.any_attribute = Some(ident);
        }
        Member::Attribute {
            name,
            ns,
            optional,
            versions,
        } => {
            if let Some(range) = crate::versions::expr(x, &versions) {
                // As written: `@Id`, `@xml:lang`.
                let prefix = if ns.is_some() { "xml:" } else { "" };
                let key = LitStr::new(&format!("@{prefix}{}", name.value()), name.span());
                parts.spans.push((key, range));
            }
            attribute(parts, &ident, ty, name, ns.as_ref(), optional);
        }
        Member::Text => {
            parts
                .partial_fields
                .push(quote!(#ident: ::std::option::Option<#ty>,));
            parts
                .finish
                .push(quote!(#ident: d.required(p.#ident, "text")?,));
            parts.encode_content.push(quote!(e.simple(&self.#ident)?;));
            parts.text = Some(ident);
        }
        Member::Element(element) => {
            if let Some(span) = crate::versions::expr(x, &element.versions) {
                parts.spans.push((element.name.clone(), span));
            }
            let ns = crate::element::ns(&element);
            let names: Vec<&LitStr> = std::iter::once(&element.name)
                .chain(&element.aliases)
                .collect();
            let store = store(&ident, element.occurs, crate::element::decode(&element));
            parts
                .child_arms
                .push(quote!(#(#names)|* if ns == #ns => { #store }));
            parts
                .declared_elements
                .push(quote!(#(#names)|* => Some(#ns),));
            parts.own_elements = true;
            let name = &element.name;
            let each = crate::element::encode(&element, quote!(v));
            children(
                parts,
                &ident,
                ty,
                element.occurs,
                quote!(#name),
                quote!(#each?;),
            );
        }
        Member::Choice {
            occurs,
            boxed,
            open,
        } => choice(parts, x, &ident, ty, occurs, boxed, open),
        Member::Any { occurs } => {
            if parts.any.is_some() {
                return Err(syn::Error::new_spanned(&ident, "only one `any` field"));
            }
            parts.own_elements = true;
            parts.any = Some((ident.clone(), occurs));
            let each = quote!(e.raw_elements([v])?;);
            children(parts, &ident, ty, occurs, quote!("any element"), each);
        }
        Member::Unknown => {
            if parts.unknown.is_some() {
                return Err(syn::Error::new_spanned(&ident, "only one `unknown` field"));
            }
            parts
                .partial_fields
                .push(quote!(#ident: ::std::vec::Vec<#x::RawXml>,));
            parts.finish.push(quote!(#ident: p.#ident,));
            parts.unknown = Some(ident);
        }
    }
    Ok(())
}

/// The members of the type this one extends: decoded and encoded by the
/// base's own `Content`, first.
fn base(parts: &mut Parts, x: &Path, ident: Ident, ty: &Type) {
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
}

fn attribute(
    parts: &mut Parts,
    ident: &Ident,
    ty: &Type,
    name: LitStr,
    ns: Option<&Path>,
    optional: bool,
) {
    let (slot, value, write) = if optional {
        (quote!(#ty), quote!(p.#ident), quote!(attr_opt))
    } else {
        (
            quote!(::std::option::Option<#ty>),
            quote!(d.required_attr(p.#ident, start, #name)?),
            quote!(attr_value),
        )
    };
    parts.partial_fields.push(quote!(#ident: #slot,));
    let ns_tokens = ns_or_none(ns);
    parts
        .attribute_arms
        .push(quote!((#ns_tokens, #name) => p.#ident = Some(attr.parse()?),));
    parts.finish.push(quote!(#ident: #value,));
    // Qualified attributes are the `xml:` namespace's.
    let written = match ns {
        Some(_) => LitStr::new(&format!("xml:{}", name.value()), name.span()),
        None => {
            parts.declared.push(name.clone());
            name
        }
    };
    parts
        .encode_attributes
        .push(quote!(e.#write(#written, &self.#ident)?;));
}

/// One of several elements: tried, by the `Choice` the field holds, when
/// no element name of the type's own matched. An `open` one keeps an
/// element the type does not declare as its unknown alternative.
fn choice(
    parts: &mut Parts,
    x: &Path,
    ident: &Ident,
    ty: &Type,
    occurs: Occurs,
    boxed: bool,
    open: bool,
) {
    let (item, value, expected, declares, unknown, held) = if boxed {
        (
            quote!(::std::boxed::Box::new(item)),
            quote!(&**v),
            quote!(expected_boxed),
            quote!(declares_boxed),
            quote!(::std::boxed::Box::new(#x::OpenChoice::unknown(element))),
            quote!(*held),
        )
    } else {
        (
            quote!(item),
            quote!(v),
            quote!(expected),
            quote!(declares),
            quote!(#x::OpenChoice::unknown(element)),
            quote!(held),
        )
    };
    let label = quote!(#x::#expected(p.#ident.as_slice()));
    parts
        .declared_by_choices
        .push(quote!(#x::#declares(p.#ident.as_slice(), local)));
    parts.own_elements = true;
    let store = match occurs {
        Occurs::Repeated { .. } => store(ident, occurs, item),
        // An unknown alternative held gives way to a known one, and is kept
        // as any other undeclared element would be.
        _ if open => quote! {
            if let Some(held) = p.#ident.replace(#item) {
                match #x::OpenChoice::into_unknown(#held) {
                    Ok(element) => <Self as #x::Content>::keep_unknown(p, element, false),
                    Err(_) => return Err(d.another_of(child, #label)),
                }
            }
        },
        // A second alternative of a choice allowed once.
        _ => quote! {
            if p.#ident.is_some() {
                return Err(d.another_of(child, #label));
            }
            p.#ident = Some(#item);
        },
    };
    if open {
        parts.open_choices.push(match occurs {
            Occurs::Repeated { .. } => quote! {
                if open {
                    p.#ident.push(#unknown);
                    return;
                }
            },
            _ => quote! {
                if open && p.#ident.is_none() {
                    p.#ident = Some(#unknown);
                    return;
                }
            },
        });
        // Kept elements after an empty open choice would read back as it.
        if occurs == Occurs::Optional {
            parts.encode_content.push(quote! {
                if self.#ident.is_none() && !#x::Content::unknown_elements(self).is_empty() {
                    return Err(e.refuse("kept elements cannot be written where the open choice they follow is empty: the first would read back as it"));
                }
            });
        }
    }
    // The alternatives' type is the field's: the compiler infers it.
    parts.child_tries.push(quote! {
        if let Some(item) = #x::Choice::decode_choice(d, child)? {
            #store
            return Ok(true);
        }
    });
    // Through the runtime, so that a version check looks the alternative up.
    let each = quote!(#x::encode_choice(#value, e)?;);
    children(parts, ident, ty, occurs, label, each);
}

/// What a member of child elements adds besides reading one: its slot,
/// its check once the element is read (`label` names it in errors), and
/// the writing of each value (`each`, of `v`).
fn children(
    parts: &mut Parts,
    ident: &Ident,
    ty: &Type,
    occurs: Occurs,
    label: TokenStream,
    each: TokenStream,
) {
    let slot = match occurs {
        Occurs::Required => quote!(::std::option::Option<#ty>),
        Occurs::Optional | Occurs::Repeated { .. } => quote!(#ty),
    };
    parts.partial_fields.push(quote!(#ident: #slot,));
    // The bounds of a repeated member, checked when read and when written
    // (what decoding would refuse is not written).
    let bounds = match occurs {
        Occurs::Repeated { min, max } if min > 0 || max.is_some() => {
            let max = match max {
                Some(max) => quote!(Some(#max)),
                None => quote!(None),
            };
            Some(quote!(#min, #max))
        }
        _ => None,
    };
    // The label is read before the slot is moved.
    let finish = match (occurs, &bounds) {
        (Occurs::Required, _) => quote!({ let label = #label; d.required(p.#ident, label)? }),
        (_, Some(bounds)) => quote!({ let label = #label; d.occurs(p.#ident, label, #bounds)? }),
        (Occurs::Optional | Occurs::Repeated { .. }, None) => quote!(p.#ident),
    };
    parts.finish.push(quote!(#ident: #finish,));
    parts.encode_content.push(match (occurs, bounds) {
        (Occurs::Required, _) => quote!({ let v = &self.#ident; #each }),
        (Occurs::Optional, _) => quote!(if let Some(v) = &self.#ident { #each }),
        // The label reads the member as `p.<field>`: on the value as on
        // the partial.
        (Occurs::Repeated { .. }, Some(bounds)) => quote! {
            let p = self;
            e.occurs(p.#ident.len(), #label, #bounds)?;
            for v in &p.#ident { #each }
        },
        (Occurs::Repeated { .. }, None) => quote!(for v in &self.#ident { #each }),
    });
}

/// Puts one decoded value into the member's slot.
fn store(ident: &Ident, occurs: Occurs, item: TokenStream) -> TokenStream {
    match occurs {
        Occurs::Repeated { .. } => quote!(p.#ident.push(#item);),
        Occurs::Required | Occurs::Optional => quote! {
            if p.#ident.is_some() {
                return Err(d.duplicate(child));
            }
            p.#ident = Some(#item);
        },
    }
}

fn impls(name: &Ident, x: &Path, parts: Parts) -> TokenStream {
    let partial = format_ident!("__{}Partial", name);
    let attribute_body =
        attribute_body(x, &parts.attribute_arms, &parts.base, &parts.any_attribute);
    let child_body = child_body(
        x,
        &parts.child_arms,
        &parts.child_tries,
        &parts.base,
        &parts.any,
    );
    let declared_elements = declared_elements(x, &parts);
    let unknown = unknown(x, &parts);
    let Parts {
        partial_fields,
        attribute_arms,
        declared,
        finish,
        encode_attributes,
        encode_content,
        base,
        any_attribute,
        text,
        spans,
        ..
    } = parts;

    let content = text.map(|field| text_content(x, &field));
    let declares = declares_attribute(x, &declared, &base);
    let encode_any = any_attribute.as_ref().map(
        |field| quote!(e.any_attributes(&self.#field, <Self as #x::Content>::declares_attribute)?;),
    );
    let takes_attributes = takes_attributes(x, &attribute_arms, &any_attribute, &base);
    let doc = format!("What decoding a [`{name}`] has read so far.");
    let element = decode_and_encode(name, x);
    let base_span = base
        .as_ref()
        .map(|(_, ty)| quote!(<#ty as #x::Content>::member_versions(name)));
    let member_versions = crate::versions::member_versions_fn(x, &spans, base_span);
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

            #declared_elements

            #unknown

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

            #member_versions
        }

        #element
    }
}

/// `Content::declared_namespace`: the type's own elements by name, then
/// its choices', then its base's.
fn declared_elements(x: &Path, parts: &Parts) -> TokenStream {
    let base = parts
        .base
        .as_ref()
        .map(|(field, ty)| quote!(<#ty as #x::Content>::declared_namespace(&p.#field, local)));
    let mut asked = parts.declared_by_choices.iter().cloned().chain(base);
    let fallback = match asked.next() {
        Some(first) => quote!(#first #(.or_else(|| #asked))*),
        None => quote!(None),
    };
    let arms = &parts.declared_elements;
    // Two members may share a local name in different namespaces: the
    // first answers.
    quote! {
        #[allow(unused_variables, unreachable_patterns)]
        fn declared_namespace(p: &Self::Partial, local: &str) -> Option<&'static str> {
            match local {
                #(#arms)*
                _ => #fallback,
            }
        }
    }
}

/// What the type does with elements it does not declare: keeps them in
/// its open choices, then its `unknown` field, or its base's.
fn unknown(x: &Path, parts: &Parts) -> Option<TokenStream> {
    let own = !parts.open_choices.is_empty() || parts.unknown.is_some();
    let keeps = match &parts.base {
        Some((_, ty)) => quote!(#own || <#ty as #x::Content>::KEEPS_UNKNOWN),
        None if own => quote!(true),
        None => return None,
    };
    let open_choices = &parts.open_choices;
    let (keep, kept) = match (&parts.unknown, &parts.base) {
        (Some(field), _) => (quote!(p.#field.push(element);), quote!(&self.#field)),
        (None, Some((field, ty))) => {
            // A base's open choice is not this type's only content.
            let own_elements = parts.own_elements;
            (
                quote!(<#ty as #x::Content>::keep_unknown(&mut p.#field, element, open && !#own_elements);),
                quote!(#x::Content::unknown_elements(&self.#field)),
            )
        }
        (None, None) => (quote!(drop(element);), quote!(&[])),
    };
    Some(quote! {
        const KEEPS_UNKNOWN: bool = #keeps;

        #[allow(unused_variables)]
        fn keep_unknown(p: &mut Self::Partial, element: #x::RawXml, open: bool) {
            #(#open_choices)*
            #keep
        }

        fn unknown_elements(&self) -> &[#x::RawXml] {
            #kept
        }
    })
}

/// `Content::content` of a type with simple content: its text.
fn text_content(x: &Path, field: &Ident) -> TokenStream {
    quote! {
        fn content(p: &mut Self::Partial, d: &mut #x::Decoder<'_>, start: &#x::Start<'_>) -> #x::DecodeResult<()> {
            p.#field = Some(d.decode(start)?);
            Ok(())
        }
    }
}

/// `Content::ATTRIBUTES`: whether the type or a base takes any attribute.
fn takes_attributes(
    x: &Path,
    arms: &[TokenStream],
    any_attribute: &Option<Ident>,
    base: &Option<(Ident, Type)>,
) -> TokenStream {
    let own = !arms.is_empty() || any_attribute.is_some();
    match base {
        Some((_, ty)) => quote!(#own || <#ty as #x::Content>::ATTRIBUTES),
        None => quote!(#own),
    }
}

/// `Content::declares_attribute`: the unqualified attributes the type or
/// a base declares.
fn declares_attribute(x: &Path, declared: &[LitStr], base: &Option<(Ident, Type)>) -> TokenStream {
    let base = base
        .as_ref()
        .map(|(_, ty)| quote!(<#ty as #x::Content>::declares_attribute(name)));
    match (declared.is_empty(), base) {
        (true, Some(base)) => base,
        (true, None) => quote!(false),
        (false, Some(base)) => quote!(matches!(name, #(#declared)|*) || #base),
        (false, None) => quote!(matches!(name, #(#declared)|*)),
    }
}

/// `Content::attribute`: own declarations first, then the base's, then own
/// wildcards.
fn attribute_body(
    x: &Path,
    arms: &[TokenStream],
    base: &Option<(Ident, Type)>,
    any_attribute: &Option<Ident>,
) -> TokenStream {
    let base_attribute = base.as_ref().map(|(field, ty)| {
        quote!(if <#ty as #x::Content>::attribute(&mut p.#field, attr)? { return Ok(true); })
    });
    let keep_attribute = match any_attribute {
        Some(field) => quote!(p.#field.push(attr.to_any()); Ok(true)),
        None => quote!(Ok(false)),
    };
    if arms.is_empty() {
        return quote!(#base_attribute #keep_attribute);
    }
    quote! {
        match attr.name() {
            #(#arms)*
            _ => {
                #base_attribute
                return { #keep_attribute };
            }
        }
        Ok(true)
    }
}

/// `Content::child`: own elements by name, then own choices, then the
/// base's members, then own wildcards.
fn child_body(
    x: &Path,
    arms: &[TokenStream],
    tries: &[TokenStream],
    base: &Option<(Ident, Type)>,
    any: &Option<(Ident, Occurs)>,
) -> TokenStream {
    let base_child = base.as_ref().map(|(field, ty)| {
        quote!(if <#ty as #x::Content>::child(&mut p.#field, d, child)? { return Ok(true); })
    });
    let keep_child = match any {
        Some((field, Occurs::Repeated { .. })) => {
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
        #(#tries)*
        #base_child
        #keep_child
    };
    if arms.is_empty() {
        return fallback;
    }
    // Local names first: they tell elements apart at the first byte or
    // the length, where namespaces (long, mostly the same) do not.
    quote! {
        let (ns, local) = child.name();
        match local {
            #(#arms)*
            _ => return { #fallback },
        }
        Ok(true)
    }
}

/// A type without members.
fn unit(name: &Ident, x: &Path) -> TokenStream {
    let element = decode_and_encode(name, x);
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

            fn declared_namespace(_: &(), _: &str) -> Option<&'static str> {
                None
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
fn decode_and_encode(name: &Ident, x: &Path) -> TokenStream {
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
