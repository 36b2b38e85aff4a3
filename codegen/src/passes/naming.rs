//! The naming pass: every Rust name in the module, chosen once the whole
//! structure is known, by the rules of `crate::case` (the Rust API
//! guidelines). Type names are one namespace, claimed in this order: the
//! types top-level elements hold, then the elements' own wrappers and
//! aliases, then every other type as lowering reached it. A name already
//! taken gets the hint's fallbacks (`…Element`, `…Type`), then a number.
//! Member and variant names are unique within their type.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::choices::{self, ChoiceName};
use crate::case::{field_name, type_name, variant_name};
use crate::error::{Construct, Error, Origin};
use crate::model::{Builtin, MemberKind, Model, NameHint, StructDef, TypeId, TypeKind, TypeRef};

/// Names the types, the elements' aliases, the enum of all elements, and
/// every member and variant.
pub fn name(model: &mut Model, choice_names: &BTreeMap<String, String>) -> Result<(), Error> {
    let mut taken: HashSet<String> = HashSet::new();
    // The types top-level elements hold come first.
    for i in 0..model.elements.len() {
        if let Some(id) = held_by(model, model.elements[i].ty) {
            claim_type(model, id, &mut taken);
        }
    }
    // Then each element's wrapper, or its alias when its type is named
    // otherwise (`PlayOnPhone` for `PlayOnPhoneType`).
    for i in 0..model.elements.len() {
        let id = model.elements[i].ty;
        claim_type(model, id, &mut taken);
        let element_name = type_name(&model.elements[i].xml_name);
        if element_name != model.get(id).rust_name && taken.insert(element_name.clone()) {
            model.elements[i].alias = Some(element_name);
        }
    }
    for i in 0..model.types.len() as u32 {
        claim_type(model, TypeId(i), &mut taken);
    }
    model.message_enum = claim(
        &mut taken,
        &["Message", "AnyMessage", "TopLevelElement"].map(String::from),
    );
    name_header_sets(model, &mut taken);
    let choices = choices::name_choices(model, choice_names)?;
    for (id, name) in &choices {
        let def = model.get_mut(*id);
        def.rust_name = name.enum_name.clone();
        def.module = Some(name.module.clone());
    }
    name_members(model, &choices)
}

/// Names each header set after its elements, and gives each operation
/// an alias of its request's set named after it (`FindItemHeaders`).
fn name_header_sets(model: &mut Model, taken: &mut HashSet<String>) {
    for i in 0..model.header_sets.len() {
        let elements = model.header_sets[i].elements.iter();
        let name: String = elements
            .map(|&e| type_name(&model.elements[e].xml_name))
            .collect();
        model.header_sets[i].rust_name = claim(taken, &[format!("{name}Headers")]);
    }
    for op in &mut model.operations {
        if op.request_headers.is_some() {
            op.headers_alias = Some(claim(taken, &[format!("{}Headers", type_name(&op.name))]));
        }
    }
}

/// Names the type `id`, unless it has a name (or is an anonymous choice,
/// named in its holder's module).
fn claim_type(model: &mut Model, id: TypeId, taken: &mut HashSet<String>) {
    let def = model.get(id);
    if def.rust_name.is_empty() && !matches!(def.name, NameHint::Choice { .. }) {
        model.get_mut(id).rust_name = claim(taken, &candidates(&model.get(id).name));
    }
}

/// The type an element's type holds: the value of its wrapper, or itself.
fn held_by(model: &Model, id: TypeId) -> Option<TypeId> {
    match (&model.get(id).name, &model.get(id).kind) {
        (NameHint::Element(_), TypeKind::Newtype(value)) => value.id(),
        _ => Some(id),
    }
}

/// The names a type would take, best first.
fn candidates(hint: &NameHint) -> Vec<String> {
    let with_fallbacks = |base: String, suffixes: &[&str]| {
        std::iter::once(base.clone())
            .chain(suffixes.iter().map(|s| format!("{base}{s}")))
            .collect()
    };
    match hint {
        NameHint::Type(name) => with_fallbacks(type_name(name), &["Element", "Type"]),
        NameHint::Element(name) => with_fallbacks(type_name(name), &["Element"]),
        NameHint::Derived(name) => vec![format!("Any{}", type_name(name))],
        // `ReachChoice`, `ReachChoice2`… as its members are numbered.
        NameHint::Choice { owner, number } => {
            let owner = type_name(owner);
            let stem = owner.strip_suffix("Type").unwrap_or(&owner);
            let number = if *number > 1 {
                number.to_string()
            } else {
                String::new()
            };
            with_fallbacks(
                type_name(&format!("{stem}Choice{number}")),
                &["Element", "Type"],
            )
        }
    }
}

/// The first of `candidates` not taken, else the first numbered from 2;
/// taken from then on.
pub(super) fn claim(taken: &mut HashSet<String>, candidates: &[String]) -> String {
    let first = &candidates[0];
    let name = candidates
        .iter()
        .cloned()
        .chain((2..).map(|n| format!("{first}{n}")))
        .find(|c| !taken.contains(c))
        .unwrap_or_else(|| first.clone());
    taken.insert(name.clone());
    name
}

