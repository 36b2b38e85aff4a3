//! References: the Rust type of a value of a schema type — a built-in, a
//! list, or a generated type, which gets its id here when first reached.

use xsd_parser::models::meta::{BuildInMeta, MetaTypeVariant};
use xsd_parser::models::schema::MaxOccurs;
use xsd_parser::models::{IdentType, TypeIdent};

use super::{Job, Lowering};
use crate::error::{Construct, Error};
use crate::model::{Builtin, NameHint, TypeId, TypeRef};

const XS_NS: &str = "http://www.w3.org/2001/XMLSchema";

impl Lowering<'_> {
    /// The Rust type for values of `ident`; a generated type is reached.
    /// `element` names the element an anonymous type belongs to; `owner`,
    /// the type errors point at when `ident` has no place of its own.
    pub(super) fn type_ref(
        &mut self,
        ident: &TypeIdent,
        element: &str,
        owner: &TypeIdent,
    ) -> Result<TypeRef, Error> {
        let at = if self.is_located(ident) { ident } else { owner };
        if self.namespace_uri(ident.ns) == XS_NS {
            return xs_builtin(ident.name.as_str())
                .map(TypeRef::Builtin)
                .ok_or_else(|| {
                    let message = format!(
                        "element or attribute {element} of type xs:{}",
                        ident.name.as_str()
                    );
                    self.unsupported(owner, Construct::BuiltinType, &message)
                });
        }
        let Some(meta) = self.meta(ident) else {
            let message = format!(
                "{element} has type {}, which is not defined",
                ident.name.as_str()
            );
            return Err(self.unsupported(owner, Construct::Type, &message));
        };
        match &meta.variant {
            MetaTypeVariant::BuildIn(b) => Ok(TypeRef::Builtin(builtin(b))),
            MetaTypeVariant::Reference(r)
                if r.min_occurs == 1 && r.max_occurs == MaxOccurs::Bounded(1) =>
            {
                self.type_ref(&r.type_, element, owner)
            }
            // A list type: items of the referenced type.
            MetaTypeVariant::Reference(r) => {
                let item = self.type_ref(&r.type_, element, owner)?;
                self.list_of(item, at)
            }
            MetaTypeVariant::SimpleType(s) if s.is_list => {
                let item = self.type_ref(&s.base, element, owner)?;
                self.list_of(item, at)
            }
            // Facets (length, pattern, ranges) are not enforced: the value
            // keeps its base type.
            MetaTypeVariant::SimpleType(s) => self.type_ref(&s.base, element, owner),
            MetaTypeVariant::ComplexType(_) if self.is_polymorphic(ident) => {
                Ok(TypeRef::Type(self.derived_id_of(ident)))
            }
            // A substitution group's head: its members, by element name.
            MetaTypeVariant::Enumeration(_)
            | MetaTypeVariant::ComplexType(_)
            | MetaTypeVariant::Union(_)
            | MetaTypeVariant::Dynamic(_) => Ok(TypeRef::Type(self.id_of(ident, element))),
            MetaTypeVariant::Custom(_) => {
                Err(self.unsupported(at, Construct::Type, "custom types"))
            }
            MetaTypeVariant::All(_) | MetaTypeVariant::Choice(_) | MetaTypeVariant::Sequence(_) => {
                Err(self.unsupported(at, Construct::Group, "a model group used as a type"))
            }
        }
    }

    fn list_of(&self, item: TypeRef, at: &TypeIdent) -> Result<TypeRef, Error> {
        match item {
            TypeRef::List(_) | TypeRef::AnyElement => {
                Err(self.unsupported(at, Construct::List, "a list of lists"))
            }
            item => Ok(TypeRef::List(Box::new(item))),
        }
    }

    /// The id of the schema type `ident`, reaching it on first use. An
    /// anonymous type is named after `element`.
    pub(super) fn id_of(&mut self, ident: &TypeIdent, element: &str) -> TypeId {
        if let Some(&id) = self.type_ids.get(ident) {
            return id;
        }
        let anonymous = matches!(ident.type_, IdentType::ElementType) || ident.name.is_generated();
        let name = if anonymous {
            element
        } else {
            ident.name.as_str()
        };
        let id = self.reach(Job::Type(ident.clone()), NameHint::Type(name.to_owned()));
        self.type_ids.insert(ident.clone(), id);
        id
    }

    /// The id of the enum of `ident` and its derived types.
    fn derived_id_of(&mut self, ident: &TypeIdent) -> TypeId {
        if let Some(&id) = self.derived_ids.get(ident) {
            return id;
        }
        let name = NameHint::Derived(ident.name.as_str().to_owned());
        let id = self.reach(Job::Derived(ident.clone()), name);
        self.derived_ids.insert(ident.clone(), id);
        id
    }

    pub(super) fn is_abstract(&self, ident: &TypeIdent) -> bool {
        self.schemas
            .facts
            .abstract_types
            .contains(&self.name_key(ident))
    }

    /// Whether values of the complex type `ident` may be of other types,
    /// named by `xsi:type`.
    fn is_polymorphic(&self, ident: &TypeIdent) -> bool {
        !self.options.declared_types_only
            && ident.type_ == IdentType::Type
            && (self.schemas.facts.derived.contains_key(ident) || self.is_abstract(ident))
    }
}

/// The Rust type of an XML Schema built-in type. Types without a closer
/// Rust equivalent (dates, durations, hexBinary, URIs, names) keep their
/// lexical form as `String`; base64Binary keeps it too, checked, in a type
/// that decodes it on demand (it may be megabytes of attachment).
fn xs_builtin(name: &str) -> Option<Builtin> {
    Some(match name {
        "boolean" => Builtin::Bool,
        "byte" => Builtin::I8,
        "short" => Builtin::I16,
        "int" => Builtin::I32,
        "long" | "integer" | "negativeInteger" | "nonPositiveInteger" => Builtin::I64,
        "unsignedByte" => Builtin::U8,
        "unsignedShort" => Builtin::U16,
        "unsignedInt" => Builtin::U32,
        "unsignedLong" | "nonNegativeInteger" | "positiveInteger" => Builtin::U64,
        "float" => Builtin::F32,
        "double" => Builtin::F64,
        "base64Binary" => Builtin::Base64,
        "string" | "normalizedString" | "token" | "language" | "Name" | "NCName" | "NMTOKEN"
        | "ID" | "IDREF" | "ENTITY" | "anyURI" | "QName" | "NOTATION" | "hexBinary"
        | "dateTime" | "date" | "time" | "duration" | "gYear" | "gYearMonth" | "gMonth"
        | "gMonthDay" | "gDay" | "decimal" | "anySimpleType" => Builtin::String,
        _ => return None,
    })
}

fn builtin(meta: &BuildInMeta) -> Builtin {
    match meta {
        BuildInMeta::Bool => Builtin::Bool,
        BuildInMeta::I8 => Builtin::I8,
        BuildInMeta::I16 => Builtin::I16,
        BuildInMeta::I32 => Builtin::I32,
        BuildInMeta::I64 | BuildInMeta::I128 | BuildInMeta::Isize => Builtin::I64,
        BuildInMeta::U8 => Builtin::U8,
        BuildInMeta::U16 => Builtin::U16,
        BuildInMeta::U32 => Builtin::U32,
        BuildInMeta::U64 | BuildInMeta::U128 | BuildInMeta::Usize => Builtin::U64,
        BuildInMeta::F32 => Builtin::F32,
        BuildInMeta::F64 => Builtin::F64,
        BuildInMeta::Str | BuildInMeta::String => Builtin::String,
    }
}
