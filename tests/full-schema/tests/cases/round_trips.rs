//! Real EWS exchanges, valid against Microsoft's whole schema
//! (`tests/fixtures/ews-full/`), decoded into the types generated from it:
//! each test checks what the message says, field by field, then encodes it
//! back, compares the result with the original by meaning, and decodes the
//! encoding again to the same value.

use crate::common::*;
use crate::schema::*;
use ews_um::Envelope;
use ews_um::xml::Base64;
use ews_um_tests::{decode_error, strict_decode_error};

/// A request, with the version it asks for.
type Request<B> = Envelope<B, Option<RequestServerVersion>>;
/// A response, with the version of the server that answered.
type Response<B> = Envelope<B, Option<ServerVersionInfo>>;

/// The fixtures, each decoded by a test of its own below, in
/// `user_configuration.rs` or in `responses.rs`.
const FIXTURES: [&str; 24] = [
    "create_item_request",
    "create_item_response",
    "create_user_configuration_request",
    "create_user_configuration_response",
    "delete_user_configuration_request",
    "delete_user_configuration_response",
    "find_item_newer_response",
    "find_item_request",
    "find_item_response",
    "get_attachment_response",
    "get_folder_request",
    "get_folder_response",
    "get_item_mixed_response",
    "get_item_newer_response",
    "get_item_request",
    "get_mail_tips_response",
    "get_user_configuration_request",
    "get_user_configuration_response",
    "sync_folder_items_request",
    "sync_folder_items_response",
    "update_item_request",
    "update_item_response",
    "update_user_configuration_busy_response",
    "update_user_configuration_request",
];

// The items and folders that several exchanges refer to.
const INBOX_ID: &str = "AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NAAuAAAAAABS8iZlpgwS0okYXZUO6IE2AQD4uaYahr/vI2/83zHT3zYHQDZKgD3DAAA=";
const BUDGET_MAIL_ID: &str = "AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NABGAAAAAAAAUvImZaYMEtKJGF2VDuiBNgcACRZvaxE9F41sD9OQH/I5oaCV8g+TlQAAZQz5OAuO2yJKaySKHpJOj9CuLhqUkg==";
const MEETING_REQUEST_ID: &str = "AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NABGAAAAAAAAUvImZaYMEtKJGF2VDuiBNgcA0nJIt2Ljq1gF8HZaK5wdfg83xEkhvQAAP2Vk6t9/FCpyZoxH4iPRbt2MR7Rq/A==";
const INGRID_CONTACT_ID: &str = "AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NABGAAAAAAAAUvImZaYMEtKJGF2VDuiBNgcAayrBVybufWsK9qsTw46SyuDRUFexWQAAmH+UzHQR1xfxRXmyqhAPu7NPpZP+rg==";
const OFFSITE_MAIL_ID: &str = "AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NABGAAAAAAAAUvImZaYMEtKJGF2VDuiBNgcAXXkfHdl8/vp3entPFSQav1e9Q3rUsQAAKYQFNPPzh1wlsIvqBsKHTPqk3Rey2A==";

// ---------------------------------------------------------------------------
// Helpers

/// The response messages of a response, one per item or folder asked about.
fn response_messages(
    response: &BaseResponseMessageType,
) -> &[array_of_response_messages_type::ResponseMessage] {
    &response.response_messages.response_messages
}

/// An item id of the plain `ItemIdType` (no `xsi:type`), as `(Id, ChangeKey)`.
fn item_id(id: &AnyItemIdType) -> (&str, Option<&str>) {
    match id {
        AnyItemIdType::ItemIdType(id) => (&id.id, id.change_key.as_deref()),
        other => panic!("expected an ItemIdType, got {other:?}"),
    }
}

/// The id of an item, as [`item_id`].
fn id_of(item: &ItemType) -> (&str, Option<&str>) {
    item_id(item.item_id.as_ref().expect("the item has an ItemId"))
}

/// A folder id as `(Id, ChangeKey)`.
fn folder_id(id: &FolderIdType) -> (&str, Option<&str>) {
    (&id.id, id.change_key.as_deref())
}

/// A mailbox of the plain `EmailAddressType`.
fn mailbox(address: &AnyEmailAddressType) -> &EmailAddressType {
    match address {
        AnyEmailAddressType::EmailAddressType(address) => address,
        other => panic!("expected an EmailAddressType, got {other:?}"),
    }
}

/// The mailbox of a sender, organizer or other single recipient.
fn recipient(recipient: &Option<SingleRecipientType>) -> &EmailAddressType {
    mailbox(&recipient.as_ref().expect("a recipient").mailbox)
}

/// A mailbox's display name and address.
fn name_and_address(mailbox: &EmailAddressType) -> (Option<&str>, Option<&str>) {
    (mailbox.name.as_deref(), mailbox.email_address.as_deref())
}

/// The unindexed properties (`t:FieldURI`) of a list of paths; panics on
/// any other kind of path.
/// Of a member boxed in some modules and not in others (it is larger in
/// the union of versions).
fn field_uris<P: std::borrow::Borrow<NonEmptyArrayOfPathsToElementType>>(
    paths: &Option<P>,
) -> Vec<UnindexedFieldUriType> {
    let paths = paths.as_ref().expect("AdditionalProperties").borrow();
    paths
        .field_uris
        .iter()
        .map(|path| match path {
            non_empty_array_of_paths_to_element_type::FieldUri::FieldUri(path) => {
                path.field_uri.clone()
            }
            other => panic!("expected a FieldURI, got {other:?}"),
        })
        .collect()
}

/// The one property an update changes or deletes (the schema allows a list,
/// and EWS takes exactly one).
fn path_of(change: &ItemChangeDescriptionType) -> &change_description_type::FieldUri {
    match change.change_description.field_uris.as_slice() {
        [path] => path,
        paths => panic!("expected one path, got {paths:?}"),
    }
}

// ---------------------------------------------------------------------------
// Every fixture

#[test]
fn every_fixture_is_covered_and_round_trips_as_any_message() {
    let dir = ews_um_tests::repo_root().join("tests/fixtures/ews-full");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".xml").map(str::to_owned))
        .collect();
    found.sort();
    assert_eq!(
        found, FIXTURES,
        "a fixture was added or removed: give it a test"
    );
    for name in FIXTURES {
        // Whatever the payload, with whichever version header it carries.
        let envelope: Envelope<Message, (Option<RequestServerVersion>, Option<ServerVersionInfo>)> =
            decode(name);
        let (request_version, server_version) = &envelope.header;
        assert_eq!(
            (request_version.is_some(), server_version.is_some()),
            (name.ends_with("request"), !name.ends_with("request")),
            "{name}: the version header"
        );
        assert_round_trip(name, &envelope);
    }
}

