//! Service descriptions (WSDL 1.1): the operations of a document/literal
//! SOAP 1.1 binding — each one's request and response elements, its
//! SOAPAction, and the header elements its input and output take. What a
//! WSDL refers to and does not declare is an error naming it, with the
//! file and line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{QName, ResolveResult};

use super::Name;
use super::source_map::LineCounter;
use crate::error::Error;

const WSDL_NS: &str = "http://schemas.xmlsoap.org/wsdl/";
const SOAP_NS: &str = "http://schemas.xmlsoap.org/wsdl/soap/";

/// The operations a WSDL's SOAP binding declares.
#[derive(Debug, Clone)]
pub struct ServiceDescription {
    pub path: PathBuf,
    pub operations: Vec<WsdlOperation>,
}

/// One operation of the binding.
#[derive(Debug, Clone)]
pub struct WsdlOperation {
    pub name: String,
    pub soap_action: String,
    pub input: WsdlMessage,
    pub output: WsdlMessage,
}

/// What one direction of an operation carries.
#[derive(Debug, Clone)]
pub struct WsdlMessage {
    /// The element of the body.
    pub body: Part,
    /// The header elements, in the order the binding lists them, each once.
    pub headers: Vec<Part>,
}

/// A message part: the element it is.
#[derive(Debug, Clone)]
pub struct Part {
    pub element: Name,
    /// The line of the part's declaration.
    pub line: u32,
}

/// Reads the WSDL at `path`.
pub fn read(path: &Path) -> Result<ServiceDescription, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let raw = Raw::parse(path, text.trim_start_matches('\u{feff}'))?;
    raw.resolve(path)
}

/// The declarations as written, before what refers to what is resolved.
#[derive(Default)]
struct Raw {
    /// Message parts by message: `(part name, element, line)`.
    messages: HashMap<Name, Vec<(String, Option<Name>, u32)>>,
    /// `(portType, operation)` → `(input message, output message)`.
    port_types: HashMap<(Name, String), (Option<Name>, Option<Name>)>,
    /// SOAP 1.1 bindings: their portType and operations.
    bindings: Vec<RawBinding>,
}

struct RawBinding {
    name: String,
    port_type: Name,
    /// Whether it has a `soap:binding` (SOAP 1.1): others are left alone.
    soap: bool,
    operations: Vec<RawOperation>,
}

#[derive(Default)]
struct RawOperation {
    name: String,
    line: u32,
    soap_action: Option<String>,
    input: RawDirection,
    output: RawDirection,
}

#[derive(Default)]
struct RawDirection {
    /// `soap:body parts="…"`, when given.
    body_parts: Option<Vec<String>>,
    /// `soap:header`s: `(message, part, line)`.
    headers: Vec<(Name, String, u32)>,
}

/// Where the reader is in the WSDL, and what it has read so far.
#[derive(Default)]
struct Reading {
    raw: Raw,
    target_namespace: String,
    /// The WSDL (or SOAP binding) elements open, outermost first.
    open: Vec<(String, String)>,
    port_type: Option<Name>,
    /// A portType operation: its name, input and output messages.
    operation: Option<(String, Option<Name>, Option<Name>)>,
    message: Option<Name>,
}

/// An element as the reader met it: its name, attributes, line, and the
/// reader, which resolves the prefixed names of its values.
struct Met<'a, 'b> {
    ns: &'a str,
    local: &'a str,
    start: &'a BytesStart<'b>,
    line: u32,
    reader: &'a NsReader<&'b [u8]>,
}

impl Met<'_, '_> {
    fn attr(&self, name: &str) -> Option<String> {
        attribute(self.start, name)
    }

    /// The prefixed name attribute `name` holds, resolved.
    fn qname(&self, name: &str) -> Option<Name> {
        self.attr(name)
            .and_then(|value| resolve(self.reader, &value))
    }
}

