//! Operations by name convention: for schemas without a service
//! description, the element `X` is the request of operation `X`, answered
//! by `XResponse`, with SOAPAction `prefix` + `X` (what ASMX services do).

use crate::model::{Model, OperationDef};
use crate::options::Options;

/// Pairs `X` with `XResponse` when both are generated and the options give
/// a SOAPAction prefix.
pub fn by_name_convention(model: &Model, options: &Options) -> Vec<OperationDef> {
    let Some(prefix) = &options.soap_action_prefix else {
        return Vec::new();
    };
    model
        .elements
        .iter()
        .filter_map(|request| {
            let response_name = format!("{}Response", request.xml_name);
            let response = model
                .elements
                .iter()
                .find(|e| e.xml_name == response_name)?;
            Some(OperationDef {
                name: request.xml_name.clone(),
                request: request.ty,
                response: response.ty,
                soap_action: format!("{prefix}{}", request.xml_name),
            })
        })
        .collect()
}
