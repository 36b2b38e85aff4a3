//! Which generated types can derive what beyond `Debug`, `Clone` and
//! `PartialEq`: `Eq` needs every value the type can hold to have it, which
//! floating-point numbers do not.

use super::{Builtin, Model, TypeId, Use};

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
}