// ---------------------------------------------------------------------------
// FindItem

#[test]
fn find_item_request_asks_for_a_page_of_the_inbox_of_another_mailbox() {
    let envelope: Request<FindItem> = decode("find_item_request");
    assert_eq!(
        envelope.header,
        requesting(ExchangeVersionType::Exchange2013Sp1)
    );
    let find = &envelope.body;
    assert_eq!(find.traversal, ItemQueryTraversalType::Shallow);

    let shape = &find.item_shape;
    assert_eq!(shape.base_shape, DefaultShapeNamesType::IdOnly);
    assert_eq!(shape.body_type, None);
    assert_eq!(
        field_uris(&shape.additional_properties),
        [
            UnindexedFieldUriType::ItemSubject,
            UnindexedFieldUriType::ItemDateTimeReceived,
            UnindexedFieldUriType::ItemItemClass,
            UnindexedFieldUriType::MessageFrom,
            UnindexedFieldUriType::MessageIsRead,
        ]
    );

    let Some(find_item_type::View::IndexedPageItemView(view)) = &find.view else {
        panic!("expected an IndexedPageItemView, got {:?}", find.view);
    };
    assert_eq!(view.base_paging.max_entries_returned, Some(25));
    assert_eq!(view.offset, 0);
    assert_eq!(view.base_point, IndexBasePointType::Beginning);
    assert_eq!(find.group_by, None, "no grouping");
    assert_eq!(find.restriction, None);
    assert_eq!(find.sort_order, None);

    let [non_empty_array_of_base_folder_ids_type::FolderId::DistinguishedFolderId(inbox)] =
        find.parent_folder_ids.folder_ids.as_slice()
    else {
        panic!("expected one DistinguishedFolderId");
    };
    assert_eq!(inbox.id, DistinguishedFolderIdNameType::Inbox);
    let owner = mailbox(inbox.mailbox.as_ref().expect("the mailbox searched"));
    assert_eq!(
        name_and_address(owner),
        (None, Some("dana.whitfield@contoso.com"))
    );

    assert_round_trip("find_item_request", &envelope);
}

