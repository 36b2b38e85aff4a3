//! Operations: which response answers which request, with which SOAP
//! headers, and how to call it.

use crate::envelope::{Envelope, Headers};
use crate::xml::{Element, Payload};

/// A request element of a web service operation.
pub trait Operation: Element {
    /// The element the server answers with.
    type Response: Payload;
    /// The SOAP headers the request takes, as the service description
    /// declares them (`()` for none).
    type RequestHeaders: Headers;
    /// The SOAP headers the response carries.
    type ResponseHeaders: Headers;
    /// The operation's name.
    const OPERATION: &'static str;
    /// The SOAPAction to send with the request (unquoted).
    const SOAP_ACTION: &'static str;
}

/// The envelope of an operation's request, with the headers it takes:
/// `Request::<FindItem>::with_header(headers, request)`.
pub type Request<Op> = Envelope<Op, <Op as Operation>::RequestHeaders>;

/// The envelope of an operation's response, with the headers it carries:
/// `Reply::<FindItem>::decode(bytes)`.
pub type Reply<Op> = Envelope<<Op as Operation>::Response, <Op as Operation>::ResponseHeaders>;
