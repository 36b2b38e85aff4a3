//! Simple types that become types of their own: enumerations (open: other
//! values are kept) and unions (of simple member types, tried in order).
//! Other simple types are their base type (`refs`).

use xsd_parser::models::TypeIdent;
use xsd_parser::models::meta::{EnumerationMeta, UnionMeta};

use super::{Lowering, docs};
use crate::error::{Construct, Error};
use crate::model::{EnumDef, EnumValue, TypeKind, TypeRef, UnionMember};

impl Lowering<'_> {
    pub(super) fn enumeration(&self, meta: &EnumerationMeta) -> TypeKind {
        let values = meta
            .variants
            .iter()
            .map(|variant| EnumValue {
                rust_name: String::new(),
                xml_value: variant.ident.name.as_str().to_owned(),
                docs: docs(&variant.documentation),
                presence: Default::default(),
            })
            .collect();
        TypeKind::Enum(EnumDef {
            values,
            unknown_variant: String::new(),
        })
    }

    pub(super) fn union(&mut self, ident: &TypeIdent, meta: &UnionMeta) -> Result<TypeKind, Error> {
        let mut members = Vec::new();
        for member in meta.types.0.iter() {
            let ty = self.type_ref(&member.type_, ident.name.as_str(), ident)?;
            if ty == TypeRef::AnyElement {
                let message = "a member that is not a simple type";
                return Err(self.unsupported(ident, Construct::Union, message));
            }
            members.push(UnionMember {
                rust_name: String::new(),
                ty,
            });
        }
        Ok(TypeKind::Union(members))
    }
}
