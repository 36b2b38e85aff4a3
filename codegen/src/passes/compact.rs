//! Compact types: an optional member whose value would be large inline is
//! held in a `Box`, so that a value costs about what it holds. An EWS item
//! type declares a hundred optional members and a response sets ten of
//! them; inline, every absent `Organizer` or `EntityExtractionResult` would
//! still take its full size in every item.
//!
//! Sizes are estimated from the model, as rustc lays the types out on a
//! 64-bit target (a `String` or `Vec` is three words, a `Box` one). The
//! estimate only has to tell large from small: a member is boxed when its
//! value would take more than [`BOX_OVER`] bytes inline. Absent, a box
//! saves all but a word of that; present, it costs a word and an
//! allocation more, which small members would not repay.

use crate::model::{Builtin, MemberKind, Model, Occurs, TypeId, TypeKind, TypeRef};

/// An optional member whose value takes more than this inline (a
/// `String`'s size) is boxed.
const BOX_OVER: usize = 24;

const WORD: usize = 8;
/// An element kept as written (`RawXml`): its namespaces and its markup.
const RAW_XML: usize = 6 * WORD;

pub fn box_large(model: &mut Model) {
    let sizes = Sizes::of(model);
    for ty in &mut model.types {
        let TypeKind::Struct(def) = &mut ty.kind else {
            continue;
        };
        for member in &mut def.members {
            match &mut member.kind {
                MemberKind::Element(e) if e.occurs == Occurs::Optional && !e.boxed => {
                    e.boxed = sizes.boxes(&e.ty);
                }
                MemberKind::Choice {
                    ty,
                    occurs: Occurs::Optional,
                    boxed: boxed @ false,
                    ..
                } => *boxed = sizes.boxes(&TypeRef::Type(*ty)),
                _ => {}
            }
        }
    }
}

/// The estimated inline size of every type, optional members that
/// [`Sizes::boxes`] picks counted as boxed.
struct Sizes {
    of: Vec<usize>,
    /// Which types are structs or choices, the types boxed: an enumeration
    /// is a `String`'s size, a derived type's enum holds a box already, and
    /// a union is read as text (a word beside its largest member).
    structs: Vec<bool>,
}

impl Sizes {
    fn of(model: &Model) -> Self {
        let mut sizes = Sizes {
            of: vec![usize::MAX; model.types.len()],
            structs: model
                .types
                .iter()
                .map(|t| matches!(t.kind, TypeKind::Struct(_) | TypeKind::Choice(_)))
                .collect(),
        };
        for id in 0..model.types.len() {
            sizes.size_of_type(model, TypeId(id as u32));
        }
        sizes
    }

    /// Whether an optional member of type `ty` is boxed.
    fn boxes(&self, ty: &TypeRef) -> bool {
        matches!(ty, TypeRef::Type(id) if self.structs[id.0 as usize] && self.of[id.0 as usize] > BOX_OVER)
    }

    fn size_of_type(&mut self, model: &Model, id: TypeId) -> usize {
        let at = id.0 as usize;
        match self.of[at] {
            // Being measured: a type holding itself by value, which the
            // recursion pass leaves none of (a boxed member is not followed).
            0 => return WORD,
            usize::MAX => {}
            known => return known,
        }
        self.of[at] = 0;
        let size = match &model.types[at].kind {
            TypeKind::Struct(def) => def
                .members
                .iter()
                .map(|m| self.size_of_member(model, &m.kind))
                .sum::<usize>()
                .next_multiple_of(WORD)
                .max(WORD),
            // Values the schema does not list are kept as a `String`, and
            // the listed ones take its spare bits.
            TypeKind::Enum(_) => 3 * WORD,
            TypeKind::Newtype(value) => self.size_of_ref(model, value),
            // As large as its largest alternative (an open choice's unknown
            // one is kept XML), whose spare bits (a string's, a box's) hold
            // the tag; a tag beside numbers.
            TypeKind::Choice(choice) => {
                let unknown = choice.unknown_variant.as_ref().map_or(0, |_| RAW_XML);
                let largest = choice
                    .alternatives
                    .iter()
                    .map(|a| {
                        let e = &a.element;
                        self.size_of_element(model, &e.ty, e.occurs, e.boxed)
                    })
                    .fold(unknown, usize::max);
                optional(largest)
            }
            // Every value is boxed.
            TypeKind::Derived(_) => 2 * WORD,
            TypeKind::Union(members) => {
                WORD + members
                    .iter()
                    .map(|m| self.size_of_ref(model, &m.ty))
                    .max()
                    .unwrap_or(0)
            }
        };
        self.of[at] = size.max(1);
        self.of[at]
    }

    fn size_of_member(&mut self, model: &Model, kind: &MemberKind) -> usize {
        match kind {
            MemberKind::Base(id) => self.size_of_type(model, *id),
            MemberKind::Attribute(a) => {
                let size = self.size_of_ref(model, &a.ty);
                if a.required { size } else { optional(size) }
            }
            MemberKind::Element(e) => {
                let size = self.size_of_element(model, &e.ty, e.occurs, e.boxed);
                if e.nillable { optional(size) } else { size }
            }
            MemberKind::Choice {
                ty, occurs, boxed, ..
            } => self.size_of_element(model, &TypeRef::Type(*ty), *occurs, *boxed),
            MemberKind::Text(ty) => self.size_of_ref(model, ty),
            // Vectors, or a value kept as written (a string and its name).
            MemberKind::AnyAttribute | MemberKind::Any { .. } | MemberKind::Unknown => 3 * WORD,
        }
    }

    /// The size of an element member, or of a choice's alternative.
    fn size_of_element(
        &mut self,
        model: &Model,
        ty: &TypeRef,
        occurs: Occurs,
        boxed: bool,
    ) -> usize {
        match occurs {
            Occurs::Repeated { .. } => 3 * WORD,
            _ if boxed => WORD,
            Occurs::Required => self.size_of_ref(model, ty),
            Occurs::Optional => {
                let size = self.size_of_ref(model, ty);
                if self.boxes(ty) { WORD } else { optional(size) }
            }
        }
    }

    fn size_of_ref(&mut self, model: &Model, ty: &TypeRef) -> usize {
        match ty {
            TypeRef::Builtin(b) => builtin(*b),
            TypeRef::AnyElement => RAW_XML,
            TypeRef::Type(id) => self.size_of_type(model, *id),
            TypeRef::List(_) => 3 * WORD,
        }
    }
}

/// The size of `Option<T>` for a `T` of `size`: the same where `T` has
/// spare bits (strings, vectors, boxes; estimated so for everything of a
/// word or more), a tag more for numbers.
fn optional(size: usize) -> usize {
    if size >= 3 * WORD { size } else { size * 2 }
}

fn builtin(b: Builtin) -> usize {
    match b {
        Builtin::String | Builtin::Base64 => 3 * WORD,
        Builtin::Bool | Builtin::I8 | Builtin::U8 => 1,
        Builtin::I16 | Builtin::U16 => 2,
        Builtin::I32 | Builtin::U32 | Builtin::F32 => 4,
        Builtin::I64 | Builtin::U64 | Builtin::F64 => WORD,
    }
}
