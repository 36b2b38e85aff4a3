//! The names of anonymous choices: a choice without a name of its own
//! becomes an enum named after what its alternatives share, in a module
//! named after the type that holds it (as prost-build names a oneof's enum
//! inside its message's module), held by a member of the same name:
//! `find_item_type::View` in `FindItemType::view`.
//!
//! What a choice is named after, first rule that applies:
//!
//! 1. an override for its path, `FindItemType/choice[2]` (the type's XML
//!    name, and the choice's place among the type's anonymous choices);
//! 2. the words its alternatives' element names end with:
//!    `IndexedPageItemView`, `CalendarView` → `View`;
//! 3. the type every alternative's type is or derives from (without `Type`
//!    and `Base`): `ItemType`, `MessageType`, … → `Item`;
//! 4. for a choice of one or two, their names joined by `Or`:
//!    `ItemsOrGroups`;
//! 5. when the choice is all the type holds, the name of the one element
//!    (among those generated) whose type it is: `ConnectingSIDType`, the
//!    type of `ConnectingSID` → `ConnectingSid`;
//! 6. its alternatives' names joined by `Or`.
//!
//! A name that would hide a type its module's alternatives hold (the
//! module's enums come before `use super::*`) is passed over for the names
//! joined by `Or`. A member of a repeated choice named by rule 2 or 3 is
//! plural: `items`. The rules read the choice, its type and the elements
//! of that type, so that a choice keeps its name in every schema version
//! where they are the same.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::case::{field_name, plural, type_name, words};
use crate::error::Error;
use crate::model::{
    Alternative, MemberKind, Model, NameHint, Occurs, StructDef, TypeDef, TypeId, TypeKind, TypeRef,
};

/// The names of one anonymous choice.
#[derive(Debug, Clone)]
pub struct ChoiceName {
    /// The member holding it.
    pub field: String,
    /// Its enum's name, in `module`.
    pub enum_name: String,
    /// The module of its owner's choices.
    pub module: String,
}

/// Names every anonymous choice of the module, by the choice's type.
/// `overrides` gives a choice's name by its path; one that matches no
/// choice is an error.
pub fn name_choices(
    model: &Model,
    overrides: &BTreeMap<String, String>,
) -> Result<HashMap<TypeId, ChoiceName>, Error> {
    let holders = holders(model);
    let mut names = HashMap::new();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    // The runtime's name, and the module of a module's versions.
    let mut modules: HashSet<String> = HashSet::from(["xml".to_owned()]);
    if !model.versions.is_empty() {
        modules.insert("versions".to_owned());
    }
    for (owner, def) in model.types.iter().enumerate() {
        let TypeKind::Struct(def) = &def.kind else {
            continue;
        };
        let owner = TypeId(owner as u32);
        let owner_def = model.get(owner);
        let module = field_name(&owner_def.rust_name);
        let choices = anonymous_choices(model, def);
        let held = held_names(model, &choices);
        let mut enums: HashSet<String> = HashSet::new();
        for (number, &(ty, occurs, alternatives)) in choices.iter().enumerate() {
            let path = format!("{}/choice[{}]", hint_name(owner_def), number + 1);
            let (mut stem, mut plural_ok) = match overrides.get_key_value(&path) {
                Some((path, stem)) => {
                    used.insert(path);
                    (stem.clone(), false)
                }
                None => stem(model, owner, alternatives, &holders),
            };
            if held.contains(&type_name(&stem)) {
                (stem, plural_ok) = (joined(alternatives), false);
            }
            let field = field_name(&stem);
            let field = match occurs {
                Occurs::Repeated { .. } if plural_ok => plural(&field),
                _ => field,
            };
            let base = type_name(&stem);
            let enum_name = std::iter::once(base.clone())
                .chain((2..).map(|n| format!("{base}{n}")))
                .find(|n| !enums.contains(n) && !held.contains(n))
                .unwrap_or(base);
            enums.insert(enum_name.clone());
            let module = module.clone();
            names.insert(
                ty,
                ChoiceName {
                    field,
                    enum_name,
                    module,
                },
            );
        }
        if !choices.is_empty() && !modules.insert(module.clone()) {
            let message = format!("two types hold choices in the module {module}");
            return Err(owner_def
                .origin
                .unsupported(crate::error::Construct::Choice, &message));
        }
    }
    if let Some(path) = overrides.keys().find(|path| !used.contains(path.as_str())) {
        return Err(Error::Request(format!(
            "choice name for {path}: no anonymous choice has that path (a type's XML name, then `/choice[n]`)"
        )));
    }
    Ok(names)
}

/// The name a type's XML declaration gives it: an anonymous type's is its
/// element's.
fn hint_name(def: &crate::model::TypeDef) -> &str {
    match &def.name {
        NameHint::Type(name) => name,
        _ => &def.xml_name,
    }
}

