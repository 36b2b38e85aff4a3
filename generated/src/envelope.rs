//! The SOAP 1.1 envelope around every message.

use crate::error::Error;
use crate::fault::Fault;
use crate::xml::{Decode, DecodeError, Decoder, Encoder, Payload, Start};

/// The SOAP 1.1 envelope namespace.
pub const SOAP_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// A SOAP 1.1 envelope whose body carries `B`: a request, a response, or a
/// generated enum of several.
///
/// Header entries are not modelled yet: decoding skips them, unless one is
/// marked `mustUnderstand="1"`, which is an error naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Envelope<B> {
    /// The body's payload.
    pub body: B,
}

impl<B> Envelope<B> {
    /// An envelope around `body`.
    pub fn new(body: B) -> Self {
        Self { body }
    }
}

impl<B: Payload> Envelope<B> {
    /// The envelope as an XML document (UTF-8, with an XML declaration).
    pub fn encode(&self) -> Result<Vec<u8>, Error> {
        let mut e = Encoder::new();
        e.start_prefixed("soap", "Envelope");
        e.attr("xmlns:soap", SOAP_NS)?;
        e.start_prefixed("soap", "Body");
        self.body.encode_payload(&mut e)?;
        e.end();
        e.end();
        Ok(e.into_bytes())
    }

    /// Reads an envelope. A `Fault` in the body is returned as
    /// [`Error::Fault`]; anything else that is not a `B` is a
    /// [`Error::Decode`] naming the line, column and element path.
    pub fn decode(bytes: &[u8]) -> Result<Self, Error> {
        let mut d = Decoder::new(bytes)?;
        let root = d.root()?;
        if root.name() != (SOAP_NS, "Envelope") {
            return Err(d
                .invalid(
                    &root,
                    &format!(
                        "expected a SOAP 1.1 Envelope, found {}",
                        root.expanded_name()
                    ),
                )
                .into());
        }
        let mut child = d.next_child()?;
        if let Some(header) = child.as_ref().filter(|c| c.name() == (SOAP_NS, "Header")) {
            skip_header(&mut d, header)?;
            child = d.next_child()?;
        }
        let body = match child {
            Some(body) if body.name() == (SOAP_NS, "Body") => body,
            Some(other) => return Err(d.unexpected(&other).into()),
            None => return Err(d.required(None::<()>, "Body").unwrap_err().into()),
        };
        let Some(payload) = d.next_child()? else {
            return Err(d.invalid(&body, "the Body is empty").into());
        };
        let result = if payload.name() == (SOAP_NS, "Fault") {
            Err(Error::Fault(Box::new(Fault::decode(&mut d, &payload)?)))
        } else {
            match B::decode_payload(&mut d, &payload)? {
                Some(body) => Ok(Envelope { body }),
                None => {
                    let found = payload.expanded_name();
                    return Err(d
                        .invalid(&payload, &format!("unexpected payload {found}"))
                        .into());
                }
            }
        };
        // Nothing may follow the payload in the Body, nor the Body in the Envelope.
        for _ in 0..2 {
            if let Some(extra) = d.next_child()? {
                return Err(d.unexpected(&extra).into());
            }
        }
        d.finish()?;
        result
    }
}

/// Skips the header entries, refusing any that must be understood.
fn skip_header(d: &mut Decoder<'_>, _header: &Start<'_>) -> Result<(), DecodeError> {
    while let Some(entry) = d.next_child()? {
        for attr in d.attributes(&entry) {
            let attr = attr?;
            if attr.name() == (SOAP_NS, "mustUnderstand") && attr.value::<bool>()? {
                let name = entry.expanded_name();
                return Err(d.invalid(
                    &entry,
                    &format!("header entry {name} must be understood, and is not known"),
                ));
            }
        }
        d.skip()?;
    }
    Ok(())
}
