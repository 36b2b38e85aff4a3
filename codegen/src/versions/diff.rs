//! What changed between two versions of a schema, read off their merged
//! model (before occurrences are widened): operations, top-level
//! elements, types, members and enumeration values added or removed, and
//! members whose type or occurrence changed — grouped by the operation
//! whose messages use them, each type told once, where it is first met.
//! Schema names throughout: what a maintainer finds in the files.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::merge::{describe, member_name};
use crate::model::{MemberKind, Model, NameHint, Presence, TypeDef, TypeId, TypeKind};

/// The two versions' changes, as a report.
pub fn report(model: &Model) -> String {
    let [old, new] = [0, 1].map(|i| model.versions.get(i).map_or("?", String::as_str));
    let changes = TypeChanges::of(model);
    let mut out = format!("What changed from {old} to {new}\n\n");
    counts(model, &mut out);

    let (added, removed) = split(model.operations.iter().map(|o| (o.presence, &o.name)));
    list(&mut out, "Operations added", &added);
    list(&mut out, "Operations removed", &removed);
    let (added, removed) = split(model.elements.iter().map(|e| (e.presence, &e.xml_name)));
    list(&mut out, "Top-level elements added", &added);
    list(&mut out, "Top-level elements removed", &removed);

    // Each operation, with the changed types its messages reach.
    let mut operations: Vec<_> = model.operations.iter().collect();
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    let mut told = BTreeSet::new();
    let mut used = BTreeSet::new();
    for op in operations {
        let mut roots = vec![op.request, op.response];
        for set in [op.request_headers, op.response_headers]
            .into_iter()
            .flatten()
        {
            roots.extend(
                model.header_sets[set]
                    .elements
                    .iter()
                    .map(|&e| model.elements[e].ty),
            );
        }
        let reached = reach(model, roots);
        used.extend(reached.iter().copied());
        let changed: Vec<TypeId> = sorted(model, reached.into_iter().filter(|id| changes.has(*id)));
        if changed.is_empty() {
            continue;
        }
        let status = match (op.presence.has(0), op.presence.has(1)) {
            (false, _) => " (added)",
            (_, false) => " (removed)",
            _ => "",
        };
        let _ = writeln!(out, "\n{}{status}", op.name);
        let mut before = 0;
        for id in changed {
            if told.insert(id) {
                changes.write(model, id, &mut out);
            } else {
                before += 1;
            }
        }
        if before > 0 {
            let _ = writeln!(out, "  and {before} changed types told above");
        }
    }
    // Changes no operation reaches: top-level elements of their own.
    let rest = sorted(
        model,
        (0..model.types.len() as u32)
            .map(TypeId)
            .filter(|id| changes.has(*id) && !used.contains(id)),
    );
    if !rest.is_empty() {
        out.push_str("\nNot used by any operation\n");
        for id in rest {
            changes.write(model, id, &mut out);
        }
    }
    out
}

/// What changed in each type, by kind of item.
struct TypeChanges<'m> {
    /// Members and alternatives (`+`, `-`, `~` lines) and enumeration
    /// values, by type.
    lines: BTreeMap<TypeId, Vec<String>>,
    model: &'m Model,
}

impl<'m> TypeChanges<'m> {
    fn of(model: &'m Model) -> Self {
        let mut lines: BTreeMap<TypeId, Vec<String>> = BTreeMap::new();
        for (i, ty) in model.types.iter().enumerate() {
            let id = TypeId(i as u32);
            if !in_both(ty.presence) {
                continue; // Added or removed as a whole.
            }
            let entries = lines.entry(id).or_default();
            match &ty.kind {
                TypeKind::Struct(def) => {
                    for member in &def.members {
                        if let Some(sign) = sign(member.presence) {
                            let what = member_name(model, &member.kind);
                            let shape = describe(model, &member.kind);
                            entries.push(format!("{sign} {what}{}", colon(&shape)));
                        }
                    }
                }
                TypeKind::Enum(def) => {
                    for value in &def.values {
                        if let Some(sign) = sign(value.presence) {
                            entries.push(format!("{sign} value {:?}", value.xml_value));
                        }
                    }
                }
                TypeKind::Choice(choice) => {
                    for a in &choice.alternatives {
                        if let Some(sign) = sign(a.presence) {
                            let kind = MemberKind::Element(a.element.clone());
                            let shape = describe(model, &kind);
                            let name = &a.element.xml_name;
                            entries.push(format!("{sign} alternative {name}{}", colon(&shape)));
                        }
                    }
                }
                TypeKind::Newtype(_) | TypeKind::Derived(_) | TypeKind::Union(_) => {}
            }
        }
        for change in &model.changes {
            let entries = lines.entry(change.owner).or_default();
            entries.push(format!(
                "~ {}: {} -> {}",
                change.member, change.old, change.new
            ));
        }
        lines.retain(|_, entries| !entries.is_empty());
        TypeChanges { lines, model }
    }

    /// Whether the type is added, removed or changed (and reported at all).
    fn has(&self, id: TypeId) -> bool {
        let ty = self.model.get(id);
        // An anonymous choice added or removed is its holder's member.
        let whole = !in_both(ty.presence) && !matches!(ty.name, NameHint::Choice { .. });
        reported(ty) && (whole || self.lines.contains_key(&id))
    }