#[test]
fn find_item_response_holds_items_of_each_concrete_type_including_xsi_typed_ones() {
    let envelope: Response<FindItemResponse> = decode("find_item_response");
    assert_eq!(envelope.header, exchange_2016());
    let [array_of_response_messages_type::ResponseMessage::FindItemResponseMessage(message)] =
        response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected one FindItemResponseMessage");
    };
    assert_eq!(message.response_message, success());

    let root = message.root_folder.as_ref().expect("RootFolder");
    assert_eq!(root.indexed_paging_offset, Some(5));
    assert_eq!(root.total_items_in_view, Some(42));
    assert_eq!(root.includes_last_item_in_range, Some(false));
    assert_eq!(root.numerator_offset, None);
    let find_item_parent_type::ItemsOrGroups::Items(items) = &root.items_or_groups else {
        panic!("expected Items, got {:?}", root.items_or_groups);
    };

    // Five items: each element name picks a type, and `xsi:type` a type
    // derived from that: a meeting request in a `t:Message`, a post (with
    // its own prefix for the types namespace) in a `t:Item`.
    let [
        array_of_real_items_type::Item::Message(AnyMessageType::MessageType(mail)),
        array_of_real_items_type::Item::CalendarItem(appointment),
        array_of_real_items_type::Item::Contact(contact),
        array_of_real_items_type::Item::Message(AnyMessageType::MeetingRequestMessageType(meeting)),
        array_of_real_items_type::Item::Item(AnyItemType::PostItemType(post)),
    ] = items.items.as_slice()
    else {
        panic!("unexpected items: {:#?}", items.items);
    };

    // A plain message.
    assert_eq!(
        id_of(&mail.item),
        (BUDGET_MAIL_ID, Some("CQAAABYAAACOD1OuhIeOe8jGG+KPDg=="))
    );
    assert_eq!(mail.item.item_class.as_deref(), Some("IPM.Note"));
    assert_eq!(
        mail.item.subject.as_deref(),
        Some("Q3 budget review & headcount")
    );
    assert_eq!(
        mail.item.date_time_received.as_deref(),
        Some("2024-03-11T08:42:17Z")
    );
    let sender = recipient(&mail.sender);
    assert_eq!(
        name_and_address(sender),
        (Some("Rui Okafor"), Some("rui.okafor@contoso.com"))
    );
    assert_eq!(sender.routing_type.as_deref(), Some("SMTP"));
    assert_eq!(sender.mailbox_type, None);
    let from = recipient(&mail.from);
    assert_eq!(
        name_and_address(from),
        (Some("Rui Okafor"), Some("rui.okafor@contoso.com"))
    );
    assert_eq!(from.mailbox_type, Some(MailboxTypeType::Mailbox));
    assert_eq!(mail.is_read, Some(false));

    // An appointment.
    assert_eq!(
        id_of(&appointment.item).1,
        Some("DwAAABYAAAA/MEYKxRmBc48HwuTpEA==")
    );
    assert_eq!(
        appointment.item.item_class.as_deref(),
        Some("IPM.Appointment")
    );
    assert_eq!(appointment.item.subject.as_deref(), Some("Dentist"));
    assert_eq!(appointment.start.as_deref(), Some("2024-03-14T13:30:00Z"));
    assert_eq!(appointment.end.as_deref(), Some("2024-03-14T14:15:00Z"));
    assert_eq!(
        appointment.legacy_free_busy_status,
        Some(LegacyFreeBusyType::Oof)
    );
    assert_eq!(
        appointment.location.as_deref(),
        Some("Harbour Street Clinic")
    );
    assert_eq!(appointment.is_meeting, Some(false));
    assert_eq!(
        appointment.calendar_item_type,
        Some(CalendarItemTypeType::Single)
    );
    assert_eq!(
        appointment.my_response_type,
        Some(ResponseTypeType::Organizer)
    );
    assert_eq!(
        name_and_address(recipient(&appointment.organizer)),
        (Some("Dana Whitfield"), None)
    );

    // A contact, with its dictionaries.
    assert_eq!(
        id_of(&contact.item),
        (INGRID_CONTACT_ID, Some("EQAAABYAAABxU5z5gZuDM7FGc4KIzg=="))
    );
    assert_eq!(contact.item.item_class.as_deref(), Some("IPM.Contact"));
    assert_eq!(contact.item.subject.as_deref(), Some("Ingrid Solberg"));
    assert_eq!(contact.file_as.as_deref(), Some("Solberg, Ingrid"));
    assert_eq!(contact.display_name.as_deref(), Some("Ingrid Solberg"));
    assert_eq!(contact.given_name.as_deref(), Some("Ingrid"));
    assert_eq!(contact.surname.as_deref(), Some("Solberg"));
    assert_eq!(contact.company_name.as_deref(), Some("Fabrikam, Inc."));
    assert_eq!(contact.job_title.as_deref(), Some("Procurement Lead"));
    let emails = &contact
        .email_addresses
        .as_ref()
        .expect("EmailAddresses")
        .entry;
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].key, EmailAddressKeyType::EmailAddress1);
    assert_eq!(emails[0].value, "ingrid.solberg@fabrikam.com");
    let phones: Vec<_> = (contact.phone_numbers.as_ref().expect("PhoneNumbers").entry)
        .iter()
        .map(|phone| (phone.key.clone(), phone.value.as_str()))
        .collect();
    assert_eq!(
        phones,
        [
            (PhoneNumberKeyType::BusinessPhone, "+47 22 55 01 87"),
            (PhoneNumberKeyType::MobilePhone, "+47 915 30 442"),
        ]
    );

    // `<t:Message xsi:type="t:MeetingRequestMessageType">`: the members of
    // each base in turn, MessageType's then MeetingMessageType's, then its own.
    let meeting_message = &meeting.meeting_message;
    let message = &meeting_message.message;
    assert_eq!(
        id_of(&message.item),
        (MEETING_REQUEST_ID, Some("CwAAABYAAAB6gfE/soXg4PHtQuyP5A=="))
    );
    assert_eq!(
        message.item.item_class.as_deref(),
        Some("IPM.Schedule.Meeting.Request")
    );
    assert_eq!(message.item.subject.as_deref(), Some("Architecture sync"));
    assert_eq!(
        name_and_address(recipient(&message.from)),
        (Some("Priya Raman"), Some("priya.raman@contoso.com"))
    );
    assert_eq!(message.is_read, Some(true));
    let calendar_item = item_id(
        meeting_message
            .associated_calendar_item_id
            .as_ref()
            .expect("AssociatedCalendarItemId"),
    );
    assert_eq!(calendar_item.1, Some("DwAAABYAAADxM9dyI2ofZHFQEqs9bQ=="));
    assert_eq!(
        meeting_message.response_type,
        Some(ResponseTypeType::NoResponseReceived)
    );
    assert_eq!(
        meeting.meeting_request_type,
        Some(MeetingRequestTypeType::NewMeetingRequest)
    );
    assert_eq!(
        meeting.intended_free_busy_status,
        Some(LegacyFreeBusyType::Busy)
    );
    assert_eq!(meeting.start.as_deref(), Some("2024-03-13T09:00:00Z"));
    assert_eq!(meeting.end.as_deref(), Some("2024-03-13T10:00:00Z"));
    assert_eq!(meeting.location.as_deref(), Some("Building 4 / Room 2.17"));

    // `<t:Item xsi:type="types:PostItemType" xmlns:types="…">`.
    assert_eq!(
        id_of(&post.item).1,
        Some("CQAAABYAAAASNqtNyB/lxifwt6SpXQ==")
    );
    assert_eq!(post.item.item_class.as_deref(), Some("IPM.Post"));
    assert_eq!(
        post.item.subject.as_deref(),
        Some("Cafeteria closed on Friday")
    );
    assert_eq!(
        name_and_address(recipient(&post.from)),
        (Some("Facilities"), Some("facilities@contoso.com"))
    );
    assert_eq!(post.posted_time.as_deref(), Some("2024-03-07T07:58:29Z"));

    assert_round_trip("find_item_response", &envelope);
}

// ---------------------------------------------------------------------------
// GetFolder

#[test]
fn get_folder_request_decodes_as_any_message() {
    let envelope: Request<Message> = decode("get_folder_request");
    assert_eq!(
        envelope.header,
        requesting(ExchangeVersionType::Exchange2016)
    );
    let Message::GetFolder(get_folder) = &envelope.body else {
        panic!("expected GetFolder, got {:?}", envelope.body);
    };
    let shape = &get_folder.folder_shape;
    assert_eq!(shape.base_shape, DefaultShapeNamesType::Default);
    assert_eq!(
        field_uris(&shape.additional_properties),
        [
            UnindexedFieldUriType::FolderFolderClass,
            UnindexedFieldUriType::FolderParentFolderId,
        ]
    );
    let [non_empty_array_of_base_folder_ids_type::FolderId::DistinguishedFolderId(inbox)] =
        get_folder.folder_ids.folder_ids.as_slice()
    else {
        panic!("expected one DistinguishedFolderId");
    };
    assert_eq!(inbox.id, DistinguishedFolderIdNameType::Inbox);
    assert_eq!(inbox.change_key, None);
    assert_eq!(inbox.mailbox, None);

    assert_round_trip("get_folder_request", &envelope);
}

#[test]
fn get_folder_response_describes_the_inbox() {
    let envelope: Response<GetFolderResponse> = decode("get_folder_response");
    assert_eq!(envelope.header, exchange_2016());
    let [array_of_response_messages_type::ResponseMessage::GetFolderResponseMessage(message)] =
        response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected one GetFolderResponseMessage");
    };
    assert_eq!(message.response_message, success());
    let folders = &message.folders.as_ref().expect("Folders").folders;
    let [array_of_folders_type::Folder::Folder(AnyFolderType::FolderType(inbox))] =
        folders.as_slice()
    else {
        panic!("expected one plain Folder, got {folders:?}");
    };
    let base = &inbox.base_folder;
    assert_eq!(
        folder_id(base.folder_id.as_ref().expect("FolderId")),
        (INBOX_ID, Some("AQAAABYAAAD9qtU5KbRu/oNnVmsyWw=="))
    );
    let parent = folder_id(base.parent_folder_id.as_ref().expect("ParentFolderId"));
    assert!(parent.0.ends_with("54Rr0+rgAAA="), "{parent:?}");
    assert_eq!(parent.1, Some("AQAAAA=="));
    assert_eq!(base.folder_class.as_deref(), Some("IPF.Note"));
    assert_eq!(base.display_name.as_deref(), Some("Inbox"));
    assert_eq!(base.total_count, Some(42));
    assert_eq!(base.child_folder_count, Some(3));
    assert_eq!(inbox.unread_count, Some(7));

    assert_round_trip("get_folder_response", &envelope);
}

