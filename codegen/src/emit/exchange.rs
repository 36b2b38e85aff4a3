//! What the types of an Exchange (EWS) schema get beyond XML Schema, when
//! the schema has EWS's `ResponseMessageType`: its outcome as an
//! `ews_um::ResponseMessage`; an upcast to it (`AsRef`) from every type
//! that derives from it, enum of derived types and choice of them; and
//! `ews_um::Response` for each operation's response (`responses.rs`).

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, ident};
use crate::model::{
    AttributeDef, ChoiceDef, ElementMember, MemberKind, Occurs, TypeId, TypeKind, TypeRef,
};

/// `ResponseMessageType`, and its members' field names.
struct MessageType {
    id: TypeId,
    class: String,
    code: (String, TypeId),
    text: String,
    details: String,
    /// The field of `MessageXml` that keeps its content.
    details_any: String,
    details_type: TypeId,
    /// `MessageXml` is held in a `Box` (`passes::compact`).
    details_boxed: bool,
}

impl Emitter<'_> {
    /// The EWS impls, or nothing for a schema without `ResponseMessageType`.
    pub(super) fn exchange(&self) -> TokenStream {
        let Some(message) = self.message_type() else {
            return TokenStream::new();
        };
        let upcasts = (0..self.model.types.len() as u32)
            .map(TypeId)
            .filter_map(|id| {
                self.upcast(id, message.id)
                    .or_else(|| self.open_upcast(id, message.id))
            });
        let responses = self
            .model
            .operations
            .iter()
            .filter_map(|op| self.response(op, message.id));
        let outcome = self.outcome(&message);
        quote! {
            #outcome
            #(#upcasts)*
            #(#responses)*
        }
    }

    /// `ResponseMessageType` as EWS declares it: a `ResponseClass`, and
    /// optional `ResponseCode`, `MessageText` and `MessageXml`.
    fn message_type(&self) -> Option<MessageType> {
        let (index, def) = self.model.types.iter().enumerate().find(|(_, t)| {
            t.xml_name == "ResponseMessageType" && matches!(t.kind, TypeKind::Struct(_))
        })?;
        let TypeKind::Struct(def) = &def.kind else {
            return None;
        };
        let attribute = |name: &str| {
            def.members.iter().find_map(|m| match &m.kind {
                MemberKind::Attribute(AttributeDef { xml_name, .. }) if xml_name == name => {
                    Some(m.rust_name.clone())
                }
                _ => None,
            })
        };
        let element = |name: &str| {
            def.members.iter().find_map(|m| match &m.kind {
                MemberKind::Element(
                    e @ ElementMember {
                        occurs: Occurs::Optional,
                        ..
                    },
                ) if e.xml_name == name => Some((m.rust_name.clone(), e.ty.clone(), e.boxed)),
                _ => None,
            })
        };
        // An enumeration: never boxed (were it, the impl would not compile).
        let (code, TypeRef::Type(code_type), _) = element("ResponseCode")? else {
            return None;
        };
        let (details, TypeRef::Type(details_type), details_boxed) = element("MessageXml")? else {
            return None;
        };
        let TypeKind::Struct(xml) = &self.model.get(details_type).kind else {
            return None;
        };
        let details_any = xml.members.iter().find_map(|m| match m.kind {
            MemberKind::Any {
                occurs: Occurs::Repeated { .. },
            } => Some(m.rust_name.clone()),
            _ => None,
        })?;
        Some(MessageType {
            id: TypeId(index as u32),
            class: attribute("ResponseClass")?,
            code: (code, code_type),
            text: element("MessageText").map(|(text, ..)| text)?,
            details,
            details_any,
            details_type,
            details_boxed,
        })
    }

    fn outcome(&self, message: &MessageType) -> TokenStream {
        let name = self.type_path(message.id);
        let code_type = self.type_path(message.code.1);
        let details_type = self.type_path(message.details_type);
        let [class, code, text, details, any] = [
            &message.class,
            &message.code.0,
            &message.text,
            &message.details,
            &message.details_any,
        ]
        .map(|field| ident(field));
        let as_ref = if message.details_boxed {
            quote!(as_deref())
        } else {
            quote!(as_ref())
        };
        quote! {
            impl ::ews_um::ResponseMessage for #name {
                type Code = #code_type;
                type Details = #details_type;

                fn class(&self) -> &str {
                    self.#class.as_str()
                }

                fn code(&self) -> Option<&#code_type> {
                    self.#code.as_ref()
                }

                fn text(&self) -> Option<&str> {
                    self.#text.as_deref()
                }

                fn details(&self) -> Option<&#details_type> {
                    self.#details.#as_ref
                }

                fn details_xml(&self) -> &[xml::RawXml] {
                    self.#details.#as_ref.map_or(&[], |details| details.#any.as_slice())
                }
            }
        }
    }

    /// `AsRef<ResponseMessageType>` for `id`, when its values are response
    /// messages: the type itself, a type that extends it, an enum of such
    /// types (by `xsi:type`), or a choice of them.
    fn upcast(&self, id: TypeId, message: TypeId) -> Option<TokenStream> {
        if !self.is_message(id, message) {
            return None;
        }
        let target = self.type_path(message);
        let name = self.type_path(id);
        let body = match &self.model.get(id).kind {
            TypeKind::Struct(_) => self.reference(quote!(self), false, id, message),
            // Declared as the message type: its own upcast is that one.
            TypeKind::Derived(def)
                if self.model.declared_struct(self.model.get(id), def) == Some(message) =>
            {
                return None;
            }
            TypeKind::Derived(def) => {
                let arms = def.types().map(|v| {
                    let variant = ident(&self.model.get(v).rust_name);
                    let value = self.reference(quote!(v), true, v, message);
                    quote!(Self::#variant(v) => #value,)
                });
                // A type the schema does not know is read as the declared one.
                let unknown = def.unknown.as_ref().map(|u| {
                    let variant = ident(&u.rust_name);
                    let value = match self.base_path(u.ty, message) {
                        Some(path) => quote!(&v.value #(.#path)*),
                        None => quote!(AsRef::<#target>::as_ref(&v.value)),
                    };
                    quote!(Self::#variant(v) => #value,)
                });
                quote!(match self { #(#arms)* #unknown })
            }
            TypeKind::Choice(choice) => {
                let arms = self.choice_arms(choice, message, |value| value);
                quote!(match self { #(#arms)* })
            }
            _ => return None,
        };
        Some(quote! {
            impl AsRef<#target> for #name {
                fn as_ref(&self) -> &#target {
                    #body
                }
            }
        })
    }

    /// `outcome()` of an open choice of response messages: the message it
    /// holds, if it holds one of the alternatives (not an element kept as
    /// sent).
    fn open_upcast(&self, id: TypeId, message: TypeId) -> Option<TokenStream> {
        let TypeKind::Choice(choice) = &self.model.get(id).kind else {
            return None;
        };
        let unknown = ident(choice.unknown_variant.as_deref()?);
        if !self.holds_messages(id, message) {
            return None;
        }
        let target = self.type_path(message);
        let name = self.type_path(id);
        let arms = self.choice_arms(choice, message, |value| quote!(Some(#value)));
        Some(quote! {
            impl #name {
                /// The response message it holds; `None` for an element of a kind the schema does not know, kept as sent.
                pub fn outcome(&self) -> Option<&#target> {
                    match self {
                        #(#arms)*
                        Self::#unknown(_) => None,
                    }
                }
            }
        })
    }

    /// The arms of a match on a choice of response messages: each
    /// alternative's value, as a reference to the message it is, through
    /// `wrap`.
    fn choice_arms(
        &self,
        choice: &ChoiceDef,
        message: TypeId,
        wrap: impl Fn(TokenStream) -> TokenStream,
    ) -> Vec<TokenStream> {
        choice
            .alternatives
            .iter()
            .filter_map(|a| {
                let TypeRef::Type(ty) = a.element.ty else {
                    return None;
                };
                let variant = ident(&a.rust_name);
                let value = wrap(self.reference(quote!(v), a.element.boxed, ty, message));
                Some(quote!(Self::#variant(v) => #value,))
            })
            .collect()
    }

    /// `value`, a reference to a value of `id` (in a `Box` when `boxed`),
    /// as a reference to the response message it is: through its base
    /// fields when `id` is a struct, by the upcast otherwise.
    fn reference(
        &self,
        value: TokenStream,
        boxed: bool,
        id: TypeId,
        message: TypeId,
    ) -> TokenStream {
        match self.base_path(id, message) {
            // A reference to the box coerces to one to the message; field
            // access sees through the box.
            Some(path) if path.is_empty() => value,
            Some(path) => quote!(&#value #(.#path)*),
            None => {
                let target = self.type_path(message);
                let value = if boxed { quote!(&**#value) } else { value };
                quote!(AsRef::<#target>::as_ref(#value))
            }
        }
    }

    /// Whether values of `id` are response messages (it has an upcast).
    pub(super) fn is_message(&self, id: TypeId, message: TypeId) -> bool {
        match &self.model.get(id).kind {
            TypeKind::Struct(_) => self.base_path(id, message).is_some(),
            TypeKind::Derived(def) => def
                .types()
                .chain(def.unknown.as_ref().map(|u| u.ty))
                .all(|v| self.base_path(v, message).is_some()),
            TypeKind::Choice(choice) => {
                choice.unknown_variant.is_none() && self.holds_messages(id, message)
            }
            _ => false,
        }
    }

    /// Whether `id` is a choice each of whose alternatives is a response
    /// message (an open one may hold an element kept as sent instead).
    pub(super) fn holds_messages(&self, id: TypeId, message: TypeId) -> bool {
        let TypeKind::Choice(choice) = &self.model.get(id).kind else {
            return false;
        };
        choice.alternatives.iter().all(|a| match a.element.ty {
            TypeRef::Type(ty) => !a.element.nillable && self.is_message(ty, message),
            _ => false,
        })
    }

    /// Whether `id` is a choice that keeps unknown elements.
    pub(super) fn is_open_choice(&self, id: TypeId) -> bool {
        matches!(&self.model.get(id).kind, TypeKind::Choice(c) if c.unknown_variant.is_some())
    }
}
