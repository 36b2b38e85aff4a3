//! What the full-schema tests share: reading a fixture, the round trip
//! every one of them goes through, and the headers and messages they
//! expect most often.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::fmt::Debug;

use crate::schema::*;
use ews_um::xml::Payload;
use ews_um::{Envelope, Headers};
use ews_um_tests::{assert_equivalent, fixture};

/// Decodes `tests/fixtures/ews-full/<name>.xml`.
pub fn decode<B: Payload + Debug, H: Headers + Debug>(name: &str) -> Envelope<B, H> {
    let bytes = fixture(&format!("ews-full/{name}.xml"));
    Envelope::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Encodes `decoded` back, checks that it means what the fixture says, and
/// that decoding the encoding gives `decoded` again.
pub fn assert_round_trip<B, H>(name: &str, decoded: &Envelope<B, H>)
where
    B: Payload + PartialEq + Debug,
    H: Headers + PartialEq + Debug,
{
    let original = fixture(&format!("ews-full/{name}.xml"));
    let encoded = decoded
        .encode()
        .unwrap_or_else(|e| panic!("{name}: encoding: {e}"));
    assert_equivalent(&encoded, &original);
    let again = Envelope::<B, H>::decode(&encoded).unwrap_or_else(|e| {
        panic!(
            "{name}: decoding the encoding: {e}\n{}",
            String::from_utf8_lossy(&encoded)
        )
    });
    assert_eq!(&again, decoded, "{name}: round trip");
}

/// The `RequestServerVersion` header asking for `version`.
pub fn requesting(version: ExchangeVersionType) -> Option<RequestServerVersion> {
    Some(RequestServerVersion {
        version,
        any_attribute: vec![],
    })
}

/// The `ServerVersionInfo` header of a server at `major.minor.build.revision`.
pub fn answered_by(version: [i32; 4], name: &str) -> Option<ServerVersionInfo> {
    let [major, minor, build, revision] = version;
    Some(ServerVersionInfo {
        major_version: Some(major),
        minor_version: Some(minor),
        major_build_number: Some(build),
        minor_build_number: Some(revision),
        version: Some(name.into()),
    })
}

/// The Exchange 2016 server that answers most of the fixtures.
pub fn exchange_2016() -> Option<ServerVersionInfo> {
    answered_by([15, 1, 2507, 23], "V2016_10_10")
}

/// A response message saying all went well.
pub fn success() -> ResponseMessageType {
    ResponseMessageType {
        response_class: ResponseClassType::Success,
        message_text: None,
        response_code: Some(ResponseCodeType::NoError),
        descriptive_link_key: None,
        message_xml: None,
    }
}
