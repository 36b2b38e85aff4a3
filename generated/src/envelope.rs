//! The SOAP 1.1 envelope around every message, with typed headers.

use crate::error::Error;
use crate::fault::Fault;
use crate::xml::{
    Decode, DecodeError, DecodeErrorKind, Decoder, Element, EncodeError, Encoder, Payload, Start,
};

/// The SOAP 1.1 envelope namespace.
pub const SOAP_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// A SOAP 1.1 envelope whose body carries `B` (a request, a response, or a
/// generated enum of several) and whose header carries `H`.
///
/// `H` is `()` for no headers, `Option<E>` for one header element `E`, and
/// a tuple of those for several: for example
/// `Envelope<GetPhoneCallInformationResponse, Option<ServerVersionInfo>>`.
/// Decoding skips header entries that `H` does not take, unless one is
/// marked `mustUnderstand="1"`, which is an error naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Envelope<B, H = ()> {
    /// The header entries.
    #[cfg_attr(feature = "serde", serde(default))]
    pub header: H,
    /// The body's payload.
    pub body: B,
}

impl<B> Envelope<B> {
    /// An envelope around `body`, without headers.
    pub fn new(body: B) -> Self {
        Self { header: (), body }
    }
}

impl<B, H: Headers> Envelope<B, H> {
    /// An envelope around `body`, with headers.
    pub fn with_header(header: H, body: B) -> Self {
        Self { header, body }
    }
}

impl<B: Payload, H: Headers> Envelope<B, H> {
    /// The envelope as an XML document (UTF-8, with an XML declaration).
    pub fn encode(&self) -> Result<Vec<u8>, Error> {
        let mut e = Encoder::new();
        e.start_prefixed("soap", "Envelope");
        e.namespace_attr("xmlns:soap", SOAP_NS);
        if !self.header.is_empty() {
            e.start_prefixed("soap", "Header");
            self.header.encode_entries(&mut e)?;
            e.end();
        }
        e.start_prefixed("soap", "Body");
        self.body.encode_payload(&mut e)?;
        e.end();
        e.end();
        Ok(e.into_bytes())
    }

    /// Reads an envelope, forward-compatibly: what a newer version of the
    /// schema added is skipped or kept, as [`Decoder`] says (an element a
    /// type does not declare; an element none of an open choice's
    /// alternatives is; an `xsi:type` the schema does not know). A `Fault`
    /// in the body is returned as [`Error::Fault`]; anything else that is
    /// not a `B` is a [`Error::Decode`] naming the line, column and element
    /// path.
    pub fn decode(bytes: &[u8]) -> Result<Self, Error> {
        Self::read(Decoder::new(bytes)?)
    }

    /// Reads an envelope as [`decode`](Self::decode) does, but refusing
    /// whatever the schema does not declare, as a validating reader would:
    /// for tests, and for checking what a client sends.
    pub fn decode_strict(bytes: &[u8]) -> Result<Self, Error> {
        Self::read(Decoder::strict(bytes)?)
    }

    fn read(mut d: Decoder<'_>) -> Result<Self, Error> {
        let root = d.root()?;
        if root.name() != (SOAP_NS, "Envelope") {
            let message = format!(
                "expected a SOAP 1.1 Envelope, found {}",
                root.expanded_name()
            );
            return Err(d.error(DecodeErrorKind::Unexpected, &root, &message).into());
        }
        let mut header = H::default();
        let mut child = d.next_child()?;
        if child
            .as_ref()
            .is_some_and(|c| c.name() == (SOAP_NS, "Header"))
        {
            decode_header(&mut d, &mut header)?;
            child = d.next_child()?;
        }
        let body = match child {
            Some(body) if body.name() == (SOAP_NS, "Body") => body,
            Some(other) => return Err(d.unexpected(&other).into()),
            None => return Err(d.missing("Body").into()),
        };
        let Some(payload) = d.next_child()? else {
            let empty = "the Body is empty";
            return Err(d.error(DecodeErrorKind::Missing, &body, empty).into());
        };
        let result = if payload.name() == (SOAP_NS, "Fault") {
            Err(Error::Fault(Box::new(Fault::decode(&mut d, &payload)?)))
        } else {
            match B::decode_payload(&mut d, &payload)? {
                Some(body) => Ok(Envelope { header, body }),
                None => {
                    let found = payload.expanded_name();
                    return Err(d
                        .error(
                            DecodeErrorKind::Unexpected,
                            &payload,
                            &format!("unexpected payload {found}"),
                        )
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

/// Offers each header entry to `header`; skips the others, refusing any
/// that must be understood.
fn decode_header<H: Headers>(d: &mut Decoder<'_>, header: &mut H) -> Result<(), DecodeError> {
    while let Some(entry) = d.next_child()? {
        if header.decode_entry(d, &entry)? {
            continue;
        }
        for attr in d.attributes(&entry) {
            let attr = attr?;
            if attr.name() == (SOAP_NS, "mustUnderstand") && attr.parse::<bool>()? {
                let name = entry.expanded_name();
                return Err(d.error(
                    DecodeErrorKind::Unexpected,
                    &entry,
                    &format!("header entry {name} must be understood, and is not known"),
                ));
            }
        }
        d.skip()?;
    }
    Ok(())
}

/// The typed entries of a SOAP header.
pub trait Headers: Default {
    /// Decodes `start` and returns `true` if it is an entry this type
    /// takes; returns `false`, reading nothing, if not.
    fn decode_entry(&mut self, d: &mut Decoder<'_>, start: &Start<'_>)
    -> Result<bool, DecodeError>;
    /// Writes the entries present.
    fn encode_entries(&self, e: &mut Encoder) -> Result<(), EncodeError>;
    /// Whether there is no entry to write.
    fn is_empty(&self) -> bool;
}

/// No headers.
impl Headers for () {
    fn decode_entry(&mut self, _: &mut Decoder<'_>, _: &Start<'_>) -> Result<bool, DecodeError> {
        Ok(false)
    }

    fn encode_entries(&self, _: &mut Encoder) -> Result<(), EncodeError> {
        Ok(())
    }

    fn is_empty(&self) -> bool {
        true
    }
}

/// One optional header element.
impl<T: Element> Headers for Option<T> {
    fn decode_entry(
        &mut self,
        d: &mut Decoder<'_>,
        start: &Start<'_>,
    ) -> Result<bool, DecodeError> {
        if start.name() != (T::NAMESPACE, T::NAME) {
            return Ok(false);
        }
        d.decode_once(self, start)?;
        Ok(true)
    }

    fn encode_entries(&self, e: &mut Encoder) -> Result<(), EncodeError> {
        self.as_ref()
            .map_or(Ok(()), |entry| entry.encode(e, T::NAMESPACE, T::NAME))
    }

    fn is_empty(&self) -> bool {
        self.is_none()
    }
}

/// Several headers.
impl<A: Headers, B: Headers> Headers for (A, B) {
    fn decode_entry(
        &mut self,
        d: &mut Decoder<'_>,
        start: &Start<'_>,
    ) -> Result<bool, DecodeError> {
        Ok(self.0.decode_entry(d, start)? || self.1.decode_entry(d, start)?)
    }

    fn encode_entries(&self, e: &mut Encoder) -> Result<(), EncodeError> {
        self.0.encode_entries(e)?;
        self.1.encode_entries(e)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty() && self.1.is_empty()
    }
}
