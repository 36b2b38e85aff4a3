//! Thunderbird's `ews` crate (hand-written types, serde over quick-xml):
//! the baseline for decoding Exchange's item responses. Each response is
//! decoded whole, envelope and header included, with
//! `soap::Envelope::from_xml_document`, and counted as the matching ews-um
//! module counts it, so that the checks can tell both read the same
//! message.
//!
//! The crate (0.1.2) has no GetAttachment operation, so the attachment has
//! no row for it.

use ews::soap::Envelope;
use ews::{OperationResponse, ResponseClass};

/// A decoded FindItem response.
pub type FindItem = Envelope<ews::find_item::FindItemResponse>;
/// A decoded GetItem response.
pub type GetItem = Envelope<ews::get_item::GetItemResponse>;
/// A decoded SyncFolderItems response.
pub type SyncFolderItems = Envelope<ews::sync_folder_items::SyncFolderItemsResponse>;

/// Decodes a FindItem response.
pub fn find_item(xml: &[u8]) -> Result<FindItem, ews::Error> {
    Envelope::from_xml_document(xml)
}

/// Decodes a GetItem response.
pub fn get_item(xml: &[u8]) -> Result<GetItem, ews::Error> {
    Envelope::from_xml_document(xml)
}

/// Decodes a SyncFolderItems response.
pub fn sync_folder_items(xml: &[u8]) -> Result<SyncFolderItems, ews::Error> {
    Envelope::from_xml_document(xml)
}

/// The messages of a response that carry content: the crate reads a
/// `Warning`'s content as a `Success`'s; an `Error` carries none.
fn successes<R: OperationResponse>(envelope: &Envelope<R>) -> impl Iterator<Item = &R::Message> {
    envelope
        .body
        .response_messages()
        .iter()
        .filter_map(|message| match message {
            ResponseClass::Success(m) | ResponseClass::Warning(m) => Some(m),
            ResponseClass::Error(_) => None,
        })
}

/// The items of a FindItem response.
pub fn find_item_count(response: &FindItem) -> usize {
    successes(response)
        .map(|m| m.root_folder.items.inner.len())
        .sum()
}

/// The items of a GetItem response.
pub fn get_item_count(response: &GetItem) -> usize {
    successes(response).map(|m| m.items.inner.len()).sum()
}

/// The changes of a SyncFolderItems response.
pub fn sync_folder_items_count(response: &SyncFolderItems) -> usize {
    successes(response).map(|m| m.changes.inner.len()).sum()
}
