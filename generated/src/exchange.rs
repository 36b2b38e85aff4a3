//! What EWS responses share, whatever schema version their types were
//! generated from: each response message's outcome (`ResponseMessage`,
//! implemented by the generated `ResponseMessageType`), the messages of a
//! response (`Response`, implemented by each operation's response), an
//! `Error` class as a Rust error, and the back-off Exchange asks for when
//! it throttles.

use std::fmt;
use std::time::Duration;

use crate::ews::{MessageXml, ResponseCodeType};
use crate::xml::{Decoder, RawXml, SimpleType};

/// The outcome of one EWS response message.
pub trait ResponseMessage {
    /// The type of its response code.
    type Code: SimpleType + Clone + fmt::Debug;
    /// The type of its details (`MessageXml`).
    type Details: Clone + fmt::Debug;

    /// Its class as sent: `Success`, `Warning` or `Error`.
    fn class(&self) -> &str;
    /// Its response code, when given.
    fn code(&self) -> Option<&Self::Code>;
    /// Its explanation, for people, when given.
    fn text(&self) -> Option<&str>;
    /// Its details, when given.
    fn details(&self) -> Option<&Self::Details>;
    /// The details' content, kept as sent.
    fn details_xml(&self) -> &[RawXml];

    /// `Ok` for `Success` and `Warning` (whose text stays in the message);
    /// `Err` with the code, text and details for `Error`, and for a class
    /// the schema does not know.
    fn check(&self) -> Result<(), Box<ErrorOf<Self>>> {
        if matches!(self.class(), "Success" | "Warning") {
            return Ok(());
        }
        Err(Box::new(ResponseError {
            code: self.code().cloned(),
            text: self.text().map(str::to_owned),
            details: self.details().cloned(),
            back_off: self.back_off(),
        }))
    }

    /// How long Exchange asks the client to wait before it sends again:
    /// `BackOffMilliseconds` in the details of an `ErrorServerBusy`.
    fn back_off(&self) -> Option<Duration> {
        let busy = self
            .code()
            .is_some_and(|code| code.text() == "ErrorServerBusy");
        busy.then(|| back_off(self.details_xml())).flatten()
    }
}

/// An EWS response: its response messages, one per item, folder or call
/// asked about.
pub trait Response {
    /// The operation's own type of response message, such as
    /// `FindItemResponseMessageType`; the outcome type where the schema
    /// has none.
    type Message: AsRef<Self::Outcome>;
    /// What every response message says of how it went
    /// (`ResponseMessageType`).
    type Outcome: ResponseMessage;

    /// The operation's response messages, in order. A response holding a
    /// list of messages of many kinds gives those of the operation's kind,
    /// the only ones Exchange sends; [`outcomes`](Self::outcomes) gives
    /// every one.
    fn messages(&self) -> impl Iterator<Item = &Self::Message>;

    /// The outcome of every response message, in order.
    fn outcomes(&self) -> impl Iterator<Item = &Self::Outcome>;

    /// `Ok` when no message is an `Error`; else the first error.
    fn check(&self) -> Result<(), Box<ErrorOf<Self::Outcome>>> {
        self.outcomes().try_for_each(ResponseMessage::check)
    }
}

/// The error of a response message of type `M`.
pub type ErrorOf<M> = ResponseError<<M as ResponseMessage>::Code, <M as ResponseMessage>::Details>;

/// A response message whose class is `Error`: the code, text and details
/// the server gave. The default type parameters are those of
/// [`ews`](crate::ews); a module generated from another schema version has
/// its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseError<Code = ResponseCodeType, Details = MessageXml> {
    /// The error's name, such as `ErrorInvalidPhoneCallId`, when given.
    pub code: Option<Code>,
    /// The explanation, when given.
    pub text: Option<String>,
    /// Further details, when given.
    pub details: Option<Details>,
    /// How long to wait before sending again, when Exchange said
    /// (`ErrorServerBusy`).
    pub back_off: Option<Duration>,
}

impl<Code: SimpleType, Details> fmt::Display for ResponseError<Code, Details> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code.as_ref().map(SimpleType::text);
        let code = code.as_deref().unwrap_or("error without a code");
        match &self.text {
            Some(text) => write!(f, "{code}: {text}"),
            None => f.write_str(code),
        }
    }
}

impl<Code: SimpleType + fmt::Debug, Details: fmt::Debug> std::error::Error
    for ResponseError<Code, Details>
{
}

/// The back-off in details kept as sent: an element `Value` whose `Name`
/// is `BackOffMilliseconds`, in any namespace, holding a number.
fn back_off(details: &[RawXml]) -> Option<Duration> {
    details.iter().find_map(|raw| {
        let xml = raw.standalone(|_, _| false)?;
        let mut d = Decoder::new(xml.as_bytes()).ok()?;
        let root = d.root().ok()?;
        if root.name().1 != "Value" {
            return None;
        }
        let named = d
            .attributes(&root)
            .filter_map(Result::ok)
            .any(|a| a.name() == ("", "Name") && a.text() == "BackOffMilliseconds");
        let millis: u64 = d.text().ok()?.trim().parse().ok()?;
        named.then(|| Duration::from_millis(millis))
    })
}
