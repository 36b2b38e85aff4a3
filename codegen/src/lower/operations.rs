//! Operations: from the service description's SOAP binding when there is
//! one — each operation's request, response, SOAPAction and the header
//! sets of its input and output — else by name convention (the element `X`
//! is answered by `XResponse`, with SOAPAction `prefix` + `X`, as ASMX
//! services do).

use std::collections::BTreeSet;

use xsd_parser::models::IdentType;

use crate::error::Error;
use crate::load::wsdl::{Part, ServiceDescription, WsdlMessage};
use crate::load::{Name, SchemaSet};
use crate::model::{HeaderSet, Model, OperationDef};
use crate::options::Options;

/// The operations of `model`, and the header sets they take.
pub fn operations(schemas: &SchemaSet, model: &mut Model, options: &Options) {
    match &schemas.service {
        Some(service) => from_service(service, model),
        None => model.operations = by_name_convention(model, options),
    }
}

/// The elements the service's operations need besides those asked for:
/// the response and headers of each operation whose request is asked for.
pub fn needed_by(service: &ServiceDescription, wanted: &[String]) -> Vec<String> {
    let mut needed = Vec::new();
    for op in &service.operations {
        if wanted.contains(&op.input.body.element.1) {
            let parts = std::iter::once(&op.output.body)
                .chain(&op.input.headers)
                .chain(&op.output.headers);
            needed.extend(parts.map(|p| p.element.1.clone()));
        }
    }
    needed
}

/// Checks that every element the service description names is one the
/// schemas declare: its error names the operation, the file and the line.
pub fn check_service(schemas: &SchemaSet) -> Result<(), Error> {
    let Some(service) = &schemas.service else {
        return Ok(());
    };
    for op in &service.operations {
        for (part, role) in parts(&op.input, "request").chain(parts(&op.output, "response")) {
            if !declares(schemas, &part.element) {
                return Err(Error::Invalid {
                    file: service.path.clone(),
                    line: part.line,
                    message: format!(
                        "operation {}: its {role} element {{{}}}{} is not in the schemas",
                        op.name, part.element.0, part.element.1
                    ),
                });
            }
        }
    }
    Ok(())
}

/// An operation for each of the binding's whose request is generated.
fn from_service(service: &ServiceDescription, model: &mut Model) {
    for op in &service.operations {
        let Some(request) = element(model, &op.input.body.element) else {
            continue;
        };
        let Some(response) = element(model, &op.output.body.element) else {
            continue;
        };
        let request_headers = header_set(model, &op.input.headers);
        let response_headers = header_set(model, &op.output.headers);
        let (request, response) = (model.elements[request].ty, model.elements[response].ty);
        model.operations.push(OperationDef {
            name: op.name.clone(),
            request,
            response,
            soap_action: op.soap_action.clone(),
            request_headers,
            response_headers,
            headers_alias: None,
            presence: Default::default(),
        });
    }
}

/// The parts of one direction of an operation, each with what it is.
fn parts<'w>(
    message: &'w WsdlMessage,
    direction: &'static str,
) -> impl Iterator<Item = (&'w Part, String)> {
    std::iter::once((&message.body, direction.to_owned())).chain(
        message
            .headers
            .iter()
            .map(move |h| (h, format!("{direction} header"))),
    )
}

/// Whether the schemas declare the top-level element `name`.
fn declares(schemas: &SchemaSet, name: &Name) -> bool {
    schemas.types.items.keys().any(|ident| {
        ident.type_ == IdentType::Element
            && ident.name.as_str() == name.1
            && schemas.namespace_uri(ident.ns) == name.0
    })
}

/// The generated top-level element `name`, by index.
fn element(model: &Model, name: &Name) -> Option<usize> {
    model
        .elements
        .iter()
        .position(|e| e.xml_name == name.1 && model.namespace(e.namespace).uri == name.0)
}

/// The header set of these parts (the same elements, in any order, are
/// the same set): added to the model when new; `None` for no headers.
fn header_set(model: &mut Model, parts: &[Part]) -> Option<usize> {
    let mut elements: Vec<usize> = parts
        .iter()
        .filter_map(|part| element(model, &part.element))
        .collect::<BTreeSet<usize>>()
        .into_iter()
        .collect();
    if elements.is_empty() {
        return None;
    }
    elements.sort_by(|&a, &b| model.elements[a].xml_name.cmp(&model.elements[b].xml_name));
    if let Some(found) = model
        .header_sets
        .iter()
        .position(|s| s.elements == elements)
    {
        return Some(found);
    }
    model.header_sets.push(HeaderSet {
        rust_name: String::new(),
        elements,
    });
    Some(model.header_sets.len() - 1)
}

/// Pairs `X` with `XResponse` when both are generated and the options give
/// a SOAPAction prefix.
fn by_name_convention(model: &Model, options: &Options) -> Vec<OperationDef> {
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
                request_headers: None,
                response_headers: None,
                headers_alias: None,
                presence: Default::default(),
            })
        })
        .collect()
}
