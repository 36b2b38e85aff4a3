//! Emission: the model as Rust tokens. Each type becomes a declaration
//! whose fields say their XML names (`#[xml(…)]`); its decoder and encoder
//! come from the derives of `ews-um-derive` over the `ews_um::xml` runtime,
//! so that what all types share exists once. Only the wrappers of
//! top-level elements and the enum of all elements are written out here.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote};

use crate::model::*;

/// The whole module as one file.
pub fn module(module: &Module) -> TokenStream {
    let head = head(module);
    let types = types(module, |_| true);
    quote!(#head #types)
}

/// The module as a directory: `mod.rs` with the namespaces and the enum of
/// top-level elements, and a submodule per schema file holding the types it
/// declares, all re-exported. Returns `mod.rs` and `(submodule, code)`s.
pub fn module_files(module: &Module) -> (TokenStream, Vec<(String, TokenStream)>) {
    let mut files: Vec<&str> = module
        .types
        .iter()
        .map(|t| t.file.as_str())
        .filter(|f| !f.is_empty())
        .collect();
    files.sort_unstable();
    files.dedup();
    let parts: Vec<(String, TokenStream)> = files
        .iter()
        .map(|file| {
            let types = types(module, |t| t.file == *file);
            let code = quote! {
                use super::*;
                use ::ews_um::xml;
                #types
            };
            (submodule_name(file), code)
        })
        .collect();
    let head = head(module);
    let unfiled = types(module, |t| t.file.is_empty());
    let mods = parts.iter().map(|(name, _)| {
        let name = ident(name);
        quote!(mod #name; pub use #name::*;)
    });
    (quote!(#head #(#mods)* #unfiled), parts)
}

/// The Rust module a schema file's types go to (never `xml`, the
/// runtime's name in generated code).
fn submodule_name(file: &str) -> String {
    let name = crate::naming::field_name(file);
    if name == "xml" {
        "xml_types".to_owned()
    } else {
        name
    }
}

/// What every module starts with: the runtime, the namespaces, the enum of
/// top-level elements.
fn head(module: &Module) -> TokenStream {
    let namespaces = module.namespaces.iter().map(|(name, uri)| {
        let name = ident(name);
        let doc = doc_attrs(&format!("The namespace `{uri}`."));
        quote! {
            #doc
            pub const #name: &str = #uri;
        }
    });
    let message = Emitter { module }.message_enum();
    quote! {
        use ::ews_um::xml;
        #(#namespaces)*
        #message
    }
}

/// The types `keep` picks, each followed by what it implements as a
/// top-level element and as an operation, so that one place tells all
/// about it.
fn types(module: &Module, keep: impl Fn(&TypeDef) -> bool) -> TokenStream {
    let emitter = Emitter { module };
    let types = module.types.iter().filter(|t| keep(t)).map(|ty| {
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
    quote!(#(#types)*)
}

struct Emitter<'m> {
    module: &'m Module,
}

impl Emitter<'_> {
    /// The derives of a type: the common ones, then `xml`'s.
    fn derives(&self, eq: bool, xml: Option<TokenStream>) -> TokenStream {
        let eq = eq.then(|| quote!(Eq,));
        let xml = xml.map(|derive| quote!(xml::#derive));
        let serde = self.module.serde_feature.as_ref().map(|feature| {
            quote!(#[cfg_attr(feature = #feature, derive(::serde::Serialize, ::serde::Deserialize))])
        });
        quote! {
            #[derive(Debug, Clone, PartialEq, #eq #xml)]
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
            TypeKind::Choice(variants) => self.choice_def(ty, variants),
            TypeKind::Derived(def) => self.derived_def(ty, def),
            TypeKind::Union(members) => self.union_def(ty, members),
        }
    }

    fn struct_def(&self, ty: &TypeDef, def: &StructDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(
            self.is_eq(&ty.rust_name, &mut Vec::new()),
            Some(quote!(ComplexType)),
        );
        if def.is_empty() {
            return quote! {
                #doc
                #derives
                pub struct #name;
            };
        }

        let base_member = def.base.as_ref().map(|base| {
            let field = ident(&base.rust_field);
            let ty = ident(&base.rust_type);
            let doc = doc_attrs(&format!(
                "The members of `{}`, which this type extends.",
                base.rust_type
            ));
            quote!(#doc #[xml(base)] pub #field: #ty,)
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
            let local = &a.xml_name;
            let ns = a.namespace.as_deref().map(|ns| {
                let ns = ident(ns);
                quote!(, ns = #ns)
            });
            quote!(#doc #[xml(attribute = #local #ns)] #skip pub #field: #ty,)
        });
        let any_attribute_member = def.any_attribute.then(|| {
            let field = ident(ANY_ATTRIBUTE_FIELD);
            let skip = skip_empty();
            quote! {
                /// Attributes the schema leaves open (`xs:anyAttribute`), kept as sent.
                #[xml(any_attribute)] #skip pub #field: Vec<xml::AnyAttribute>,
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
            let xml = field_attr(f);
            quote!(#doc #xml #skip pub #field: #ty,)
        });
        let text_member = def.text.as_ref().map(|text| {
            let field = ident(TEXT_FIELD);
            let ty = rust_type(text);
            quote!(/// The element's text.
                #[xml(text)] pub #field: #ty,)
        });
        quote! {
            #doc
            #derives
            pub struct #name {
                #base_member
                #(#attr_members)*
                #any_attribute_member
                #(#field_members)*
                #text_member
            }
        }
    }

    /// One of several elements.
    fn choice_def(&self, ty: &TypeDef, variants: &[FieldDef]) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(
            self.is_eq(&ty.rust_name, &mut Vec::new()),
            Some(quote!(Choice)),
        );
        let variants = variants.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let doc = doc_attrs(&v.docs);
            let xml = field_attr(v);
            let ty = field_type(v);
            quote!(#doc #xml #variant(#ty),)
        });
        quote! {
            #doc
            #derives
            pub enum #name {
                #(#variants)*
            }
        }
    }

    /// A type and the types derived from it, each boxed: the enum stays
    /// small whatever the size of its largest member.
    fn derived_def(&self, ty: &TypeDef, def: &DerivedDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(
            self.is_eq(&ty.rust_name, &mut Vec::new()),
            Some(quote!(Derived)),
        );
        let declared = &ty.xml_name;
        let ns = ident(&def.namespace);
        let is_abstract = def.base.is_none().then(|| quote!(, abstract));
        let base = def.base.as_ref().map(|base| {
            let variant = ident(base);
            let doc = doc_attrs(&format!("`{declared}` itself (no `xsi:type`)."));
            quote!(#doc #[xml(base)] #variant(Box<#variant>),)
        });
        let variants = def.variants.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let (ns, local) = (ident(&v.namespace), &v.xml_name);
            let doc = doc_attrs(&format!("`xsi:type=\"{local}\"`."));
            quote!(#doc #[xml(name = #local, ns = #ns)] #variant(Box<#variant>),)
        });
        quote! {
            #doc
            #derives
            #[xml(name = #declared, ns = #ns #is_abstract)]
            pub enum #name {
                #base
                #(#variants)*
            }
        }
    }

    /// A union of simple types.
    fn union_def(&self, ty: &TypeDef, members: &[(String, TypeRef)]) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(
            self.is_eq(&ty.rust_name, &mut Vec::new()),
            Some(quote!(Union)),
        );
        let untagged = self.serde_attr(quote!(untagged));
        let variants = members.iter().map(|(variant, ty)| {
            let variant = ident(variant);
            let ty = rust_type(ty);
            quote!(#variant(#ty),)
        });
        quote! {
            #doc
            #derives
            #untagged
            pub enum #name {
                #(#variants)*
            }
        }
    }

    fn newtype_def(&self, ty: &TypeDef, value: &TypeRef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&ty.docs);
        let derives = self.derives(self.is_eq_ref(value, &mut Vec::new()), None);
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
        let derives = self.derives(eq, Some(quote!(Choice)));
        // Variants are named after the elements.
        let variants = elements.iter().map(|e| {
            let variant = ident(e.alias.as_ref().unwrap_or(&e.rust_name));
            let ty = ident(&e.rust_name);
            let ns = ident(&e.namespace);
            let local = &e.xml_name;
            let doc = doc_attrs(&format!("The `{local}` element."));
            quote!(#doc #[xml(element = #local, ns = #ns)] #variant(#ty),)
        });
        // A SOAP body holds one of the elements: the choice of them all.
        quote! {
            /// Any top-level element of this module, chosen by its name.
            #derives
            pub enum #name {
                #(#variants)*
            }

            impl xml::Payload for #name {
                fn decode_payload(d: &mut xml::Decoder<'_>, start: &xml::Start<'_>) -> xml::DecodeResult<Option<Self>> {
                    xml::Choice::decode_choice(d, start)
                }

                fn encode_payload(&self, e: &mut xml::Encoder) -> xml::EncodeResult {
                    xml::Choice::encode_choice(self, e)
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
        let types: Vec<TypeRef> = match &ty.kind {
            TypeKind::Struct(def) => {
                let base = def.base.iter().map(|b| TypeRef::Named(b.rust_type.clone()));
                def.attributes
                    .iter()
                    .map(|a| a.ty.clone())
                    .chain(def.fields.iter().map(|f| f.ty.clone()))
                    .chain(def.text.clone())
                    .chain(base)
                    .collect()
            }
            TypeKind::Newtype(value) => vec![value.clone()],
            TypeKind::Enum(_) => return true,
            TypeKind::Choice(variants) => variants.iter().map(|v| v.ty.clone()).collect(),
            TypeKind::Derived(def) => def
                .base
                .iter()
                .chain(def.variants.iter().map(|v| &v.rust_name))
                .map(|n| TypeRef::Named(n.clone()))
                .collect(),
            TypeKind::Union(members) => members.iter().map(|(_, t)| t.clone()).collect(),
        };
        visiting.push(rust_name.to_owned());
        let eq = types.iter().all(|t| self.is_eq_ref(t, visiting));
        visiting.pop();
        eq
    }

    fn is_eq_ref(&self, ty: &TypeRef, visiting: &mut Vec<String>) -> bool {
        match ty {
            TypeRef::Builtin(Builtin::F32 | Builtin::F64) => false,
            TypeRef::Builtin(_) | TypeRef::AnyElement => true,
            TypeRef::List(item) => self.is_eq_ref(item, visiting),
            TypeRef::Named(name) => self.is_eq(name, visiting),
        }
    }
}

/// `#[xml(…)]` for a child element, choice or wildcard.
fn field_attr(f: &FieldDef) -> TokenStream {
    let mut parts = Vec::new();
    if f.ty == TypeRef::AnyElement {
        parts.push(quote!(any));
    } else if f.choice {
        parts.push(quote!(choice));
    } else {
        let local = &f.xml_name;
        parts.push(quote!(element = #local));
        if let Some(ns) = &f.namespace {
            let ns = ident(ns);
            parts.push(quote!(ns = #ns));
        }
        parts.extend(f.aliases.iter().map(|alias| quote!(alias = #alias)));
        if f.nillable {
            parts.push(quote!(nillable));
        }
    }
    if let Occurs::Repeated { min, max } = f.occurs {
        if min > 0 {
            let min = Literal::usize_unsuffixed(min);
            parts.push(quote!(min = #min));
        }
        if let Some(max) = max {
            let max = Literal::usize_unsuffixed(max);
            parts.push(quote!(max = #max));
        }
    }
    quote!(#[xml(#(#parts),*)])
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
    let ty = if field.nillable {
        quote!(Option<#ty>)
    } else {
        ty
    };
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
        TypeRef::List(item) => {
            let item = rust_type(item);
            quote!(xml::List<#item>)
        }
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
