//! The JSON form of envelopes that the `ews-um` command prints and reads
//! (feature `cli`): one document per envelope, by service.

use serde::{Deserialize, Serialize};

use crate::xml::{DecodeError, Decoder, EncodeError, Encoder, Start};
use crate::{Envelope, Error, Fault, Headers, ews, um};

/// An envelope as JSON, by service: `{"um": {"<Element>": {...}}}`,
/// `{"ews": {"header": {...}, "body": {"<Element>": {...}}}}` or
/// `{"fault": {...}}`. The service matters: both define `PlayOnPhone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Document {
    /// A message of the legacy UM web service.
    Um(um::Message),
    /// An EWS message with its headers.
    Ews(EwsEnvelope),
    /// A SOAP fault.
    Fault(Fault),
}

/// An EWS envelope: the message and the headers EWS defines for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EwsEnvelope {
    /// The headers.
    #[serde(default, skip_serializing_if = "EwsHeaders::is_empty")]
    pub header: EwsHeaders,
    /// The message.
    pub body: ews::Message,
}

/// The headers EWS defines for these operations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EwsHeaders {
    /// The version a request is written for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_server_version: Option<ews::RequestServerVersion>,
    /// The server that answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_version_info: Option<ews::ServerVersionInfo>,
}

impl Headers for EwsHeaders {
    fn decode_entry(
        &mut self,
        d: &mut Decoder<'_>,
        start: &Start<'_>,
    ) -> Result<bool, DecodeError> {
        Ok(self.request_server_version.decode_entry(d, start)?
            || self.server_version_info.decode_entry(d, start)?)
    }

    fn encode_entries(&self, e: &mut Encoder) -> Result<(), EncodeError> {
        self.request_server_version.encode_entries(e)?;
        self.server_version_info.encode_entries(e)
    }

    fn is_empty(&self) -> bool {
        self.request_server_version.is_none() && self.server_version_info.is_none()
    }
}

impl Document {
    /// The envelope as a UM message if it is one, else as an EWS message,
    /// forward-compatibly (see [`Envelope::decode`]): first as either
    /// service's schema declares it, and only when neither reads it so,
    /// skipping or keeping what the schema does not declare. When it is
    /// neither, the error of the reading that got further is the one that
    /// tells what is wrong.
    pub fn decode(input: &[u8]) -> Result<Self, Error> {
        // Both services have a `PlayOnPhone`: one message must not read as
        // the other's with its members skipped.
        Self::read(input, true).or_else(|_| Self::read(input, false))
    }

    /// The envelope as [`decode`](Self::decode) reads it, but refusing
    /// whatever the schemas do not declare (see [`Envelope::decode_strict`]).
    pub fn decode_strict(input: &[u8]) -> Result<Self, Error> {
        Self::read(input, true)
    }

    fn read(input: &[u8], strict: bool) -> Result<Self, Error> {
        let decode_um = if strict {
            Envelope::<um::Message>::decode_strict
        } else {
            Envelope::<um::Message>::decode
        };
        let decode_ews = if strict {
            Envelope::<ews::Message, EwsHeaders>::decode_strict
        } else {
            Envelope::<ews::Message, EwsHeaders>::decode
        };
        let um_error = match decode_um(input) {
            Ok(envelope) => return Ok(Self::Um(envelope.body)),
            Err(Error::Fault(fault)) => return Ok(Self::Fault(*fault)),
            Err(Error::Decode(e)) => e,
            Err(e) => return Err(e),
        };
        match decode_ews(input) {
            Ok(Envelope { header, body }) => Ok(Self::Ews(EwsEnvelope { header, body })),
            Err(Error::Decode(ews_error))
                if (ews_error.line, ews_error.column) < (um_error.line, um_error.column) =>
            {
                Err(Error::Decode(um_error))
            }
            Err(e) => Err(e),
        }
    }

    /// The envelope, as bytes.
    pub fn encode(self) -> Result<Vec<u8>, Error> {
        match self {
            Self::Um(message) => Envelope::new(message).encode(),
            Self::Ews(EwsEnvelope { header, body }) => Envelope::with_header(header, body).encode(),
            Self::Fault(fault) => Envelope::new(fault).encode(),
        }
    }
}