// ---------------------------------------------------------------------------
// CreateItem

#[test]
fn create_item_request_sends_an_html_message_whose_markup_is_text() {
    let envelope: Request<CreateItem> = decode("create_item_request");
    assert_eq!(
        envelope.header,
        requesting(ExchangeVersionType::Exchange2010Sp2)
    );
    let create = &envelope.body;
    assert_eq!(
        create.message_disposition,
        Some(MessageDispositionType::SendAndSaveCopy)
    );
    assert_eq!(create.send_meeting_invitations, None);
    let Some(AnyTargetFolderIdType::TargetFolderIdType(saved_to)) = &create.saved_item_folder_id
    else {
        panic!("expected a SavedItemFolderId");
    };
    let target_folder_id_type::Id::DistinguishedFolderId(sent_items) = &saved_to.id else {
        panic!("expected a DistinguishedFolderId, got {:?}", saved_to.id);
    };
    assert_eq!(sent_items.id, DistinguishedFolderIdNameType::Sentitems);

    let [non_empty_array_of_all_items_type::Item::Message(AnyMessageType::MessageType(mail))] =
        create.items.items.as_slice()
    else {
        panic!("expected one Message, got {:?}", create.items.items);
    };
    assert_eq!(mail.item.item_id, None, "a new item has no id yet");
    assert_eq!(
        mail.item.subject.as_deref(),
        Some("Offsite agenda (draft 2)")
    );
    // The HTML travels escaped: decoding undoes one level of escaping,
    // leaving the HTML's own references (&amp; &quot; &#8212;) as they are.
    let body = mail.item.body.as_ref().expect("Body");
    assert_eq!(body.body_type, BodyTypeType::Html);
    assert_eq!(body.is_truncated, None);
    assert_eq!(
        body.value,
        "<html><body><p>Hi both,</p><p>The <b>updated agenda</b> is below &amp; attached.</p>\
         <ul><li>09:30 Welcome</li><li>10:00 Roadmap &quot;2025&quot;</li></ul>\
         <p>&#8212; Dana</p></body></html>"
    );
    assert_eq!(mail.item.importance, Some(ImportanceChoicesType::High));
    let to: Vec<_> = (mail.to_recipients.as_ref().expect("ToRecipients").mailbox)
        .iter()
        .map(|to| name_and_address(mailbox(to)))
        .collect();
    assert_eq!(
        to,
        [
            (Some("Rui Okafor"), Some("rui.okafor@contoso.com")),
            (None, Some("ingrid.solberg@fabrikam.com")),
        ]
    );
    assert_eq!(mail.is_read_receipt_requested, Some(false));

    assert_round_trip("create_item_request", &envelope);
}

#[test]
fn create_item_response_succeeds_without_returning_the_sent_item() {
    let envelope: Response<CreateItemResponse> = decode("create_item_response");
    assert_eq!(
        envelope.header,
        answered_by([14, 3, 248, 2], "Exchange2010_SP2")
    );
    let [
        array_of_response_messages_type::ResponseMessage::CreateItemResponseMessage(
            AnyItemInfoResponseMessageType::ItemInfoResponseMessageType(message),
        ),
    ] = response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected one CreateItemResponseMessage");
    };
    assert_eq!(message.response_message, success());
    assert_eq!(message.items.items, [], "<m:Items />");

    assert_round_trip("create_item_response", &envelope);
}

// ---------------------------------------------------------------------------
// UpdateItem

