//! The versions that have each member, alternative or value, from their
//! `since`/`until` labels: a lookup by name (or by variant), generated only
//! where some item is not in every version.

use ews_um_labels::VersionRange;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{LitStr, Path};

/// `Some(VersionRange { … })` for a label's versions; `None` when it is
/// every version.
pub fn expr(x: &Path, range: &VersionRange) -> Option<TokenStream> {
    if range.is_all() {
        return None;
    }
    let bound = |v: &Option<Path>| match v {
        Some(v) => quote!(::std::option::Option::Some(#v)),
        None => quote!(::std::option::Option::None),
    };
    let (since, until, except) = (bound(&range.since), bound(&range.until), &range.except);
    Some(quote! {
        ::std::option::Option::Some(#x::VersionRange {
            since: #since,
            until: #until,
            except: &[#(#except),*],
        })
    })
}

/// The `member_versions` function of a `Content` or `Choice`: the spans
/// `named` (element names, `@` and attribute names) gives, else
/// `fallback`'s; nothing (the traits' default) when there are none.
pub fn member_versions_fn(
    x: &Path,
    named: &[(LitStr, TokenStream)],
    fallback: Option<TokenStream>,
) -> Option<TokenStream> {
    if named.is_empty() && fallback.is_none() {
        return None;
    }
    let fallback = fallback.unwrap_or_else(|| quote!(::std::option::Option::None));
    let (names, spans): (Vec<_>, Vec<_>) = named.iter().cloned().unzip();
    Some(quote! {
        fn member_versions(name: &str) -> ::std::option::Option<#x::VersionRange> {
            match name {
                #(#names => #spans,)*
                _ => #fallback,
            }
        }
    })
}
