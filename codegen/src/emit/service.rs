//! What a service description adds: the operations, with the types of
//! their SOAP headers — a struct per distinct set of header elements, an
//! optional value of each, implementing `ews_um::Headers`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, doc_attrs, ident};
use crate::case::field_name;
use crate::model::{HeaderSet, OperationDef};

impl Emitter<'_> {
    /// Every header set of the module.
    pub(super) fn header_sets(&self) -> TokenStream {
        let sets = self
            .model
            .header_sets
            .iter()
            .map(|set| self.header_set(set));
        quote!(#(#sets)*)
    }

    fn header_set(&self, set: &HeaderSet) -> TokenStream {
        let name = ident(&set.rust_name);
        let elements: Vec<_> = set
            .elements
            .iter()
            .map(|&e| &self.model.elements[e])
            .collect();
        let listed = elements
            .iter()
            .map(|e| format!("`{}`", e.xml_name))
            .collect::<Vec<_>>()
            .join(", ");
        let doc = doc_attrs(&format!(
            "SOAP headers that go together: {listed}, each optional."
        ));
        let eq = elements
            .iter()
            .all(|e| self.model.get(e.ty).eq)
            .then(|| quote!(Eq,));
        let serde = self.feature_derives();
        let fields: Vec<_> = elements
            .iter()
            .map(|e| ident(&field_name(&e.xml_name)))
            .collect();
        let members = elements.iter().zip(&fields).map(|(e, field)| {
            let ty = ident(&self.model.get(e.ty).rust_name);
            let doc = doc_attrs(&format!("The `{}` header.", e.xml_name));
            let skip = self.serde_attr(quote!(default, skip_serializing_if = "Option::is_none"));
            quote!(#doc #skip pub #field: Option<#ty>,)
        });
        // Each entry is offered to the headers in turn.
        let decode = match fields.as_slice() {
            [one] => quote!(self.#one.decode_entry(d, start)),
            all => quote!(Ok(#(self.#all.decode_entry(d, start)?)||*)),
        };
        quote! {
            #doc
            #[derive(Debug, Clone, Default, PartialEq, #eq)]
            #serde
            pub struct #name {
                #(#members)*
            }

            impl ::ews_um::Headers for #name {
                fn decode_entry(&mut self, d: &mut xml::Decoder<'_>, start: &xml::Start<'_>) -> xml::DecodeResult<bool> {
                    #decode
                }

                fn encode_entries(&self, e: &mut xml::Encoder) -> xml::EncodeResult {
                    #(self.#fields.encode_entries(e)?;)*
                    Ok(())
                }

                fn is_empty(&self) -> bool {
                    #(self.#fields.is_empty())&&*
                }
            }
        }
    }

    /// What the request type of an operation implements, and the alias of
    /// the headers its request takes.
    pub(super) fn operation(&self, op: &OperationDef) -> TokenStream {
        let request = ident(&self.model.get(op.request).rust_name);
        let response = ident(&self.model.get(op.response).rust_name);
        let headers = |set: Option<usize>| match set {
            Some(set) => {
                let name = ident(&self.model.header_sets[set].rust_name);
                quote!(#name)
            }
            None => quote!(()),
        };
        let request_headers = match (&op.headers_alias, op.request_headers) {
            (Some(alias), Some(_)) => {
                let alias = ident(alias);
                quote!(#alias)
            }
            _ => headers(op.request_headers),
        };
        let response_headers = headers(op.response_headers);
        let alias = op
            .headers_alias
            .as_ref()
            .zip(op.request_headers)
            .map(|(alias, set)| {
                let alias = ident(alias);
                let set = ident(&self.model.header_sets[set].rust_name);
                let doc = doc_attrs(&format!(
                    "The SOAP headers the `{}` request takes.",
                    op.name
                ));
                quote!(#doc pub type #alias = #set;)
            });
        let (name, action) = (&op.name, &op.soap_action);
        quote! {
            impl ::ews_um::Operation for #request {
                type Response = #response;
                type RequestHeaders = #request_headers;
                type ResponseHeaders = #response_headers;
                const OPERATION: &'static str = #name;
                const SOAP_ACTION: &'static str = #action;
            }

            #alias
        }
    }
}
