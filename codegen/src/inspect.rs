//! What `inspect` reports of a set of schemas: their size, how long they
//! take to load, and what the generator cannot render yet (found by
//! `lower::survey`).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::error::Construct;

/// What [`Builder::inspect`](crate::Builder::inspect) found.
#[derive(Debug, Clone)]
pub struct Report {
    /// Named types (`complexType`, `simpleType`) in the schemas' files.
    pub named_types: usize,
    /// Types `xsd-parser` interpreted: named, anonymous, elements' and
    /// built-in ones.
    pub interpreted: usize,
    /// Top-level elements selected.
    pub elements: usize,
    /// Time to load and interpret the schemas.
    pub load_time: Duration,
    /// The elements that cannot be generated yet, by the first construct
    /// each reaches that the generator cannot render.
    pub blocked_elements: BTreeMap<Construct, Vec<String>>,
    /// Every construct the generator cannot render, with the types and
    /// elements that use it.
    pub unsupported: BTreeMap<Construct, BTreeSet<String>>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let examples = |names: &mut dyn Iterator<Item = &String>| {
            names.take(3).cloned().collect::<Vec<_>>().join(", ")
        };
        let blocked: usize = self.blocked_elements.values().map(Vec::len).sum();
        writeln!(
            f,
            "{} named types ({} interpreted in all) loaded in {:.0?}",
            self.named_types, self.interpreted, self.load_time
        )?;
        if blocked == 0 {
            writeln!(
                f,
                "{} top-level elements: all can be generated",
                self.elements
            )?;
        } else {
            writeln!(
                f,
                "{} top-level elements: {} can be generated, {blocked} cannot yet, by the first construct each reaches:",
                self.elements,
                self.elements - blocked
            )?;
        }
        for (construct, elements) in &self.blocked_elements {
            writeln!(
                f,
                "  {construct}: {} (such as {})",
                elements.len(),
                examples(&mut elements.iter())
            )?;
        }
        if self.unsupported.is_empty() {
            return writeln!(f, "every construct of the schemas is rendered");
        }
        writeln!(
            f,
            "constructs not rendered yet, with the types and elements that use them:"
        )?;
        for (construct, users) in &self.unsupported {
            writeln!(
                f,
                "  {construct}: {} (such as {})",
                users.len(),
                examples(&mut users.iter())
            )?;
        }
        Ok(())
    }
}