    fn write(&self, model: &Model, id: TypeId, out: &mut String) {
        let ty = model.get(id);
        let status = match (ty.presence.has(0), ty.presence.has(1)) {
            (false, _) => ": added",
            (_, false) => ": removed",
            _ => "",
        };
        let _ = writeln!(out, "  {}{status}", title(ty));
        for line in self.lines.get(&id).into_iter().flatten() {
            let _ = writeln!(out, "    {line}");
        }
    }
}

/// The counts: added, removed, changed, by kind of item.
fn counts(model: &Model, out: &mut String) {
    let count = |presences: &mut dyn Iterator<Item = Presence>| {
        let (mut added, mut removed) = (0, 0);
        for p in presences {
            added += usize::from(!p.has(0) && p.has(1));
            removed += usize::from(p.has(0) && !p.has(1));
        }
        (added, removed)
    };
    let both: Vec<&TypeDef> = model.types.iter().filter(|t| in_both(t.presence)).collect();
    let members = both.iter().flat_map(|t| match &t.kind {
        TypeKind::Struct(def) => def.members.iter().map(|m| m.presence).collect(),
        TypeKind::Choice(choice) => choice.alternatives.iter().map(|a| a.presence).collect(),
        _ => Vec::new(),
    });
    let values = both.iter().flat_map(|t| match &t.kind {
        TypeKind::Enum(def) => def.values.iter().map(|v| v.presence).collect(),
        _ => Vec::new(),
    });
    let types = model
        .types
        .iter()
        .filter(|t| counted(t))
        .map(|t| t.presence);
    let changed = model.changes.len();
    let rows = [
        (
            "operations",
            count(&mut model.operations.iter().map(|o| o.presence)),
            None,
        ),
        (
            "top-level elements",
            count(&mut model.elements.iter().map(|e| e.presence)),
            None,
        ),
        ("types", count(&mut types.into_iter()), None),
        ("members", count(&mut members.into_iter()), Some(changed)),
        ("enumeration values", count(&mut values.into_iter()), None),
    ];
    let _ = writeln!(
        out,
        "{:<20}{:>8}{:>9}{:>9}",
        "", "added", "removed", "changed"
    );
    for (name, (added, removed), changed) in rows {
        let changed = changed.map(|c| c.to_string()).unwrap_or_default();
        let row = format!("{name:<20}{added:>8}{removed:>9}{changed:>9}");
        let _ = writeln!(out, "{}", row.trim_end());
    }
}

/// `+` for an item only the newer version has, `-` for one only the
/// older has.
fn sign(presence: Presence) -> Option<char> {
    match (presence.has(0), presence.has(1)) {
        (false, true) => Some('+'),
        (true, false) => Some('-'),
        _ => None,
    }
}

fn in_both(presence: Presence) -> bool {
    presence.has(0) && presence.has(1)
}

/// Named schema types and the types of elements: what "types" counts.
fn counted(ty: &TypeDef) -> bool {
    matches!(ty.name, NameHint::Type(_) | NameHint::Element(_))
        && !matches!(ty.kind, TypeKind::Newtype(_))
}

/// Types the report speaks of: not the enums of derived types (their
/// variants are types of their own).
fn reported(ty: &TypeDef) -> bool {
    !matches!(ty.kind, TypeKind::Derived(_) | TypeKind::Newtype(_))
}

fn title(ty: &TypeDef) -> String {
    match &ty.name {
        NameHint::Choice { owner, number } => format!("{owner}/choice[{number}]"),
        NameHint::Element(name) => format!("element {name}'s type"),
        _ => ty.xml_name.clone(),
    }
}

fn colon(shape: &str) -> String {
    if shape.is_empty() {
        String::new()
    } else {
        format!(": {shape}")
    }
}

/// Items only the newer version has, and only the older, sorted.
fn split<'a>(items: impl Iterator<Item = (Presence, &'a String)>) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for (presence, name) in items {
        match sign(presence) {
            Some('+') => added.push(name.as_str()),
            Some(_) => removed.push(name.as_str()),
            None => {}
        }
    }
    added.sort_unstable();
    removed.sort_unstable();
    (added, removed)
}

fn list(out: &mut String, heading: &str, names: &[&str]) {
    if names.is_empty() {
        let _ = writeln!(out, "\n{heading}: none");
        return;
    }
    let _ = writeln!(out, "\n{heading} ({}):", names.len());
    for name in names {
        let _ = writeln!(out, "  {name}");
    }
}

/// Every type `roots` reach.
fn reach(model: &Model, roots: Vec<TypeId>) -> BTreeSet<TypeId> {
    let mut reached = BTreeSet::new();
    let mut stack = roots;
    while let Some(id) = stack.pop() {
        if reached.insert(id) {
            stack.extend(model.uses(id).into_iter().map(|(id, _)| id));
        }
    }
    reached
}

/// Types in the order the report gives them: by title.
fn sorted(model: &Model, ids: impl Iterator<Item = TypeId>) -> Vec<TypeId> {
    let mut ids: Vec<TypeId> = ids.collect();
    ids.sort_by_key(|&id| (title(model.get(id)), id));
    ids
}
