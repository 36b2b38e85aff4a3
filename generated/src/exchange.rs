//! What EWS responses share: the outcome of a response message as a Rust
//! error.

use std::fmt;

use crate::ews::{MessageXml, ResponseClassType, ResponseCodeType, ResponseMessageType};

/// A response message whose class is `Error`: the code and text the server
/// gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseError {
    /// The error's name, such as `ErrorInvalidPhoneCallId`, when given.
    pub code: Option<ResponseCodeType>,
    /// The explanation, when given.
    pub text: Option<String>,
    /// Further details, when given.
    pub details: Option<MessageXml>,
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self
            .code
            .as_ref()
            .map_or("error without a code", ResponseCodeType::as_str);
        match &self.text {
            Some(text) => write!(f, "{code}: {text}"),
            None => f.write_str(code),
        }
    }
}

impl std::error::Error for ResponseError {}

impl ResponseMessageType {
    /// `Ok` for `Success` and `Warning` (whose text stays in the message);
    /// `Err` with the code and text for `Error`, and for a class this
    /// schema does not know.
    pub fn check(&self) -> Result<(), Box<ResponseError>> {
        if matches!(
            self.response_class,
            ResponseClassType::Success | ResponseClassType::Warning
        ) {
            return Ok(());
        }
        Err(Box::new(ResponseError {
            code: self.response_code.clone(),
            text: self.message_text.clone(),
            details: self.message_xml.clone(),
        }))
    }
}
