//! The `#[xml(…)]` attributes of members and variants.

use proc_macro2::Span;
use syn::{Attribute, LitInt, LitStr, Path};

/// Everything `#[xml(…)]` can say; each derive checks which parts apply.
#[derive(Default)]
pub struct XmlAttrs {
    pub base: bool,
    pub attribute: Option<LitStr>,
    pub any_attribute: bool,
    pub element: Option<LitStr>,
    pub choice: bool,
    pub any: bool,
    pub text: bool,
    /// A type's name (`Derived`).
    pub name: Option<LitStr>,
    pub ns: Option<Path>,
    pub aliases: Vec<LitStr>,
    pub nillable: bool,
    pub is_abstract: bool,
    pub min: Option<usize>,
    pub max: Option<usize>,
    /// The keys given, where they were given.
    keys: Vec<(String, Span)>,
}

impl XmlAttrs {
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut out = Self::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("xml")) {
            attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                if let Some(key) = path.get_ident() {
                    out.keys.push((key.to_string(), key.span()));
                }
                let flag = |name: &str| path.is_ident(name);
                if flag("base") {
                    out.base = true;
                } else if flag("any_attribute") {
                    out.any_attribute = true;
                } else if flag("choice") {
                    out.choice = true;
                } else if flag("any") {
                    out.any = true;
                } else if flag("text") {
                    out.text = true;
                } else if flag("nillable") {
                    out.nillable = true;
                } else if flag("abstract") {
                    out.is_abstract = true;
                } else if flag("attribute") {
                    out.attribute = Some(meta.value()?.parse()?);
                } else if flag("element") {
                    out.element = Some(meta.value()?.parse()?);
                } else if flag("name") {
                    out.name = Some(meta.value()?.parse()?);
                } else if flag("ns") {
                    out.ns = Some(meta.value()?.parse()?);
                } else if flag("alias") {
                    out.aliases.push(meta.value()?.parse()?);
                } else if flag("min") {
                    out.min = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?);
                } else if flag("max") {
                    out.max = Some(meta.value()?.parse::<LitInt>()?.base10_parse()?);
                } else {
                    return Err(meta.error("unknown xml attribute"));
                }
                Ok(())
            })?;
        }
        Ok(out)
    }

    /// Refuses keys that mean nothing where they are: what one derive does
    /// not read would otherwise be ignored silently.
    pub fn only(&self, allowed: &[&str]) -> syn::Result<()> {
        match self
            .keys
            .iter()
            .find(|(key, _)| !allowed.contains(&key.as_str()))
        {
            Some((key, span)) => Err(syn::Error::new(
                *span,
                format!(
                    "`{key}` does not apply here (expected {})",
                    allowed.join(", ")
                ),
            )),
            None => Ok(()),
        }
    }

    /// The namespace as an expression: the constant, or `""`.
    pub fn ns_tokens(&self) -> proc_macro2::TokenStream {
        match &self.ns {
            Some(path) => quote::quote!(#path),
            None => quote::quote!(""),
        }
    }
}
