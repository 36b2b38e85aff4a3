//! Which generated types can derive what beyond `Debug`, `Clone` and
//! `PartialEq`: `Eq` needs every value the type can hold to have it, which
//! floating-point numbers do not; `Default` needs every member of a struct
//! to have an empty value that the schema allows.

use super::{Builtin, Member, MemberKind, Model, Occurs, TypeId, TypeKind, TypeRef, Use};

impl Model {
    /// Sets [`TypeDef::eq`](super::TypeDef::eq) for every type: `false` for
    /// those from which a floating-point value is reachable.
    pub fn mark_eq(&mut self) {
        let n = self.types.len();
        let mut holds_float = vec![false; n];
        // Who refers to each type, to spread "holds a float" backwards.
        let mut users: Vec<Vec<TypeId>> = vec![Vec::new(); n];
        for (i, ty) in self.types.iter().enumerate() {
            ty.visit(&mut |u| match u {
                Use::Builtin(Builtin::F32 | Builtin::F64) => holds_float[i] = true,
                Use::Type { id, .. } => users[id.0 as usize].push(TypeId(i as u32)),
                Use::Builtin(_) | Use::Namespace(_) => {}
            });
        }
        let mut stack: Vec<TypeId> = (0..n)
            .filter(|&i| holds_float[i])
            .map(|i| TypeId(i as u32))
            .collect();
        while let Some(id) = stack.pop() {
            for &user in &users[id.0 as usize] {
                if !std::mem::replace(&mut holds_float[user.0 as usize], true) {
                    stack.push(user);
                }
            }
        }
        for (ty, float) in self.types.iter_mut().zip(holds_float) {
            ty.eq = !float;
        }
    }

    /// Sets [`TypeDef::default`](super::TypeDef::default) for every struct
    /// whose members may all start empty (see [`Model::starts_empty`]): a
    /// struct is added once the structs its required members hold are, so
    /// a cycle of required members never gets a `Default` that would
    /// recurse forever.
    pub fn mark_default(&mut self) {
        for ty in &mut self.types {
            ty.default = false;
        }
        loop {
            let found: Vec<usize> = (0..self.types.len())
                .filter(|&i| match &self.types[i].kind {
                    TypeKind::Struct(def) => {
                        !self.types[i].default && def.members.iter().all(|m| self.starts_empty(m))
                    }
                    _ => false,
                })
                .collect();
            if found.is_empty() {
                return;
            }
            for i in found {
                self.types[i].default = true;
            }
        }
    }

    /// Whether a member has an empty value the schema allows: absent,
    /// none of a list, or a struct of such members (as a base, or as a
    /// required element, then written empty).
    pub fn starts_empty(&self, member: &Member) -> bool {
        let struct_default = |id: TypeId| {
            let ty = self.get(id);
            ty.default && matches!(ty.kind, TypeKind::Struct(_))
        };
        match &member.kind {
            MemberKind::Base(base) => struct_default(*base),
            MemberKind::Attribute(a) => !a.required,
            MemberKind::AnyAttribute | MemberKind::Unknown => true,
            MemberKind::Element(e) => match (e.occurs, &e.ty) {
                (Occurs::Required, TypeRef::Type(id)) => !e.nillable && struct_default(*id),
                (occurs, _) => may_be_absent(occurs),
            },
            MemberKind::Choice { occurs, .. } | MemberKind::Any { occurs } => {
                may_be_absent(*occurs)
            }
            MemberKind::Text(_) => false,
        }
    }
}

/// Whether no value at all is allowed.
fn may_be_absent(occurs: Occurs) -> bool {
    match occurs {
        Occurs::Required => false,
        Occurs::Optional => true,
        Occurs::Repeated { min, .. } => min == 0,
    }
}
