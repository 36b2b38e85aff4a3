//! Which schema version has what, for modules generated from several
//! versions of a schema: each member, alternative, derived type and
//! enumeration value that not every version has carries a [`VersionRange`]
//! (its label's `since`, `until` and `except`), and the module a
//! [`Versions`] table. A value is checked against a target version by
//! encoding it with an encoder that looks each element, attribute and
//! value up as it goes: no code per member, and nothing at all for a
//! caller that never checks.

use std::fmt;

use crate::{Choice, Content, EncodeError, Encoder, Payload};

/// One of the versions a module was generated from: its place in
/// [`Versions::names`], oldest first (the module's `versions` constants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(pub u8);

/// The versions that have a member or value: from `since` (the oldest when
/// `None`) to `until` (the newest when `None`), both included, but for
/// those `except` lists (removed, then added again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VersionRange {
    /// The oldest version that has it; `None`: the module's oldest.
    pub since: Option<Version>,
    /// The newest version that has it; `None`: the module's newest.
    pub until: Option<Version>,
    /// Versions between the two that do not have it.
    pub except: &'static [Version],
}

impl VersionRange {
    /// Whether `version` has it.
    pub fn contains(self, version: Version) -> bool {
        self.since.is_none_or(|since| since <= version)
            && self.until.is_none_or(|until| version <= until)
            && !self.except.contains(&version)
    }
}

/// A module's versions, and the versions of each of its top-level
/// elements that not every version declares.
#[derive(Debug)]
pub struct Versions {
    /// The versions' names, oldest first.
    pub names: &'static [&'static str],
    /// `(namespace, name, versions)`, by name.
    pub elements: &'static [(&'static str, &'static str, VersionRange)],
}

impl Versions {
    /// The version called `name`.
    pub fn version(&self, name: &str) -> Option<Version> {
        let at = self.names.iter().position(|n| *n == name)?;
        Some(Version(u8::try_from(at).ok()?))
    }

    /// The name of `version`, if it is one of the module's.
    pub fn name(&self, version: Version) -> Option<&'static str> {
        self.names.get(usize::from(version.0)).copied()
    }

    /// Checks that the version called `target` (a `RequestServerVersion`
    /// value, say) has everything `value` holds: its element, every
    /// element, attribute and `xsi:type` in it, every enumeration value.
    /// The error names the first that it lacks, by path, and the versions
    /// that have it.
    pub fn check<P: Payload>(&'static self, value: &P, target: &str) -> Result<(), VersionError> {
        let version = self
            .version(target)
            .ok_or_else(|| VersionError::UnknownVersion {
                target: target.to_owned(),
                known: self.names,
            })?;
        self.check_version(value, version)
    }

    /// [`check`](Self::check) against one of the module's `versions`
    /// constants.
    pub fn check_version<P: Payload>(
        &'static self,
        value: &P,
        target: Version,
    ) -> Result<(), VersionError> {
        if self.name(target).is_none() {
            return Err(VersionError::UnknownVersion {
                target: format!("{target:?}"),
                known: self.names,
            });
        }
        let mut e = Encoder::with_check(Check {
            versions: self,
            target,
            scope: Scope::Elements,
            found: None,
        });
        let encoded = value.encode_payload(&mut e);
        match (e.into_check().and_then(|c| c.found), encoded) {
            (Some(found), _) => Err(found),
            (None, Err(e)) => Err(VersionError::Encode(e)),
            (None, Ok(())) => Ok(()),
        }
    }

    /// The versions of the top-level element `{ns}name`.
    fn element_versions(&self, ns: &str, name: &str) -> Option<VersionRange> {
        // Sorted by name; elements of one name in several namespaces sit
        // side by side.
        let start = self.elements.partition_point(|(_, n, _)| *n < name);
        self.elements[start..]
            .iter()
            .take_while(|(_, n, _)| *n == name)
            .find(|(n, _, _)| *n == ns)
            .map(|(_, _, range)| *range)
    }
}