#[test]
fn update_item_request_sets_and_deletes_each_kind_of_property_path() {
    let envelope: Request<UpdateItem> = decode("update_item_request");
    assert_eq!(
        envelope.header,
        requesting(ExchangeVersionType::Exchange2013)
    );
    let update = &envelope.body;
    assert_eq!(
        update.conflict_resolution,
        ConflictResolutionType::AutoResolve
    );
    assert_eq!(
        update.message_disposition,
        Some(MessageDispositionType::SaveOnly)
    );
    assert_eq!(update.send_meeting_invitations_or_cancellations, None);
    assert_eq!(update.saved_item_folder_id, None);
    let [message_change, contact_change] = update.item_changes.item_change.as_slice() else {
        panic!("expected two ItemChanges");
    };

    // The message: its subject set, an extended property set, categories
    // and a property by tag deleted.
    let item_change_type::ItemId::ItemId(id) = &message_change.item_id else {
        panic!("expected an ItemId, got {:?}", message_change.item_id);
    };
    assert_eq!(
        item_id(id),
        (OFFSITE_MAIL_ID, Some("CQAAABYAAAAkQOIj93c4v/MYZeJ8KQ=="))
    );
    let [
        non_empty_array_of_item_change_descriptions_type::ItemField::SetItemField(set_subject),
        non_empty_array_of_item_change_descriptions_type::ItemField::SetItemField(set_ticket),
        non_empty_array_of_item_change_descriptions_type::ItemField::DeleteItemField(
            delete_categories,
        ),
        non_empty_array_of_item_change_descriptions_type::ItemField::DeleteItemField(delete_tagged),
    ] = message_change.updates.item_fields.as_slice()
    else {
        panic!(
            "unexpected updates: {:#?}",
            message_change.updates.item_fields
        );
    };

    let change_description_type::FieldUri::FieldUri(subject_path) =
        path_of(&set_subject.item_change_description)
    else {
        panic!("expected a FieldURI");
    };
    assert_eq!(subject_path.field_uri, UnindexedFieldUriType::ItemSubject);
    let set_item_field_type::Item::Message(AnyMessageType::MessageType(new_subject)) =
        &set_subject.item
    else {
        panic!("expected a Message, got {:?}", set_subject.item);
    };
    assert_eq!(
        new_subject.item.subject.as_deref(),
        Some("Offsite agenda (final)")
    );

    let ticket = PathToExtendedFieldType {
        distinguished_property_set_id: Some(DistinguishedPropertySetType::PublicStrings),
        property_set_id: None,
        property_tag: None,
        property_name: Some("ContosoTicketId".into()),
        property_id: None,
        property_type: MapiPropertyTypeType::String,
    };
    let change_description_type::FieldUri::ExtendedFieldUri(ticket_path) =
        path_of(&set_ticket.item_change_description)
    else {
        panic!("expected an ExtendedFieldURI");
    };
    assert_eq!(**ticket_path, ticket);
    let set_item_field_type::Item::Message(AnyMessageType::MessageType(new_ticket)) =
        &set_ticket.item
    else {
        panic!("expected a Message, got {:?}", set_ticket.item);
    };
    let [property] = new_ticket.item.extended_property.as_slice() else {
        panic!("expected one ExtendedProperty");
    };
    assert_eq!(property.extended_field_uri, ticket);
    assert_eq!(
        property.value_or_values,
        extended_property_type::ValueOrValues::Value("OPS-20417".into())
    );

    let change_description_type::FieldUri::FieldUri(categories) =
        path_of(&delete_categories.item_change_description)
    else {
        panic!("expected a FieldURI");
    };
    assert_eq!(categories.field_uri, UnindexedFieldUriType::ItemCategories);

    assert_eq!(
        *path_of(&delete_tagged.item_change_description),
        change_description_type::FieldUri::ExtendedFieldUri(Box::new(PathToExtendedFieldType {
            distinguished_property_set_id: None,
            property_set_id: None,
            // A union of unsignedShort and a hexadecimal string: the hex form.
            property_tag: Some(PropertyTagType::StringType("0x1090".into())),
            property_name: None,
            property_id: None,
            property_type: MapiPropertyTypeType::Integer,
        }))
    );

    // The contact: an entry of each of two dictionaries, by index.
    let item_change_type::ItemId::ItemId(id) = &contact_change.item_id else {
        panic!("expected an ItemId, got {:?}", contact_change.item_id);
    };
    assert_eq!(
        item_id(id),
        (INGRID_CONTACT_ID, Some("EQAAABYAAABxU5z5gZuDM7FGc4KIzg=="))
    );
    let [
        non_empty_array_of_item_change_descriptions_type::ItemField::SetItemField(set_email),
        non_empty_array_of_item_change_descriptions_type::ItemField::SetItemField(set_phone),
    ] = contact_change.updates.item_fields.as_slice()
    else {
        panic!(
            "unexpected updates: {:#?}",
            contact_change.updates.item_fields
        );
    };

    assert_eq!(
        *path_of(&set_email.item_change_description),
        change_description_type::FieldUri::IndexedFieldUri(Box::new(PathToIndexedFieldType {
            field_uri: DictionaryUriType::ContactsEmailAddress,
            field_index: "EmailAddress2".into(),
        }))
    );
    let set_item_field_type::Item::Contact(new_email) = &set_email.item else {
        panic!("expected a Contact, got {:?}", set_email.item);
    };
    let [email] = new_email
        .email_addresses
        .as_ref()
        .expect("EmailAddresses")
        .entry
        .as_slice()
    else {
        panic!("expected one email address");
    };
    assert_eq!(email.key, EmailAddressKeyType::EmailAddress2);
    assert_eq!(email.value, "ingrid@solberg.example.no");

    assert_eq!(
        *path_of(&set_phone.item_change_description),
        change_description_type::FieldUri::IndexedFieldUri(Box::new(PathToIndexedFieldType {
            field_uri: DictionaryUriType::ContactsPhoneNumber,
            field_index: "MobilePhone".into(),
        }))
    );
    let set_item_field_type::Item::Contact(new_phone) = &set_phone.item else {
        panic!("expected a Contact, got {:?}", set_phone.item);
    };
    let [phone] = new_phone
        .phone_numbers
        .as_ref()
        .expect("PhoneNumbers")
        .entry
        .as_slice()
    else {
        panic!("expected one phone number");
    };
    assert_eq!(phone.key, PhoneNumberKeyType::MobilePhone);
    assert_eq!(phone.value, "+47 915 30 443");

    assert_round_trip("update_item_request", &envelope);
}

#[test]
fn update_item_response_returns_the_new_change_keys_without_conflicts() {
    let envelope: Response<UpdateItemResponse> = decode("update_item_response");
    assert_eq!(
        envelope.header,
        answered_by([15, 0, 1497, 48], "V2016_10_10")
    );
    let [
        array_of_response_messages_type::ResponseMessage::UpdateItemResponseMessage(for_message),
        array_of_response_messages_type::ResponseMessage::UpdateItemResponseMessage(for_contact),
    ] = response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected two UpdateItemResponseMessages");
    };
    for response in [for_message, for_contact] {
        assert_eq!(
            response.item_info_response_message.response_message,
            success()
        );
        assert_eq!(
            response.conflict_results,
            Some(ConflictResultsType { count: 0 })
        );
    }

    let [array_of_real_items_type::Item::Message(AnyMessageType::MessageType(mail))] = for_message
        .item_info_response_message
        .items
        .items
        .as_slice()
    else {
        panic!("expected one Message");
    };
    assert_eq!(
        id_of(&mail.item),
        (OFFSITE_MAIL_ID, Some("CQAAABYAAABRF7hdBFaNdXC0BGJUhA=="))
    );
    assert_eq!(mail.item.subject, None, "only the id comes back");

    let [array_of_real_items_type::Item::Contact(contact)] = for_contact
        .item_info_response_message
        .items
        .items
        .as_slice()
    else {
        panic!("expected one Contact");
    };
    assert_eq!(
        id_of(&contact.item),
        (INGRID_CONTACT_ID, Some("EQAAABYAAACfS4P1EBz868k6+OAaFQ=="))
    );

    assert_round_trip("update_item_response", &envelope);
}

// ---------------------------------------------------------------------------
// SyncFolderItems

