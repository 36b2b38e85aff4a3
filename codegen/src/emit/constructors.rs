//! How a caller builds a struct without spelling out every member the
//! schema lets it leave out: `Default` where every member may start empty
//! (derived; see `model::derivable`), otherwise `new` taking the members
//! the schema requires.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, doc_attrs, ident};
use crate::model::{Member, StructDef, TypeDef};

/// The most members `new` takes: a longer call reads worse than the
/// struct literal it stands for (and is what clippy calls too many).
const MAX_ARGUMENTS: usize = 7;

impl Emitter<'_> {
    /// `new` for a struct that has members to leave empty and members
    /// to give; nothing when it derives `Default` or neither applies.
    pub(super) fn constructor(&self, ty: &TypeDef, def: &StructDef) -> Option<TokenStream> {
        if ty.default {
            return None;
        }
        let (empty, given): (Vec<&Member>, Vec<&Member>) =
            def.members.iter().partition(|m| self.model.starts_empty(m));
        if empty.is_empty() || given.len() > MAX_ARGUMENTS {
            return None;
        }
        let params = given.iter().map(|m| {
            let field = ident(&m.rust_name);
            let ty = self.member_type(&m.kind);
            quote!(#field: #ty)
        });
        let fields = def.members.iter().map(|m| {
            let field = ident(&m.rust_name);
            if self.model.starts_empty(m) {
                quote!(#field: Default::default())
            } else {
                quote!(#field)
            }
        });
        let name = ident(&ty.rust_name);
        let doc = doc_attrs(&format!(
            "Builds a `{}` from the members given; every other one starts empty.",
            ty.rust_name
        ));
        Some(quote! {
            impl #name {
                #doc
                pub fn new(#(#params),*) -> Self {
                    Self { #(#fields),* }
                }
            }
        })
    }
}
