//! The top-level elements: which ones the options select, and the type each
//! is decoded as — its schema type, or a wrapper of its own when it holds
//! a built-in type or a type other elements hold too.

use std::collections::{HashMap, HashSet};

use xsd_parser::models::meta::MetaTypeVariant;
use xsd_parser::models::{IdentType, TypeIdent};

use super::{Converted, Lowering};
use crate::error::{Construct, Error};
use crate::model::{ElementDef, NameHint, TypeKind, TypeRef};

impl Lowering<'_> {
    /// The selected top-level elements, sorted by name, their types reached.
    pub(super) fn elements(&mut self) -> Result<Vec<ElementDef>, Error> {
        let mut values = Vec::new();
        for ident in self.candidates()? {
            if let Some(value) = self.element_value(&ident)? {
                values.push((ident, value));
            }
        }
        Ok(self.wrap(values))
    }

    /// The value of the top-level element `ident`; `None` for an abstract
    /// head, which only its substitution group's members stand for.
    pub(super) fn element_value(&mut self, ident: &TypeIdent) -> Result<Option<TypeRef>, Error> {
        let target = match self.meta(ident).map(|m| &m.variant) {
            Some(MetaTypeVariant::Reference(reference)) if reference.nillable => {
                let message = "a nillable top-level element (a nillable element inside a type is)";
                return Err(self.unsupported(ident, Construct::Nillable, message));
            }
            Some(MetaTypeVariant::Reference(reference)) => reference.type_.clone(),
            // The head of a substitution group: an element of its own
            // unless abstract (then only its members appear).
            Some(MetaTypeVariant::Dynamic(dynamic)) => {
                let key = self.name_key(ident);
                if self.schemas.facts.abstract_elements.contains(&key) {
                    return Ok(None);
                }
                match &dynamic.type_ {
                    Some(type_) => type_.clone(),
                    None => {
                        let message = "a head element without a type";
                        return Err(self.unsupported(ident, Construct::Element, message));
                    }
                }
            }
            _ => {
                let message = "a top-level element of this kind";
                return Err(self.unsupported(ident, Construct::Element, message));
            }
        };
        self.type_ref(&target, ident.name.as_str(), ident).map(Some)
    }

    /// The elements, each as its value's type, or as a wrapper when its
    /// value is a built-in type or one several elements share.
    fn wrap(&mut self, values: Vec<(TypeIdent, TypeRef)>) -> Vec<ElementDef> {
        let mut uses: HashMap<&TypeRef, usize> = HashMap::new();
        for (_, value) in &values {
            *uses.entry(value).or_default() += 1;
        }
        let shared: HashSet<TypeRef> = uses
            .into_iter()
            .filter(|(value, n)| *n > 1 || !matches!(value, TypeRef::Type(_)))
            .map(|(value, _)| value.clone())
            .collect();
        let mut elements = Vec::new();
        for (ident, value) in values {
            let name = ident.name.as_str().to_owned();
            let ty = match value {
                TypeRef::Type(id) if !shared.contains(&value) => id,
                value => {
                    let meta_docs = self.meta(&ident).map(|m| &m.documentation);
                    let mut docs = super::docs(meta_docs.into_iter().flatten());
                    if docs.is_empty() {
                        docs = format!("The `{name}` element.");
                    }
                    let converted = Converted {
                        xml_name: name.clone(),
                        docs,
                        kind: TypeKind::Newtype(value),
                    };
                    self.add(NameHint::Element(name.clone()), &ident, converted)
                }
            };
            elements.push(ElementDef {
                ty,
                alias: None,
                namespace: self.namespace_id(ident.ns),
                xml_name: name,
                presence: Default::default(),
            });
        }
        elements
    }

    /// The top-level elements the options select, sorted by name. Every
    /// top-level element means those of the files asked for and the files
    /// they include (the same namespace); named elements may come from any
    /// file they import too.
    pub(super) fn candidates(&self) -> Result<Vec<TypeIdent>, Error> {
        let asked = self.options.elements.as_deref();
        // An operation's request brings its response and headers.
        let needed = match (asked, &self.schemas.service) {
            (Some(asked), Some(service)) => super::operations::needed_by(service, asked),
            _ => Vec::new(),
        };
        let all: Vec<String>;
        let wanted = match asked {
            Some(asked) if !needed.is_empty() => {
                all = asked
                    .iter()
                    .chain(&needed)
                    .cloned()
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                Some(all.as_slice())
            }
            other => other,
        };
        let mut candidates: Vec<&TypeIdent> = self
            .schemas
            .types
            .items
            .keys()
            // A local element's anonymous type is keyed as an element too,
            // under a made-up name (`ResponseMessageTypeMessageXml`).
            .filter(|ident| ident.type_ == IdentType::Element && !ident.name.is_generated())
            .filter(|ident| {
                self.schemas.path_of(ident.schema).is_some()
                    && (wanted.is_some() || self.schemas.root_namespaces.contains(&ident.ns))
            })
            .collect();
        candidates.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
        if let Some(wanted) = wanted {
            if wanted.is_empty() {
                let message = "no elements asked for: leave the list out to generate every element";
                return Err(Error::Request(message.into()));
            }
            for name in wanted {
                let found = candidates.iter().filter(|c| c.name.as_str() == name);
                match found.count() {
                    0 => {
                        return Err(Error::Request(format!(
                            "no top-level element named {name} in the schemas given"
                        )));
                    }
                    1 => {}
                    _ => {
                        return Err(Error::Request(format!(
                            "top-level elements of several namespaces are named {name}"
                        )));
                    }
                }
            }
            candidates.retain(|c| wanted.iter().any(|w| w == c.name.as_str()));
        }
        Ok(candidates.into_iter().cloned().collect())
    }
}
