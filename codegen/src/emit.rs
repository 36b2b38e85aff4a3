//! Emission: the model as Rust tokens. Each type becomes its declaration
//! plus short `Decode`/`Encode` impls that call the `ews_um::xml` runtime;
//! everything shared lives there, once.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote};

use crate::model::*;
use crate::naming;

pub fn module(module: &Module) -> TokenStream {
    let namespaces = module.namespaces.iter().map(|(name, uri)| {
        let name = ident(name);
        let doc = doc_attrs(&format!("The namespace `{uri}`."));
        quote! {
            #doc
            pub const #name: &str = #uri;
        }
    });
    let emitter = Emitter { module };
    let message = emitter.message_enum();
    // Each type is followed by what it implements as a top-level element
    // and as an operation, so that one place tells all about it.
    let types = module.types.iter().map(|ty| {
        let def = emitter.type_def(ty);
        let element = module
            .elements
            .iter()
            .find(|e| e.rust_name == ty.rust_name)
            .map(element);
        let operation = module
            .operations
            .iter()
            .find(|o| o.request == ty.rust_name)
            .map(operation);
        quote!(#def #element #operation)
    });
    quote! {
        use ::ews_um::xml;
        #(#namespaces)*
        #message
        #(#types)*
    }
}

struct Emitter<'m> {
    module: &'m Module,
}

