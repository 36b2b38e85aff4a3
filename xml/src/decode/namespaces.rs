//! The namespace declarations in scope while decoding: a stack that each
//! element's declarations extend and its end tag pops back. Prefixes and
//! namespace names stay slices of the input where they can.

use std::borrow::Cow;

use smallvec::SmallVec;

use crate::XML_NS;

/// More namespace declarations in scope than this are refused: each name
/// is resolved against them.
pub const MAX_BINDINGS: usize = 1024;

/// Resolves prefixes against the declarations in scope.
#[derive(Default)]
pub struct NamespaceResolver<'a> {
    /// Innermost last. Held inline: a typical message allocates nothing
    /// for it.
    bindings: SmallVec<[Binding<'a>; 8]>,
}

struct Binding<'a> {
    /// The declared prefix; empty for the default namespace.
    prefix: Cow<'a, str>,
    uri: Cow<'a, str>,
}

/// [`MAX_BINDINGS`] declarations are in scope already.
pub struct TooManyBindings;

// Each is called for every element or declaration: inlined into the
// decoder's loop.
impl<'a> NamespaceResolver<'a> {
    /// Where the declarations of the element about to be entered start:
    /// what [`release`](Self::release) returns to when it ends.
    #[inline]
    pub fn mark(&self) -> usize {
        self.bindings.len()
    }

    /// Binds `prefix` (empty: the default namespace) to `uri` until the
    /// current element ends.
    #[inline]
    pub fn declare(
        &mut self,
        prefix: Cow<'a, str>,
        uri: Cow<'a, str>,
    ) -> Result<(), TooManyBindings> {
        if self.bindings.len() == MAX_BINDINGS {
            return Err(TooManyBindings);
        }
        self.bindings.push(Binding { prefix, uri });
        Ok(())
    }

    /// Drops the declarations made since `mark`.
    #[inline]
    pub fn release(&mut self, mark: usize) {
        self.bindings.truncate(mark);
    }

    /// The namespace bound to `prefix` (empty: the default namespace);
    /// `None` when unbound or, for the default, undeclared or set to "".
    #[inline]
    pub fn resolve(&self, prefix: &str) -> Option<&Cow<'a, str>> {
        static XML: Cow<'static, str> = Cow::Borrowed(XML_NS);
        if prefix == "xml" {
            return Some(&XML);
        }
        let uri = &self.bindings.iter().rev().find(|b| b.prefix == prefix)?.uri;
        (!uri.is_empty()).then_some(uri)
    }

    /// Whether the declaration in effect for `prefix` was made before
    /// `mark`.
    pub fn bound_before(&self, prefix: &str, mark: usize) -> bool {
        self.bindings
            .iter()
            .rposition(|b| b.prefix == prefix)
            .is_some_and(|at| at < mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_declarations_shadow_outer_ones_until_released() {
        let mut ns = NamespaceResolver::default();
        assert_eq!(ns.resolve("xml").map(|u| &**u), Some(XML_NS));
        let outer = ns.mark();
        ns.declare("".into(), "urn:a".into()).ok();
        ns.declare("t".into(), "urn:t".into()).ok();
        let inner = ns.mark();
        ns.declare("".into(), "".into()).ok();
        // The default namespace undeclared: no namespace.
        assert_eq!(ns.resolve(""), None);
        assert_eq!(ns.resolve("t").map(|u| &**u), Some("urn:t"));
        assert!(ns.bound_before("t", inner) && !ns.bound_before("", inner));
        ns.release(inner);
        assert_eq!(ns.resolve("").map(|u| &**u), Some("urn:a"));
        ns.release(outer);
        assert_eq!(ns.resolve("t"), None);
    }
}
