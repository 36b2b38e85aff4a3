//! A module generated from three versions of the shop's schema: it reads
//! and writes the messages of each version, and checks a request against
//! a version, naming the first member or value that version lacks.

mod common;

use common::round_trip;
use ews_um::Operation;
use ews_um::xml::{Item, VersionError};
use ews_um_consumer::shop::*;

const NS: &str = "urn:example:shop";

/// A 2019 order: a customer, a line of two, a fax number, by post.
const ORDER_2019: &str = r#"<PlaceOrder xmlns="urn:example:shop" Id="o-1">
  <Customer>Ana</Customer><Priority>Low</Priority>
  <Line><Sku>tea</Sku><Quantity>2</Quantity></Line>
  <FaxNumber>+1 555 0100</FaxNumber><Post>Main St 1</Post></PlaceOrder>"#;

/// A 2023 order: an account, a line without quantity, a gift, a pickup point.
const ORDER_2023: &str = r#"<PlaceOrder xmlns="urn:example:shop" Id="o-2" Channel="web">
  <Account>acct-7</Account><Priority>Urgent</Priority>
  <Line><Sku>mug</Sku></Line><Note>fragile</Note>
  <GiftWrap>true</GiftWrap><PickupPoint>Station</PickupPoint></PlaceOrder>"#;

/// The order `body` holds, after checking that it reads back as itself.
fn order(body: &str) -> Order {
    round_trip(body)
}

/// What a check found lacking: path, item, since, until.
type Lacks = (String, String, Option<&'static str>, Option<&'static str>);

fn lacks(result: Result<(), VersionError>) -> Lacks {
    match result {
        Err(VersionError::Lacks {
            path,
            item,
            since,
            until,
            ..
        }) => (path, item.to_string(), since, until),
        other => panic!("expected a missing item, got {other:?}"),
    }
}

#[test]
fn the_messages_of_the_oldest_and_newest_versions_both_read_and_write_back() {
    let old = order(ORDER_2019);
    assert_eq!(old.customer.as_deref(), Some("Ana"));
    assert_eq!(old.fax_number.as_deref(), Some("+1 555 0100"));
    assert_eq!(old.line[0].as_ref().quantity, Some(2));
    assert!(matches!(
        old.post_or_courier_or_pickup_point,
        Some(order::PostOrCourierOrPickupPoint::Post(_))
    ));

    let new = order(ORDER_2023);
    assert_eq!(new.customer, None);
    assert_eq!(
        new.customer_or_account,
        Some(order::CustomerOrAccount::Account("acct-7".into()))
    );
    assert_eq!(
        (new.priority, new.gift_wrap),
        (Some(Priority::Urgent), Some(true))
    );
    assert_eq!(new.line[0].as_ref().quantity, None, "optional since 2023");
}

#[test]
fn each_message_passes_the_versions_that_have_all_it_holds() {
    let old = order(ORDER_2019);
    VERSIONS.check(&old, "Shop2019").unwrap();
    VERSIONS.check(&old, "Shop2021").unwrap();
    let new = order(ORDER_2023);
    VERSIONS.check(&new, "Shop2023").unwrap();
}

#[test]
fn an_element_a_version_removed_is_named_with_the_last_that_had_it() {
    let (path, item, since, until) = lacks(VERSIONS.check(&order(ORDER_2019), "Shop2023"));
    assert_eq!(path, "/PlaceOrder/FaxNumber");
    assert_eq!(item, "element FaxNumber");
    assert_eq!((since, until), (None, Some("Shop2021")));
    assert_eq!(
        VERSIONS
            .check(&order(ORDER_2019), "Shop2023")
            .unwrap_err()
            .to_string(),
        "/PlaceOrder/FaxNumber: Shop2023 has no element FaxNumber (it was removed after Shop2021)"
    );
}

#[test]
fn the_first_thing_an_older_version_lacks_is_named_in_document_order() {
    let new = order(ORDER_2023);
    // The attribute comes before every element.
    let (path, item, since, _) = lacks(VERSIONS.check(&new, "Shop2019"));
    assert_eq!(
        (path.as_str(), item.as_str()),
        ("/PlaceOrder/@Channel", "attribute Channel")
    );
    assert_eq!(since, Some("Shop2021"));

    let mut new = new;
    new.channel = None;
    let (path, item, ..) = lacks(VERSIONS.check(&new, "Shop2019"));
    assert_eq!(
        (path.as_str(), item.as_str()),
        ("/PlaceOrder/Account", "element Account")
    );

    new.customer_or_account = Some(order::CustomerOrAccount::Customer("Ana".into()));
    let (path, item, since, _) = lacks(VERSIONS.check(&new, "Shop2019"));
    assert_eq!(path, "/PlaceOrder/Priority");
    assert_eq!(
        (item.as_str(), since),
        ("value \"Urgent\"", Some("Shop2021"))
    );

    new.priority = Some(Priority::Normal);
    let (path, ..) = lacks(VERSIONS.check(&new, "Shop2019"));
    assert_eq!(path, "/PlaceOrder/Note");
    new.note = None;
    let (path, _, since, _) = lacks(VERSIONS.check(&new, "Shop2021"));
    assert_eq!(
        (path.as_str(), since),
        ("/PlaceOrder/GiftWrap", Some("Shop2023"))
    );
    new.gift_wrap = None;
    let (path, item, ..) = lacks(VERSIONS.check(&new, "Shop2021"));
    assert_eq!(
        (path.as_str(), item.as_str()),
        ("/PlaceOrder/PickupPoint", "element PickupPoint")
    );
    new.post_or_courier_or_pickup_point = None;
    VERSIONS.check(&new, "Shop2019").unwrap();
}

