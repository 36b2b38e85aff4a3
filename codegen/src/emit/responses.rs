//! `ews_um::Response` for each operation's response: its response
//! messages, wherever its members hold them, as the operation's own type
//! (`FindItemResponseMessageType`) and as their outcome
//! (`ResponseMessageType`), which `check()` reads.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, ident};
use crate::model::{ElementMember, MemberKind, Occurs, OperationDef, TypeId, TypeKind, TypeRef};

/// How deep in a response its messages are looked for, in fields.
const MAX_STEPS: usize = 8;

/// A field on a route to response messages: `many` when it holds any
/// number of values (optional or repeated).
#[derive(Clone)]
struct Step {
    field: proc_macro2::Ident,
    many: bool,
    /// An optional field in a `Box`.
    boxed: bool,
}

/// Fields from a response to some of its messages, which are values of
/// `end`: the message type when the last fields are bases, else a type
/// with an upcast to it.
struct Route {
    steps: Vec<Step>,
    end: TypeId,
}

impl Emitter<'_> {
    /// `ews_um::Response` for `op`'s response, when it holds response
    /// messages.
    pub(super) fn response(&self, op: &OperationDef, message: TypeId) -> Option<TokenStream> {
        let response = op.response;
        let mut routes = Vec::new();
        self.routes(response, message, &mut Vec::new(), &mut routes);
        let outcome = self.type_path(message);
        let mut outcomes = routes.iter().map(|route| {
            let values = self.walk(route);
            if route.end == message {
                values
            } else if self.is_open_choice(route.end) {
                let choice = self.type_path(route.end);
                quote!(#values.filter_map(#choice::outcome))
            } else {
                quote!(#values.map(AsRef::<#outcome>::as_ref))
            }
        });
        let first = outcomes.next()?;
        let (typed, messages) = self
            .typed_messages(op, message, &routes)
            .unwrap_or_else(|| {
                (
                    outcome.clone(),
                    quote!(<Self as ::ews_um::Response>::outcomes(self)),
                )
            });
        let name = self.type_path(response);
        Some(quote! {
            impl ::ews_um::Response for #name {
                type Message = #typed;
                type Outcome = #outcome;

                fn messages(&self) -> impl Iterator<Item = &#typed> {
                    #messages
                }

                fn outcomes(&self) -> impl Iterator<Item = &#outcome> {
                    #first #(.chain(#outcomes))*
                }
            }
        })
    }

    /// The operation's own message type, and its messages: the response
    /// itself when it is a message; else, for a list of messages of many
    /// kinds, those of the kind named after the operation (`FindItem` →
    /// `FindItemResponseMessage`), the kind Exchange answers it with.
    fn typed_messages(
        &self,
        op: &OperationDef,
        message: TypeId,
        routes: &[Route],
    ) -> Option<(TokenStream, TokenStream)> {
        if self.base_path(op.response, message).is_some() {
            return Some((quote!(Self), quote!(::std::iter::once(self))));
        }
        let [route] = routes else {
            return None;
        };
        let TypeKind::Choice(def) = &self.model.get(route.end).kind else {
            return None;
        };
        let alternatives = &def.alternatives;
        let own = format!("{}ResponseMessage", op.name);
        let alternative = alternatives.iter().find(|a| a.element.xml_name == own)?;
        let TypeRef::Type(ty) = alternative.element.ty else {
            return None;
        };
        let choice = self.type_path(route.end);
        let variant = ident(&alternative.rust_name);
        let value = if alternative.element.boxed {
            quote!(&**v)
        } else {
            quote!(v)
        };
        let values = self.walk(route);
        let messages = if alternatives.len() == 1 && def.unknown_variant.is_none() {
            quote!(#values.map(|v| match v { #choice::#variant(v) => #value }))
        } else {
            quote!(#values.filter_map(|v| match v {
                #choice::#variant(v) => Some(#value),
                _ => None,
            }))
        };
        Some((self.type_path(ty), messages))
    }

    /// The ways from a value of `at` to the response messages it holds,
    /// found depth first, in member order: through bases and elements to
    /// a response message or a type with an upcast, and on into what a
    /// message holds besides its base (GetMailTips' message holds one per
    /// recipient).
    fn routes(&self, at: TypeId, message: TypeId, steps: &mut Vec<Step>, out: &mut Vec<Route>) {
        if let Some(path) = self.base_path(at, message) {
            let bases = path.into_iter().map(|field| Step {
                field,
                many: false,
                boxed: false,
            });
            out.push(Route {
                steps: steps.iter().cloned().chain(bases).collect(),
                end: message,
            });
            self.member_routes(at, message, false, steps, out);
        } else if self.is_message(at, message) || self.holds_messages(at, message) {
            out.push(Route {
                steps: steps.clone(),
                end: at,
            });
        } else {
            self.member_routes(at, message, true, steps, out);
        }
    }

    /// The routes through the members of the struct `at`: its base too
    /// when `bases`.
    fn member_routes(
        &self,
        at: TypeId,
        message: TypeId,
        bases: bool,
        steps: &mut Vec<Step>,
        out: &mut Vec<Route>,
    ) {
        let TypeKind::Struct(def) = &self.model.get(at).kind else {
            return;
        };
        if steps.len() >= MAX_STEPS {
            return;
        }
        for member in &def.members {
            let (ty, occurs, boxed) = match &member.kind {
                MemberKind::Base(ty) if bases => (*ty, Occurs::Required, false),
                MemberKind::Element(ElementMember {
                    ty: TypeRef::Type(ty),
                    occurs,
                    nillable: false,
                    boxed,
                    ..
                })
                | MemberKind::Choice {
                    ty, occurs, boxed, ..
                } if !*boxed || *occurs == Occurs::Optional => (*ty, *occurs, *boxed),
                _ => continue,
            };
            steps.push(Step {
                field: ident(&member.rust_name),
                boxed,
                many: occurs != Occurs::Required,
            });
            self.routes(ty, message, steps, out);
            steps.pop();
        }
    }

    /// A route as an iterator over references to the values at its end:
    /// fields in a row, `iter()` where a field is optional or repeated
    /// (`flat_map` after the first; through the box of a boxed one).
    fn walk(&self, route: &Route) -> TokenStream {
        let mut iterator: Option<TokenStream> = None;
        let mut fields = Vec::new();
        for step in &route.steps {
            fields.push(&step.field);
            if step.many {
                let iter = if step.boxed {
                    quote!(as_deref().into_iter())
                } else {
                    quote!(iter())
                };
                iterator = Some(match iterator {
                    None => quote!(self #(.#fields)*.#iter),
                    Some(iterator) => quote!(#iterator.flat_map(|v| v #(.#fields)*.#iter)),
                });
                fields.clear();
            }
        }
        match iterator {
            None if fields.is_empty() => quote!(::std::iter::once(self)),
            None => quote!(::std::iter::once(&self #(.#fields)*)),
            Some(iterator) if fields.is_empty() => iterator,
            Some(iterator) => quote!(#iterator.map(|v| &v #(.#fields)*)),
        }
    }
}
