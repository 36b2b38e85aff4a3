//! The passes that complete a lowered model, in order: drop what no
//! element reaches (`reachable`), box what would otherwise contain itself
//! (`recursion`), give types a place for what a newer schema adds
//! (`unknown`), box large optional members (`compact`), name everything
//! (`naming`, then `namespaces`), check the aliases asked for (`aliases`),
//! and work out which traits each type can derive
//! (`crate::model::derivable`).

mod aliases;
mod choices;
mod compact;
mod namespaces;
pub mod naming;
mod reachable;
mod recursion;
mod unknown;

use crate::error::Error;
use crate::model::Model;
use crate::options::Options;

/// Runs every pass over `model`.
pub fn complete(mut model: Model, options: &Options) -> Result<Model, Error> {
    reachable::keep_reachable(&mut model);
    namespaces::keep_used(&mut model);
    recursion::box_recursive(&mut model);
    unknown::add(&mut model, options.keep_unknown_elements);
    compact::box_large(&mut model);
    naming::name(&mut model, &options.choice_names)?;
    namespaces::name(&mut model)?;
    aliases::check(&model, options)?;
    model.mark_eq();
    model.mark_default();
    Ok(model)
}

/// The new index of each item when those `kept` are kept in order (an
/// item dropped gets the index of the next one kept: nothing refers to
/// it).
fn renumbering(kept: &[bool]) -> Vec<u32> {
    let mut next = 0;
    kept.iter()
        .map(|&kept| {
            let index = next;
            next += u32::from(kept);
            index
        })
        .collect()
}

/// The items `kept`, in order.
fn retain<T>(items: Vec<T>, kept: &[bool]) -> Vec<T> {
    items
        .into_iter()
        .zip(kept)
        .filter_map(|(item, &kept)| kept.then_some(item))
        .collect()
}