#[test]
fn sync_folder_items_request_resumes_from_a_sync_state() {
    let envelope: Request<SyncFolderItems> = decode("sync_folder_items_request");
    assert_eq!(
        envelope.header,
        requesting(ExchangeVersionType::Exchange2013Sp1)
    );
    let sync = &envelope.body;
    assert_eq!(sync.item_shape.base_shape, DefaultShapeNamesType::IdOnly);
    assert_eq!(
        field_uris(&sync.item_shape.additional_properties),
        [
            UnindexedFieldUriType::ItemSubject,
            UnindexedFieldUriType::ItemDateTimeReceived,
            UnindexedFieldUriType::MessageFrom,
            UnindexedFieldUriType::MessageIsRead,
        ]
    );
    let AnyTargetFolderIdType::TargetFolderIdType(folder) = &sync.sync_folder_id else {
        panic!(
            "expected a TargetFolderIdType, got {:?}",
            sync.sync_folder_id
        );
    };
    let target_folder_id_type::Id::FolderId(inbox) = &folder.id else {
        panic!("expected a FolderId, got {:?}", folder.id);
    };
    assert_eq!(
        folder_id(inbox),
        (INBOX_ID, Some("AQAAABYAAAD9qtU5KbRu/oNnVmsyWw=="))
    );
    assert_eq!(
        sync.sync_state.as_deref(),
        Some(
            "H4sIAAAAAAAEAO29B2AcSZYlJi9tynt/SvVK1d2dQmGtuhEQmZ6f3jQ0NQmKZ/rZPpZOvJ5v3u1Hc8T0+gAw=="
        )
    );
    assert_eq!(sync.ignore, None);
    assert_eq!(sync.max_changes_returned, 100);
    assert_eq!(sync.sync_scope, Some(SyncFolderItemsScopeType::NormalItems));

    assert_round_trip("sync_folder_items_request", &envelope);
}

#[test]
fn sync_folder_items_response_reports_each_kind_of_change() {
    let envelope: Response<SyncFolderItemsResponse> = decode("sync_folder_items_response");
    assert_eq!(envelope.header, exchange_2016());
    let [array_of_response_messages_type::ResponseMessage::SyncFolderItemsResponseMessage(message)] =
        response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected one SyncFolderItemsResponseMessage");
    };
    assert_eq!(message.response_message, success());
    let state = message.sync_state.as_deref().expect("SyncState");
    assert!(state.starts_with("H4sIAAAAAAAEAO29B2AcSZYlJi9"), "{state}");
    assert!(state.ends_with("oRHIAAA=="), "{state}");
    assert_eq!(message.includes_last_item_in_range, Some(true));

    let changes = &message.changes.as_ref().expect("Changes").changes;
    let [
        sync_folder_items_changes_type::Changes::Create(created),
        sync_folder_items_changes_type::Changes::Update(updated),
        sync_folder_items_changes_type::Changes::Delete(deleted),
        sync_folder_items_changes_type::Changes::ReadFlagChange(read),
    ] = changes.as_slice()
    else {
        panic!("unexpected changes: {changes:#?}");
    };

    // A new message.
    let sync_folder_items_create_or_update_type::Item::Message(AnyMessageType::MessageType(new)) =
        &created.item
    else {
        panic!("expected a created Message, got {:?}", created.item);
    };
    assert_eq!(id_of(&new.item).1, Some("CQAAABYAAACOD1OuhIeOe8jGG+KPDg=="));
    assert_eq!(
        new.item.subject.as_deref(),
        Some("Your parcel is on its way")
    );
    assert_eq!(
        new.item.date_time_received.as_deref(),
        Some("2024-03-11T09:03:12Z")
    );
    let from = recipient(&new.from);
    assert_eq!(
        name_and_address(from),
        (
            Some("Northwind Deliveries"),
            Some("no-reply@northwind.example")
        )
    );
    assert_eq!(from.mailbox_type, Some(MailboxTypeType::OneOff));
    assert_eq!(new.is_read, Some(false));

    // A changed message: the budget mail, with a new change key.
    let sync_folder_items_create_or_update_type::Item::Message(AnyMessageType::MessageType(
        changed,
    )) = &updated.item
    else {
        panic!("expected an updated Message, got {:?}", updated.item);
    };
    assert_eq!(
        id_of(&changed.item),
        (BUDGET_MAIL_ID, Some("CQAAABYAAAA/MEYKxRmBc48HwuTpEA=="))
    );
    assert_eq!(
        changed.item.subject.as_deref(),
        Some("RE: Q3 budget review & headcount")
    );
    assert_eq!(
        recipient(&changed.from).mailbox_type,
        Some(MailboxTypeType::Mailbox)
    );
    assert_eq!(changed.is_read, Some(true));

    // A deleted item: only its id.
    assert_eq!(
        item_id(&deleted.item_id).1,
        Some("CQAAABYAAAB6gfE/soXg4PHtQuyP5A==")
    );

    // The meeting request, read.
    assert_eq!(
        item_id(&read.item_id),
        (MEETING_REQUEST_ID, Some("CwAAABYAAADxM9dyI2ofZHFQEqs9bQ=="))
    );
    assert!(read.is_read);

    assert_round_trip("sync_folder_items_response", &envelope);
}

// ---------------------------------------------------------------------------
// GetItem

#[test]
fn get_item_request_asks_for_two_items_as_text() {
    let envelope: Request<GetItem> = decode("get_item_request");
    assert_eq!(
        envelope.header,
        requesting(ExchangeVersionType::Exchange2013Sp1)
    );
    let shape = &envelope.body.item_shape;
    assert_eq!(shape.base_shape, DefaultShapeNamesType::Default);
    assert_eq!(shape.body_type, Some(BodyTypeResponseType::Text));
    assert_eq!(
        field_uris(&shape.additional_properties),
        [UnindexedFieldUriType::MessageInternetMessageId]
    );
    let ids: Vec<_> = (envelope.body.item_ids.item_ids.iter())
        .map(|id| match id {
            non_empty_array_of_base_item_ids_type::ItemId::ItemId(id) => item_id(id),
            other => panic!("expected an ItemId, got {other:?}"),
        })
        .collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0], (BUDGET_MAIL_ID, None));
    assert!(ids[1].0.ends_with("J4yMIQUDzA=="), "{ids:?}");
    assert_eq!(ids[1].1, None);

    assert_round_trip("get_item_request", &envelope);
}

