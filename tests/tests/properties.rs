//! Properties of every value of the checked-in modules' types, generated
//! (through `arbitrary`) from random bytes: each either encodes, decodes
//! back equal and encodes again to the same bytes, or is refused at encode
//! with the path of the member XML cannot carry. Both outcomes must be
//! seen often, or the test says so.

use std::cell::Cell;
use std::fmt::Debug;

use arbitrary::{Arbitrary, Unstructured};
use ews_um::xml::Payload;
use ews_um::{Envelope, Error, Fault, Headers, ews, um};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Bytes for `arbitrary` to build values from: mostly printable, so that
/// most strings are ones XML can carry; sometimes anything.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(prop_oneof![6 => 0x20u8..0x7f, 1 => any::<u8>()], 0..1024)
}

/// Why encoding may refuse a value: each names something XML cannot carry
/// or decoding would not give back.
const REFUSALS: [&str; 8] = [
    "cannot be written in XML",
    "cannot be written as a kept attribute",
    "an empty value cannot be written",
    "reading drops the white space at its ends",
    "is a listed value, not an unlisted one",
    "is not an XML name",
    "detail text of white space only does not read back",
    "would read back as the typed entry it is",
];

/// What became of one value.
enum Outcome {
    /// It encoded, and decoded back to itself.
    RoundTrip,
    /// Encoding refused it, for one of the [`REFUSALS`].
    Refused,
    /// The bytes did not make a value.
    None,
}

/// Runs `property` over `cases` values built from random bytes, and checks
/// that both outcomes happen: a property that only ever refuses, or never
/// refuses, tests half of what it says.
fn check(what: &str, property: impl Fn(&mut Unstructured) -> Result<Outcome, TestCaseError>) {
    let cases = 3000;
    let (round_trips, refused) = (Cell::new(0), Cell::new(0));
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&bytes(), |bytes| {
            match property(&mut Unstructured::new(&bytes))? {
                Outcome::RoundTrip => round_trips.set(round_trips.get() + 1),
                Outcome::Refused => refused.set(refused.get() + 1),
                Outcome::None => {}
            }
            Ok(())
        })
        .unwrap();
    let (round_trips, refused) = (round_trips.get(), refused.get());
    eprintln!("{what}: {round_trips} encoded, {refused} refused of {cases}");
    assert!(
        round_trips >= cases / 4,
        "{what}: only {round_trips} of {cases} values encoded"
    );
    assert!(refused >= 1, "{what}: no value was refused in {cases}");
}

/// A refusal names the member, and a reason of [`REFUSALS`].
fn refusal(error: Error) -> Result<Outcome, TestCaseError> {
    let Error::Encode(e) = error else {
        return Err(TestCaseError::fail(format!("not an encode error: {error}")));
    };
    prop_assert!(e.path.starts_with("/Envelope/"), "no member named: {}", e);
    prop_assert!(
        REFUSALS.iter().any(|why| e.message.contains(why)),
        "refused for another reason: {}",
        e
    );
    Ok(Outcome::Refused)
}

/// The property for envelopes of `B` with headers `H`.
fn round_trip<B, H>(u: &mut Unstructured) -> Result<Outcome, TestCaseError>
where
    B: Payload + PartialEq + Debug + for<'a> Arbitrary<'a>,
    H: Headers + PartialEq + Debug + for<'a> Arbitrary<'a>,
{
    let (Ok(header), Ok(body)) = (H::arbitrary(u), B::arbitrary(u)) else {
        return Ok(Outcome::None);
    };
    let envelope = Envelope::with_header(header, body);
    let xml = match envelope.encode() {
        Ok(xml) => xml,
        Err(error) => return refusal(error),
    };
    let text = String::from_utf8_lossy(&xml);
    let again =
        Envelope::<B, H>::decode(&xml).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    prop_assert_eq!(&again, &envelope, "{}", text);
    prop_assert_eq!(again.encode().ok(), Some(xml), "encodes to other bytes");
    Ok(Outcome::RoundTrip)
}

#[test]
fn every_um_message_encodes_and_decodes_back_or_is_refused() {
    check("um", round_trip::<um::Message, ()>);
}

#[test]
fn every_ews_message_with_headers_encodes_and_decodes_back_or_is_refused() {
    check(
        "ews requests",
        round_trip::<ews::Message, ews::PlayOnPhoneHeaders>,
    );
    check(
        "ews responses",
        round_trip::<ews::Message, ews::ServerVersionInfoHeaders>,
    );
}

#[test]
fn every_fault_encodes_and_decodes_back_or_is_refused() {
    check("faults", |u| {
        let Ok(fault) = Fault::arbitrary(u) else {
            return Ok(Outcome::None);
        };
        let xml = match Envelope::new(fault.clone()).encode() {
            Ok(xml) => xml,
            Err(error) => return refusal(error),
        };
        let text = String::from_utf8_lossy(&xml);
        match Envelope::<um::Message>::decode(&xml) {
            Err(Error::Fault(again)) => prop_assert_eq!(*again, fault, "{}", text),
            other => prop_assert!(false, "read back as {:?}\n{}", other, text),
        }
        Ok(Outcome::RoundTrip)
    });
}

/// What XML cannot carry is refused, naming the member: never written as
/// bytes that do not decode.
#[test]
fn values_xml_cannot_carry_are_refused_with_their_path() {
    let play = |dial_string: &str| {
        Envelope::new(um::PlayOnPhone {
            entry_id: "e".into(),
            dial_string: dial_string.into(),
        })
        .encode()
        .map_err(|e| e.to_string())
    };
    assert_eq!(
        play("12\u{1}3"),
        Err(
            "/Envelope/Body/PlayOnPhone/dialString: character U+0001 cannot be written in XML"
                .into()
        )
    );
    assert_eq!(
        play("\u{FFFF}"),
        Err(
            "/Envelope/Body/PlayOnPhone/dialString: character U+FFFF cannot be written in XML"
                .into()
        )
    );
    assert!(play("tab\tline\nreturn\r\u{10FFFF}").is_ok());

    let version = |name: &str| {
        Envelope::with_header(
            ews::PlayOnPhoneHeaders {
                request_server_version: Some(ews::RequestServerVersion {
                    version: ews::ExchangeVersionType::Exchange2010,
                    any_attribute: vec![ews_um::xml::AnyAttribute {
                        namespace: String::new(),
                        name: name.into(),
                        value: "v".into(),
                    }],
                }),
                ..Default::default()
            },
            ews::PlayOnPhone {
                item_id: ews::ItemIdType {
                    id: "AAMk".into(),
                    change_key: None,
                },
                dial_string: "1".into(),
            },
        )
        .encode()
        .map_err(|e| e.to_string())
    };
    assert_eq!(
        version("1a"),
        Err(
            "/Envelope/Header/RequestServerVersion: \"1a\" cannot be written as a kept attribute"
                .into()
        )
    );
    assert!(version("Audit").is_ok());
}
