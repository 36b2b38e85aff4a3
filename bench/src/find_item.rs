//! A FindItem response of 200 items of several types, decoded with the
//! types generated from Microsoft's EWS schema (when it is at hand: see
//! `build.rs`).

/// The generated FindItemResponse and ServerVersionInfo.
#[cfg(ews_schema)]
#[allow(missing_docs, clippy::all)]
pub mod ews {
    include!(concat!(env!("OUT_DIR"), "/find_item.rs"));
}

/// The FindItem response fixture, its items repeated until there are
/// `count` of them (the fixture's mix of messages, calendar items, contacts
/// and items named by `xsi:type`, in turn).
pub fn find_item_response(count: usize) -> Vec<u8> {
    let fixture = include_str!("../../tests/fixtures/ews-full/find_item_response.xml");
    let open = "<t:Items>";
    let close = "</t:Items>";
    let start = fixture.find(open).expect("the fixture has items") + open.len();
    let end = fixture.find(close).expect("the fixture has items");
    let items = split_items(&fixture[start..end]);
    let mut body = String::new();
    for item in items.iter().cycle().take(count) {
        body.push_str(item);
    }
    format!("{}{body}{}", &fixture[..start], &fixture[end..]).into_bytes()
}

/// The top-level elements of `content`, each with the white space before it.
fn split_items(content: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut from, mut at) = (0usize, 0, 0);
    let bytes = content.as_bytes();
    while let Some(offset) = content[at..].find('<') {
        let tag = at + offset;
        let end = tag + content[tag..].find('>').expect("tags close");
        let self_closing = bytes[end - 1] == b'/';
        if bytes[tag + 1] == b'/' {
            depth -= 1;
            if depth == 0 {
                items.push(&content[from..=end]);
                from = end + 1;
            }
        } else if !matches!(bytes[tag + 1], b'!' | b'?') && !self_closing {
            depth += 1;
        } else if self_closing && depth == 0 {
            items.push(&content[from..=end]);
            from = end + 1;
        }
        at = end + 1;
    }
    items
}

/// Decodes a FindItem response and counts its items: what the benchmark
/// times. `None` without Microsoft's schema.
pub fn decode_and_count(xml: &[u8]) -> Option<usize> {
    #[cfg(ews_schema)]
    {
        use ews::array_of_response_messages_type::ResponseMessage as Message;
        use ews::find_item_parent_type::ItemsOrGroups as Parent;
        let envelope =
            ews_um::Envelope::<ews::FindItemResponse, Option<ews::ServerVersionInfo>>::decode(xml)
                .expect("the FindItem response decodes");
        let messages = &envelope
            .body
            .base_response_message
            .response_messages
            .response_messages;
        let count = messages
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
            .sum();
        Some(count)
    }
    #[cfg(not(ews_schema))]
    {
        let _ = xml;
        None
    }
}

/// Why the FindItem figures are missing, when they are.
pub const SKIPPED: &str = "skipped: Microsoft's EWS schema was not found when the benchmarks were built (set EWS_SCHEMA_DIR to the folder holding messages.xsd and types.xsd)";
