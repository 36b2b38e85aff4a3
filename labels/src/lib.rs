//! The `#[xml(…)]` labels of the types `ews-um-codegen` generates: the
//! generator writes them, the derives of `ews-um-derive` read them. Each
//! label says outright what a member or variant is — an element, how often
//! it occurs, whether it is boxed or nillable — so that the derives never
//! guess from the syntax of a Rust type, and what is written is, by
//! construction, what is read: both sides use these types, one parser
//! ([`Keys`]) and one printer (`ToTokens`).

mod keys;
mod member;
mod variant;
mod versions;

pub use keys::Keys;
pub use member::{ChoiceVariant, Element, Member, Occurs};
pub use variant::{DeclaredType, DerivedVariant, EnumVariant, TypeLabel};
pub use versions::VersionRange;

use proc_macro2::TokenStream;
use quote::quote;

/// `#[xml(…)]` around `parts`, or nothing when there are none.
fn attribute(parts: Vec<TokenStream>) -> TokenStream {
    if parts.is_empty() {
        TokenStream::new()
    } else {
        quote!(#[xml(#(#parts),*)])
    }
}

#[cfg(test)]
mod tests;
