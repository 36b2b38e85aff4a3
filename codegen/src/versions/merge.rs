//! The union of several versions' models: the newest is the start, and
//! each older one, newest first, adds what it has and the union lacks —
//! types, members, alternatives, enumeration values, top-level elements,
//! operations — each item marked with the versions that have it.
//!
//! Types are matched by schema file, name and kind; members by what they
//! are (an element's namespace and name, an attribute's, the base, the
//! text, a choice by its matched type). A member both versions have keeps
//! the newer one's type, with the occurrence widened to take both, and the
//! difference is recorded (`Model::changes`) for the diff.

use std::collections::HashMap;

use crate::model::{
    Change, ChoiceDef, ElementMember, HeaderSet, Member, MemberKind, Model, NameHint, NsId, Occurs,
    Presence, TypeDef, TypeId, TypeKind, TypeRef, UseMut,
};

/// The union of the models of `versions`, oldest first, as one module:
/// what some versions lack, optional.
pub fn union(versions: Vec<Model>) -> Model {
    let mut union = merge(versions);
    relax(&mut union);
    super::spans::by_element(&mut union);
    union
}

/// Merges the models of `versions`, oldest first, each item as the newest
/// version that has it declares it.
pub fn merge(versions: Vec<Model>) -> Model {
    let mut models = versions.into_iter().enumerate().rev();
    let Some((newest, mut union)) = models.next() else {
        return Model::default();
    };
    mark(&mut union, Presence::only(newest));
    for (i, older) in models {
        Merger::new(&mut union, &older, Presence::only(i)).merge();
    }
    union
}

/// Makes every member some versions of its type lack optional: a message
/// of those versions does not hold it.
fn relax(model: &mut Model) {
    for ty in &mut model.types {
        let TypeKind::Struct(def) = &mut ty.kind else {
            continue;
        };
        for member in &mut def.members {
            if member.presence.covers(ty.presence) {
                continue;
            }
            match &mut member.kind {
                MemberKind::Element(e) => e.occurs = wider(e.occurs, Occurs::Optional),
                MemberKind::Attribute(a) => a.required = false,
                MemberKind::Choice { occurs, .. } | MemberKind::Any { occurs } => {
                    *occurs = wider(*occurs, Occurs::Optional);
                }
                MemberKind::Base(_)
                | MemberKind::AnyAttribute
                | MemberKind::Text(_)
                | MemberKind::Unknown => {}
            }
        }
    }
}

/// Marks every item of `model` as in `presence`.
fn mark(model: &mut Model, presence: Presence) {
    model.types.iter_mut().for_each(|t| mark_type(t, presence));
    model
        .elements
        .iter_mut()
        .for_each(|e| e.presence = presence);
    model
        .operations
        .iter_mut()
        .for_each(|o| o.presence = presence);
}

fn mark_type(ty: &mut TypeDef, presence: Presence) {
    ty.presence = presence;
    match &mut ty.kind {
        TypeKind::Struct(def) => def.members.iter_mut().for_each(|m| m.presence = presence),
        TypeKind::Enum(def) => def.values.iter_mut().for_each(|v| v.presence = presence),
        TypeKind::Choice(choice) => {
            choice
                .alternatives
                .iter_mut()
                .for_each(|a| a.presence = presence);
        }
        TypeKind::Newtype(_) | TypeKind::Derived(_) | TypeKind::Union(_) => {}
    }
}

/// What matches a type across versions: its name and kind (the schema
/// file only tells apart types of one name in several).
#[derive(Clone, PartialEq, Eq, Hash)]
struct TypeKey<'m> {
    name: &'m NameHint,
    kind: u8,
}

fn type_key(ty: &TypeDef) -> TypeKey<'_> {
    let kind = match ty.kind {
        TypeKind::Struct(_) => 0,
        TypeKind::Enum(_) => 1,
        TypeKind::Newtype(_) => 2,
        TypeKind::Choice(_) => 3,
        TypeKind::Derived(_) => 4,
        TypeKind::Union(_) => 5,
    };
    TypeKey {
        name: &ty.name,
        kind,
    }
}