#[test]
fn get_item_mixed_response_has_one_success_and_one_error() {
    let envelope: Response<GetItemResponse> = decode("get_item_mixed_response");
    assert_eq!(envelope.header, exchange_2016());
    let [
        array_of_response_messages_type::ResponseMessage::GetItemResponseMessage(
            AnyItemInfoResponseMessageType::ItemInfoResponseMessageType(found),
        ),
        array_of_response_messages_type::ResponseMessage::GetItemResponseMessage(
            AnyItemInfoResponseMessageType::ItemInfoResponseMessageType(missing),
        ),
    ] = response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected two GetItemResponseMessages");
    };

    // The first item was found, with all its default properties.
    assert_eq!(
        found.response_message.response_class,
        ResponseClassType::Success
    );
    assert_eq!(found.response_message, success());
    let [array_of_real_items_type::Item::Message(AnyMessageType::MessageType(mail))] =
        found.items.items.as_slice()
    else {
        panic!("expected one Message, got {:?}", found.items.items);
    };
    let item = &mail.item;
    assert_eq!(
        id_of(item),
        (BUDGET_MAIL_ID, Some("CQAAABYAAAA/MEYKxRmBc48HwuTpEA=="))
    );
    assert_eq!(
        folder_id(item.parent_folder_id.as_ref().expect("ParentFolderId")),
        (INBOX_ID, Some("AQAAAA=="))
    );
    assert_eq!(item.item_class.as_deref(), Some("IPM.Note"));
    assert_eq!(
        item.subject.as_deref(),
        Some("Q3 budget review & headcount")
    );
    assert_eq!(item.sensitivity, Some(SensitivityChoicesType::Normal));
    let body = item.body.as_ref().expect("Body");
    assert_eq!(body.body_type, BodyTypeType::Text);
    assert_eq!(body.is_truncated, Some(false));
    assert_eq!(
        body.value,
        "Hi Dana,\n\nNumbers for Q3 are attached. Headcount stays at 14 <= plan.\n\nRui"
    );
    assert_eq!(
        item.date_time_received.as_deref(),
        Some("2024-03-11T08:42:17Z")
    );
    assert_eq!(item.size, Some(18342));
    assert_eq!(
        item.categories.as_ref().expect("Categories").string,
        ["Finance", "Follow up"]
    );
    assert_eq!(item.importance, Some(ImportanceChoicesType::Normal));
    assert_eq!(item.is_submitted, Some(false));
    assert_eq!(item.is_draft, Some(false));
    assert_eq!(item.date_time_sent.as_deref(), Some("2024-03-11T08:42:09Z"));
    assert_eq!(
        item.date_time_created.as_deref(),
        Some("2024-03-11T08:42:17Z")
    );
    assert_eq!(item.display_to.as_deref(), Some("Dana Whitfield"));
    assert_eq!(item.has_attachments, Some(true));
    assert_eq!(item.culture.as_deref(), Some("en-US"));
    assert_eq!(
        name_and_address(recipient(&mail.sender)),
        (Some("Rui Okafor"), Some("rui.okafor@contoso.com"))
    );
    let [to] = mail
        .to_recipients
        .as_ref()
        .expect("ToRecipients")
        .mailbox
        .as_slice()
    else {
        panic!("expected one recipient");
    };
    let to = mailbox(to);
    assert_eq!(
        name_and_address(to),
        (Some("Dana Whitfield"), Some("dana.whitfield@contoso.com"))
    );
    assert_eq!(to.routing_type.as_deref(), Some("SMTP"));
    assert_eq!(to.mailbox_type, Some(MailboxTypeType::Mailbox));
    assert_eq!(
        mail.internet_message_id.as_deref(),
        Some("<VI1PR08MB5325C0A2F1D3E4B5A6C7D8E9F0@VI1PR08MB5325.eurprd08.prod.contoso.com>")
    );
    assert_eq!(mail.is_read, Some(true));

    // The second was not (its message in the default namespace, not `m:`).
    assert_eq!(
        missing.response_message,
        ResponseMessageType {
            response_class: ResponseClassType::Error,
            message_text: Some("The specified object was not found in the store.".into()),
            response_code: Some(ResponseCodeType::ErrorItemNotFound),
            descriptive_link_key: Some(0),
            message_xml: None,
        }
    );
    assert_eq!(missing.items.items, [], "<Items />");

    assert_round_trip("get_item_mixed_response", &envelope);
}

// ---------------------------------------------------------------------------
// GetAttachment

#[test]
fn get_attachment_response_carries_a_file_as_base64_in_lines() {
    let envelope: Response<GetAttachmentResponse> = decode("get_attachment_response");
    assert_eq!(envelope.header, exchange_2016());
    let [array_of_response_messages_type::ResponseMessage::GetAttachmentResponseMessage(message)] =
        response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected one GetAttachmentResponseMessage");
    };
    assert_eq!(message.response_message, success());
    let [array_of_attachments_type::Attachment::FileAttachment(file)] =
        message.attachments.attachments.as_slice()
    else {
        panic!("expected one FileAttachment: {:?}", message.attachments);
    };
    assert_eq!(file.attachment.name.as_deref(), Some("rollout.csv"));
    assert_eq!(file.attachment.content_type.as_deref(), Some("text/csv"));
    // The bytes, from base64 broken into lines as MIME writes it.
    let content = file.content.as_ref().expect("Content");
    let csv = "Floor,Day,Handsets\r\n1,2024-05-14,42\r\n2,2024-05-15,38\r\n\
               3,2024-05-16,51\r\n4,2024-05-17,29\r\n";
    assert_eq!(content.decoded_len(), csv.len());
    assert_eq!(String::from_utf8(content.decode()).unwrap(), csv);
    assert_eq!(content.as_str().lines().count(), 2, "kept as read");

    assert_round_trip("get_attachment_response", &envelope);
}

// ---------------------------------------------------------------------------
// What Exchange 2013 and later add (which `versions.rs` reads with the types
// of Exchange 2010)