#[test]
fn an_element_a_version_left_out_is_refused_for_that_version_only() {
    let mut order = order(ORDER_2019);
    order.fax_number = None;
    order.coupon = Some("SAVE5".into());
    VERSIONS.check(&order, "Shop2019").unwrap();
    VERSIONS.check(&order, "Shop2023").unwrap();
    let error = VERSIONS.check(&order, "Shop2021").unwrap_err();
    assert_eq!(
        error.to_string(),
        "/PlaceOrder/Coupon: Shop2021 has no element Coupon (it was left out of Shop2021)"
    );
    let VersionError::Lacks { item, .. } = error else {
        panic!("expected a missing item");
    };
    assert_eq!(item, Item::Element("Coupon".into()));
}

#[test]
fn a_derived_type_added_later_is_named_with_its_xsi_type() {
    let body = format!(
        r#"<PlaceOrder xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Id="o-4">
        <Customer>Cy</Customer>
        <Line xsi:type="GiftLine"><Sku>pen</Sku><Quantity>1</Quantity><Message>Congrats</Message></Line>
        </PlaceOrder>"#
    );
    let gift = order(&body);
    assert!(matches!(&gift.line[0], AnyLine::GiftLine(line) if line.message == "Congrats"));
    let (path, item, since, _) = lacks(VERSIONS.check(&gift, "Shop2019"));
    assert_eq!(path, "/PlaceOrder/Line/@xsi:type");
    assert_eq!((item.as_str(), since), ("type GiftLine", Some("Shop2021")));
    VERSIONS.check(&gift, "Shop2021").unwrap();
}

#[test]
fn an_element_moved_into_a_choice_is_in_every_version_whichever_member_holds_it() {
    // 2019 declares Customer alone, later versions in a choice with Account.
    let mut order = order(ORDER_2019);
    order.fax_number = None;
    for version in VERSIONS.names {
        VERSIONS.check(&order, version).unwrap();
    }
    order.customer = None;
    order.customer_or_account = Some(order::CustomerOrAccount::Customer("Ana".into()));
    for version in VERSIONS.names {
        VERSIONS.check(&order, version).unwrap();
    }
}

#[test]
fn an_operation_added_later_is_refused_as_a_whole() {
    let track = TrackOrder("o-1".into());
    let (path, item, since, _) = lacks(VERSIONS.check(&track, "Shop2019"));
    assert_eq!(
        (path.as_str(), item.as_str()),
        ("/TrackOrder", "element TrackOrder")
    );
    assert_eq!(since, Some("Shop2021"));
    VERSIONS.check(&track, "Shop2021").unwrap();
    assert_eq!(
        <TrackOrder as Operation>::SOAP_ACTION,
        "urn:example:shop/TrackOrder"
    );
    // Any message, as the enum of them all.
    let message = Message::TrackOrder(track);
    assert!(VERSIONS.check(&message, "Shop2019").is_err());
    VERSIONS
        .check(&Message::CancelOrder(CancelOrder("o-1".into())), "Shop2019")
        .unwrap();
}

#[test]
fn a_member_some_versions_lack_is_optional_in_the_union() {
    // GiftWrap is required in 2023 but absent before: a 2021 order has none.
    let body = format!(
        r#"<PlaceOrder xmlns="{NS}" Id="o-3"><Customer>Bo</Customer><Line><Sku>x</Sku><Quantity>1</Quantity></Line></PlaceOrder>"#
    );
    assert_eq!(order(&body).gift_wrap, None);
}

#[test]
fn a_version_the_module_does_not_have_is_refused_with_those_it_has() {
    let error = VERSIONS.check(&order(ORDER_2019), "Shop2025").unwrap_err();
    assert_eq!(
        error.to_string(),
        "\"Shop2025\" is not a version of this module (it knows Shop2019, Shop2021, Shop2023)"
    );
    assert_eq!(VERSIONS.version("Shop2021"), Some(versions::SHOP2021));
    assert_eq!(VERSIONS.name(versions::SHOP2023), Some("Shop2023"));
    let track = TrackOrder("o-1".into());
    assert!(VERSIONS.check_version(&track, versions::SHOP2019).is_err());
    VERSIONS.check_version(&track, versions::SHOP2021).unwrap();
}