/// What a version lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An element, by local name.
    Element(String),
    /// An attribute, as written (`Id`, `xml:lang`).
    Attribute(String),
    /// An enumeration value.
    Value(String),
    /// A type an element names with `xsi:type`.
    Type(String),
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Element(name) => write!(f, "element {name}"),
            Item::Attribute(name) => write!(f, "attribute {name}"),
            Item::Value(text) => write!(f, "value {text:?}"),
            Item::Type(name) => write!(f, "type {name}"),
        }
    }
}

/// What [`Versions::check`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum VersionError {
    /// The target version has not got something the value holds.
    Lacks {
        /// Where: the local names of the elements from the root, and the
        /// attribute.
        path: String,
        /// What.
        item: Item,
        /// The version checked against.
        target: &'static str,
        /// The oldest version that has it, when not the module's oldest.
        since: Option<&'static str>,
        /// The newest version that has it, when not the module's newest.
        until: Option<&'static str>,
    },
    /// The target is none of the module's versions.
    UnknownVersion {
        /// The name given.
        target: String,
        /// The module's versions.
        known: &'static [&'static str],
    },
    /// The value cannot be encoded at all.
    Encode(EncodeError),
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionError::Lacks {
                path,
                item,
                target,
                since,
                until,
            } => {
                write!(f, "{path}: {target} has no {item}")?;
                match (since, until) {
                    (Some(since), Some(until)) => write!(f, " (only {since} to {until} have it)"),
                    (Some(since), None) => write!(f, " (it came with {since})"),
                    (None, Some(until)) => write!(f, " (it was removed after {until})"),
                    (None, None) => write!(f, " (it was left out of {target})"),
                }
            }
            VersionError::UnknownVersion { target, known } => write!(
                f,
                "{target:?} is not a version of this module (it knows {})",
                known.join(", ")
            ),
            VersionError::Encode(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for VersionError {}

/// A version check in progress, held by the encoder doing it.
pub(crate) struct Check {
    versions: &'static Versions,
    target: Version,
    /// Where the names written next are looked up.
    scope: Scope,
    found: Option<VersionError>,
}

/// The table the next element or attribute is looked up in.
#[derive(Clone, Copy)]
pub(crate) enum Scope {
    /// Top-level elements: the module's table.
    Elements,
    /// The members of a type (or the alternatives of a choice).
    Members(fn(&str) -> Option<VersionRange>),
}

impl Check {
    /// Looks `name` (an element's local name, or `@` and an attribute's as
    /// written) up where it is written; `path` gives where that is.
    pub(crate) fn member(&mut self, ns: &str, name: &str, path: impl Fn() -> String) {
        let range = match self.scope {
            Scope::Elements => self.versions.element_versions(ns, name),
            Scope::Members(lookup) => lookup(name),
        };
        if let Some(range) = range {
            let item = match name.strip_prefix('@') {
                Some(attribute) => Item::Attribute(attribute.to_owned()),
                None => Item::Element(name.to_owned()),
            };
            self.lacks(range, item, path);
        }
    }

    /// Checks an enumeration value's versions.
    pub(crate) fn value(&mut self, range: VersionRange, text: &str, path: impl Fn() -> String) {
        self.lacks(range, Item::Value(text.to_owned()), path);
    }

    /// Checks the versions of a type `xsi:type` names.
    pub(crate) fn type_name(
        &mut self,
        range: Option<VersionRange>,
        name: &str,
        path: impl Fn() -> String,
    ) {
        if let Some(range) = range {
            self.lacks(range, Item::Type(name.to_owned()), path);
        }
    }

    /// Records the first item the target lacks.
    fn lacks(&mut self, range: VersionRange, item: Item, path: impl Fn() -> String) {
        if self.found.is_some() || range.contains(self.target) {
            return;
        }
        let name = |v: Version| self.versions.name(v);
        self.found = Some(VersionError::Lacks {
            path: path(),
            item,
            target: name(self.target).unwrap_or_default(),
            since: range.since.and_then(name),
            until: range.until.and_then(name),
        });
    }

    /// Looks what is written next up in `scope`; returns the scope to go
    /// back to.
    pub(crate) fn enter(&mut self, scope: Scope) -> Scope {
        std::mem::replace(&mut self.scope, scope)
    }
}

/// Writes a choice member's alternative: with a check going on, its element
/// is looked up among the choice's alternatives.
pub fn encode_choice<C: Choice>(value: &C, e: &mut Encoder) -> crate::EncodeResult {
    let outer = e.enter_scope(|| Scope::Members(C::member_versions));
    let written = value.encode_choice(e);
    e.leave_scope(outer);
    written
}

/// [`crate::encode_element`] with a check going on: the type's members
/// are looked up in its own table.
#[cold]
pub(crate) fn encode_element_checked<T: Content>(
    value: &T,
    e: &mut Encoder,
    ns: &'static str,
    name: &'static str,
) -> crate::EncodeResult {
    e.start(ns, name);
    let outer = e.enter_scope(|| Scope::Members(T::member_versions));
    let written = crate::content::encode_members(value, e);
    e.leave_scope(outer);
    written?;
    e.end();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Version = Version(0);
    const B: Version = Version(1);
    const C: Version = Version(2);

    static VERSIONS: Versions = Versions {
        names: &["A", "B", "C"],
        elements: &[
            ("urn:x", "Ping", range(Some(B), None, &[])),
            ("urn:y", "Ping", range(None, Some(A), &[])),
            ("urn:z", "Ping", range(None, None, &[B])),
            ("urn:x", "Pong", range(Some(C), None, &[])),
        ],
    };

    const fn range(
        since: Option<Version>,
        until: Option<Version>,
        except: &'static [Version],
    ) -> VersionRange {
        VersionRange {
            since,
            until,
            except,
        }
    }

    #[test]
    fn a_range_holds_its_bounds_but_not_its_gaps() {
        let gap = range(Some(A), Some(C), &[B]);
        assert_eq!([A, B, C].map(|v| gap.contains(v)), [true, false, true]);
        let since_b = range(Some(B), None, &[]);
        assert_eq!([A, B, C].map(|v| since_b.contains(v)), [false, true, true]);
    }

    #[test]
    fn elements_of_one_name_are_told_apart_by_namespace() {
        let of = |ns| VERSIONS.element_versions(ns, "Ping");
        assert_eq!(of("urn:x"), Some(range(Some(B), None, &[])));
        assert_eq!(of("urn:y"), Some(range(None, Some(A), &[])));
        assert_eq!(of("urn:z"), Some(range(None, None, &[B])));
        assert_eq!(of("urn:w"), None, "in every version");
        assert_eq!(VERSIONS.element_versions("urn:x", "Pang"), None);
        assert_eq!(
            VERSIONS.element_versions("urn:x", "Pong").map(|r| r.since),
            Some(Some(C))
        );
    }

    #[test]
    fn versions_are_found_by_name_and_named_by_number() {
        assert_eq!(VERSIONS.version("B"), Some(B));
        assert_eq!(VERSIONS.version("D"), None);
        assert_eq!(VERSIONS.name(C), Some("C"));
        assert_eq!(VERSIONS.name(Version(3)), None);
    }

    #[test]
    fn the_first_item_a_version_lacks_is_the_one_reported() {
        let mut check = Check {
            versions: &VERSIONS,
            target: B,
            scope: Scope::Elements,
            found: None,
        };
        check.member("urn:x", "Ping", || "/Ping".into());
        assert_eq!(check.found, None, "B has {{urn:x}}Ping");
        check.value(range(None, None, &[B]), "Gone", || "/Ping/@Kind".into());
        check.member("urn:x", "Pong", || "/Pong".into());
        let found = check.found.expect("B lacks the value");
        assert_eq!(
            found.to_string(),
            "/Ping/@Kind: B has no value \"Gone\" (it was left out of B)"
        );
        let VersionError::Lacks { item, .. } = found else {
            unreachable!()
        };
        assert_eq!(item, Item::Value("Gone".into()));
    }
}
