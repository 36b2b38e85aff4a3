//! One value of an element, as complex types' members and choices'
//! alternatives read and write it: nillable or not, boxed or not, as its
//! label says. The value's type is left to the compiler.

use ews_um_labels::Element;
use proc_macro2::TokenStream;
use quote::quote;

/// An expression decoding one value from the element `child`.
pub fn decode(element: &Element) -> TokenStream {
    match (element.nillable, element.boxed) {
        (true, true) => quote!(d.decode_nillable(child)?.map(::std::boxed::Box::new)),
        (true, false) => quote!(d.decode_nillable(child)?),
        (false, true) => quote!(::std::boxed::Box::new(d.decode(child)?)),
        (false, false) => quote!(d.decode(child)?),
    }
}

/// An expression writing one value, `value` (a reference to it), as the
/// element; its result is an `EncodeResult`.
pub fn encode(element: &Element, value: TokenStream) -> TokenStream {
    let name = &element.name;
    let ns = ns(element);
    match (element.nillable, element.boxed) {
        (true, true) => quote!(e.nillable(#ns, #name, (#value).as_deref())),
        (true, false) => quote!(e.nillable(#ns, #name, (#value).as_ref())),
        (false, true) => quote!(e.element(#ns, #name, &**#value)),
        (false, false) => quote!(e.element(#ns, #name, #value)),
    }
}

/// The element's namespace as an expression: its constant, or `""`.
pub fn ns(element: &Element) -> TokenStream {
    ns_or_none(element.ns.as_ref())
}

/// A namespace constant as an expression, `""` for none.
pub fn ns_or_none(ns: Option<&syn::Path>) -> TokenStream {
    match ns {
        Some(path) => quote!(#path),
        None => quote!(""),
    }
}
