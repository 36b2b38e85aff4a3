//! Recorded exchanges standing in for the server. Each request must be
//! for the operation recorded next, and a message the schema allows; it is
//! answered with the recorded response. A client posts the request to
//! `/EWS/Exchange.asmx` instead, with the SOAPAction header.

use std::collections::VecDeque;
use std::error::Error;
use std::path::{Path, PathBuf};

use ews_um::Envelope;

use crate::ews::{FindItemHeaders, Message};

/// The exchanges still to come, in order: an operation's name and the
/// file holding its response.
pub struct Replay(VecDeque<(&'static str, PathBuf)>);

/// The inbox's first two pages (the first is one of the repository's
/// test fixtures), then GetItem for the two messages among them.
pub fn recorded() -> Replay {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = here.join("../../tests/fixtures/ews-full");
    Replay(VecDeque::from([
        ("FindItem", fixtures.join("find_item_response.xml")),
        ("FindItem", here.join("recorded/find_item_second_page.xml")),
        ("GetItem", fixtures.join("get_item_mixed_response.xml")),
    ]))
}

impl Replay {
    /// The response to `request`, sent with `soap_action`.
    pub fn post(&mut self, soap_action: &str, request: &[u8]) -> Result<Vec<u8>, Box<dyn Error>> {
        let (operation, response) = self.0.pop_front().ok_or("no more recorded exchanges")?;
        if soap_action.rsplit('/').next() != Some(operation) {
            return Err(format!("expected a {operation} request, got {soap_action}").into());
        }
        // Every request of this example takes the same headers; nothing
        // the schema does not declare is sent.
        Envelope::<Message, FindItemHeaders>::decode_strict(request)?;
        Ok(std::fs::read(&response).map_err(|e| format!("{}: {e}", response.display()))?)
    }
}