/// One older version merged into the union.
struct Merger<'a> {
    union: &'a mut Model,
    older: &'a Model,
    version: Presence,
    /// The union's namespace for each of the older model's.
    namespaces: Vec<NsId>,
    /// The union's type for each of the older model's.
    ids: Vec<TypeId>,
    /// Which of the older model's types the union had already.
    matched: Vec<bool>,
}

impl<'a> Merger<'a> {
    fn new(union: &'a mut Model, older: &'a Model, version: Presence) -> Self {
        let namespaces = older
            .namespaces
            .iter()
            .map(
                |ns| match union.namespaces.iter().position(|u| u.uri == ns.uri) {
                    Some(at) => NsId(at as u32),
                    None => {
                        union.namespaces.push(ns.clone());
                        NsId(union.namespaces.len() as u32 - 1)
                    }
                },
            )
            .collect();
        let mut by_key: HashMap<TypeKey<'_>, Vec<TypeId>> = HashMap::new();
        for (i, ty) in union.types.iter().enumerate() {
            by_key
                .entry(type_key(ty))
                .or_default()
                .push(TypeId(i as u32));
        }
        let mut next = union.types.len() as u32;
        let mut taken = vec![false; union.types.len()];
        let mut ids = Vec::with_capacity(older.types.len());
        let mut matched = Vec::with_capacity(older.types.len());
        for ty in &older.types {
            let found = match &ty.name {
                // Anonymous choices are numbered within their type, and a
                // choice added before another shifts the numbers: matched
                // by the elements they share instead.
                NameHint::Choice { owner, .. } => same_choice(union, older, owner, ty, &taken),
                // The first of its key not taken, of its file if any is.
                _ => by_key.get(&type_key(ty)).and_then(|ids| {
                    let free = || ids.iter().filter(|id| !taken[id.0 as usize]);
                    let same_file = free().find(|id| union.get(**id).file == ty.file);
                    same_file.or_else(|| free().next()).copied()
                }),
            };
            match found {
                Some(id) => {
                    taken[id.0 as usize] = true;
                    ids.push(id);
                    matched.push(true);
                }
                None => {
                    ids.push(TypeId(next));
                    matched.push(false);
                    next += 1;
                }
            }
        }
        Merger {
            union,
            older,
            version,
            namespaces,
            ids,
            matched,
        }
    }

    fn merge(mut self) {
        // The older model's own types first, so that every id is valid.
        for (i, ty) in self.older.types.iter().enumerate() {
            if !self.matched[i] {
                let mut ty = ty.clone();
                ty.kind = self.remapped(ty.kind);
                mark_type(&mut ty, self.version);
                self.union.types.push(ty);
            }
        }
        for (i, ty) in self.older.types.iter().enumerate() {
            if self.matched[i] {
                self.merge_type(self.ids[i], ty);
            }
        }
        self.merge_elements_and_operations();
    }

    /// `kind` with the older model's ids and namespaces made the union's.
    fn remapped(&self, mut kind: TypeKind) -> TypeKind {
        kind.visit_mut(&mut |u| match u {
            UseMut::Type { id, .. } => *id = self.ids[id.0 as usize],
            UseMut::Namespace(ns) => *ns = self.namespaces[ns.0 as usize],
            UseMut::Builtin(_) => {}
        });
        kind
    }

    fn merge_type(&mut self, id: TypeId, older: &TypeDef) {
        let version = self.version;
        let older_kind = self.remapped(older.kind.clone());
        let owner = id;
        let ty = self.union.get_mut(id);
        ty.presence = ty.presence.with(version);
        let mut changes = Vec::new();
        match (&mut ty.kind, older_kind) {
            (TypeKind::Struct(def), TypeKind::Struct(old)) => {
                merge_list(&mut def.members, old.members, version, |new, old| {
                    if !same_member(&new.kind, &old.kind) {
                        return false;
                    }
                    if let Some(change) = widen(&mut new.kind, &old.kind) {
                        changes.push(change);
                    }
                    true
                });
            }
            (TypeKind::Enum(def), TypeKind::Enum(old)) => {
                merge_list(&mut def.values, old.values, version, |new, old| {
                    new.xml_value == old.xml_value
                });
            }
            (TypeKind::Choice(choice), TypeKind::Choice(old)) => {
                merge_list(
                    &mut choice.alternatives,
                    old.alternatives,
                    version,
                    |new, old| {
                        if !same_element(&new.element, &old.element) {
                            return false;
                        }
                        let mut kind = MemberKind::Element(new.element.clone());
                        let old_kind = MemberKind::Element(old.element.clone());
                        if let Some(change) = widen(&mut kind, &old_kind) {
                            changes.push(change);
                        }
                        // An alternative occurs once: only `nillable` widens.
                        new.element.nillable |= old.element.nillable;
                        true
                    },
                );
            }
            (TypeKind::Derived(def), TypeKind::Derived(old)) => {
                def.base = def.base.or(old.base);
                for variant in old.variants {
                    if !def.variants.iter().any(|v| v.ty == variant.ty) {
                        def.variants.push(variant);
                    }
                }
            }
            _ => {}
        }
        for (old, new) in changes {
            let change = Change {
                owner,
                member: member_name(self.union, &new),
                old: describe(self.union, &old),
                new: describe(self.union, &new),
            };
            self.union.changes.push(change);
        }
    }