#[test]
fn find_item_newer_response_holds_members_and_kinds_of_items_exchange_2013_added() {
    let envelope: Response<FindItemResponse> = decode("find_item_newer_response");
    assert_eq!(envelope.header, exchange_2016());
    let [array_of_response_messages_type::ResponseMessage::FindItemResponseMessage(message)] =
        response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected one FindItemResponseMessage");
    };
    let root = message.root_folder.as_ref().expect("RootFolder");
    let find_item_parent_type::ItemsOrGroups::Items(items) = &root.items_or_groups else {
        panic!("expected Items, got {:?}", root.items_or_groups);
    };
    let [
        array_of_real_items_type::Item::Message(AnyMessageType::MessageType(mail)),
        array_of_real_items_type::Item::RoleMember(member),
        array_of_real_items_type::Item::Person(person),
        array_of_real_items_type::Item::Item(AnyItemType::AbchPersonItemType(typed)),
    ] = items.items.as_slice()
    else {
        panic!("unexpected items: {:#?}", items.items);
    };

    // A message with what a listing of Exchange 2013 on shows.
    assert_eq!(
        mail.item.instance_key.as_ref().map(Base64::as_str),
        Some("AQAAAAAAAQABAAAAABceEecAAAAA")
    );
    assert_eq!(
        mail.item.preview.as_deref(),
        Some("Handsets arrive on the 14th; each floor gets a morning to swap desk phones.")
    );
    assert_eq!(mail.item.icon_index, Some(IconIndexType::MailRead));
    assert_eq!(
        name_and_address(recipient(&mail.from)),
        (Some("Tomasz Wróbel"), Some("tomasz.wrobel@contoso.com"))
    );

    // The kinds of item Exchange 2013 added, by element name and by
    // `xsi:type`.
    assert_eq!(member.item.item_class.as_deref(), Some("IPM.RoleMember"));
    assert_eq!(
        (
            member.display_name.as_deref(),
            member.type_.clone(),
            member.member_id.as_deref()
        ),
        (
            Some("Front desk"),
            Some(RoleMemberTypeType::Email),
            Some("frontdesk@contoso.com")
        )
    );
    assert_eq!(person.item.subject.as_deref(), Some("Amara Nwosu"));
    assert_eq!(
        person.person_id.as_deref(),
        Some("3f2b8c1e-7d4a-4e59-9b06-2c8e5a1d7f40")
    );
    assert_eq!(person.trust_level, Some(1));
    assert_eq!(typed.item.subject.as_deref(), Some("Lucas Ferreira"));
    assert_eq!(
        typed
            .contact_categories
            .as_ref()
            .map(|c| c.string.as_slice()),
        Some(["Suppliers".to_owned()].as_slice())
    );
    assert_eq!(typed.favorite_order, Some(2));
    assert_round_trip("find_item_newer_response", &envelope);
}

#[test]
fn get_item_newer_response_holds_a_calendar_item_with_what_exchange_2013_added() {
    let envelope: Response<GetItemResponse> = decode("get_item_newer_response");
    let [
        array_of_response_messages_type::ResponseMessage::GetItemResponseMessage(
            AnyItemInfoResponseMessageType::ItemInfoResponseMessageType(found),
        ),
    ] = response_messages(&envelope.body.base_response_message)
    else {
        panic!("expected one GetItemResponseMessage");
    };
    let [array_of_real_items_type::Item::CalendarItem(appointment)] = found.items.items.as_slice()
    else {
        panic!("expected one CalendarItem, got {:?}", found.items.items);
    };
    let item = &appointment.item;
    assert_eq!(item.subject.as_deref(), Some("Phone swap, third floor"));
    assert_eq!(
        item.reminder_next_time.as_deref(),
        Some("2024-05-14T07:45:00Z")
    );
    assert_eq!(item.display_bcc.as_deref(), Some("Facilities"));
    assert_eq!(
        item.flag.as_ref().map(|flag| &flag.flag_status),
        Some(&FlagStatusType::NotFlagged)
    );
    assert_eq!(
        item.effective_rights
            .as_ref()
            .and_then(|rights| rights.view_private_items),
        Some(true)
    );
    assert_eq!(
        item.instance_key.as_ref().map(Base64::as_str),
        Some("AQAAAAAAAQ0BAAAAABceEngAAAAA")
    );
    assert_eq!(
        appointment.start_wall_clock.as_deref(),
        Some("2024-05-14T09:00:00+01:00")
    );
    assert_eq!(
        appointment.start_time_zone_id.as_deref(),
        Some("GMT Standard Time")
    );
    assert_eq!(
        appointment.intended_free_busy_status,
        Some(LegacyFreeBusyType::Busy)
    );
    assert_eq!(appointment.is_organizer, Some(true));
    assert_round_trip("get_item_newer_response", &envelope);
}

// ---------------------------------------------------------------------------
// Bad xsi:type

/// A CreateItem request whose one item is `item`, laid out so that the item
/// starts at 4:1.
fn create_item_with(item: &str) -> String {
    format!(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"\n\
         \x20   xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n\
         \x20   xmlns:m=\"{M_NAMESPACE}\" xmlns:t=\"{T_NAMESPACE}\"><s:Body><m:CreateItem><m:Items>\n\
         {item}</m:Items></m:CreateItem></s:Body></s:Envelope>"
    )
}

#[test]
fn an_xsi_type_not_derived_from_the_declared_type_is_refused() {
    // A well-formed item of the right shape still decodes.
    let post =
        create_item_with("<t:Item xsi:type=\"t:PostItemType\"><t:Subject>ok</t:Subject></t:Item>");
    let envelope = Envelope::<CreateItem>::decode(post.as_bytes()).unwrap();
    assert!(matches!(
        envelope.body.items.items.as_slice(),
        [non_empty_array_of_all_items_type::Item::Item(
            AnyItemType::PostItemType(_)
        )]
    ));

    // A folder is no item: an error when strict; forward-compatible
    // decoding reads a type the enum of items does not know as an item.
    let folder = create_item_with("<t:Item xsi:type=\"t:FolderType\"/>");
    let read = Envelope::<CreateItem>::decode(folder.as_bytes()).unwrap();
    assert!(matches!(
        read.body.items.items.as_slice(),
        [non_empty_array_of_all_items_type::Item::Item(AnyItemType::Unknown(unknown))]
            if unknown.name == "FolderType"
    ));
    assert_eq!(
        strict_decode_error::<CreateItem, ()>(&folder),
        format!(
            "4:1 /Envelope/Body/CreateItem/Items/Item: \
             xsi:type {{{T_NAMESPACE}}}FolderType is not ItemType or a type derived from it"
        )
    );

    // A post is an item, but no message: derivation is from the type the
    // element declares.
    let post_as_message = create_item_with("<t:Message xsi:type=\"t:PostItemType\"/>");
    assert_eq!(
        strict_decode_error::<CreateItem, ()>(&post_as_message),
        format!(
            "4:1 /Envelope/Body/CreateItem/Items/Message: \
             xsi:type {{{T_NAMESPACE}}}PostItemType is not MessageType or a type derived from it"
        )
    );
}

#[test]
fn an_xsi_type_with_an_undeclared_prefix_is_refused() {
    let xml = create_item_with("<t:Item xsi:type=\"types:PostItemType\"/>");
    assert_eq!(
        decode_error::<CreateItem, ()>(&xml),
        "4:1 /Envelope/Body/CreateItem/Items/Item: \
         prefix \"types\" of \"types:PostItemType\" is not declared"
    );
}
