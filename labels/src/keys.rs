//! The one parser of `#[xml(…)]`: every key any derive reads, with the kind
//! of value it takes. Which keys apply where is the labels' business
//! ([`Keys::only`]).

use proc_macro2::Span;
use syn::{Attribute, LitInt, LitStr, Path};

/// The value a key takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Flag,
    Str,
    Int,
    Path,
}

/// Every key of the vocabulary.
const KEYS: &[(&str, Kind)] = &[
    ("crate", Kind::Path),
    ("base", Kind::Flag),
    ("attribute", Kind::Str),
    ("any_attribute", Kind::Flag),
    ("element", Kind::Str),
    ("choice", Kind::Flag),
    ("any", Kind::Flag),
    ("text", Kind::Flag),
    ("ns", Kind::Path),
    ("alias", Kind::Str),
    ("optional", Kind::Flag),
    ("repeated", Kind::Flag),
    ("min", Kind::Int),
    ("max", Kind::Int),
    ("nillable", Kind::Flag),
    ("boxed", Kind::Flag),
    ("name", Kind::Str),
    ("abstract", Kind::Flag),
    ("value", Kind::Str),
    ("other", Kind::Flag),
    ("since", Kind::Path),
    ("until", Kind::Path),
    ("except", Kind::Path),
    ("open", Kind::Flag),
    ("unknown", Kind::Flag),
];

#[derive(Clone)]
enum Value {
    Flag,
    Str(LitStr),
    Int(usize),
    Path(Path),
}

/// The keys the `#[xml(…)]` attributes of one item give, in order.
#[derive(Clone, Default)]
pub struct Keys {
    given: Vec<(&'static str, Span, Value)>,
}

impl Keys {
    /// Reads every `#[xml(…)]` among `attrs`; other attributes are left alone.
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut keys = Keys::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("xml")) {
            attr.parse_nested_meta(|meta| {
                let Some(&(key, kind)) = KEYS.iter().find(|(key, _)| meta.path.is_ident(key))
                else {
                    return Err(meta.error("unknown xml attribute"));
                };
                let value = match kind {
                    Kind::Flag => Value::Flag,
                    Kind::Str => Value::Str(meta.value()?.parse()?),
                    Kind::Int => Value::Int(meta.value()?.parse::<LitInt>()?.base10_parse()?),
                    Kind::Path => Value::Path(meta.value()?.parse()?),
                };
                let span = meta
                    .path
                    .get_ident()
                    .map_or_else(Span::call_site, |i| i.span());
                keys.given.push((key, span, value));
                Ok(())
            })?;
        }
        Ok(keys)
    }

    /// Whether `key` is given.
    pub fn has(&self, key: &str) -> bool {
        self.given.iter().any(|(k, ..)| *k == key)
    }

    /// The string `key` gives, the first if several do.
    pub fn str(&self, key: &str) -> Option<LitStr> {
        self.strs(key).next()
    }

    /// Every string `key` gives (`alias` may be given more than once).
    pub fn strs<'k>(&'k self, key: &'k str) -> impl Iterator<Item = LitStr> + 'k {
        self.given.iter().filter_map(move |(k, _, v)| match v {
            Value::Str(s) if *k == key => Some(s.clone()),
            _ => None,
        })
    }

    /// The number `key` gives.
    pub fn int(&self, key: &str) -> Option<usize> {
        self.given.iter().find_map(|(k, _, v)| match v {
            Value::Int(n) if *k == key => Some(*n),
            _ => None,
        })
    }

    /// The path `key` gives, the first if several do.
    pub fn path(&self, key: &str) -> Option<Path> {
        self.paths(key).next()
    }

    /// Every path `key` gives (`except` may be given more than once).
    pub fn paths<'k>(&'k self, key: &'k str) -> impl Iterator<Item = Path> + 'k {
        self.given.iter().filter_map(move |(k, _, v)| match v {
            Value::Path(p) if *k == key => Some(p.clone()),
            _ => None,
        })
    }

    /// Refuses keys that mean nothing where they are, and keys given twice
    /// (but `alias`): what a derive does not read would otherwise be
    /// ignored silently.
    pub fn only(&self, allowed: &[&str]) -> syn::Result<()> {
        for (i, (key, span, _)) in self.given.iter().enumerate() {
            if !allowed.contains(key) {
                let expected = allowed.join(", ");
                let message = format!("`{key}` does not apply here (expected {expected})");
                return Err(syn::Error::new(*span, message));
            }
            let repeatable = matches!(*key, "alias" | "except");
            if !repeatable && self.given[..i].iter().any(|(k, ..)| k == key) {
                return Err(syn::Error::new(*span, format!("`{key}` is given twice")));
            }
        }
        Ok(())
    }

    /// An error at the first of `keys` given, else at the call site.
    pub fn error(&self, keys: &[&str], message: &str) -> syn::Error {
        let span = self
            .given
            .iter()
            .find(|(k, ..)| keys.contains(k))
            .map_or_else(Span::call_site, |(_, span, _)| *span);
        syn::Error::new(span, message)
    }
}