    /// Adds the older model's top-level elements and operations the union
    /// lacks; the elements stay sorted by name (header sets follow).
    fn merge_elements_and_operations(&mut self) {
        let mut element_at = Vec::new();
        for element in &self.older.elements {
            let namespace = self.namespaces[element.namespace.0 as usize];
            let found = self
                .union
                .elements
                .iter()
                .position(|e| e.xml_name == element.xml_name && e.namespace == namespace);
            let at = match found {
                Some(at) => {
                    let e = &mut self.union.elements[at];
                    e.presence = e.presence.with(self.version);
                    at
                }
                None => {
                    let mut element = element.clone();
                    element.namespace = namespace;
                    element.ty = self.ids[element.ty.0 as usize];
                    element.presence = self.version;
                    self.union.elements.push(element);
                    self.union.elements.len() - 1
                }
            };
            element_at.push(at);
        }
        for operation in &self.older.operations {
            if let Some(op) = self
                .union
                .operations
                .iter_mut()
                .find(|o| o.name == operation.name)
            {
                op.presence = op.presence.with(self.version);
                continue;
            }
            let mut operation = operation.clone();
            operation.request = self.ids[operation.request.0 as usize];
            operation.response = self.ids[operation.response.0 as usize];
            let header_set = |set: Option<usize>, union: &mut Model| {
                let elements = self.older.header_sets[set?]
                    .elements
                    .iter()
                    .map(|&e| element_at[e])
                    .collect();
                Some(find_or_add(&mut union.header_sets, elements))
            };
            operation.request_headers = header_set(operation.request_headers, self.union);
            operation.response_headers = header_set(operation.response_headers, self.union);
            operation.presence = self.version;
            self.union.operations.push(operation);
        }
        sort_elements(self.union);
    }
}

/// The union's anonymous choice of the type `owner` that shares the most
/// elements with the older model's choice `ty`, if any shares one.
fn same_choice(
    union: &Model,
    older: &Model,
    owner: &str,
    ty: &TypeDef,
    taken: &[bool],
) -> Option<TypeId> {
    let TypeKind::Choice(ChoiceDef { alternatives, .. }) = &ty.kind else {
        return None;
    };
    let uri = |model: &Model, ns: Option<NsId>| ns.map(|ns| model.namespace(ns).uri.clone());
    let names: Vec<(Option<String>, &str)> = alternatives
        .iter()
        .map(|a| (uri(older, a.element.namespace), a.element.xml_name.as_str()))
        .collect();
    union
        .types
        .iter()
        .enumerate()
        .filter(|(i, candidate)| {
            !taken[*i]
                && candidate.file == ty.file
                && matches!(&candidate.name, NameHint::Choice { owner: o, .. } if o == owner)
        })
        .filter_map(|(i, candidate)| {
            let TypeKind::Choice(ChoiceDef {
                alternatives: theirs,
                ..
            }) = &candidate.kind
            else {
                return None;
            };
            let shared = theirs
                .iter()
                .filter(|a| {
                    names.contains(&(uri(union, a.element.namespace), a.element.xml_name.as_str()))
                })
                .count();
            (shared > 0).then_some((shared, std::cmp::Reverse(i), TypeId(i as u32)))
        })
        .max()
        .map(|(_, _, id)| id)
}

