//! The declaration of each kind of type, with its derives and labels, and
//! what a type implements as a top-level element or an operation.

use ews_um_labels::{
    self as labels, ChoiceVariant, DeclaredType, DerivedVariant, EnumVariant, Occurs,
};
use proc_macro2::TokenStream;
use quote::quote;

use super::labels::lit;
use super::{Emitter, doc_attrs, ident, variant_names_allow};
use crate::model::{
    ChoiceDef, DerivedDef, ElementDef, EnumDef, Member, MemberKind, Presence, StructDef, TypeDef,
    TypeId, TypeKind, TypeRef, UnionMember,
};

impl Emitter<'_> {
    pub(super) fn type_def(&self, id: TypeId) -> TokenStream {
        let ty = self.model.get(id);
        match &ty.kind {
            TypeKind::Struct(def) => self.struct_def(ty, def),
            TypeKind::Enum(def) => self.enum_def(ty, def),
            TypeKind::Newtype(value) => self.newtype_def(ty, value),
            TypeKind::Choice(choice) => self.choice_def(ty, choice),
            TypeKind::Derived(def) => self.derived_def(ty, def),
            TypeKind::Union(members) => self.union_def(ty, members),
        }
    }

    /// The derives of a type: the common ones, then `xml`'s.
    fn derives(&self, eq: bool, default: bool, xml: Option<TokenStream>) -> TokenStream {
        let eq = eq.then(|| quote!(Eq,));
        let default = default.then(|| quote!(Default,));
        let xml = xml.map(|derive| quote!(xml::#derive));
        let serde = self.feature_derives();
        quote! {
            #[derive(Debug, Clone, #default PartialEq, #eq #xml)]
            #serde
        }
    }

    /// The derives behind cargo features: serde's, `arbitrary`'s.
    pub(super) fn feature_derives(&self) -> TokenStream {
        let serde = self.serde_feature.map(|feature| {
            quote!(#[cfg_attr(feature = #feature, derive(::serde::Serialize, ::serde::Deserialize))])
        });
        let arbitrary = self
            .arbitrary_feature
            .map(|feature| quote!(#[cfg_attr(feature = #feature, derive(::arbitrary::Arbitrary))]));
        quote!(#serde #arbitrary)
    }

    pub(super) fn serde_attr(&self, attr: TokenStream) -> Option<TokenStream> {
        let feature = self.serde_feature?;
        Some(quote!(#[cfg_attr(feature = #feature, serde(#attr))]))
    }

    fn struct_def(&self, ty: &TypeDef, def: &StructDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = self.schema_doc(&ty.docs);
        let derives = self.derives(ty.eq, ty.default, Some(quote!(ComplexType)));
        if def.members.is_empty() {
            return quote! {
                #doc
                #derives
                pub struct #name;
            };
        }
        let members = def.members.iter().map(|m| self.member(ty, m));
        let constructor = self.constructor(ty, def);
        quote! {
            #doc
            #derives
            pub struct #name {
                #(#members)*
            }
            #constructor
        }
    }

    /// A struct member: its documentation, label, serde attributes and field.
    fn member(&self, owner: &TypeDef, member: &Member) -> TokenStream {
        let field = ident(&member.rust_name);
        let ty = self.member_type(&member.kind);
        let range = self.version_range(member.presence, owner.presence);
        // A choice's alternatives say their own versions.
        let versions_doc = match member.kind {
            MemberKind::Element(_) | MemberKind::Attribute(_) => {
                self.versions_doc(member.presence, &range)
            }
            _ => TokenStream::new(),
        };
        let label = self.member_label(&member.kind, range);
        let skip_none =
            || self.serde_attr(quote!(default, skip_serializing_if = "Option::is_none"));
        let skip_empty = || self.serde_attr(quote!(default, skip_serializing_if = "Vec::is_empty"));
        let skip_for = |occurs: Occurs| match occurs {
            Occurs::Required => None,
            Occurs::Optional => skip_none(),
            Occurs::Repeated { .. } => skip_empty(),
        };
        let (doc, skip) = match &member.kind {
            MemberKind::Base(base) => {
                let base = &self.model.get(*base).rust_name;
                let doc = format!("The members of `{base}`, which this type extends.");
                (doc_attrs(&doc), None)
            }
            MemberKind::Attribute(a) => {
                let docs = self.schema_doc(&member.docs);
                let default = a.default.as_ref().map(|d| {
                    doc_attrs(&format!(
                        "When absent, the schema's default applies: `{d}`."
                    ))
                });
                // A blank line between the schema's words and the default.
                let gap = (self.schema_docs && !member.docs.is_empty() && default.is_some())
                    .then(|| quote!(#[doc = ""]));
                (
                    quote!(#docs #gap #default),
                    (!a.required).then(skip_none).flatten(),
                )
            }
            MemberKind::AnyAttribute => {
                let doc = "Attributes the schema leaves open (`xs:anyAttribute`), kept as sent.";
                (doc_attrs(doc), skip_empty())
            }
            MemberKind::Element(e) => (self.schema_doc(&member.docs), skip_for(e.occurs)),
            MemberKind::Choice { occurs, .. } => (self.schema_doc(&member.docs), skip_for(*occurs)),
            MemberKind::Any { occurs } if member.docs.is_empty() => {
                let doc = "Elements the schema leaves open (`xs:any`), kept as sent.";
                (doc_attrs(doc), skip_for(*occurs))
            }
            MemberKind::Any { occurs } => (self.schema_doc(&member.docs), skip_for(*occurs)),
            MemberKind::Text(_) => (doc_attrs("The element's text."), None),
            MemberKind::Unknown => {
                let doc = "Elements the schema does not declare (from a newer version of it, say), kept as sent and written after the others.";
                (doc_attrs(doc), skip_empty())
            }
        };
        quote!(#doc #versions_doc #label #skip pub #field: #ty,)
    }

    /// One of several elements; an open choice keeps any other element as
    /// its unknown variant.
    fn choice_def(&self, ty: &TypeDef, choice: &ChoiceDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = self.schema_doc(&ty.docs);
        let derives = self.derives(ty.eq, false, Some(quote!(Choice)));
        let alternatives = &choice.alternatives;
        let names = alternatives.iter().map(|a| a.rust_name.as_str());
        let allow = variant_names_allow(
            &ty.rust_name,
            names.chain(choice.unknown_variant.as_deref()),
        );
        let variants = alternatives.iter().map(|a| {
            let variant = ident(&a.rust_name);
            let doc = self.schema_doc(&a.docs);
            // Alternatives say their versions whatever their choice's: the
            // version check looks them up in the choice, not its holder.
            let range = self.version_range(a.presence, Presence::default());
            let versions_doc = self.versions_doc(a.presence, &range);
            let label = self.element_label(&a.element, range);
            let ty = self.element_type(&a.element);
            quote!(#doc #versions_doc #label #variant(#ty),)
        });
        let unknown = choice.unknown_variant.as_ref().map(|variant| {
            let variant = ident(variant);
            let doc = doc_attrs(
                "An element none of the others is (from a newer version of the schema, say), kept as sent.",
            );
            let label = ChoiceVariant::Other;
            quote!(#doc #label #variant(xml::RawXml),)
        });
        quote! {
            #doc
            #derives
            #allow
            pub enum #name {
                #(#variants)*
                #unknown
            }
        }
    }

    /// A type and the types derived from it, each boxed: the enum stays
    /// small whatever the size of its largest member.
    fn derived_def(&self, ty: &TypeDef, def: &DerivedDef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = self.schema_doc(&ty.docs);
        let derives = self.derives(ty.eq, false, Some(quote!(Derived)));
        let declared = &ty.xml_name;
        let label = DeclaredType {
            name: lit(declared),
            ns: Some(self.ns_path(def.namespace)),
            is_abstract: def.base.is_none(),
        };
        let base = def.base.map(|base| {
            let variant = ident(&self.model.get(base).rust_name);
            let doc = doc_attrs(&format!("`{declared}` itself (no `xsi:type`)."));
            let label = DerivedVariant::Base;
            quote!(#doc #label #variant(Box<#variant>),)
        });
        let variants = def.variants.iter().map(|v| {
            let variant = ident(&self.model.get(v.ty).rust_name);
            let doc = doc_attrs(&format!("`xsi:type=\"{}\"`.", v.xml_name));
            // The versions of the type itself: where an older version
            // gave the element the declared type alone, no `xsi:type` is
            // valid there.
            let presence = self.model.get(v.ty).presence;
            let range = self.version_range(presence, Presence::default());
            let versions_doc = self.versions_doc(presence, &range);
            let label = DerivedVariant::Type {
                name: lit(&v.xml_name),
                ns: Some(self.ns_path(v.namespace)),
                versions: range,
            };
            quote!(#doc #versions_doc #label #variant(Box<#variant>),)
        });
        let unknown = def.unknown.as_ref().map(|unknown| {
            let variant = ident(&unknown.rust_name);
            let value = self.type_path(unknown.ty);
            let doc = doc_attrs(&format!(
                "A type `xsi:type` names that the schema does not (one a newer version of it derives from `{declared}`, say), read as `{declared}`: its name kept, to be written back."
            ));
            let label = DerivedVariant::Other;
            quote!(#doc #label #variant(Box<xml::UnknownType<#value>>),)
        });
        let upcast = self.derived_upcast(ty, def);
        let names: Vec<&str> = def
            .types()
            .map(|v| self.model.get(v).rust_name.as_str())
            .chain(def.unknown.as_ref().map(|u| u.rust_name.as_str()))
            .collect();
        let allow = variant_names_allow(&ty.rust_name, names);
        quote! {
            #doc
            #derives
            #label
            #allow
            pub enum #name {
                #base
                #(#variants)*
                #unknown
            }
            #upcast
        }
    }

    /// `AsRef` to the declared type, when it is a struct: what every value
    /// has, whichever type it is.
    fn derived_upcast(&self, ty: &TypeDef, def: &DerivedDef) -> Option<TokenStream> {
        let declared = self.model.declared_struct(ty, def)?;
        let arms = def
            .types()
            .map(|v| {
                let variant = ident(&self.model.get(v).rust_name);
                let path = self.base_path(v, declared)?;
                // A reference to the box coerces; field access sees through it.
                Some(if path.is_empty() {
                    quote!(Self::#variant(v) => v,)
                } else {
                    quote!(Self::#variant(v) => &v #(.#path)*,)
                })
            })
            .collect::<Option<Vec<_>>>()?;
        // A type the schema does not know is read as the declared one.
        let unknown = def.unknown.as_ref().map(|u| {
            let variant = ident(&u.rust_name);
            quote!(Self::#variant(v) => &v.value,)
        });
        let name = ident(&ty.rust_name);
        let target = self.type_path(declared);
        Some(quote! {
            impl AsRef<#target> for #name {
                fn as_ref(&self) -> &#target {
                    match self {
                        #(#arms)*
                        #unknown
                    }
                }
            }
        })
    }

    /// A union of simple types.
    fn union_def(&self, ty: &TypeDef, members: &[UnionMember]) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = self.schema_doc(&ty.docs);
        let derives = self.derives(ty.eq, false, Some(quote!(Union)));
        let untagged = self.serde_attr(quote!(untagged));
        let allow =
            variant_names_allow(&ty.rust_name, members.iter().map(|m| m.rust_name.as_str()));
        let variants = members.iter().map(|m| {
            let variant = ident(&m.rust_name);
            let ty = self.rust_type(&m.ty);
            quote!(#variant(#ty),)
        });
        quote! {
            #doc
            #derives
            #untagged
            #allow
            pub enum #name {
                #(#variants)*
            }
        }
    }

    /// A top-level element's wrapper around its value.
    fn newtype_def(&self, ty: &TypeDef, value: &TypeRef) -> TokenStream {
        let name = ident(&ty.rust_name);
        let doc = self.schema_doc(&ty.docs);
        let derives = self.derives(ty.eq, false, None);
        let value = self.rust_type(value);
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
        let doc = self.schema_doc(&ty.docs);
        let serde = self.feature_derives();
        let unknown = ident(&def.unknown_variant);
        let variants = def.values.iter().map(|v| {
            let variant = ident(&v.rust_name);
            let doc = self.schema_doc(&v.docs);
            let value = &v.xml_value;
            let renamed = v.rust_name != v.xml_value;
            let span = self.version_range(v.presence, ty.presence);
            let versions_doc = self.versions_doc(v.presence, &span);
            let label = EnumVariant::Value(renamed.then(|| lit(value)), span);
            let serde_rename = renamed.then(|| self.serde_attr(quote!(rename = #value)));
            quote!(#doc #versions_doc #label #serde_rename #variant,)
        });
        let untagged = self.serde_attr(quote!(untagged));
        let other = EnumVariant::Other;
        let names = def.values.iter().map(|v| v.rust_name.as_str());
        let allow = variant_names_allow(&ty.rust_name, names.chain([def.unknown_variant.as_str()]));
        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, Eq, Hash, xml::SimpleEnum)]
            #serde
            #allow
            pub enum #name {
                #(#variants)*
                /// A value the schema does not list, kept as it was sent.
                #other
                #untagged
                #unknown(String),
            }
        }
    }

    /// The enum of every top-level element, decodable by element name.
    pub(super) fn message_enum(&self) -> TokenStream {
        let elements = &self.model.elements;
        if elements.is_empty() {
            return TokenStream::new();
        }
        let name = ident(&self.model.message_enum);
        let eq = elements.iter().all(|e| self.model.get(e.ty).eq);
        let derives = self.derives(eq, false, Some(quote!(Choice)));
        // Variants are named after the elements.
        let variants = elements.iter().map(|e| {
            let ty = &self.model.get(e.ty).rust_name;
            let variant = ident(e.alias.as_ref().unwrap_or(ty));
            let ty = ident(ty);
            let label = labels::Element {
                name: lit(&e.xml_name),
                ns: Some(self.ns_path(e.namespace)),
                aliases: Vec::new(),
                occurs: Occurs::Required,
                nillable: false,
                boxed: false,
                versions: Default::default(),
            };
            let doc = doc_attrs(&format!("The `{}` element.", e.xml_name));
            quote!(#doc #label #variant(#ty),)
        });
        let names = elements.iter().map(|e| {
            e.alias
                .as_deref()
                .unwrap_or(&self.model.get(e.ty).rust_name)
        });
        let allow = variant_names_allow(&self.model.message_enum, names);
        // A SOAP body holds one of the elements: the choice of them all.
        // One value per message, so its size matters less than an
        // allocation per message would: variants are not boxed.
        quote! {
            /// Any top-level element of this module, chosen by its name.
            #derives
            #allow
            #[allow(clippy::large_enum_variant)]
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

    /// What the type of a top-level element implements: `xml::Element`,
    /// and an alias named after the element.
    pub(super) fn element(&self, element: &ElementDef) -> TokenStream {
        let ty = ident(&self.model.get(element.ty).rust_name);
        let ns = ident(&self.model.namespace(element.namespace).rust_name);
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
}
