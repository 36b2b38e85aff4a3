//! A mail client's first steps against Exchange: list the inbox a page at
//! a time (FindItem, with the properties a listing shows), then read the
//! mail among those items in full (GetItem), checking every response.
//!
//! Written only against the types `build.rs` generates from the EWS schema
//! and the ews-um runtime. It runs against recorded exchanges
//! (`replay.rs`); a client sends the same requests over HTTP.

mod replay;

// All of EWS, of which this program uses a little.
#[allow(dead_code)]
mod ews {
    include!(concat!(env!("OUT_DIR"), "/ews.rs"));
}

use std::error::Error;

use ews::array_of_real_items_type::Item;
use ews::non_empty_array_of_base_item_ids_type::ItemId;
use ews::*;
use ews_um::{Operation, Reply, Request, Response, ResponseMessage};

/// Items per page, and how many pages the listing shows.
const PAGE_SIZE: i32 = 5;
const PAGES: usize = 2;

fn main() -> Result<(), Box<dyn Error>> {
    let mut server = replay::recorded();
    let version = RequestServerVersion::new(ExchangeVersionType::Exchange2016);
    let mail = list_inbox(&mut server, &version)?;
    read_mail(&mut server, &version, mail)
}

/// Lists the inbox a page at a time, with ids, subjects and dates; gives
/// the ids of the mail in it.
fn list_inbox(
    server: &mut replay::Replay,
    version: &RequestServerVersion,
) -> Result<Vec<ItemId>, Box<dyn Error>> {
    let listing = ItemResponseShapeType {
        additional_properties: Some(properties(&[
            UnindexedFieldUriType::ItemSubject,
            UnindexedFieldUriType::ItemDateTimeReceived,
        ])),
        ..ItemResponseShapeType::new(DefaultShapeNamesType::IdOnly)
    };
    let mut mail = Vec::new();
    let mut offset = 0;
    for _ in 0..PAGES {
        let find = FindItem {
            view: Some(find_item_type::View::IndexedPageItemView(Box::new(
                IndexedPageViewType {
                    base_paging: BasePagingType {
                        max_entries_returned: Some(PAGE_SIZE),
                    },
                    offset,
                    base_point: IndexBasePointType::Beginning,
                },
            ))),
            ..FindItem::new(ItemQueryTraversalType::Shallow, listing.clone(), inbox())
        };
        let headers = FindItemHeaders {
            request_server_version: Some(version.clone()),
            ..Default::default()
        };
        let reply = call(server, Request::<FindItem>::with_header(headers, find))?;
        reply.body.check()?;
        let Some(page) = reply.body.messages().find_map(|m| m.root_folder.as_ref()) else {
            break;
        };
        if let find_item_parent_type::ItemsOrGroups::Items(items) = &page.items_or_groups {
            for item in &items.items {
                let (kind, common) = describe(item);
                let subject = common.and_then(|c| c.subject.as_deref()).unwrap_or("");
                println!("{kind:<12} {subject}");
                if let (Item::Message(_), Some(id)) = (item, common.and_then(|c| c.item_id.clone()))
                {
                    mail.push(ItemId::ItemId(id));
                }
            }
        }
        if page.includes_last_item_in_range == Some(true) {
            break;
        }
        offset = page.indexed_paging_offset.unwrap_or(offset + PAGE_SIZE);
    }
    Ok(mail)
}

/// Gets the mail in full, as text: one response message per item, each
/// checked.
fn read_mail(
    server: &mut replay::Replay,
    version: &RequestServerVersion,
    mail: Vec<ItemId>,
) -> Result<(), Box<dyn Error>> {
    let get = GetItem {
        item_shape: ItemResponseShapeType {
            body_type: Some(BodyTypeResponseType::Text),
            ..ItemResponseShapeType::new(DefaultShapeNamesType::Default)
        },
        item_ids: NonEmptyArrayOfBaseItemIdsType { item_ids: mail },
    };
    let headers = GetItemHeaders {
        request_server_version: Some(version.clone()),
        ..Default::default()
    };
    let reply = call(server, Request::<GetItem>::with_header(headers, get))?;
    for message in reply.body.messages() {
        let outcome: &ResponseMessageType = message.as_ref();
        if let Err(error) = outcome.check() {
            println!("not read: {error}");
            continue;
        }
        let info: &ItemInfoResponseMessageType = message.as_ref();
        for item in &info.items.items {
            if let Item::Message(AnyMessageType::MessageType(mail)) = item {
                let sender = mail.sender.as_ref().map(|sender| sender.mailbox.as_ref());
                let name = sender.and_then(|m: &EmailAddressType| m.name.as_deref());
                let body = mail
                    .item
                    .body
                    .as_ref()
                    .map_or("", |body| body.value.as_str());
                println!(
                    "from {}: {}",
                    name.unwrap_or("?"),
                    body.lines().next().unwrap_or("")
                );
            }
        }
    }
    Ok(())
}

/// Sends `request` and decodes the reply: over HTTP, a POST with
/// `Op::SOAP_ACTION` as the SOAPAction header.
fn call<Op: Operation>(
    server: &mut replay::Replay,
    request: Request<Op>,
) -> Result<Reply<Op>, Box<dyn Error>> {
    let response = server.post(Op::SOAP_ACTION, &request.encode()?)?;
    Ok(Reply::<Op>::decode(&response)?)
}

/// The inbox of the mailbox signed in.
fn inbox() -> NonEmptyArrayOfBaseFolderIdsType {
    let inbox = DistinguishedFolderIdType {
        id: DistinguishedFolderIdNameType::Inbox,
        change_key: None,
        mailbox: None,
    };
    NonEmptyArrayOfBaseFolderIdsType {
        folder_ids: vec![
            non_empty_array_of_base_folder_ids_type::FolderId::DistinguishedFolderId(Box::new(
                inbox,
            )),
        ],
    }
}

/// Properties to ask for beyond a shape's base set.
fn properties(fields: &[UnindexedFieldUriType]) -> NonEmptyArrayOfPathsToElementType {
    let path = |field: &UnindexedFieldUriType| {
        let path = PathToUnindexedFieldType {
            field_uri: field.clone(),
        };
        non_empty_array_of_paths_to_element_type::FieldUri::FieldUri(Box::new(path))
    };
    NonEmptyArrayOfPathsToElementType {
        field_uris: fields.iter().map(path).collect(),
    }
}

/// What the listing shows of an item: its kind, and what every item has.
fn describe(item: &Item) -> (&'static str, Option<&ItemType>) {
    match item {
        Item::Message(AnyMessageType::MessageType(mail)) => ("mail", Some(&mail.item)),
        Item::Message(AnyMessageType::MeetingRequestMessageType(request)) => {
            ("invitation", Some(&request.meeting_message.message.item))
        }
        Item::CalendarItem(appointment) => ("appointment", Some(&appointment.item)),
        Item::Contact(contact) => ("contact", Some(&contact.item)),
        Item::DistributionList(list) => ("group", Some(&list.item)),
        Item::Task(task) => ("task", Some(&task.item)),
        Item::Item(AnyItemType::PostItemType(post)) => ("post", Some(&post.item)),
        _ => ("other", None),
    }
}