/// Names the members and variants of every type. A struct's field names
/// depend on the types it refers to (their hints), a union's variants on
/// their names: read from the types named already.
fn name_members(model: &mut Model, choices: &HashMap<TypeId, ChoiceName>) -> Result<(), Error> {
    let hints: Vec<(NameHint, String)> = model
        .types
        .iter()
        .map(|t| (t.name.clone(), t.xml_name.clone()))
        .collect();
    let type_names: Vec<String> = model.types.iter().map(|t| t.rust_name.clone()).collect();
    for ty in &mut model.types {
        match &mut ty.kind {
            TypeKind::Struct(def) => {
                let hint = |of: TypeId| hints.get(of.0 as usize).cloned();
                let choice_field = |of: TypeId| choices.get(&of).map(|c| c.field.clone());
                let names = field_names(def, &ty.origin, hint, choice_field)?;
                for (member, name) in def.members.iter_mut().zip(names) {
                    member.rust_name = name;
                }
            }
            TypeKind::Choice(choice) => {
                let names = choice
                    .alternatives
                    .iter()
                    .map(|a| type_name(&a.element.xml_name));
                let names = unique_all(names);
                if let Some(unknown) = &mut choice.unknown_variant {
                    *unknown = claim(&mut names.iter().cloned().collect(), &["Unknown".into()]);
                }
                for (alternative, name) in choice.alternatives.iter_mut().zip(names) {
                    alternative.rust_name = name;
                }
            }
            TypeKind::Enum(def) => {
                let names = unique_all(def.values.iter().map(|v| variant_name(&v.xml_value)));
                def.unknown_variant =
                    claim(&mut names.iter().cloned().collect(), &["Unknown".into()]);
                for (value, name) in def.values.iter_mut().zip(names) {
                    value.rust_name = name;
                }
            }
            TypeKind::Union(members) => {
                let names = unique_all(members.iter().map(|m| match &m.ty {
                    TypeRef::Type(id) => type_names[id.0 as usize].clone(),
                    TypeRef::Builtin(b) => builtin_name(*b),
                    TypeRef::List(_) | TypeRef::AnyElement => "List".to_owned(),
                }));
                for (member, name) in members.iter_mut().zip(names) {
                    member.rust_name = name;
                }
            }
            // Variants are named after the types they hold, but for the
            // one of types the schema does not know.
            TypeKind::Derived(def) => {
                let mut taken: HashSet<String> = def
                    .types()
                    .map(|id| type_names[id.0 as usize].clone())
                    .collect();
                if let Some(unknown) = &mut def.unknown {
                    unknown.rust_name = claim(&mut taken, &["Unknown".into()]);
                }
            }
            TypeKind::Newtype(_) => {}
        }
    }
    Ok(())
}

/// The field names of a struct's members, in order; `hint` gives the name
/// hint and XML name of a type the struct refers to, `choice_field` the
/// member name of an anonymous choice (named by `choices`). Two members the
/// schema names alike are an error at `origin`; a choice's member that
/// meets another's name is numbered.
pub fn field_names(
    def: &StructDef,
    origin: &Origin,
    hint: impl Fn(TypeId) -> Option<(NameHint, String)>,
    choice_field: impl Fn(TypeId) -> Option<String>,
) -> Result<Vec<String>, Error> {
    let mut names: Vec<Option<String>> = Vec::with_capacity(def.members.len());
    for member in &def.members {
        let name = match &member.kind {
            MemberKind::Base(id) => {
                let xml = hint(*id).map(|(_, xml)| xml).unwrap_or_default();
                field_name(xml.strip_suffix("Type").unwrap_or(&xml))
            }
            MemberKind::Attribute(a) => field_name(&a.xml_name),
            MemberKind::AnyAttribute => "any_attribute".to_owned(),
            MemberKind::Element(e) => field_name(&e.xml_name),
            // A named group's choice is named after the group; others
            // after their choice's name, once the rest are named.
            MemberKind::Choice { ty, .. } => match hint(*ty) {
                Some((NameHint::Type(group), _)) => field_name(&group),
                _ => {
                    names.push(None);
                    continue;
                }
            },
            MemberKind::Any { .. } => "any".to_owned(),
            MemberKind::Text(_) => "value".to_owned(),
            // Named once the rest are: no schema name may lose its own.
            MemberKind::Unknown => {
                names.push(None);
                continue;
            }
        };
        if names.iter().flatten().any(|n| *n == name) {
            let message = format!("two members map to the field name {name}");
            return Err(origin.unsupported(Construct::Field, &message));
        }
        names.push(Some(name));
    }
    let mut taken: HashSet<String> = names.iter().flatten().cloned().collect();
    let mut unnamed = 0;
    let names = def.members.iter().zip(names).map(|(member, name)| {
        name.unwrap_or_else(|| {
            let MemberKind::Choice { ty, .. } = &member.kind else {
                return claim(&mut taken, &["unknown_elements".into()]);
            };
            // Without the naming rules (a survey): numbered.
            let base = choice_field(*ty).unwrap_or_else(|| {
                unnamed += 1;
                if unnamed == 1 {
                    "choice".to_owned()
                } else {
                    format!("choice{unnamed}")
                }
            });
            claim(&mut taken, &[base])
        })
    });
    Ok(names.collect())
}

/// Each name, or it numbered from 2 when an earlier one took it.
fn unique_all(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut taken = HashSet::new();
    names.map(|name| claim(&mut taken, &[name])).collect()
}

fn builtin_name(b: Builtin) -> String {
    type_name(&format!("{b:?}"))
}