/// What a choice is named after (rules 2 to 6), and whether its member
/// takes the plural when it repeats.
fn stem(
    model: &Model,
    owner: TypeId,
    alternatives: &[Alternative],
    holders: &HashMap<TypeId, BTreeSet<String>>,
) -> (String, bool) {
    if let Some(ending) = common_ending(alternatives) {
        return (ending, true);
    }
    if let Some(base) = common_base(model, alternatives) {
        return (base, true);
    }
    if alternatives.len() <= 2 {
        return (joined(alternatives), false);
    }
    if model.holds_only_a_choice(owner)
        && let Some(names) = holders.get(&owner).filter(|names| names.len() == 1)
    {
        return (names.iter().next().cloned().unwrap_or_default(), false);
    }
    (joined(alternatives), false)
}

/// The alternatives' names joined by `Or` (rules 4 and 6).
fn joined(alternatives: &[Alternative]) -> String {
    let names: Vec<String> = alternatives
        .iter()
        .map(|a| type_name(&a.element.xml_name))
        .collect();
    names.join("Or")
}

/// The anonymous choices among a struct's members, in order: each one's
/// type, how often it occurs, and its alternatives.
fn anonymous_choices<'m>(
    model: &'m Model,
    def: &'m StructDef,
) -> Vec<(TypeId, Occurs, &'m [Alternative])> {
    def.members
        .iter()
        .filter_map(|member| {
            let MemberKind::Choice { ty, occurs, .. } = member.kind else {
                return None;
            };
            match &model.get(ty) {
                TypeDef {
                    name: NameHint::Choice { .. },
                    kind: TypeKind::Choice(choice),
                    ..
                } => Some((ty, occurs, choice.alternatives.as_slice())),
                _ => None,
            }
        })
        .collect()
}

/// The names of the types these choices' alternatives hold: what an enum
/// in their module must not be called, or it would hide them there.
fn held_names(model: &Model, choices: &[(TypeId, Occurs, &[Alternative])]) -> HashSet<String> {
    choices
        .iter()
        .flat_map(|(_, _, alternatives)| alternatives.iter())
        .filter_map(|a| match a.element.ty {
            TypeRef::Type(id) => Some(model.get(id).rust_name.clone()),
            _ => None,
        })
        .collect()
}

/// The words every alternative's element name ends with (rule 2).
fn common_ending(alternatives: &[Alternative]) -> Option<String> {
    let names: Vec<Vec<String>> = alternatives
        .iter()
        .map(|a| words(&a.element.xml_name))
        .collect();
    let shortest = names.iter().map(Vec::len).min()?;
    let mut ending = 0;
    while ending < shortest {
        let word = |n: &Vec<String>| n[n.len() - 1 - ending].to_lowercase();
        if names.iter().all(|n| word(n) == word(&names[0])) {
            ending += 1;
        } else {
            break;
        }
    }
    (ending > 0 && alternatives.len() > 1).then(|| {
        let first = &names[0];
        first[first.len() - ending..].concat()
    })
}

/// The nearest type every alternative's type is or derives from (rule 3),
/// without `Type` and `Base`.
fn common_base(model: &Model, alternatives: &[Alternative]) -> Option<String> {
    let chains: Vec<Vec<String>> = alternatives
        .iter()
        .map(|a| ancestors(model, &a.element.ty))
        .collect::<Option<_>>()?;
    let first = chains.first()?;
    let common = first
        .iter()
        .find(|name| chains.iter().all(|c| c.contains(name)))?;
    let name = common.strip_suffix("Type").unwrap_or(common);
    let name = name
        .strip_prefix("Base")
        .filter(|n| n.starts_with(char::is_uppercase))
        .unwrap_or(name);
    let name = name
        .strip_suffix("Base")
        .filter(|n| !n.is_empty())
        .unwrap_or(name);
    Some(name.to_owned())
}

/// The XML names of a complex type and of the types it derives from,
/// nearest first; `None` for a simple type.
fn ancestors(model: &Model, ty: &TypeRef) -> Option<Vec<String>> {
    let TypeRef::Type(id) = ty else {
        return None;
    };
    let def = model.get(*id);
    // A type with derived types stands for its declared type.
    matches!(def.kind, TypeKind::Struct(_) | TypeKind::Derived(_)).then(|| {
        std::iter::once(&def.xml_name)
            .chain(&def.bases)
            .cloned()
            .collect()
    })
}

/// For each type, the names of the elements whose type it is (directly,
/// or as the declared type of an enum of derived types).
fn holders(model: &Model) -> HashMap<TypeId, BTreeSet<String>> {
    let declared: HashMap<TypeId, TypeId> = model
        .types
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match &t.kind {
            TypeKind::Derived(d) => d.base.map(|base| (TypeId(i as u32), base)),
            _ => None,
        })
        .collect();
    let mut holders: HashMap<TypeId, BTreeSet<String>> = HashMap::new();
    let mut note = |ty: &TypeRef, name: &str| {
        if let TypeRef::Type(id) = ty {
            let id = declared.get(id).copied().unwrap_or(*id);
            holders.entry(id).or_default().insert(name.to_owned());
        }
    };
    for def in &model.types {
        match &def.kind {
            TypeKind::Struct(s) => s.elements().for_each(|e| note(&e.ty, &e.xml_name)),
            TypeKind::Choice(choice) => choice
                .alternatives
                .iter()
                .for_each(|a| note(&a.element.ty, &a.element.xml_name)),
            _ => {}
        }
    }
    for element in &model.elements {
        note(&TypeRef::Type(element.ty), &element.xml_name);
    }
    holders
}
