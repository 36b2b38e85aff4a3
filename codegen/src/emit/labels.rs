//! What the model says of members and variants, as the `#[xml(…)]` labels
//! the derives read (the `ews-um-labels` vocabulary) and as Rust types.

use ews_um_labels::{self as labels, Occurs, VersionRange};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{LitStr, Path};

use super::{Emitter, ident};
use crate::model::{Builtin, ElementMember, MemberKind, NsId, TypeRef};

impl Emitter<'_> {
    /// The label of a struct member.
    /// The label of a struct member in the versions `span` says.
    pub(super) fn member_label(&self, kind: &MemberKind, span: VersionRange) -> labels::Member {
        match kind {
            MemberKind::Base(_) => labels::Member::Base,
            MemberKind::Attribute(a) => labels::Member::Attribute {
                name: lit(&a.xml_name),
                ns: a.namespace.map(|ns| self.ns_path(ns)),
                optional: !a.required,
                versions: span,
            },
            MemberKind::AnyAttribute => labels::Member::AnyAttribute,
            MemberKind::Element(e) => labels::Member::Element(self.element_label(e, span)),
            MemberKind::Choice {
                occurs,
                boxed,
                open,
                ..
            } => labels::Member::Choice {
                occurs: *occurs,
                boxed: *boxed,
                open: *open,
            },
            MemberKind::Any { occurs } => labels::Member::Any { occurs: *occurs },
            MemberKind::Text(_) => labels::Member::Text,
            MemberKind::Unknown => labels::Member::Unknown,
        }
    }

    /// The label of a child element (or of a choice's alternative) in the
    /// versions `span` says.
    pub(super) fn element_label(&self, e: &ElementMember, span: VersionRange) -> labels::Element {
        labels::Element {
            name: lit(&e.xml_name),
            ns: e.namespace.map(|ns| self.ns_path(ns)),
            aliases: e.aliases.iter().map(|a| lit(a)).collect(),
            occurs: e.occurs,
            nillable: e.nillable,
            boxed: e.boxed,
            versions: span,
        }
    }

    /// The constant naming a namespace.
    pub(super) fn ns_path(&self, ns: NsId) -> Path {
        Path::from(ident(&self.model.namespace(ns).rust_name))
    }

    /// The Rust type of a struct member's field.
    pub(super) fn member_type(&self, kind: &MemberKind) -> TokenStream {
        match kind {
            MemberKind::Base(id) => ident(&self.model.get(*id).rust_name).into_token_stream(),
            MemberKind::Attribute(a) => {
                let ty = self.rust_type(&a.ty);
                if a.required { ty } else { quote!(Option<#ty>) }
            }
            MemberKind::AnyAttribute => quote!(Vec<xml::AnyAttribute>),
            MemberKind::Element(e) => self.element_type(e),
            MemberKind::Choice {
                ty, occurs, boxed, ..
            } => {
                let ty = self.rust_type(&TypeRef::Type(*ty));
                occurs_type(*occurs, if *boxed { quote!(Box<#ty>) } else { ty })
            }
            MemberKind::Any { occurs } => occurs_type(*occurs, quote!(xml::RawXml)),
            MemberKind::Text(ty) => self.rust_type(ty),
            MemberKind::Unknown => quote!(Vec<xml::RawXml>),
        }
    }

    /// The Rust type holding a child element's values.
    pub(super) fn element_type(&self, e: &ElementMember) -> TokenStream {
        let ty = self.rust_type(&e.ty);
        let ty = if e.boxed { quote!(Box<#ty>) } else { ty };
        let ty = if e.nillable { quote!(Option<#ty>) } else { ty };
        occurs_type(e.occurs, ty)
    }

    /// A generated type as the module's top level names it: an anonymous
    /// choice's by way of its holder's module.
    pub(super) fn type_path(&self, id: crate::model::TypeId) -> TokenStream {
        let def = self.model.get(id);
        let name = ident(&def.rust_name);
        match &def.module {
            Some(module) => {
                let module = ident(module);
                quote!(#module::#name)
            }
            None => name.into_token_stream(),
        }
    }

    pub(super) fn rust_type(&self, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Type(id) => self.type_path(*id),
            TypeRef::AnyElement => quote!(xml::RawXml),
            TypeRef::List(item) => {
                let item = self.rust_type(item);
                quote!(xml::List<#item>)
            }
            TypeRef::Builtin(b) => match b {
                Builtin::String => quote!(String),
                Builtin::Base64 => quote!(xml::Base64),
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
}

/// `ty` as held by a member that occurs as `occurs` says.
fn occurs_type(occurs: Occurs, ty: TokenStream) -> TokenStream {
    match occurs {
        Occurs::Required => ty,
        Occurs::Optional => quote!(Option<#ty>),
        Occurs::Repeated { .. } => quote!(Vec<#ty>),
    }
}

pub(super) fn lit(value: &str) -> LitStr {
    LitStr::new(value, Span::call_site())
}
