//! Lowering everything at once and going on after errors: which top-level
//! elements cannot be generated, and every construct the generator cannot
//! render with the types that use it — what `inspect` reports.

use std::collections::{BTreeMap, HashSet};

use xsd_parser::models::IdentType;

use super::{Lowering, State};
use crate::error::{Construct, Error};
use crate::inspect::Report;
use crate::load::SchemaSet;
use crate::model::{TypeId, TypeKind, Use};
use crate::options::Options;
use crate::passes::naming;

/// Lowers the selected elements and every named type and element of the
/// schemas' files, once, noting what fails instead of stopping.
pub fn survey(schemas: &SchemaSet, options: &Options) -> Result<Report, Error> {
    super::operations::check_service(schemas)?;
    let mut lowering = Lowering::new(schemas, options);
    let mut survey = Report {
        named_types: schemas.named_types(),
        interpreted: schemas.interpreted_types(),
        elements: 0,
        load_time: schemas.load_time,
        blocked_elements: BTreeMap::new(),
        unsupported: BTreeMap::new(),
    };
    let mut values = Vec::new();
    for ident in lowering.candidates()? {
        let name = ident.name.as_str().to_owned();
        match lowering.element_value(&ident) {
            Ok(value) => values.push((name, value.and_then(|v| v.id()))),
            Err(Error::Schema {
                construct, subject, ..
            }) => {
                survey
                    .unsupported
                    .entry(construct)
                    .or_default()
                    .insert(subject);
                survey
                    .blocked_elements
                    .entry(construct)
                    .or_default()
                    .push(name);
            }
            Err(other) => return Err(other),
        }
        survey.elements += 1;
    }
    // Every named type and element, whatever reaches it: one type's problem
    // must not hide another's.
    let mut named: Vec<_> = schemas
        .types
        .items
        .keys()
        .filter(|ident| {
            matches!(ident.type_, IdentType::Type | IdentType::Element)
                && ident.name.is_named()
                && schemas.path_of(ident.schema).is_some()
        })
        .cloned()
        .collect();
    named.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    for ident in named {
        if let Err(Error::Schema {
            construct, subject, ..
        }) = lowering.type_ref(&ident, ident.name.as_str(), &ident)
        {
            survey
                .unsupported
                .entry(construct)
                .or_default()
                .insert(subject);
        }
    }
    lowering.drain(false)?;
    lowering.check_field_names();
    for (construct, subject) in lowering.failures.values() {
        survey
            .unsupported
            .entry(*construct)
            .or_default()
            .insert(subject.clone());
    }
    for (name, value) in values {
        if let Some(construct) = value.and_then(|id| lowering.first_failure(id)) {
            survey
                .blocked_elements
                .entry(construct)
                .or_default()
                .push(name);
        }
    }
    Ok(survey)
}

impl Lowering<'_> {
    /// Notes the structs whose members the naming pass would give the same
    /// field name.
    fn check_field_names(&mut self) {
        for i in 0..self.slots.len() {
            let State::Done(def) = &self.slots[i].state else {
                continue;
            };
            let TypeKind::Struct(members) = &def.kind else {
                continue;
            };
            let hint = |id: TypeId| match &self.slots[id.0 as usize].state {
                State::Done(def) => Some((def.name.clone(), def.xml_name.clone())),
                _ => None,
            };
            if let Err(Error::Schema {
                construct, subject, ..
            }) = naming::field_names(members, &def.origin, hint, |_| None)
            {
                self.failures.insert(TypeId(i as u32), (construct, subject));
            }
        }
    }

    /// The construct of the first failure that lowering `root` on its own
    /// meets: a type fails with its bases, and what a type reaches is
    /// converted last reached first.
    fn first_failure(&self, root: TypeId) -> Option<Construct> {
        let mut seen = HashSet::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let Some((construct, _)) = self.failures.get(&id) {
                return Some(*construct);
            }
            if let State::Done(def) = &self.slots[id.0 as usize].state {
                def.visit(&mut |u| {
                    if let Use::Type { id, .. } = u {
                        stack.push(*id);
                    }
                });
            }
        }
        None
    }
}
