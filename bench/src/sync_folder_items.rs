//! A SyncFolderItems response of 1,000 changes, decoded with the types
//! generated from Microsoft's EWS schema (when it is at hand: see
//! `build.rs`): what a client reads when it synchronises a busy folder.

use crate::microsoft;
#[cfg(ews_schema)]
use crate::microsoft::ews;

/// The SyncFolderItems fixture, its changes (a create, an update, a delete
/// and a read-flag change) repeated in turn until there are `count`.
pub fn sync_folder_items_response(count: usize) -> Vec<u8> {
    let fixture = include_str!("../../tests/fixtures/ews-full/sync_folder_items_response.xml");
    crate::repeat::children(fixture, "<m:Changes>", "</m:Changes>", count).into_bytes()
}

/// The decoded response, as the benchmarks keep it.
#[cfg(ews_schema)]
pub type Decoded = microsoft::Response<ews::SyncFolderItemsResponse>;
/// Nothing: Microsoft's schema was not at hand.
#[cfg(not(ews_schema))]
pub type Decoded = ();

/// Decodes a SyncFolderItems response; `None` without Microsoft's schema.
pub fn decode(xml: &[u8]) -> Option<Decoded> {
    microsoft::decode(xml)
}

/// The changes of a decoded response, over all its messages.
#[cfg(ews_schema)]
pub fn count(response: &Decoded) -> usize {
    use ews::array_of_response_messages_type::ResponseMessage as Message;
    microsoft::messages(&response.body.base_response_message)
        .iter()
        .map(|message| match message {
            Message::SyncFolderItemsResponseMessage(sync) => {
                sync.changes.as_ref().map_or(0, |c| c.changes.len())
            }
            _ => 0,
        })
        .sum()
}
/// Nothing to count without Microsoft's schema.
#[cfg(not(ews_schema))]
pub fn count(response: &Decoded) -> usize {
    let () = response;
    0
}

/// Decodes a SyncFolderItems response and counts its changes: what the
/// benchmark times. `None` without Microsoft's schema.
pub fn decode_and_count(xml: &[u8]) -> Option<usize> {
    decode(xml).map(|response| count(&response))
}
