//! Boxing: the complex alternatives of choices (a choice is as large as its
//! largest alternative), and each member whose type holds the member's
//! owner again by value (a recursive type would otherwise have no size):
//! every such cycle then has a box in it.

use crate::model::{MemberKind, Model, Occurs, TypeId, TypeKind, TypeRef};

pub fn box_recursive(model: &mut Model) {
    let is_struct: Vec<bool> = model
        .types
        .iter()
        .map(|t| matches!(t.kind, TypeKind::Struct(_)))
        .collect();
    for ty in &mut model.types {
        if let TypeKind::Choice(choice) = &mut ty.kind {
            for a in &mut choice.alternatives {
                a.element.boxed =
                    matches!(a.element.ty, TypeRef::Type(id) if is_struct[id.0 as usize]);
            }
        }
    }
    let holds: Vec<Vec<TypeId>> = (0..model.types.len() as u32)
        .map(|i| {
            let uses = model.uses(TypeId(i));
            uses.into_iter()
                .filter(|(_, inline)| *inline)
                .map(|(id, _)| id)
                .collect()
        })
        .collect();
    let reaches = |from: TypeId, to: usize| {
        let mut seen = vec![false; holds.len()];
        let mut stack = vec![from.0 as usize];
        while let Some(at) = stack.pop() {
            if at == to {
                return true;
            }
            if !std::mem::replace(&mut seen[at], true) {
                stack.extend(holds[at].iter().map(|id| id.0 as usize));
            }
        }
        false
    };
    for (owner, ty) in model.types.iter_mut().enumerate() {
        let TypeKind::Struct(def) = &mut ty.kind else {
            continue;
        };
        for member in &mut def.members {
            match &mut member.kind {
                MemberKind::Element(e) if !repeated(e.occurs) => {
                    e.boxed = matches!(e.ty, TypeRef::Type(held) if reaches(held, owner));
                }
                MemberKind::Choice {
                    ty, occurs, boxed, ..
                } if !repeated(*occurs) => {
                    *boxed = reaches(*ty, owner);
                }
                _ => {}
            }
        }
    }
}

fn repeated(occurs: Occurs) -> bool {
    matches!(occurs, Occurs::Repeated { .. })
}