/// Merges `older` items into `items`: an item both have (`same`, which may
/// also reconcile the two) is marked as in `version` too; one only the
/// older has is inserted after the last item matched before it.
fn merge_list<T: HasPresence>(
    items: &mut Vec<T>,
    older: Vec<T>,
    version: Presence,
    mut same: impl FnMut(&mut T, &T) -> bool,
) {
    let mut at = 0;
    for mut old in older {
        match items.iter_mut().position(|item| same(item, &old)) {
            Some(found) => {
                let item = &mut items[found];
                item.set_presence(item.presence().with(version));
                at = found + 1;
            }
            None => {
                old.set_presence(version);
                items.insert(at, old);
                at += 1;
            }
        }
    }
}

trait HasPresence {
    fn presence(&self) -> Presence;
    fn set_presence(&mut self, presence: Presence);
}

macro_rules! has_presence {
    ($($ty:ty),*) => {$(
        impl HasPresence for $ty {
            fn presence(&self) -> Presence {
                self.presence
            }
            fn set_presence(&mut self, presence: Presence) {
                self.presence = presence;
            }
        }
    )*};
}

has_presence!(Member, crate::model::EnumValue, crate::model::Alternative);

/// Whether two members (ids and namespaces in one model) are the same one.
fn same_member(a: &MemberKind, b: &MemberKind) -> bool {
    match (a, b) {
        (MemberKind::Base(_), MemberKind::Base(_))
        | (MemberKind::AnyAttribute, MemberKind::AnyAttribute)
        | (MemberKind::Any { .. }, MemberKind::Any { .. })
        | (MemberKind::Text(_), MemberKind::Text(_)) => true,
        (MemberKind::Attribute(a), MemberKind::Attribute(b)) => {
            a.xml_name == b.xml_name && a.namespace == b.namespace
        }
        (MemberKind::Element(a), MemberKind::Element(b)) => same_element(a, b),
        (MemberKind::Choice { ty: a, .. }, MemberKind::Choice { ty: b, .. }) => a == b,
        _ => false,
    }
}

fn same_element(a: &ElementMember, b: &ElementMember) -> bool {
    a.xml_name == b.xml_name && a.namespace == b.namespace
}

/// Widens `new` to take what `old` allows too (occurrence, optional
/// attributes); returns `(old, new)` as they were when they differ.
fn widen(new: &mut MemberKind, old: &MemberKind) -> Option<(MemberKind, MemberKind)> {
    let before = new.clone();
    let same = match (&mut *new, old) {
        (MemberKind::Element(n), MemberKind::Element(o)) => {
            let same = n.ty == o.ty && n.occurs == o.occurs && n.nillable == o.nillable;
            n.occurs = wider(n.occurs, o.occurs);
            n.nillable |= o.nillable;
            same
        }
        (MemberKind::Attribute(n), MemberKind::Attribute(o)) => {
            let same = n.ty == o.ty && n.required == o.required;
            n.required &= o.required;
            same
        }
        (MemberKind::Choice { occurs: n, .. }, MemberKind::Choice { occurs: o, .. }) => {
            let same = *n == *o;
            *n = wider(*n, *o);
            same
        }
        (MemberKind::Base(n), MemberKind::Base(o)) => n == o,
        (MemberKind::Text(n), MemberKind::Text(o)) => n == o,
        _ => true,
    };
    (!same).then(|| (old.clone(), before))
}

/// The occurrence that takes what either takes.
fn wider(a: Occurs, b: Occurs) -> Occurs {
    let bounds = |o: Occurs| match o {
        Occurs::Required => (1, Some(1)),
        Occurs::Optional => (0, Some(1)),
        Occurs::Repeated { min, max } => (min, max),
    };
    let ((a_min, a_max), (b_min, b_max)) = (bounds(a), bounds(b));
    let repeated = matches!(a, Occurs::Repeated { .. }) || matches!(b, Occurs::Repeated { .. });
    let min = a_min.min(b_min);
    let max = a_max.zip(b_max).map(|(a, b)| a.max(b));
    match (repeated, min, max) {
        (false, 1, _) => Occurs::Required,
        (false, _, _) => Occurs::Optional,
        (true, min, max) => Occurs::Repeated { min, max },
    }
}

