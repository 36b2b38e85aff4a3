//! Checks the aliases asked for: each must be an element some generated
//! type has, and must not be the name of another element of that type.

use crate::error::Error;
use crate::model::{Model, TypeId, TypeKind};
use crate::options::Options;

pub fn check(model: &Model, options: &Options) -> Result<(), Error> {
    // Each struct's child elements, its bases' included.
    let structs: Vec<(&str, Vec<&str>)> = model
        .emission_order()
        .into_iter()
        .filter(|&id| matches!(model.get(id).kind, TypeKind::Struct(_)))
        .map(|id| (model.get(id).xml_name.as_str(), element_names(model, id)))
        .collect();
    for (element, aliases) in &options.aliases {
        if !structs
            .iter()
            .any(|(_, names)| names.contains(&element.as_str()))
        {
            return Err(Error::Request(format!(
                "alias for {element}: no generated type has an element of that name"
            )));
        }
        for (ty, names) in &structs {
            if names.contains(&element.as_str())
                && let Some(clash) = aliases.iter().find(|a| names.contains(&a.as_str()))
            {
                return Err(Error::Request(format!(
                    "alias {clash} for {element}: {ty} has an element named {clash} already"
                )));
            }
        }
    }
    Ok(())
}

fn element_names(model: &Model, id: TypeId) -> Vec<&str> {
    model
        .chain(id)
        .into_iter()
        .flat_map(|def| def.elements())
        .map(|e| e.xml_name.as_str())
        .collect()
}
