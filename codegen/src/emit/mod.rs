//! The third stage, emission: the model as Rust tokens. Each type becomes
//! a declaration whose `#[xml(…)]` labels say what each member is
//! (`labels`); its decoder and encoder come from the derives of
//! `ews-um-derive` over the `ews_um::xml` runtime, so that what all types
//! share exists once. `types` writes the declarations; only the wrappers
//! of top-level elements and the enum of all elements are written out in
//! full.

mod labels;
mod types;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::model::{Model, TypeId};

/// How to emit a module.
pub struct Emitter<'m> {
    model: &'m Model,
    /// Derive serde traits behind this cargo feature.
    serde_feature: Option<&'m str>,
    /// Keep the schema's documentation (not when comparing what two
    /// schemas generate).
    schema_docs: bool,
}

impl<'m> Emitter<'m> {
    pub fn new(model: &'m Model, serde_feature: Option<&'m str>, schema_docs: bool) -> Self {
        Emitter {
            model,
            serde_feature,
            schema_docs,
        }
    }

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
        quote! {
            use ::ews_um::xml;
            #(#namespaces)*
            #message
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
            .filter(|&id| keep(id))
            .map(|id| {
                let def = self.type_def(id);
                let element = self.model.elements.iter().find(|e| e.ty == id);
                let element = element.map(|e| self.element(e));
                let operation = self.model.operations.iter().find(|o| o.request == id);
                let operation = operation.map(|o| self.operation(o));
                quote!(#def #element #operation)
            });
        quote!(#(#types)*)
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
