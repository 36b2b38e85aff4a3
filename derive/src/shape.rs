//! What a field's Rust type says about its element: how often it occurs,
//! whether it is boxed, and the type of one value.

use syn::{GenericArgument, PathArguments, Type};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Occurs {
    Required,
    Optional,
    Repeated,
}

pub struct Shape<'t> {
    pub occurs: Occurs,
    /// One value is held in a `Box`.
    pub boxed: bool,
    /// One value is `Option<value>`, `None` written as `xsi:nil`.
    pub nillable: bool,
    /// The type of one value.
    pub value: &'t Type,
}

impl<'t> Shape<'t> {
    pub fn of(ty: &'t Type, nillable: bool) -> Self {
        let (occurs, item) = match (wrapped(ty, "Vec"), wrapped(ty, "Option")) {
            (Some(item), _) => (Occurs::Repeated, item),
            // A required nillable element is an `Option` already.
            (None, Some(inner)) if !nillable || wrapped(inner, "Option").is_some() => {
                (Occurs::Optional, inner)
            }
            _ => (Occurs::Required, ty),
        };
        let item = if nillable {
            wrapped(item, "Option").unwrap_or(item)
        } else {
            item
        };
        let (boxed, value) = match wrapped(item, "Box") {
            Some(inner) => (true, inner),
            None => (false, item),
        };
        Shape {
            occurs,
            boxed,
            nillable,
            value,
        }
    }
}

/// `T` when `ty` is `wrapper<T>`.
pub fn wrapped<'t>(ty: &'t Type, wrapper: &str) -> Option<&'t Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
