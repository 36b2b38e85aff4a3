//! Emission: the model as Rust tokens. Each type becomes its declaration
//! plus short `Decode`/`Encode` impls that call the `ews_um::xml` runtime;
//! everything shared lives there, once.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote};

use crate::model::*;

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
    fn derives(&self, eq: bool, hash: bool) -> TokenStream {
        let eq = eq.then(|| quote!(Eq,));
        let hash = hash.then(|| quote!(Hash,));
        let serde = self.module.serde_feature.as_ref().map(|feature| {
            quote!(#[cfg_attr(feature = #feature, derive(::serde::Serialize, ::serde::Deserialize))])
        });
        quote! {
            #[derive(Debug, Clone, PartialEq, #eq #hash)]
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
        }
    }

    fn struct_def(&self, ty: &TypeDef, def: &StructDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(self.is_eq(&ty.rust_name, &mut Vec::new()), false);
        if def.attributes.is_empty() && def.fields.is_empty() {
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

        let attr_members = def.attributes.iter().map(|a| {
            let field = ident(&a.rust_name);
            let ty = rust_type(&a.ty);
            let ty = if a.required { ty } else { quote!(Option<#ty>) };
            let doc = doc_attrs(&a.docs);
            let skip = (!a.required)
                .then(|| self.serde_attr(quote!(default, skip_serializing_if = "Option::is_none")));
            quote!(#doc #skip pub #field: #ty,)
        });
        let field_members = def.fields.iter().map(|f| {
            let field = ident(&f.rust_name);
            let ty = field_type(f);
            let doc = doc_attrs(&f.docs);
            let skip = match f.occurs {
                Occurs::Required => None,
                Occurs::Optional => {
                    self.serde_attr(quote!(default, skip_serializing_if = "Option::is_none"))
                }
                Occurs::Repeated { .. } => {
                    self.serde_attr(quote!(default, skip_serializing_if = "Vec::is_empty"))
                }
            };
            quote!(#doc #skip pub #field: #ty,)
        });

        let decode = decode_struct(def);
        let encode = encode_struct(def);
        quote! {
            #doc
            #derives
            pub struct #name {
                #(#attr_members)*
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

    fn enum_def(&self, ty: &TypeDef, def: &EnumDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(true, true);
        let unknown = ident(&def.unknown_variant);
        let variants = def.values.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let doc = doc_attrs(&v.docs);
            let rename = (v.rust_name != v.xml_value).then(|| {
                let value = &v.xml_value;
                self.serde_attr(quote!(rename = #value))
            });
            quote!(#doc #rename #variant,)
        });
        let untagged = self.serde_attr(quote!(untagged));
        let to_str = def.values.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let value = &v.xml_value;
            quote!(Self::#variant => #value,)
        });
        let from_str = def.values.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let value = &v.xml_value;
            quote!(#value => Self::#variant,)
        });
        quote! {
            #doc
            #derives
            pub enum #name {
                #(#variants)*
                /// A value the schema does not list, kept as it was sent.
                #untagged
                #unknown(String),
            }

            impl #name {
                /// The value as written in XML.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(#to_str)*
                        Self::#unknown(value) => value,
                    }
                }
            }

            impl xml::SimpleType for #name {
                fn parse(text: xml::Text<'_>) -> xml::ParseResult<Self> {
                    let value = match xml::collapse(&text)? {
                        #(#from_str)*
                        other => Self::#unknown(other.to_owned()),
                    };
                    Ok(value)
                }

                fn text(&self) -> xml::Text<'_> {
                    self.as_str().into()
                }
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
        let derives = self.derives(eq, false);
        let variants = elements.iter().map(|e| {
            let ty = ident(&e.rust_name);
            let doc = doc_attrs(&format!("A `{}` element.", e.xml_name));
            quote!(#doc #ty(#ty),)
        });
        let decode_arms = elements.iter().map(|e| {
            let ty = ident(&e.rust_name);
            let ns = ident(&e.namespace);
            let local = &e.xml_name;
            quote!((#ns, #local) => Self::#ty(d.decode(start)?),)
        });
        let encode_arms = elements.iter().map(|e| {
            let ty = ident(&e.rust_name);
            quote!(Self::#ty(message) => message.encode_payload(e),)
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
        let TypeKind::Struct(def) = &ty.kind else {
            return true;
        };
        visiting.push(rust_name.to_owned());
        let types = def
            .attributes
            .iter()
            .map(|a| &a.ty)
            .chain(def.fields.iter().map(|f| &f.ty));
        let eq = types.collect::<Vec<_>>().into_iter().all(|t| match t {
            TypeRef::Builtin(Builtin::F32 | Builtin::F64) => false,
            TypeRef::Builtin(_) => true,
            TypeRef::Named(name) => self.is_eq(name, visiting),
        });
        visiting.pop();
        eq
    }
}

fn decode_struct(def: &StructDef) -> TokenStream {
    let attr_slots = def.attributes.iter().map(|a| {
        let field = ident(&a.rust_name);
        quote!(let mut #field = None;)
    });
    // Attributes the schema does not declare (xsi:*, extensions) are ignored.
    let attr_matches = def.attributes.iter().map(|a| {
        let field = ident(&a.rust_name);
        let ns = namespace_tokens(a.namespace.as_deref());
        let local = &a.xml_name;
        (quote!((#ns, #local)), quote!(#field = Some(attr.value()?)))
    });
    let read_attribute = match def.attributes.as_slice() {
        [] => None,
        [_] => attr_matches
            .map(|(name, action)| quote!(if attr.name() == #name { #action; }))
            .next(),
        _ => {
            let arms = attr_matches.map(|(name, action)| quote!(#name => #action,));
            Some(quote!(match attr.name() { #(#arms)* _ => {} }))
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

    let field_slots = def.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        match f.occurs {
            Occurs::Repeated { .. } => quote!(let mut #field = Vec::new();),
            _ => quote!(let mut #field = None;),
        }
    });
    let field_arms = def.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let ns = namespace_tokens(f.namespace.as_deref());
        let names = std::iter::once(&f.xml_name).chain(&f.aliases);
        let action = match f.occurs {
            Occurs::Repeated { .. } => quote!(#field.push(d.decode(&child)?)),
            _ => quote!(d.decode_once(&mut #field, &child)?),
        };
        quote!((#ns, #(#names)|*) => #action,)
    });
    let read_children = if def.fields.is_empty() {
        quote!(d.empty()?;)
    } else {
        quote! {
            while let Some(child) = d.next_child()? {
                match child.name() {
                    #(#field_arms)*
                    _ => return Err(d.unexpected(&child)),
                }
            }
        }
    };

    let attr_values = def.attributes.iter().map(|a| {
        let field = ident(&a.rust_name);
        let local = &a.xml_name;
        if a.required {
            quote!(#field: d.required_attr(#field, start, #local)?,)
        } else {
            quote!(#field,)
        }
    });
    let field_values = def.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let local = &f.xml_name;
        match f.occurs {
            Occurs::Required => quote!(#field: d.required(#field, #local)?,),
            Occurs::Optional | Occurs::Repeated { min: 0, max: None } => quote!(#field,),
            Occurs::Repeated { min, max } => {
                let min = Literal::usize_unsuffixed(min);
                let max = match max.map(Literal::usize_unsuffixed) {
                    Some(max) => quote!(Some(#max)),
                    None => quote!(None),
                };
                quote!(#field: d.occurs(#field, #local, #min, #max)?,)
            }
        }
    });
    // The start tag is only read for its attributes.
    let start = if def.attributes.is_empty() {
        quote!(_)
    } else {
        quote!(start)
    };
    quote! {
        fn decode(d: &mut xml::Decoder<'_>, #start: &xml::Start<'_>) -> xml::DecodeResult<Self> {
            #(#attr_slots)*
            #read_attributes
            #(#field_slots)*
            #read_children
            Ok(Self {
                #(#attr_values)*
                #(#field_values)*
            })
        }
    }
}

fn encode_struct(def: &StructDef) -> TokenStream {
    let attrs = def.attributes.iter().map(|a| {
        let field = ident(&a.rust_name);
        let name = match &a.namespace {
            // The generator only qualifies attributes of the `xml:` namespace.
            Some(_) => format!("xml:{}", a.xml_name),
            None => a.xml_name.clone(),
        };
        if a.required {
            quote!(e.attr_value(#name, &self.#field)?;)
        } else {
            quote!(e.attr_opt(#name, &self.#field)?;)
        }
    });
    let children = def.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let ns = namespace_tokens(f.namespace.as_deref());
        let local = &f.xml_name;
        quote!(e.element(#ns, #local, &self.#field)?;)
    });
    quote! {
        e.start(ns, name);
        #(#attrs)*
        #(#children)*
        e.end();
        Ok(())
    }
}

fn element(element: &ElementDef) -> TokenStream {
    let ty = ident(&element.rust_name);
    let ns = ident(&element.namespace);
    let local = &element.xml_name;
    quote! {
        impl xml::Element for #ty {
            const NAMESPACE: &'static str = #ns;
            const NAME: &'static str = #local;
        }
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
    match field.occurs {
        Occurs::Required => ty,
        Occurs::Optional => quote!(Option<#ty>),
        Occurs::Repeated { .. } => quote!(Vec<#ty>),
    }
}

fn rust_type(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Named(name) => ident(name).into_token_stream(),
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
