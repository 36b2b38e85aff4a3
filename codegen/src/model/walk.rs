//! The one walk over the model: every type, built-in value and namespace
//! each type (and each top-level element and operation) refers to. The
//! passes read what they need from it — reachability, recursion, `Eq`,
//! namespaces in use — and renumber through its mutable twin; both come
//! from the one definition below, as syn's `Visit` and `VisitMut` do.

use super::TypeRef;
use super::{Builtin, ElementMember, MemberKind, Model, NsId, Occurs, TypeDef, TypeId, TypeKind};

/// Something a type refers to.
pub enum Use<'a> {
    /// A generated type; `inline` when held by value (not in a `Vec` or a
    /// `Box`), so that the holder's size includes it.
    Type {
        id: &'a TypeId,
        inline: bool,
    },
    Builtin(Builtin),
    Namespace(&'a NsId),
}

/// Something a type refers to, to change. The same shape as [`Use`], as
/// one walk makes both; renumbering reads only ids and namespaces.
#[allow(dead_code)]
pub enum UseMut<'a> {
    Type { id: &'a mut TypeId, inline: bool },
    Builtin(Builtin),
    Namespace(&'a mut NsId),
}

/// The walk, for shared (`visit`, `Use`) or mutable (`visit_mut`,
/// `UseMut`) access.
macro_rules! walk {
    ($visit:ident, $visit_roots:ident, $visit_element:ident, $visit_ref:ident, $Use:ident $(, $m:ident)?) => {
        impl TypeDef {
            /// Calls `f` with everything the type refers to, in member order.
            pub fn $visit(& $($m)? self, f: &mut impl FnMut($Use<'_>)) {
                self.kind.$visit(f)
            }
        }

        impl TypeKind {
            /// Calls `f` with everything a type of this kind refers to.
            pub fn $visit(& $($m)? self, f: &mut impl FnMut($Use<'_>)) {
                match self {
                    TypeKind::Struct(def) => {
                        for member in & $($m)? def.members {
                            match & $($m)? member.kind {
                                MemberKind::Base(id) => f($Use::Type { id, inline: true }),
                                MemberKind::Attribute(a) => {
                                    $visit_ref(& $($m)? a.ty, true, f);
                                    if let Some(ns) = & $($m)? a.namespace {
                                        f($Use::Namespace(ns));
                                    }
                                }
                                MemberKind::Element(e) => $visit_element(e, f),
                                MemberKind::Choice { ty, occurs, boxed, .. } => {
                                    let inline = !*boxed && !matches!(occurs, Occurs::Repeated { .. });
                                    f($Use::Type { id: ty, inline });
                                }
                                MemberKind::Text(ty) => $visit_ref(ty, true, f),
                                MemberKind::AnyAttribute
                                | MemberKind::Any { .. }
                                | MemberKind::Unknown => {}
                            }
                        }
                    }
                    TypeKind::Choice(choice) => {
                        for alternative in & $($m)? choice.alternatives {
                            $visit_element(& $($m)? alternative.element, f);
                        }
                    }
                    TypeKind::Newtype(value) => $visit_ref(value, true, f),
                    // Every value of a derived-type enum is boxed.
                    TypeKind::Derived(def) => {
                        f($Use::Namespace(& $($m)? def.namespace));
                        if let Some(id) = & $($m)? def.base {
                            f($Use::Type { id, inline: false });
                        }
                        for variant in & $($m)? def.variants {
                            f($Use::Type { id: & $($m)? variant.ty, inline: false });
                            f($Use::Namespace(& $($m)? variant.namespace));
                        }
                        if let Some(unknown) = & $($m)? def.unknown {
                            f($Use::Type { id: & $($m)? unknown.ty, inline: false });
                        }
                    }
                    TypeKind::Union(members) => {
                        for member in members {
                            $visit_ref(& $($m)? member.ty, true, f);
                        }
                    }
                    TypeKind::Enum(_) => {}
                }
            }
        }

        impl Model {
            /// Calls `f` with what the module's top-level elements and
            /// operations refer to: the roots everything else is reached
            /// from.
            pub fn $visit_roots(& $($m)? self, f: &mut impl FnMut($Use<'_>)) {
                for element in & $($m)? self.elements {
                    f($Use::Type { id: & $($m)? element.ty, inline: true });
                    f($Use::Namespace(& $($m)? element.namespace));
                }
                for operation in & $($m)? self.operations {
                    f($Use::Type { id: & $($m)? operation.request, inline: true });
                    f($Use::Type { id: & $($m)? operation.response, inline: true });
                }
            }
        }

        fn $visit_element(element: & $($m)? ElementMember, f: &mut impl FnMut($Use<'_>)) {
            let inline = !element.boxed && !matches!(element.occurs, Occurs::Repeated { .. });
            $visit_ref(& $($m)? element.ty, inline, f);
            if let Some(ns) = & $($m)? element.namespace {
                f($Use::Namespace(ns));
            }
        }

        fn $visit_ref(ty: & $($m)? TypeRef, inline: bool, f: &mut impl FnMut($Use<'_>)) {
            match ty {
                TypeRef::Type(id) => f($Use::Type { id, inline }),
                // A list holds its items in a `Vec`.
                TypeRef::List(item) => $visit_ref(item, false, f),
                TypeRef::Builtin(b) => f($Use::Builtin(*b)),
                TypeRef::AnyElement => {}
            }
        }
    };
}

walk!(visit, visit_roots, visit_element, visit_ref, Use);
walk!(
    visit_mut,
    visit_roots_mut,
    visit_element_mut,
    visit_ref_mut,
    UseMut,
    mut
);

impl Model {
    /// The types `id` refers to, with whether it holds each inline.
    pub fn uses(&self, id: TypeId) -> Vec<(TypeId, bool)> {
        let mut found = Vec::new();
        self.get(id).visit(&mut |u| {
            if let Use::Type { id, inline } = u {
                found.push((*id, inline));
            }
        });
        found
    }
}