impl Emitter<'_> {
    fn derives(&self, eq: bool) -> TokenStream {
        let eq = eq.then(|| quote!(Eq,));
        let serde = self.module.serde_feature.as_ref().map(|feature| {
            quote!(#[cfg_attr(feature = #feature, derive(::serde::Serialize, ::serde::Deserialize))])
        });
        quote! {
            #[derive(Debug, Clone, PartialEq, #eq)]
            #serde
        }
    }

    fn serde_attr(&self, attr: TokenStream) -> Option<TokenStream> {
        let feature = self.module.serde_feature.as_ref()?;
        Some(quote!(#[cfg_attr(feature = #feature, serde(#attr))]))
    }

    fn type_def(&self, ty: &TypeDef) -> TokenStream {
        match &ty.kind {
            TypeKind::Struct(def) => self.struct_def(ty, def),
            TypeKind::Enum(def) => self.enum_def(ty, def),
            TypeKind::Newtype(value) => self.newtype_def(ty, value),
        }
    }

    fn struct_def(&self, ty: &TypeDef, def: &StructDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(self.is_eq(&ty.rust_name, &mut Vec::new()));
        if def.is_empty() {
            return quote! {
                #doc
                #derives
                pub struct #name;

                impl xml::Decode for #name {
                    fn decode(d: &mut xml::Decoder<'_>, _: &xml::Start<'_>) -> xml::DecodeResult<Self> {
                        d.empty().map(|()| Self)
                    }
                }

                impl xml::Encode for #name {
                    fn encode(&self, e: &mut xml::Encoder, ns: &'static str, name: &'static str) -> xml::EncodeResult {
                        e.start(ns, name);
                        e.end();
                        Ok(())
                    }
                }
            };
        }

        let base_member = def.base.as_ref().map(|base| {
            let field = ident(&base.rust_field);
            let ty = ident(&base.rust_type);
            let doc = doc_attrs(&format!(
                "The members of `{}`, which this type extends.",
                base.rust_type
            ));
            quote!(#doc pub #field: #ty,)
        });
        let skip_none =
            || self.serde_attr(quote!(default, skip_serializing_if = "Option::is_none"));
        let skip_empty = || self.serde_attr(quote!(default, skip_serializing_if = "Vec::is_empty"));
        let attr_members = def.attributes.iter().map(|a| {
            let field = ident(&a.rust_name);
            let ty = rust_type(&a.ty);
            let ty = if a.required { ty } else { quote!(Option<#ty>) };
            let default = a
                .default
                .as_ref()
                .map(|d| format!("When absent, the schema's default applies: `{d}`."));
            let docs: Vec<&str> = [a.docs.as_str()]
                .into_iter()
                .chain(default.as_deref())
                .filter(|d| !d.is_empty())
                .collect();
            let doc = doc_attrs(&docs.join("\n\n"));
            let skip = (!a.required).then(skip_none);
            quote!(#doc #skip pub #field: #ty,)
        });
        let any_attribute_member = def.any_attribute.then(|| {
            let field = ident(ANY_ATTRIBUTE_FIELD);
            let skip = skip_empty();
            quote! {
                /// Attributes the schema leaves open (`xs:anyAttribute`), kept as sent.
                #skip pub #field: Vec<xml::AnyAttribute>,
            }
        });
        let field_members = def.fields.iter().map(|f| {
            let field = ident(&f.rust_name);
            let ty = field_type(f);
            let docs = match (&f.ty, f.docs.is_empty()) {
                (TypeRef::AnyElement, true) => {
                    "Elements the schema leaves open (`xs:any`), kept as sent."
                }
                _ => &f.docs,
            };
            let doc = doc_attrs(docs);
            let skip = match f.occurs {
                Occurs::Required => None,
                Occurs::Optional => skip_none(),
                Occurs::Repeated { .. } => skip_empty(),
            };
            quote!(#doc #skip pub #field: #ty,)
        });

        let decode = decode_struct(def);
        let encode = encode_struct(def);
        quote! {
            #doc
            #derives
            pub struct #name {
                #base_member
                #(#attr_members)*
                #any_attribute_member
                #(#field_members)*
            }

            impl xml::Decode for #name {
                #decode
            }

            impl xml::Encode for #name {
                fn encode(&self, e: &mut xml::Encoder, ns: &'static str, name: &'static str) -> xml::EncodeResult {
                    #encode
                }
            }
        }
    }

    fn newtype_def(&self, ty: &TypeDef, value: &TypeRef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(!matches!(
            value,
            TypeRef::Builtin(Builtin::F32 | Builtin::F64)
        ));
        let value = rust_type(value);
        quote! {
            #doc
            #derives
            pub struct #name(pub #value);

            impl xml::Decode for #name {
                fn decode(d: &mut xml::Decoder<'_>, start: &xml::Start<'_>) -> xml::DecodeResult<Self> {
                    d.decode(start).map(Self)
                }
            }

            impl xml::Encode for #name {
                fn encode(&self, e: &mut xml::Encoder, ns: &'static str, name: &'static str) -> xml::EncodeResult {
                    e.element(ns, name, &self.0)
                }
            }
        }
    }

    /// An open enumeration: its text forms come from the runtime's
    /// `SimpleEnum` derive, a line per value.
    fn enum_def(&self, ty: &TypeDef, def: &EnumDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let serde = self.module.serde_feature.as_ref().map(|feature| {
            quote!(#[cfg_attr(feature = #feature, derive(::serde::Serialize, ::serde::Deserialize))])
        });
        let unknown = ident(&def.unknown_variant);
        let variants = def.values.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let doc = doc_attrs(&v.docs);
            let value = &v.xml_value;
            let renamed = (v.rust_name != v.xml_value).then(|| {
                (
                    quote!(#[xml(value = #value)]),
                    self.serde_attr(quote!(rename = #value)),
                )
            });
            let (xml_value, serde_rename) = renamed.unzip();
            quote!(#doc #xml_value #serde_rename #variant,)
        });
        let untagged = self.serde_attr(quote!(untagged));
        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, Eq, Hash, xml::SimpleEnum)]
            #serde
            pub enum #name {
                #(#variants)*
                /// A value the schema does not list, kept as it was sent.
                #[xml(other)]
                #untagged
                #unknown(String),
            }
        }
    }

    /// The enum of every top-level element, decodable by element name.
    fn message_enum(&self) -> TokenStream {
        let elements = &self.module.elements;
        if elements.is_empty() {
            return TokenStream::new();
        }
        let name = ident(&self.module.message_enum);
        let eq = elements
            .iter()
            .all(|e| self.is_eq(&e.rust_name, &mut Vec::new()));
        let derives = self.derives(eq);
        // Variants are named after the elements.
        let variant = |e: &ElementDef| ident(e.alias.as_ref().unwrap_or(&e.rust_name));
        let variants = elements.iter().map(|e| {
            let (variant, ty) = (variant(e), ident(&e.rust_name));
            let doc = doc_attrs(&format!("A `{}` element.", e.xml_name));
            quote!(#doc #variant(#ty),)
        });
        let decode_arms = elements.iter().map(|e| {
            let variant = variant(e);
            let ns = ident(&e.namespace);
            let local = &e.xml_name;
            quote!((#ns, #local) => Self::#variant(d.decode(start)?),)
        });
        let encode_arms = elements.iter().map(|e| {
            let variant = variant(e);
            quote!(Self::#variant(message) => message.encode_payload(e),)
        });
        quote! {
            /// Any top-level element of this module, chosen by its name.
            #derives
            pub enum #name {
                #(#variants)*
            }

            impl xml::Payload for #name {
                fn decode_payload(d: &mut xml::Decoder<'_>, start: &xml::Start<'_>) -> xml::DecodeResult<Option<Self>> {
                    let message = match start.name() {
                        #(#decode_arms)*
                        _ => return Ok(None),
                    };
                    Ok(Some(message))
                }

                fn encode_payload(&self, e: &mut xml::Encoder) -> xml::EncodeResult {
                    match self {
                        #(#encode_arms)*
                    }
                }
            }
        }
    }

    /// Whether `Eq` can be derived: no floating-point value is reachable.
    fn is_eq(&self, rust_name: &str, visiting: &mut Vec<String>) -> bool {
        if visiting.iter().any(|v| v == rust_name) {
            return true;
        }
        let Some(ty) = self.module.types.iter().find(|t| t.rust_name == rust_name) else {
            return true;
        };
        let def = match &ty.kind {
            TypeKind::Struct(def) => def,
            TypeKind::Newtype(value) => {
                return !matches!(value, TypeRef::Builtin(Builtin::F32 | Builtin::F64));
            }
            TypeKind::Enum(_) => return true,
        };
        visiting.push(rust_name.to_owned());
        let types = def
            .attributes
            .iter()
            .map(|a| &a.ty)
            .chain(def.fields.iter().map(|f| &f.ty));
        let eq = types.collect::<Vec<_>>().into_iter().all(|t| match t {
            TypeRef::Builtin(Builtin::F32 | Builtin::F64) => false,
            TypeRef::Builtin(_) | TypeRef::AnyElement => true,
            TypeRef::Named(name) => self.is_eq(name, visiting),
        });
        visiting.pop();
        eq
    }
}

/// The body of `Decode::decode`: one slot per member (the bases' members
/// too, since they share the element), filled from the attributes and the
/// children, then the value built from them.
fn decode_struct(def: &StructDef) -> TokenStream {
    let attributes: Vec<&AttributeDef> = def.all_attributes().collect();
    let fields: Vec<&FieldDef> = def.all_fields().collect();
    let any_attribute = has_any_attribute(def);

    let mut slots: Vec<TokenStream> = attributes
        .iter()
        .map(|a| {
            let slot = slot(&a.rust_name);
            quote!(let mut #slot = None;)
        })
        .collect();
    if any_attribute {
        let slot = ident(ANY_ATTRIBUTE_FIELD);
        slots.push(quote!(let mut #slot = Vec::new();));
    }
    // Attributes the schema does not declare (xsi:*, extensions) are
    // ignored, unless the type keeps them.
    let other_attribute = if any_attribute {
        let slot = ident(ANY_ATTRIBUTE_FIELD);
        quote!(#slot.push(attr.to_any()))
    } else {
        quote!({})
    };
    let attr_matches: Vec<(TokenStream, TokenStream)> = attributes
        .iter()
        .map(|a| {
            let slot = slot(&a.rust_name);
            let ns = namespace_tokens(a.namespace.as_deref());
            let local = &a.xml_name;
            (quote!((#ns, #local)), quote!(#slot = Some(attr.value()?)))
        })
        .collect();
    let read_attribute = match attr_matches.as_slice() {
        [] if !any_attribute => None,
        [(name, action)] if !any_attribute => Some(quote!(if attr.name() == #name { #action; })),
        _ => {
            let arms = attr_matches
                .iter()
                .map(|(name, action)| quote!(#name => #action,));
            Some(quote!(match attr.name() { #(#arms)* _ => #other_attribute, }))
        }
    };
    let read_attributes = read_attribute.map(|read| {
        quote! {
            for attr in d.attributes(start) {
                let attr = attr?;
                #read
            }
        }
    });

    slots.extend(fields.iter().map(|f| {
        let slot = slot(&f.rust_name);
        match f.occurs {
            Occurs::Repeated { .. } => quote!(let mut #slot = Vec::new();),
            _ => quote!(let mut #slot = None;),
        }
    }));
    let named = fields.iter().filter(|f| f.ty != TypeRef::AnyElement);
    let arms: Vec<TokenStream> = named
        .map(|f| {
            let slot = slot(&f.rust_name);
            let ns = namespace_tokens(f.namespace.as_deref());
            let names = std::iter::once(&f.xml_name).chain(&f.aliases);
            let action = match f.occurs {
                Occurs::Repeated { .. } => quote!(#slot.push(d.decode(&child)?)),
                _ => quote!(d.decode_once(&mut #slot, &child)?),
            };
            quote!((#ns, #(#names)|*) => #action,)
        })
        .collect();
    // A wildcard takes whatever no declared element matched.
    let wildcard = fields
        .iter()
        .find(|f| f.ty == TypeRef::AnyElement)
        .map(|any| {
            let slot = slot(&any.rust_name);
            match any.occurs {
                Occurs::Repeated { .. } => (quote!(#slot.push(d.raw_element(&child)?)), None),
                _ => (
                    quote!(#slot = Some(d.raw_element(&child)?)),
                    Some(quote!(if #slot.is_none())),
                ),
            }
        });
    let read_children = match wildcard {
        _ if fields.is_empty() => quote!(d.empty()?;),
        // Only a repeated wildcard: every child is kept.
        Some((keep, None)) if arms.is_empty() => {
            quote!(while let Some(child) = d.next_child()? { #keep; })
        }
        wildcard => {
            let unexpected = quote!(_ => return Err(d.unexpected(&child)),);
            let (keep, unexpected) = match wildcard {
                Some((keep, None)) => (Some(quote!(_ => #keep,)), None),
                Some((keep, Some(guard))) => (Some(quote!(_ #guard => #keep,)), Some(unexpected)),
                None => (None, Some(unexpected)),
            };
            quote! {
                while let Some(child) = d.next_child()? {
                    match child.name() {
                        #(#arms)*
                        #keep
                        #unexpected
                    }
                }
            }
        }
    };

    let value = struct_literal(def, quote!(Self));
    // The start tag is only read for its attributes.
    let start = if read_attributes.is_some() {
        quote!(start)
    } else {
        quote!(_)
    };
    quote! {
        fn decode(d: &mut xml::Decoder<'_>, #start: &xml::Start<'_>) -> xml::DecodeResult<Self> {
            #(#slots)*
            #read_attributes
            #read_children
            Ok(#value)
        }
    }
}

/// `Type { base: Base { .. }, member: slot, .. }` from the decoding slots,
/// checking what is required.
fn struct_literal(def: &StructDef, ty: TokenStream) -> TokenStream {
    let base = def.base.as_ref().map(|base| {
        let field = ident(&base.rust_field);
        let value = struct_literal(&base.def, ident(&base.rust_type).into_token_stream());
        quote!(#field: #value,)
    });
    let attributes = def.attributes.iter().map(|a| {
        let (field, slot) = (ident(&a.rust_name), slot(&a.rust_name));
        let local = &a.xml_name;
        if a.required {
            field_init(&field, quote!(d.required_attr(#slot, start, #local)?))
        } else {
            field_init(&field, quote!(#slot))
        }
    });
    let any_attribute = def
        .any_attribute
        .then(|| ident(ANY_ATTRIBUTE_FIELD))
        .map(|f| quote!(#f,));
    let fields = def.fields.iter().map(|f| {
        let (field, slot) = (ident(&f.rust_name), slot(&f.rust_name));
        let local = if f.ty == TypeRef::AnyElement {
            "any element"
        } else {
            &f.xml_name
        };
        let value = match f.occurs {
            Occurs::Required => quote!(d.required(#slot, #local)?),
            Occurs::Optional | Occurs::Repeated { min: 0, max: None } => quote!(#slot),
            Occurs::Repeated { min, max } => {
                let min = Literal::usize_unsuffixed(min);
                let max = match max.map(Literal::usize_unsuffixed) {
                    Some(max) => quote!(Some(#max)),
                    None => quote!(None),
                };
                quote!(d.occurs(#slot, #local, #min, #max)?)
            }
        };
        let value = match (f.boxed, f.occurs) {
            (false, _) => value,
            (true, Occurs::Required) => quote!(Box::new(#value)),
            (true, _) => quote!(#value.map(Box::new)),
        };
        field_init(&field, value)
    });
    quote!(#ty { #base #(#attributes)* #any_attribute #(#fields)* })
}

/// The body of `Encode::encode`: attributes (the bases' first), then child
/// elements (the bases' first).
fn encode_struct(def: &StructDef) -> TokenStream {
    let mut attributes = Vec::new();
    let mut children = Vec::new();
    let declared: Vec<&str> = def
        .all_attributes()
        .filter(|a| a.namespace.is_none())
        .map(|a| a.xml_name.as_str())
        .collect();
    encode_members(
        def,
        &quote!(self),
        &declared,
        &mut attributes,
        &mut children,
    );
    quote! {
        e.start(ns, name);
        #(#attributes)*
        #(#children)*
        e.end();
        Ok(())
    }
}

/// Adds the code that writes `def`'s members, reached through `path`;
/// `declared` names every unqualified attribute of the whole type.
fn encode_members(
    def: &StructDef,
    path: &TokenStream,
    declared: &[&str],
    attributes: &mut Vec<TokenStream>,
    children: &mut Vec<TokenStream>,
) {
    if let Some(base) = &def.base {
        let field = ident(&base.rust_field);
        encode_members(
            &base.def,
            &quote!(#path.#field),
            declared,
            attributes,
            children,
        );
    }
    attributes.extend(def.attributes.iter().map(|a| {
        let field = ident(&a.rust_name);
        let name = match &a.namespace {
            // The generator only qualifies attributes of the `xml:` namespace.
            Some(_) => format!("xml:{}", a.xml_name),
            None => a.xml_name.clone(),
        };
        if a.required {
            quote!(e.attr_value(#name, &#path.#field)?;)
        } else {
            quote!(e.attr_opt(#name, &#path.#field)?;)
        }
    }));
    if def.any_attribute {
        let field = ident(ANY_ATTRIBUTE_FIELD);
        attributes.push(quote!(e.any_attributes(&#path.#field, &[#(#declared),*])?;));
    }
    children.extend(def.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        if f.ty == TypeRef::AnyElement {
            return match f.occurs {
                Occurs::Required => quote!(e.raw_elements([&#path.#field])?;),
                _ => quote!(e.raw_elements(&#path.#field)?;),
            };
        }
        let ns = namespace_tokens(f.namespace.as_deref());
        let local = &f.xml_name;
        match (f.boxed, f.occurs) {
            (false, _) => quote!(e.element(#ns, #local, &#path.#field)?;),
            (true, Occurs::Required) => quote!(e.element(#ns, #local, &*#path.#field)?;),
            (true, _) => {
                quote!(if let Some(value) = &#path.#field { e.element(#ns, #local, &**value)?; })
            }
        }
    }));
}

fn has_any_attribute(def: &StructDef) -> bool {
    def.any_attribute || def.base.as_ref().is_some_and(|b| has_any_attribute(&b.def))
}

fn element(element: &ElementDef) -> TokenStream {
    let ty = ident(&element.rust_name);
    let ns = ident(&element.namespace);
    let local = &element.xml_name;
    let alias = element.alias.as_ref().map(|alias| {
        let alias = ident(alias);
        let doc = doc_attrs(&format!("The `{local}` element."));
        quote!(#doc pub type #alias = #ty;)
    });
    quote! {
        impl xml::Element for #ty {
            const NAMESPACE: &'static str = #ns;
            const NAME: &'static str = #local;
        }

        #alias
    }
}

fn operation(op: &OperationDef) -> TokenStream {
    let request = ident(&op.request);
    let response = ident(&op.response);
    let name = &op.name;
    let action = &op.soap_action;
    quote! {
        impl ::ews_um::Operation for #request {
            type Response = #response;
            const OPERATION: &'static str = #name;
            const SOAP_ACTION: &'static str = #action;
        }
    }
}

fn field_type(field: &FieldDef) -> TokenStream {
    let ty = rust_type(&field.ty);
    let ty = if field.boxed { quote!(Box<#ty>) } else { ty };
    match field.occurs {
        Occurs::Required => ty,
        Occurs::Optional => quote!(Option<#ty>),
        Occurs::Repeated { .. } => quote!(Vec<#ty>),
    }
}

fn rust_type(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Named(name) => ident(name).into_token_stream(),
        TypeRef::AnyElement => quote!(xml::RawXml),
        TypeRef::Builtin(b) => match b {
            Builtin::String => quote!(String),
            Builtin::Bool => quote!(bool),
            Builtin::I8 => quote!(i8),
            Builtin::I16 => quote!(i16),
            Builtin::I32 => quote!(i32),
            Builtin::I64 => quote!(i64),
            Builtin::U8 => quote!(u8),
            Builtin::U16 => quote!(u16),
            Builtin::U32 => quote!(u32),
            Builtin::U64 => quote!(u64),
            Builtin::F32 => quote!(f32),
            Builtin::F64 => quote!(f64),
        },
    }
}

fn namespace_tokens(ns: Option<&str>) -> TokenStream {
    match ns {
        Some(ns) => ident(ns).into_token_stream(),
        None => quote!(""),
    }
}

/// `field: value,`, or `field,` when the value is the variable of that name.
fn field_init(field: &Ident, value: TokenStream) -> TokenStream {
    if *field == value.to_string() {
        quote!(#field,)
    } else {
        quote!(#field: #value,)
    }
}

/// The local variable that collects a member while decoding: the field's
/// name, unless that is one of the names the decoding code itself uses.
fn slot(field: &str) -> Ident {
    ident(&naming::slot_name(field))
}

fn doc_attrs(text: &str) -> TokenStream {
    if text.is_empty() {
        return TokenStream::new();
    }
    let lines = text
        .lines()
        .map(|line| format!(" {line}").trim_end().to_owned());
    quote!(#(#[doc = #lines])*)
}

fn ident(name: &str) -> Ident {
    format_ident!("{}", name, span = Span::call_site())
}
