#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

// Generated code names the runtime `::ews_um`, inside this crate too.
extern crate self as ews_um;

mod envelope;
mod error;
mod exchange;
pub mod fault;
mod operation;
pub mod xml;

pub use envelope::{Envelope, Headers, SOAP_NS};
pub use error::{DecodeError, EncodeError, Error};
pub use exchange::ResponseError;
pub use fault::Fault;
pub use operation::Operation;

/// The legacy Exchange Unified Messaging web service (`UM2007Legacy.asmx`):
/// the request and response of each of its eleven operations, generated
/// from `schemas/um/um.xsd`.
#[rustfmt::skip] // Generated and formatted by ews-um-codegen.
pub mod um;

/// The Unified Messaging operations of Exchange Web Services
/// (PlayOnPhone, GetPhoneCallInformation, DisconnectPhoneCall) and the
/// version headers, generated from `schemas/ews/`.
///
/// Each response extends `ResponseMessageType`; its
/// [`check`](ews::ResponseMessageType::check) turns an `Error` class into a
/// [`ResponseError`].
#[rustfmt::skip] // Generated and formatted by ews-um-codegen.
#[allow(missing_docs)] // The 514 response codes are self-describing names.
pub mod ews;
