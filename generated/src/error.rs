//! What can go wrong exchanging messages: the runtime's decoding and
//! encoding errors, SOAP faults, and response messages that report an
//! error.

use crate::exchange::ResponseError;
use crate::fault::Fault;
use crate::xml::{DecodeError, EncodeError};

/// Everything that can go wrong turning bytes into messages and back.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes are not a well-formed message of the expected type.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A value cannot be written as XML.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// The server answered with a SOAP fault instead of the expected response.
    #[error("SOAP fault {}: {}", .0.code, .0.string)]
    Fault(Box<Fault>),
    /// An EWS response message reported an error.
    #[error(transparent)]
    Response(#[from] Box<ResponseError>),
}
