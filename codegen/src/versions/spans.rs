//! Which versions can write each element of a type, whichever member holds
//! it: a schema that moves an element into a choice (FindConversation's
//! `IndexedPageItemView` in 2013, the `FieldURI`s of a path list, which
//! 2016 writes as an anonymous choice and the other versions as the `Path`
//! substitution group) leaves two members of one element name in the
//! union, each present in some versions; the element itself is in all of
//! them. Each such member, and each alternative of a choice, is given the
//! versions of its element in the types holding it, so that a version
//! check judges what is written, not which member wrote it.

use std::collections::HashMap;

use crate::model::{MemberKind, Model, NsId, Presence, TypeId, TypeKind};

/// An element name in a type.
type Key = (TypeId, Option<NsId>, String);

pub fn by_element(model: &mut Model) {
    // The versions of each element name in each struct, over every member
    // holding it; and the structs holding each choice.
    let mut names: HashMap<Key, Presence> = HashMap::new();
    let mut holders: HashMap<TypeId, Vec<TypeId>> = HashMap::new();
    for (owner, ty) in model.types.iter().enumerate() {
        let owner = TypeId(owner as u32);
        let TypeKind::Struct(def) = &ty.kind else {
            continue;
        };
        for member in &def.members {
            match &member.kind {
                MemberKind::Element(e) => {
                    let entry = names
                        .entry((owner, e.namespace, e.xml_name.clone()))
                        .or_default();
                    *entry = entry.with(member.presence);
                }
                MemberKind::Choice { ty, .. } => {
                    let TypeKind::Choice(choice) = &model.get(*ty).kind else {
                        continue;
                    };
                    holders.entry(*ty).or_default().push(owner);
                    for a in &choice.alternatives {
                        let key = (owner, a.element.namespace, a.element.xml_name.clone());
                        let entry = names.entry(key).or_default();
                        *entry = entry.with(a.presence.and(member.presence));
                    }
                }
                _ => {}
            }
        }
    }
    for (owner, ty) in model.types.iter_mut().enumerate() {
        let owner = TypeId(owner as u32);
        match &mut ty.kind {
            TypeKind::Struct(def) => {
                for member in &mut def.members {
                    if let MemberKind::Element(e) = &member.kind {
                        member.presence = names[&(owner, e.namespace, e.xml_name.clone())];
                    }
                }
            }
            // An alternative is in the versions that have its element in
            // any type holding the choice.
            TypeKind::Choice(choice) => {
                let Some(owners) = holders.get(&owner) else {
                    continue;
                };
                for a in &mut choice.alternatives {
                    a.presence = owners.iter().fold(Presence::default(), |p, &holder| {
                        let key = (holder, a.element.namespace, a.element.xml_name.clone());
                        p.with(names[&key])
                    });
                }
            }
            _ => {}
        }
    }
}
