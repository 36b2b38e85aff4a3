//! A complex type with derived types (or an abstract one) becomes, as the
//! value of an element, an enum of the type and every type derived from
//! it, chosen by `xsi:type`.

use xsd_parser::models::TypeIdent;

use super::{Converted, Lowering};
use crate::error::{Construct, Error};
use crate::model::{DerivedDef, DerivedVariant, TypeKind};

impl Lowering<'_> {
    pub(super) fn derived(&mut self, ident: &TypeIdent) -> Result<Converted, Error> {
        let base = (!self.is_abstract(ident)).then(|| self.id_of(ident, ident.name.as_str()));
        let mut variants = Vec::new();
        for d in self.all_derived(ident) {
            variants.push(DerivedVariant {
                ty: self.id_of(&d, d.name.as_str()),
                xml_name: d.name.as_str().to_owned(),
                namespace: self.namespace_id(d.ns),
            });
        }
        if base.is_none() && variants.is_empty() {
            let message = "an abstract type without types derived from it has no values";
            return Err(self.unsupported(ident, Construct::AbstractType, message));
        }
        let xml_name = ident.name.as_str().to_owned();
        let docs = format!(
            "A value of `{xml_name}` or of a type derived from it, as `xsi:type` names it."
        );
        let kind = TypeKind::Derived(DerivedDef {
            namespace: self.namespace_id(ident.ns),
            base,
            variants,
            unknown: None,
        });
        Ok(Converted {
            xml_name,
            docs,
            kind,
        })
    }

    /// Every type derived from `ident`, directly or not, that can have
    /// values (not abstract), sorted by name.
    fn all_derived(&self, ident: &TypeIdent) -> Vec<TypeIdent> {
        let mut found: Vec<TypeIdent> = Vec::new();
        let mut stack = vec![ident.clone()];
        while let Some(at) = stack.pop() {
            for d in self.schemas.facts.derived.get(&at).into_iter().flatten() {
                if !found.contains(d) {
                    found.push(d.clone());
                    stack.push(d.clone());
                }
            }
        }
        found.retain(|d| !self.is_abstract(d));
        found.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
        found
    }
}