/// A member as the diff names it: `element X`, `choice of A or B`.
pub fn member_name(model: &Model, kind: &MemberKind) -> String {
    match kind {
        MemberKind::Element(e) => format!("element {}", e.xml_name),
        MemberKind::Attribute(a) => format!("attribute {}", a.xml_name),
        MemberKind::Choice { ty, .. } => {
            let names: Vec<&str> = match &model.get(*ty).kind {
                TypeKind::Choice(choice) => choice
                    .alternatives
                    .iter()
                    .map(|a| a.element.xml_name.as_str())
                    .collect(),
                _ => vec![model.get(*ty).xml_name.as_str()],
            };
            match names.split_last() {
                Some((last, init)) if !init.is_empty() => {
                    format!("choice of {} or {last}", init.join(", "))
                }
                _ => format!("choice of {}", names.concat()),
            }
        }
        MemberKind::Base(_) => "base".to_owned(),
        MemberKind::AnyAttribute => "any attribute".to_owned(),
        MemberKind::Any { .. } => "any element".to_owned(),
        MemberKind::Text(_) => "text".to_owned(),
        MemberKind::Unknown => "undeclared elements".to_owned(),
    }
}

/// A member's type and occurrence as the diff prints them: schema names.
pub fn describe(model: &Model, kind: &MemberKind) -> String {
    let ty = |ty: &TypeRef| type_name(model, ty);
    match kind {
        MemberKind::Element(e) => {
            let nillable = if e.nillable { ", nillable" } else { "" };
            format!("{} {}{nillable}", ty(&e.ty), occurs(e.occurs))
        }
        MemberKind::Attribute(a) => {
            let required = if a.required { "required" } else { "optional" };
            format!("{} {required}", ty(&a.ty))
        }
        MemberKind::Choice { occurs: o, .. } => occurs(*o),
        MemberKind::Base(id) => model.get(*id).xml_name.clone(),
        MemberKind::Text(t) => ty(t),
        MemberKind::AnyAttribute | MemberKind::Any { .. } | MemberKind::Unknown => String::new(),
    }
}

fn type_name(model: &Model, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Type(id) => {
            let ty = model.get(*id);
            match ty.kind {
                TypeKind::Derived(_) => format!("{} (or derived)", ty.xml_name),
                TypeKind::Enum(_) => format!("{} (enumeration)", ty.xml_name),
                TypeKind::Union(_) => format!("{} (union)", ty.xml_name),
                _ => ty.xml_name.clone(),
            }
        }
        TypeRef::Builtin(b) => format!("{b:?}").to_lowercase(),
        TypeRef::AnyElement => "any element".to_owned(),
        TypeRef::List(item) => format!("list of {}", type_name(model, item)),
    }
}

/// An occurrence as the diff prints it.
pub fn occurs(occurs: Occurs) -> String {
    match occurs {
        Occurs::Required => "once".to_owned(),
        Occurs::Optional => "optional".to_owned(),
        Occurs::Repeated { min, max: None } => format!("{min}.."),
        Occurs::Repeated {
            min,
            max: Some(max),
        } => format!("{min}..={max}"),
    }
}

/// The header set of these elements: the one there is, or a new one.
fn find_or_add(sets: &mut Vec<HeaderSet>, mut elements: Vec<usize>) -> usize {
    elements.sort_unstable();
    if let Some(at) = sets.iter().position(|s| s.elements == elements) {
        return at;
    }
    sets.push(HeaderSet {
        rust_name: String::new(),
        elements,
    });
    sets.len() - 1
}

/// Sorts the top-level elements by name again, renumbering header sets.
fn sort_elements(model: &mut Model) {
    let mut order: Vec<usize> = (0..model.elements.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&model.elements[a], &model.elements[b]);
        (&a.xml_name, a.namespace).cmp(&(&b.xml_name, b.namespace))
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut elements: Vec<_> = std::mem::take(&mut model.elements)
        .into_iter()
        .map(Some)
        .collect();
    model.elements = order
        .iter()
        .map(|&old| elements[old].take().expect("each element once"))
        .collect();
    for set in &mut model.header_sets {
        set.elements = set.elements.iter().map(|&e| new_index[e]).collect();
        set.elements.sort_unstable();
    }
}
