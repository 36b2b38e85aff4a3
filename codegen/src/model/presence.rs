//! Which of a module's schema versions have an item.

/// The schema versions that have an item, as bits (the `i`th version of
/// [`Model::versions`](super::Model::versions), oldest first: bit `i`).
/// Empty in a module of one schema: every item is in its one version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Presence(u64);

impl Presence {
    /// The most versions a module merges.
    pub const MAX_VERSIONS: usize = 64;

    /// Version `i` alone.
    pub fn only(i: usize) -> Self {
        Self(1 << i)
    }

    /// Every one of `n` versions.
    pub fn all(n: usize) -> Self {
        Self(if n >= 64 { u64::MAX } else { (1 << n) - 1 })
    }

    pub fn with(self, other: Presence) -> Self {
        Self(self.0 | other.0)
    }

    /// The versions both have.
    pub fn and(self, other: Presence) -> Self {
        Self(self.0 & other.0)
    }

    pub fn has(self, i: usize) -> bool {
        self.0 & (1 << i) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The oldest version that has it.
    pub fn first(self) -> Option<usize> {
        (!self.is_empty()).then(|| self.0.trailing_zeros() as usize)
    }

    /// The newest version that has it.
    pub fn last(self) -> Option<usize> {
        (!self.is_empty()).then(|| 63 - self.0.leading_zeros() as usize)
    }

    /// Whether every version `container` is in has it too.
    pub fn covers(self, container: Presence) -> bool {
        container.0 & !self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::Presence;

    #[test]
    fn first_and_last_are_the_outermost_versions() {
        let p = Presence::only(1).with(Presence::only(3));
        assert_eq!((p.first(), p.last()), (Some(1), Some(3)));
        assert!(p.has(3) && !p.has(2));
        assert_eq!(Presence::default().first(), None);
        assert!(Presence::all(4).covers(p) && !p.covers(Presence::all(4)));
        assert!(Presence::all(64).has(63));
    }
}
