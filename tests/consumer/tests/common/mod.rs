//! What the consumer's tests share: documents in an envelope, decoded,
//! encoded and round-tripped, and the errors of decoding them.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::fmt::Debug;

use ews_um::xml::Payload;
use ews_um::{DecodeError, Envelope, Error, SOAP_NS};

/// `body` in a SOAP envelope, on a line of its own: error positions read
/// `2:<column in the document>`.
pub fn envelope(body: &str) -> String {
    format!("<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body>\n{body}</s:Body></s:Envelope>")
}

/// The payload of `body`, read forward-compatibly; panics if it does not
/// decode.
pub fn decode<B: Payload + Debug>(body: &str) -> B {
    match Envelope::<B>::decode(envelope(body).as_bytes()) {
        Ok(envelope) => envelope.body,
        Err(e) => panic!("{e}\nin {body}"),
    }
}

/// `value` as the body of an envelope, as text.
pub fn encode<B: Payload>(value: B) -> String {
    String::from_utf8(Envelope::new(value).encode().unwrap()).unwrap()
}

/// The payload of `body`, after checking that encoding it and decoding the
/// result gives it back.
pub fn round_trip<B: Payload + Debug + Clone + PartialEq>(body: &str) -> B {
    let value = decode::<B>(body);
    let encoded = encode(value.clone());
    let again = Envelope::<B>::decode(encoded.as_bytes())
        .unwrap_or_else(|e| panic!("{e}\nin {encoded}"))
        .body;
    assert_eq!(again, value, "{encoded}");
    value
}

/// The error of reading `body` forward-compatibly, or strictly; panics if
/// it decodes.
pub fn error<B: Payload + Debug>(body: &str, strict: bool) -> DecodeError {
    let xml = envelope(body);
    let result = if strict {
        Envelope::<B>::decode_strict(xml.as_bytes())
    } else {
        Envelope::<B>::decode(xml.as_bytes())
    };
    match result {
        Err(Error::Decode(error)) => error,
        other => panic!("expected a decoding error, got {other:?}"),
    }
}

/// The message of the error of reading `body` forward-compatibly.
pub fn decode_error<B: Payload + Debug>(body: &str) -> String {
    error::<B>(body, false).to_string()
}

/// The message of the error of reading `body` strictly, refusing what the
/// schema does not declare.
pub fn strict_error<B: Payload + Debug>(body: &str) -> String {
    error::<B>(body, true).to_string()
}
