//! What a module merged from several schema versions says of them: a
//! `versions` module with a constant per version, the `VERSIONS` table of
//! the top-level elements not every version declares, and the `since`,
//! `until` and `except` labels (and a line of documentation) of the
//! members, alternatives, derived types and values not every version has.

use ews_um_labels::VersionRange;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Path;

use super::{Emitter, doc_attrs, ident};
use crate::model::Presence;

impl Emitter<'_> {
    /// The versions of an item present in `item`, inside a container
    /// present in `container`: nothing when the item is wherever its
    /// container is.
    pub(super) fn version_range(&self, item: Presence, container: Presence) -> VersionRange {
        let count = self.model.versions.len();
        let container = if container.is_empty() {
            Presence::all(count)
        } else {
            container
        };
        let (Some(first), Some(last)) = (item.first(), item.last()) else {
            return VersionRange::default();
        };
        if count == 0 || item.covers(container) {
            return VersionRange::default();
        }
        VersionRange {
            since: (first > 0).then(|| self.version_path(first)),
            until: (last + 1 < count).then(|| self.version_path(last)),
            except: (first..last)
                .filter(|&v| !item.has(v))
                .map(|v| self.version_path(v))
                .collect(),
        }
    }

    /// A line of documentation saying which versions have an item, whose
    /// label `range` is.
    pub(super) fn versions_doc(&self, item: Presence, range: &VersionRange) -> TokenStream {
        let (Some(first), Some(last)) = (item.first(), item.last()) else {
            return TokenStream::new();
        };
        if range.is_all() {
            return TokenStream::new();
        }
        let name = |v: usize| format!("`{}`", self.model.versions[v]);
        let text = if !range.except.is_empty() {
            let names: Vec<String> = (first..=last).filter(|&v| item.has(v)).map(name).collect();
            let (last, init) = names.split_last().expect("a version has it");
            format!("In {} and {last} only.", init.join(", "))
        } else {
            match (range.since.is_some(), range.until.is_some()) {
                (true, false) => format!("Since {}.", name(first)),
                (false, _) => format!("Until {}.", name(last)),
                (true, true) => format!("In {} to {} only.", name(first), name(last)),
            }
        };
        doc_attrs(&text)
    }

    fn version_path(&self, version: usize) -> Path {
        let name = ident(&version_const(&self.model.versions[version]));
        syn::parse_quote!(versions::#name)
    }

    /// The `versions` module and the `VERSIONS` table, in a module of
    /// several versions.
    pub(super) fn versions(&self) -> TokenStream {
        let names = &self.model.versions;
        if names.is_empty() {
            return TokenStream::new();
        }
        let consts = names.iter().enumerate().map(|(i, name)| {
            let doc = doc_attrs(&format!("`{name}`, the {} version.", ordinal(i + 1)));
            let konst = ident(&version_const(name));
            let index = u8::try_from(i).expect("at most 64 versions");
            quote!(#doc pub const #konst: xml::Version = xml::Version(#index);)
        });
        let mut elements: Vec<_> = self
            .model
            .elements
            .iter()
            .filter(|e| !e.presence.covers(Presence::all(names.len())))
            .collect();
        elements.sort_by(|a, b| (&a.xml_name, a.namespace).cmp(&(&b.xml_name, b.namespace)));
        let elements = elements.iter().map(|e| {
            let ns = self.ns_path(e.namespace);
            let name = &e.xml_name;
            let range = self.version_range(e.presence, Presence::all(names.len()));
            let bound = |v: Option<Path>| match v {
                Some(v) => quote!(Some(#v)),
                None => quote!(None),
            };
            let (since, until, except) = (bound(range.since), bound(range.until), range.except);
            quote!((#ns, #name, xml::VersionRange { since: #since, until: #until, except: &[#(#except),*] }),)
        });
        let list = names.join(", ");
        let doc = doc_attrs(&format!(
            "The schema versions this module was generated from, oldest first ({list}), \
             and the top-level elements not all of them declare: check a value against \
             one with [`xml::Versions::check`]."
        ));
        quote! {
            /// The schema versions this module was generated from, oldest
            /// first: what the `since` and `until` labels name.
            pub mod versions {
                use ::ews_um::xml;
                #(#consts)*
            }

            #doc
            pub static VERSIONS: xml::Versions = xml::Versions {
                names: &[#(#names),*],
                elements: &[#(#elements)*],
            };
        }
    }
}

/// The constant naming a version: `EXCHANGE2010_SP1`.
pub fn version_const(name: &str) -> String {
    crate::case::const_name(name)
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
