//! A FindItem response of 200 items of several types, decoded with the
//! types generated from Microsoft's EWS schema (when it is at hand: see
//! `build.rs`).

use crate::microsoft;
#[cfg(ews_schema)]
use crate::microsoft::ews;

/// The FindItem response fixture, its items repeated until there are
/// `count` of them (the fixture's mix of messages, calendar items, contacts
/// and items named by `xsi:type`, in turn).
pub fn find_item_response(count: usize) -> Vec<u8> {
    let fixture = include_str!("../../tests/fixtures/ews-full/find_item_response.xml");
    crate::repeat::children(fixture, "<t:Items>", "</t:Items>", count).into_bytes()
}

/// The decoded response, as the benchmarks keep it.
#[cfg(ews_schema)]
pub type Decoded = microsoft::Response<ews::FindItemResponse>;
/// Nothing: Microsoft's schema was not at hand.
#[cfg(not(ews_schema))]
pub type Decoded = ();

/// Decodes a FindItem response; `None` without Microsoft's schema.
pub fn decode(xml: &[u8]) -> Option<Decoded> {
    microsoft::decode(xml)
}

/// The items of a decoded response.
#[cfg(ews_schema)]
pub fn count(response: &Decoded) -> usize {
    use ews::array_of_response_messages_type::ResponseMessage as Message;
    use ews::find_item_parent_type::ItemsOrGroups as Parent;
    microsoft::messages(&response.body.base_response_message)
        .iter()
        .map(|message| match message {
            Message::FindItemResponseMessage(found) => match &found.root_folder {
                Some(folder) => match &folder.items_or_groups {
                    Parent::Items(items) => items.items.len(),
                    _ => 0,
                },
                None => 0,
            },
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

/// Decodes a FindItem response and counts its items: what the benchmark
/// times. `None` without Microsoft's schema.
pub fn decode_and_count(xml: &[u8]) -> Option<usize> {
    decode(xml).map(|response| count(&response))
}
