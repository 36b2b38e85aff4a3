//! What the types keep of messages a newer version of their schema writes.
//! A choice that is all its struct's element content is open: an element
//! none of its alternatives is becomes the choice's unknown variant, so
//! that a list keeps its length and order. An enum of a type and its
//! derived types reads a type it does not know as the declared type's
//! struct. With the `keep_unknown_elements` option, the first struct of
//! each chain of extensions keeps the elements its chain does not declare
//! (a struct it extends has them then), unless something takes every
//! element already.

use crate::model::{
    Member, MemberKind, Model, Occurs, StructDef, TypeId, TypeKind, UnknownVariant,
};

/// Opens the choices and derived-type enums that can keep what they do
/// not know, and adds the kept elements to structs when asked.
pub fn add(model: &mut Model, keep_unknown_elements: bool) {
    open_choices(model);
    for i in 0..model.types.len() {
        let ty = &model.types[i];
        let TypeKind::Derived(def) = &ty.kind else {
            continue;
        };
        let unknown = model.declared_struct(ty, def).map(|ty| UnknownVariant {
            rust_name: String::new(),
            ty,
        });
        if let TypeKind::Derived(def) = &mut model.types[i].kind {
            def.unknown = unknown;
        }
    }
    if !keep_unknown_elements {
        return;
    }
    for ty in &mut model.types {
        if let TypeKind::Struct(def) = &mut ty.kind
            && def.base().is_none()
            && !takes_every_element(def)
        {
            def.members.push(Member {
                rust_name: String::new(),
                docs: String::new(),
                kind: MemberKind::Unknown,
                presence: Default::default(),
            });
        }
    }
}

/// Marks each choice member that is all its struct's element content (its
/// bases' included) open, and gives its choice an unknown variant.
fn open_choices(model: &mut Model) {
    let mut opened: Vec<TypeId> = Vec::new();
    for i in 0..model.types.len() as u32 {
        if !model.holds_only_a_choice(TypeId(i)) {
            continue;
        }
        // The choice may be a base's: it is opened there.
        let TypeKind::Struct(def) = &mut model.get_mut(TypeId(i)).kind else {
            continue;
        };
        for member in &mut def.members {
            if let MemberKind::Choice { ty, open, .. } = &mut member.kind {
                *open = true;
                opened.push(*ty);
            }
        }
    }
    for id in opened {
        if let TypeKind::Choice(choice) = &mut model.get_mut(id).kind {
            choice.unknown_variant = Some(String::new());
        }
    }
}

/// Whether a struct has no place for kept elements, or needs none: it has
/// simple content, a wildcard that takes any number of elements, or an
/// open choice that does.
fn takes_every_element(def: &StructDef) -> bool {
    def.members.iter().any(|m| match m.kind {
        MemberKind::Text(_) => true,
        MemberKind::Any { occurs }
        | MemberKind::Choice {
            occurs, open: true, ..
        } => {
            matches!(occurs, Occurs::Repeated { max: None, .. })
        }
        _ => false,
    })
}
