//! The third stage, emission: the model as Rust tokens. Each type becomes
//! a declaration whose `#[xml(…)]` labels say what each member is
//! (`labels`); its decoder and encoder come from the derives of
//! `ews-um-derive` over the `ews_um::xml` runtime, so that what all types
//! share exists once. `types` writes the declarations; only the wrappers
//! of top-level elements and the enum of all elements are written out in
//! full.

mod constructors;
mod exchange;
mod labels;
mod responses;
mod service;
mod types;
mod versions;

pub use versions::version_const;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::model::{Model, TypeId};

/// How to emit a module.
pub struct Emitter<'m> {
    pub model: &'m Model,
    /// Derive serde traits behind this cargo feature.
    pub serde_feature: Option<&'m str>,
    /// Derive `arbitrary::Arbitrary` behind this cargo feature.
    pub arbitrary_feature: Option<&'m str>,
    /// Keep the schema's documentation (not when comparing what two
    /// schemas generate).
    pub schema_docs: bool,
}

impl<'m> Emitter<'m> {
    /// The whole module as one file.
    pub fn module(&self) -> TokenStream {
        let head = self.head();
        let types = self.types(|_| true);
        quote!(#head #types)
    }

    /// The module as a directory: `mod.rs` with the namespaces and the enum
    /// of top-level elements, and a submodule per schema file holding the
    /// types it declares, all re-exported. Returns `mod.rs` and
    /// `(submodule, code)`s.
    pub fn module_files(&self) -> (TokenStream, Vec<(String, TokenStream)>) {
        let mut files: Vec<&str> = self
            .model
            .types
            .iter()
            .map(|t| t.file.as_str())
            .filter(|f| !f.is_empty())
            .collect();
        files.sort_unstable();
        files.dedup();
        let parts: Vec<(String, TokenStream)> = files
            .iter()
            .map(|file| {
                let types = self.types(|id| self.model.get(id).file == *file);
                let code = quote! {
                    use super::*;
                    use ::ews_um::xml;
                    #types
                };
                (submodule_name(file), code)
            })
            .collect();
        let head = self.head();
        let unfiled = self.types(|id| self.model.get(id).file.is_empty());
        let mods = parts.iter().map(|(name, _)| {
            let name = ident(name);
            quote!(mod #name; pub use #name::*;)
        });
        (quote!(#head #(#mods)* #unfiled), parts)
    }

    /// What every module starts with: the runtime, the namespaces, the enum
    /// of top-level elements.
    fn head(&self) -> TokenStream {
        let mut namespaces: Vec<_> = self.model.namespaces.iter().collect();
        namespaces.sort_by(|a, b| (&a.rust_name, &a.uri).cmp(&(&b.rust_name, &b.uri)));
        let namespaces = namespaces.into_iter().map(|ns| {
            let (name, uri) = (ident(&ns.rust_name), &ns.uri);
            let doc = doc_attrs(&format!("The namespace `{uri}`."));
            quote! {
                #doc
                pub const #name: &str = #uri;
            }
        });
        let message = self.message_enum();
        let header_sets = self.header_sets();
        let exchange = self.exchange();
        let versions = self.versions();
        quote! {
            use ::ews_um::xml;
            #(#namespaces)*
            #versions
            #message
            #header_sets
            #exchange
        }
    }

    /// The types `keep` picks, by name, each followed by what it implements
    /// as a top-level element and as an operation, so that one place tells
    /// all about it.
    fn types(&self, keep: impl Fn(TypeId) -> bool) -> TokenStream {
        let types = self
            .model
            .emission_order()
            .into_iter()
            .filter(|&id| keep(id) && self.model.get(id).module.is_none())
            .map(|id| {
                let def = self.type_def(id);
                let choices = self.choices_of(id);
                let element = self.model.elements.iter().find(|e| e.ty == id);
                let element = element.map(|e| self.element(e));
                let operation = self.model.operations.iter().find(|o| o.request == id);
                let operation = operation.map(|o| self.operation(o));
                quote!(#def #choices #element #operation)
            });
        quote!(#(#types)*)
    }

    /// The module of the anonymous choices the struct `id` holds, if any.
    fn choices_of(&self, id: TypeId) -> Option<TokenStream> {
        let crate::model::TypeKind::Struct(def) = &self.model.get(id).kind else {
            return None;
        };
        let choices: Vec<TypeId> = def
            .members
            .iter()
            .filter_map(|m| match m.kind {
                crate::model::MemberKind::Choice { ty, .. } => Some(ty),
                _ => None,
            })
            .filter(|&ty| self.model.get(ty).module.is_some())
            .collect();
        let module = ident(self.model.get(*choices.first()?).module.as_deref()?);
        let enums = choices.iter().map(|&choice| self.type_def(choice));
        let doc = doc_attrs(&format!(
            "The choices of [`{}`]: one of several elements each.",
            self.model.get(id).rust_name
        ));
        Some(quote! {
            #doc
            pub mod #module {
                use super::*;
                #(#enums)*
            }
        })
    }

    /// The base fields from the struct `from` to the struct `to` it is or
    /// extends, as field names to write.
    fn base_path(&self, from: TypeId, to: TypeId) -> Option<Vec<Ident>> {
        let fields = self.model.base_fields(from, to)?;
        Some(fields.into_iter().map(ident).collect())
    }

    /// Documentation from the schema, unless left out.
    fn schema_doc(&self, text: &str) -> TokenStream {
        if self.schema_docs {
            doc_attrs(text)
        } else {
            TokenStream::new()
        }
    }
}

/// `#[allow(clippy::enum_variant_names)]` for an enum whose variants, named
/// after the schema's elements, types or values, repeat the enum's name or
/// share a first or last word: what clippy flags in a module that is not
/// public (`View` of `IndexedPageItemView`, `CalendarView`, …).
fn variant_names_allow<'a>(
    name: &str,
    variants: impl IntoIterator<Item = &'a str>,
) -> Option<TokenStream> {
    let name = crate::case::words(name);
    let variants: Vec<Vec<String>> = variants.into_iter().map(crate::case::words).collect();
    let repeats_name = variants
        .iter()
        .any(|v| v.starts_with(&name) || v.ends_with(&name));
    let shared = |word: fn(&Vec<String>) -> Option<&String>| {
        let first = variants.first().and_then(word);
        first.is_some() && variants.iter().all(|v| word(v) == first)
    };
    // Clippy looks for shared words from three variants on.
    let shares = variants.len() >= 3 && (shared(|v| v.first()) || shared(|v| v.last()));
    (repeats_name || shares).then(|| quote!(#[allow(clippy::enum_variant_names)]))
}

/// The Rust module a schema file's types go to (never `xml`, the
/// runtime's name in generated code).
fn submodule_name(file: &str) -> String {
    let name = crate::case::field_name(file);
    if name == "xml" {
        "xml_types".to_owned()
    } else {
        name
    }
}

fn doc_attrs(text: &str) -> TokenStream {
    if text.is_empty() {
        return TokenStream::new();
    }
    let lines = text
        .lines()
        .map(|line| format!(" {line}").trim_end().to_owned());
    quote!(#(#[doc = #lines])*)
}

fn ident(name: &str) -> Ident {
    format_ident!("{}", name, span = Span::call_site())
}
