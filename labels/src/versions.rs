//! `since = V, until = W, except = X`: the versions that have a member,
//! alternative, derived type or enumeration value, in a module generated
//! from several versions of a schema (constants of the module's
//! `versions`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::Path;

use crate::Keys;

/// The versions that have an item: from `since` (the module's oldest when
/// absent) to `until` (its newest when absent), but those `except` lists
/// (a version between that lacks it). None given: every version.
#[derive(Clone, Default)]
pub struct VersionRange {
    pub since: Option<Path>,
    pub until: Option<Path>,
    pub except: Vec<Path>,
}

impl VersionRange {
    pub(crate) const KEYS: [&'static str; 3] = ["since", "until", "except"];

    pub(crate) fn from_keys(keys: &Keys) -> Self {
        VersionRange {
            since: keys.path("since"),
            until: keys.path("until"),
            except: keys.paths("except").collect(),
        }
    }

    /// Whether every version has it.
    pub fn is_all(&self) -> bool {
        self.since.is_none() && self.until.is_none() && self.except.is_empty()
    }

    pub(crate) fn parts(&self) -> Vec<TokenStream> {
        let since = self.since.iter().map(|v| quote!(since = #v));
        let until = self.until.iter().map(|v| quote!(until = #v));
        let except = self.except.iter().map(|v| quote!(except = #v));
        since.chain(until).chain(except).collect()
    }
}
