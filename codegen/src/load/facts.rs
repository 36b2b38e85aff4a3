//! Facts the lowering needs that `xsd-parser`'s interpreted types do not
//! keep, or keep only one way round: which types and elements are
//! abstract, which elements a derived type declares itself (the interpreter
//! hands over a restriction with its base's elements merged in), and which
//! types derive from each. Read once per load.

use std::collections::{HashMap, HashSet};

use xsd_parser::models::meta::{Base, MetaTypeVariant, MetaTypes};
use xsd_parser::models::schema::Schemas;
use xsd_parser::models::schema::xs::{
    ComplexBaseType, ComplexBaseTypeContent, ComplexContentContent, ExtensionTypeContent,
    GroupType, GroupTypeContent, RestrictionTypeContent, SchemaContent,
};
use xsd_parser::models::{IdentType, TypeIdent};

/// A name in a namespace: `(namespace URI, local name)`.
pub type Name = (String, String);

/// The named model groups of the schemas.
type Groups<'s> = HashMap<Name, &'s GroupType>;

#[derive(Default)]
pub struct SchemaFacts {
    pub abstract_types: HashSet<Name>,
    pub abstract_elements: HashSet<Name>,
    /// For each complex type derived by extension or restriction, the local
    /// names of the elements its own content declares.
    pub own_elements: HashMap<Name, HashSet<String>>,
    /// The named complex types derived from each, directly, sorted by name.
    pub derived: HashMap<TypeIdent, Vec<TypeIdent>>,
}

impl SchemaFacts {
    pub fn read(schemas: &Schemas, types: &MetaTypes) -> Self {
        let mut facts = SchemaFacts {
            derived: derived_types(types),
            ..SchemaFacts::default()
        };
        let mut groups: Groups = HashMap::new();
        for (_, info) in schemas.schemas() {
            let ns = info.schema.target_namespace.clone().unwrap_or_default();
            for item in &info.schema.content {
                if let SchemaContent::Group(group) = item
                    && let Some(name) = &group.name
                {
                    groups.insert((ns.clone(), name.clone()), group);
                }
            }
        }
        for (_, info) in schemas.schemas() {
            let ns = info.schema.target_namespace.clone().unwrap_or_default();
            for item in &info.schema.content {
                match item {
                    SchemaContent::ComplexType(complex) => {
                        let Some(name) = &complex.name else { continue };
                        let key = (ns.clone(), name.clone());
                        if complex.abstract_ {
                            facts.abstract_types.insert(key.clone());
                        }
                        if let Some(own) = derived_own_elements(complex, &groups) {
                            facts.own_elements.insert(key, own);
                        }
                    }
                    SchemaContent::Element(element) if element.abstract_ => {
                        if let Some(name) = &element.name {
                            facts.abstract_elements.insert((ns.clone(), name.clone()));
                        }
                    }
                    _ => {}
                }
            }
        }
        facts
    }
}

fn derived_types(types: &MetaTypes) -> HashMap<TypeIdent, Vec<TypeIdent>> {
    let mut derived: HashMap<TypeIdent, Vec<TypeIdent>> = HashMap::new();
    for (ident, meta) in types.items.iter() {
        if let MetaTypeVariant::ComplexType(complex) = &meta.variant
            && let Base::Extension(base) | Base::Restriction(base) = &complex.base
            && ident.type_ == IdentType::Type
            && !ident.name.is_generated()
            && matches!(
                types.items.get(base).map(|m| &m.variant),
                Some(MetaTypeVariant::ComplexType(_))
            )
        {
            derived.entry(base.clone()).or_default().push(ident.clone());
        }
    }
    for list in derived.values_mut() {
        list.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    }
    derived
}

/// The elements a derived type's `complexContent` declares itself.
fn derived_own_elements(complex: &ComplexBaseType, groups: &Groups) -> Option<HashSet<String>> {
    let mut own = HashSet::new();
    for content in &complex.content {
        let ComplexBaseTypeContent::ComplexContent(cc) = content else {
            continue;
        };
        for derivation in &cc.content {
            let particles: Vec<&GroupType> = match derivation {
                ComplexContentContent::Extension(ext) => ext
                    .content
                    .iter()
                    .filter_map(|c| match c {
                        ExtensionTypeContent::Group(g)
                        | ExtensionTypeContent::All(g)
                        | ExtensionTypeContent::Choice(g)
                        | ExtensionTypeContent::Sequence(g) => Some(g),
                        _ => None,
                    })
                    .collect(),
                ComplexContentContent::Restriction(res) => res
                    .content
                    .iter()
                    .filter_map(|c| match c {
                        RestrictionTypeContent::Group(g)
                        | RestrictionTypeContent::All(g)
                        | RestrictionTypeContent::Choice(g)
                        | RestrictionTypeContent::Sequence(g) => Some(g),
                        _ => None,
                    })
                    .collect(),
                ComplexContentContent::Annotation(_) => continue,
            };
            for group in particles {
                collect(group, groups, &mut own, 0);
            }
            return Some(own);
        }
    }
    None
}

fn collect(group: &GroupType, groups: &Groups, out: &mut HashSet<String>, depth: usize) {
    // Named groups may refer to each other; schemas that loop are refused
    // by the interpreter already, this only bounds the walk.
    if depth > 32 {
        return;
    }
    if let Some(reference) = &group.ref_ {
        let name = String::from_utf8_lossy(reference.local_name()).into_owned();
        let ns = reference
            .namespace()
            .map(|ns| String::from_utf8_lossy(&ns.0).into_owned())
            .unwrap_or_default();
        if let Some(named) = groups.get(&(ns, name)) {
            collect(named, groups, out, depth + 1);
        }
        return;
    }
    for item in &group.content {
        match item {
            GroupTypeContent::Element(element) => {
                let name = element.name.clone().or_else(|| {
                    element
                        .ref_
                        .as_ref()
                        .map(|r| String::from_utf8_lossy(r.local_name()).into_owned())
                });
                out.extend(name);
            }
            GroupTypeContent::Group(g)
            | GroupTypeContent::All(g)
            | GroupTypeContent::Choice(g)
            | GroupTypeContent::Sequence(g) => collect(g, groups, out, depth + 1),
            // Wildcards and choices are kept whatever their names.
            GroupTypeContent::Any(_) | GroupTypeContent::Annotation(_) => {}
        }
    }
}
