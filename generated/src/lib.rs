#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

// Generated code names the runtime `::ews_um`, inside this crate too.
extern crate self as ews_um;

mod envelope;
mod error;
mod exchange;
pub mod fault;
#[cfg(feature = "cli")]
pub mod json;
mod operation;

/// The XML runtime generated code is written against (the `ews-um-xml`
/// crate), and the derives that implement its traits for generated types
/// (`ews-um-derive`). Generated modules refer to it as `::ews_um::xml`.
pub mod xml {
    pub use ews_um_derive::{Choice, ComplexType, Derived, SimpleEnum, Union};
    pub use ews_um_xml::*;
}

pub use envelope::{Envelope, Headers, SOAP_NS};
pub use error::Error;
pub use exchange::{ErrorOf, Response, ResponseError, ResponseMessage};
pub use fault::Fault;
pub use operation::{Operation, Reply, Request};
pub use xml::{DecodeError, DecodeErrorKind, EncodeError};

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
/// [`ResponseMessage::check`] turns an `Error` class into a
/// [`ResponseError`], and each response's [`Response::check`] checks all its
/// messages.
#[rustfmt::skip] // Generated and formatted by ews-um-codegen.
#[allow(missing_docs)] // The 514 response codes are self-describing names.
pub mod ews;