impl Raw {
    fn parse(path: &Path, text: &str) -> Result<Self, Error> {
        let mut reader = NsReader::from_str(text);
        let mut lines = LineCounter::default();
        let mut reading = Reading::default();
        loop {
            let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            let (ns, event) = reader.read_resolved_event().map_err(|e| Error::Invalid {
                file: path.to_owned(),
                line: lines.line(text, pos),
                message: format!("not a well-formed WSDL: {e}"),
            })?;
            let ns = match ns {
                ResolveResult::Bound(ns) => ns.0.to_owned(),
                _ => String::new(),
            };
            let (start, empty) = match &event {
                Event::Start(start) => (start, false),
                Event::Empty(start) => (start, true),
                Event::End(_) => {
                    reading.end();
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let local =
                String::from_utf8_lossy(start.local_name().as_ref().as_bytes()).into_owned();
            let line = lines.line(text, pos);
            if ns == WSDL_NS || ns == SOAP_NS {
                undeclared_prefix(&reader, start, &local).map_err(|message| Error::Invalid {
                    file: path.to_owned(),
                    line,
                    message,
                })?;
            }
            reading.start(&Met {
                ns: &ns,
                local: &local,
                start,
                line,
                reader: &reader,
            });
            if !empty {
                reading.open.push((ns, local));
            } else if (ns.as_str(), local.as_str()) == (WSDL_NS, "operation") {
                // An empty portType operation declares nothing.
                reading.operation = None;
            }
        }
        Ok(reading.raw)
    }

    /// The operations of the SOAP 1.1 bindings, with what their messages
    /// refer to found. An operation bound twice (a portType with several
    /// bindings) is the first binding's; a one-way operation (no output)
    /// has no response to pair its request with, and is left out.
    fn resolve(&self, path: &Path) -> Result<ServiceDescription, Error> {
        let error = |line: u32, message: String| Error::Invalid {
            file: path.to_owned(),
            line,
            message,
        };
        let soap: Vec<&RawBinding> = self.bindings.iter().filter(|b| b.soap).collect();
        if soap.is_empty() {
            return Err(error(
                1,
                "no SOAP 1.1 binding (soap:binding) to generate operations from".into(),
            ));
        }
        let mut operations: Vec<WsdlOperation> = Vec::new();
        for binding in soap {
            for op in &binding.operations {
                if operations.iter().any(|known| known.name == op.name) {
                    continue;
                }
                let Some((input, output)) = self
                    .port_types
                    .get(&(binding.port_type.clone(), op.name.clone()))
                else {
                    return Err(error(
                        op.line,
                        format!(
                            "operation {} of binding {} is not an operation of its portType {}",
                            op.name, binding.name, binding.port_type.1
                        ),
                    ));
                };
                if output.is_none() {
                    continue;
                }
                let direction = |message: &Option<Name>, io: &RawDirection, which: &str| {
                    let Some(message) = message else {
                        return Err(error(
                            op.line,
                            format!(
                                "operation {}: its portType gives no {which} message",
                                op.name
                            ),
                        ));
                    };
                    self.direction(path, &op.name, message, io, op.line)
                };
                operations.push(WsdlOperation {
                    name: op.name.clone(),
                    soap_action: op.soap_action.clone().unwrap_or_default(),
                    input: direction(input, &op.input, "input")?,
                    output: direction(output, &op.output, "output")?,
                });
            }
        }
        Ok(ServiceDescription {
            path: path.to_owned(),
            operations,
        })
    }

    /// The element that part `name` of `message` is; else why not, and the
    /// line to blame.
    fn part(&self, message: &Name, name: &str, line: u32) -> Result<Part, (u32, String)> {
        let Some(parts) = self.messages.get(message) else {
            return Err((line, format!("message {} is not declared", message.1)));
        };
        match parts.iter().find(|(part, ..)| part == name) {
            Some((_, Some(element), line)) => Ok(Part {
                element: element.clone(),
                line: *line,
            }),
            Some((_, None, line)) => Err((
                *line,
                format!(
                    "part {name} of message {} is not an element (only document/literal is)",
                    message.1
                ),
            )),
            None => Err((line, format!("message {} has no part {name}", message.1))),
        }
    }

    /// One direction of `operation`: the body part of `message`, and the
    /// header parts the binding names.
    fn direction(
        &self,
        path: &Path,
        operation: &str,
        message: &Name,
        io: &RawDirection,
        line: u32,
    ) -> Result<WsdlMessage, Error> {
        let error = |line: u32, message: String| Error::Invalid {
            file: path.to_owned(),
            line,
            message: format!("operation {operation}: {message}"),
        };
        let part = |message: &Name, name: &str, line: u32| {
            self.part(message, name, line)
                .map_err(|(line, why)| error(line, why))
        };
        if !self.messages.contains_key(message) {
            return Err(error(
                line,
                format!("message {} is not declared", message.1),
            ));
        }
        let mut headers: Vec<Part> = Vec::new();
        for (header_message, name, line) in &io.headers {
            let header = part(header_message, name, *line)?;
            if !headers.iter().any(|h| h.element == header.element) {
                headers.push(header);
            }
        }
        // The body is the parts `soap:body` names, else every part of the
        // message that is not a header.
        let body_parts: Vec<String> = match &io.body_parts {
            Some(parts) => parts.clone(),
            None => {
                let parts = self
                    .messages
                    .get(message)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                parts
                    .iter()
                    .filter(|(name, ..)| {
                        !io.headers.iter().any(|(m, p, _)| m == message && p == name)
                    })
                    .map(|(name, ..)| name.clone())
                    .collect()
            }
        };
        let [body] = body_parts.as_slice() else {
            return Err(error(
                line,
                format!(
                    "the body of message {} is {} parts, where one element is",
                    message.1,
                    body_parts.len()
                ),
            ));
        };
        Ok(WsdlMessage {
            body: part(message, body, line)?,
            headers,
        })
    }
}

impl Reading {
    /// An element starts: what it declares.
    fn start(&mut self, met: &Met<'_, '_>) {
        let parent = self.open.last().map(|(ns, l)| (ns.as_str(), l.as_str()));
        match (met.ns, met.local, parent) {
            (WSDL_NS, "definitions", None) => {
                self.target_namespace = met.attr("targetNamespace").unwrap_or_default();
            }
            (WSDL_NS, "message", Some((WSDL_NS, "definitions"))) => {
                let name = (
                    self.target_namespace.clone(),
                    met.attr("name").unwrap_or_default(),
                );
                self.raw.messages.entry(name.clone()).or_default();
                self.message = Some(name);
            }
            (WSDL_NS, "part", Some((WSDL_NS, "message"))) => {
                if let Some(message) = &self.message {
                    let part = (
                        met.attr("name").unwrap_or_default(),
                        met.qname("element"),
                        met.line,
                    );
                    self.raw
                        .messages
                        .entry(message.clone())
                        .or_default()
                        .push(part);
                }
            }
            (WSDL_NS, "portType", Some((WSDL_NS, "definitions"))) => {
                let name = met.attr("name").unwrap_or_default();
                self.port_type = Some((self.target_namespace.clone(), name));
            }
            (WSDL_NS, "operation", Some((WSDL_NS, "portType"))) => {
                self.operation = Some((met.attr("name").unwrap_or_default(), None, None));
            }
            (WSDL_NS, "input" | "output", Some((WSDL_NS, "operation"))) if self.in_port_type() => {
                if let Some((_, input, output)) = &mut self.operation {
                    *(if met.local == "input" { input } else { output }) = met.qname("message");
                }
            }
            _ => {
                let parent = parent.map(|(ns, local)| (ns.to_owned(), local.to_owned()));
                self.bind(met, parent);
            }
        }
    }

    /// Whether the element open two levels up is a portType.
    fn in_port_type(&self) -> bool {
        let at = self.open.len().checked_sub(2).map(|i| &self.open[i]);
        at.is_some_and(|(ns, local)| (ns.as_str(), local.as_str()) == (WSDL_NS, "portType"))
    }

    /// What an element of a binding declares.
    fn bind(&mut self, met: &Met<'_, '_>, parent: Option<(String, String)>) {
        let bindings = &mut self.raw.bindings;
        let parent = parent.as_ref().map(|(ns, l)| (ns.as_str(), l.as_str()));
        match (met.ns, met.local, parent) {
            (WSDL_NS, "binding", Some((WSDL_NS, "definitions"))) => bindings.push(RawBinding {
                name: met.attr("name").unwrap_or_default(),
                port_type: met.qname("type").unwrap_or_default(),
                soap: false,
                operations: Vec::new(),
            }),
            (SOAP_NS, "binding", Some((WSDL_NS, "binding"))) => {
                if let Some(binding) = bindings.last_mut() {
                    binding.soap = true;
                }
            }
            (WSDL_NS, "operation", Some((WSDL_NS, "binding"))) => {
                if let Some(binding) = bindings.last_mut() {
                    binding.operations.push(RawOperation {
                        name: met.attr("name").unwrap_or_default(),
                        line: met.line,
                        ..RawOperation::default()
                    });
                }
            }
            (SOAP_NS, "operation", Some((WSDL_NS, "operation"))) => {
                if let Some(op) = bindings.last_mut().and_then(|b| b.operations.last_mut()) {
                    op.soap_action = met.attr("soapAction");
                }
            }
            (SOAP_NS, "body" | "header", Some((WSDL_NS, direction @ ("input" | "output")))) => {
                let Some(op) = bindings.last_mut().and_then(|b| b.operations.last_mut()) else {
                    return;
                };
                let io = if direction == "input" {
                    &mut op.input
                } else {
                    &mut op.output
                };
                if met.local == "body" {
                    io.body_parts = met
                        .attr("parts")
                        .map(|p| p.split_whitespace().map(str::to_owned).collect());
                } else if let Some(message) = met.qname("message") {
                    let part = met.attr("part").unwrap_or_default();
                    io.headers.push((message, part, met.line));
                }
            }
            _ => {}
        }
    }

    /// The element last opened ends.
    fn end(&mut self) {
        let Some((ns, local)) = self.open.pop() else {
            return;
        };
        match (ns.as_str(), local.as_str()) {
            (WSDL_NS, "portType") => self.port_type = None,
            (WSDL_NS, "message") => self.message = None,
            (WSDL_NS, "operation") => {
                if let (Some(pt), Some((name, input, output))) =
                    (&self.port_type, self.operation.take())
                {
                    self.raw
                        .port_types
                        .insert((pt.clone(), name), (input, output));
                }
            }
            _ => {}
        }
    }
}

/// The value of attribute `name` of `start`, unescaped.
fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    let attr = start.try_get_attribute(name).ok()??;
    let value = attr
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()?;
    Some(value.into_owned())
}

/// `Err` naming the first attribute of a WSDL element whose prefixed
/// name (`element`, `message`, `type`) uses a prefix not declared.
fn undeclared_prefix(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    local: &str,
) -> Result<(), String> {
    for name in ["element", "message", "type"] {
        if let Some(value) = attribute(start, name)
            && resolve(reader, &value).is_none()
        {
            return Err(format!(
                "{local} {name}={value:?}: its prefix is not declared"
            ));
        }
    }
    Ok(())
}

/// A `prefix:local` value resolved in the scope of the element just read.
fn resolve(reader: &NsReader<&[u8]>, value: &str) -> Option<Name> {
    let (ns, local) = reader.resolver().resolve_element(QName(value.trim()));
    let ns = match ns {
        ResolveResult::Bound(ns) => ns.0.to_owned(),
        ResolveResult::Unbound => String::new(),
        ResolveResult::Unknown(_) => return None,
    };
    Some((ns, local.as_ref().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WSDL: &str = r#"<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:tns="urn:m" xmlns:t="urn:t" targetNamespace="urn:m">
  <wsdl:message name="PingIn">
    <wsdl:part name="request" element="tns:Ping"/>
    <wsdl:part name="Version" element="t:Version"/>
  </wsdl:message>
  <wsdl:message name="PingOut">
    <wsdl:part name="result" element="tns:PingResponse"/>
  </wsdl:message>
  <wsdl:portType name="Port">
    <wsdl:operation name="Ping">
      <wsdl:input message="tns:PingIn"/>
      <wsdl:output message="tns:PingOut"/>
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="Soap" type="tns:Port">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <wsdl:operation name="Ping">
      <soap:operation soapAction="urn:m/Ping"/>
      <wsdl:input>
        <soap:body parts="request" use="literal"/>
        <soap:header message="tns:PingIn" part="Version" use="literal"/>
      </wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>
"#;

    fn parsed(text: &str) -> Result<ServiceDescription, Error> {
        Raw::parse(Path::new("s.wsdl"), text)?.resolve(Path::new("s.wsdl"))
    }

    #[test]
    fn reads_operations_actions_and_headers() {
        let wsdl = parsed(WSDL).unwrap();
        let [op] = wsdl.operations.as_slice() else {
            panic!("{wsdl:?}");
        };
        assert_eq!(
            (op.name.as_str(), op.soap_action.as_str()),
            ("Ping", "urn:m/Ping")
        );
        assert_eq!(
            op.input.body.element,
            ("urn:m".to_owned(), "Ping".to_owned())
        );
        let headers: Vec<&Name> = op.input.headers.iter().map(|h| &h.element).collect();
        assert_eq!(headers, [&("urn:t".to_owned(), "Version".to_owned())]);
        assert_eq!(op.input.headers[0].line, 6);
        assert_eq!(op.output.body.element.1, "PingResponse");
        assert!(op.output.headers.is_empty());
    }

    #[test]
    fn an_operation_bound_twice_is_the_first_bindings_and_one_way_ones_are_left_out() {
        let binding =
            &WSDL[WSDL.find("  <wsdl:binding").unwrap()..WSDL.find("</wsdl:definitions>").unwrap()];
        let second = binding
            .replace(r#"name="Soap""#, r#"name="Soap2""#)
            .replace("urn:m/Ping", "urn:m/Ping2");
        let twice = WSDL.replace(
            "</wsdl:definitions>",
            &format!("{second}</wsdl:definitions>"),
        );
        let wsdl = parsed(&twice).unwrap();
        let actions: Vec<&str> = wsdl
            .operations
            .iter()
            .map(|o| o.soap_action.as_str())
            .collect();
        assert_eq!(actions, ["urn:m/Ping"]);
        let one_way = WSDL.replace(
            r#"      <wsdl:output message="tns:PingOut"/>
"#,
            "",
        );
        assert!(parsed(&one_way).unwrap().operations.is_empty());
    }

    #[test]
    fn an_undeclared_prefix_is_named_with_its_line() {
        let error =
            parsed(&WSDL.replace(r#"element="t:Version""#, r#"element="v:Version""#)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "s.wsdl:6: part element=\"v:Version\": its prefix is not declared"
        );
    }

    #[test]
    fn what_a_binding_refers_to_must_be_declared() {
        let error = parsed(&WSDL.replace(r#"part="Version""#, r#"part="Culture""#)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "s.wsdl:23: operation Ping: message PingIn has no part Culture"
        );
        let error =
            parsed(&WSDL.replace(r#"message="tns:PingOut""#, r#"message="tns:Pong""#)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "s.wsdl:19: operation Ping: message Pong is not declared"
        );
        let error = parsed(&WSDL.replace(
            r#"<wsdl:operation name="Ping">
      <soap:operation"#,
            r#"<wsdl:operation name="Pong">
      <soap:operation"#,
        ))
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "s.wsdl:19: operation Pong of binding Soap is not an operation of its portType Port"
        );
        let error = parsed(&WSDL.replace("<soap:binding ", "<other ")).unwrap_err();
        assert!(error.to_string().contains("no SOAP 1.1 binding"), "{error}");
    }
}
