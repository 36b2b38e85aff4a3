//! Operations: which response answers which request, and how to call it.

use crate::xml::{Element, Payload};

/// A request element of a web service operation.
pub trait Operation: Element {
    /// The element the server answers with.
    type Response: Payload;
    /// The operation's name.
    const OPERATION: &'static str;
    /// The SOAPAction to send with the request (unquoted).
    const SOAP_ACTION: &'static str;
}
