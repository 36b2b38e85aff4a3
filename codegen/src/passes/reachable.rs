//! Drops the types no top-level element reaches — lowering reaches some on
//! the way that the module ends up not using (a base without members, the
//! types of elements a restriction leaves out) — and renumbers the rest,
//! keeping their order.

use crate::model::{Model, TypeId, Use, UseMut};

pub fn keep_reachable(model: &mut Model) {
    let mut reached = vec![false; model.types.len()];
    let mut stack = Vec::new();
    model.visit_roots(&mut |u| {
        if let Use::Type { id, .. } = u {
            stack.push(*id);
        }
    });
    while let Some(id) = stack.pop() {
        if !std::mem::replace(&mut reached[id.0 as usize], true) {
            stack.extend(model.uses(id).into_iter().map(|(id, _)| id));
        }
    }
    let renumbered = super::renumbering(&reached);
    model.types = super::retain(std::mem::take(&mut model.types), &reached);
    model.changes.retain(|c| reached[c.owner.0 as usize]);
    for change in &mut model.changes {
        change.owner = TypeId(renumbered[change.owner.0 as usize]);
    }
    // What a kept type refers to is kept too.
    let mut renumber = |u: UseMut<'_>| {
        if let UseMut::Type { id, .. } = u {
            *id = TypeId(renumbered[id.0 as usize]);
        }
    };
    model
        .types
        .iter_mut()
        .for_each(|ty| ty.visit_mut(&mut renumber));
    model.visit_roots_mut(&mut renumber);
}
