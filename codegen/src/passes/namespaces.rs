//! The namespaces the module's elements and attributes are in: those in
//! use are kept, and each gets the constant that names it — `NAMESPACE`
//! when there is one, else one per schema prefix (`T_NAMESPACE`).

use std::collections::HashSet;

use super::naming::claim;
use crate::case::const_name;
use crate::error::Error;
use crate::model::XML_NS;
use crate::model::{Model, NsId, Use, UseMut};

/// Drops the namespaces nothing refers to any more, and renumbers the
/// rest, keeping their order.
pub fn keep_used(model: &mut Model) {
    let mut used = vec![false; model.namespaces.len()];
    let mut mark = |u: Use<'_>| {
        if let Use::Namespace(ns) = u {
            used[ns.0 as usize] = true;
        }
    };
    model.types.iter().for_each(|ty| ty.visit(&mut mark));
    model.visit_roots(&mut mark);
    let renumbered = super::renumbering(&used);
    model.namespaces = super::retain(std::mem::take(&mut model.namespaces), &used);
    let mut renumber = |u: UseMut<'_>| {
        if let UseMut::Namespace(ns) = u {
            *ns = NsId(renumbered[ns.0 as usize]);
        }
    };
    model
        .types
        .iter_mut()
        .for_each(|ty| ty.visit_mut(&mut renumber));
    model.visit_roots_mut(&mut renumber);
}

/// Names each namespace, in the order of their URIs. The runtime writes
/// namespace names as they are: one that would need escaping is refused.
pub fn name(model: &mut Model) -> Result<(), Error> {
    if let Some(ns) = model.namespaces.iter().find(|ns| {
        ns.uri
            .chars()
            .any(|c| matches!(c, '<' | '>' | '&' | '"') || c.is_control())
    }) {
        return Err(Error::Request(format!(
            "namespace {:?} has characters that would need escaping; it is not supported",
            ns.uri
        )));
    }
    let only_one = model.namespaces.len() == 1;
    let mut order: Vec<usize> = (0..model.namespaces.len()).collect();
    order.sort_by(|&a, &b| model.namespaces[a].uri.cmp(&model.namespaces[b].uri));
    let mut taken: HashSet<String> = HashSet::new();
    for i in order {
        let ns = &mut model.namespaces[i];
        let name = if ns.uri == XML_NS {
            "XML_NAMESPACE".to_owned()
        } else if only_one {
            "NAMESPACE".to_owned()
        } else {
            let prefix = ns
                .prefix
                .as_deref()
                .map_or_else(|| "NS".to_owned(), const_name);
            format!("{prefix}_NAMESPACE")
        };
        ns.rust_name = claim(&mut taken, &[name]);
    }
    Ok(())
}
