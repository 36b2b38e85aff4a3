//! The baselines are honest: every decoder reads the same information from
//! the same bytes, and every encoder writes a request that means the same.

use ews_um_bench::{find_item, get_attachment, get_item, microsoft, sync_folder_items};

#[test]
fn every_variant_reads_and_writes_the_same_information() {
    ews_um_bench::report::check_baselines();
}

#[test]
fn the_find_item_message_holds_200_items_of_the_fixture() {
    let xml = find_item::find_item_response(200);
    match find_item::decode_and_count(&xml) {
        Some(count) => assert_eq!(count, 200),
        None => eprintln!("{}", microsoft::SKIPPED),
    }
    // The fixture's own five items come first, in order.
    let text = String::from_utf8(xml).unwrap();
    assert_eq!(text.matches("<t:CalendarItem>").count(), 40);
}

#[test]
fn the_get_item_message_holds_100_messages_with_html_bodies() {
    let xml = get_item::get_item_response(100);
    if let Some(count) = get_item::decode_and_count(&xml) {
        assert_eq!(count, 100);
    }
    let text = String::from_utf8(xml).unwrap();
    assert_eq!(text.matches("<t:Body BodyType=\"HTML\"").count(), 100);
    // Each body is the escaped HTML, a few KB of it.
    let body = get_item::html_body();
    assert!((3_000..6_000).contains(&body.len()), "{}", body.len());
    assert!(text.contains("&lt;html&gt;"));
    assert!(!text.contains("<html>"));
}

#[test]
fn the_sync_folder_items_message_holds_1000_changes_of_each_kind() {
    let xml = sync_folder_items::sync_folder_items_response(1000);
    if let Some(count) = sync_folder_items::decode_and_count(&xml) {
        assert_eq!(count, 1000);
    }
    let text = String::from_utf8(xml).unwrap();
    for change in ["Create", "Update", "Delete", "ReadFlagChange"] {
        assert_eq!(text.matches(&format!("<t:{change}>")).count(), 250);
    }
}

#[test]
fn the_get_attachment_message_carries_10_mib_in_base64_lines() {
    let xml = get_attachment::get_attachment_response();
    let text = std::str::from_utf8(&xml).unwrap();
    let start = text.find("<t:Content>").unwrap() + "<t:Content>".len();
    let end = text.find("</t:Content>").unwrap();
    let content = &text[start..end];
    let bytes = get_attachment::ATTACHMENT_BYTES;
    assert_eq!(content.len(), get_attachment::base64_lines_len(bytes));
    assert!(
        content
            .split_terminator("\r\n")
            .all(|line| line.len() <= 76)
    );
    if let Some(length) = get_attachment::decode_and_measure(&xml) {
        assert_eq!(length, bytes);
    }
}

/// The checks fail when a decoder reads less than the message holds.
#[test]
#[should_panic(expected = "items")]
fn the_check_fails_on_an_item_short() {
    let xml = get_item::get_item_response(99);
    ews_um_bench::report::check_get_item(&xml, 100);
}

#[test]
#[should_panic(expected = "changes")]
fn the_check_fails_on_a_change_short() {
    let xml = sync_folder_items::sync_folder_items_response(999);
    ews_um_bench::report::check_sync_folder_items(&xml, 1000);
}

#[test]
fn the_check_fails_on_a_line_short_of_the_attachment() {
    let bytes = get_attachment::ATTACHMENT_BYTES;
    let mut content = get_attachment::base64_lines(&get_attachment::attachment(bytes));
    // The first line, 76 characters and CRLF: still base64, 57 bytes short.
    content.drain(..78);
    let xml = get_attachment::response_with(&content);
    let check = std::panic::catch_unwind(|| {
        ews_um_bench::report::check_get_attachment(&xml, bytes);
    });
    // Without Microsoft's schema there is no decoder to check.
    if get_attachment::decode_and_measure(&xml).is_some() {
        assert!(check.is_err(), "a truncated attachment passed the check");
    }
}
