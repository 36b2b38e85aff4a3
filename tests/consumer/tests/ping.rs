//! The types generated in build.rs work like the crate's own.

use ews_um::{Envelope, Error, Operation, SOAP_NS};
use ews_um_consumer::ping::{Hop, Ping, PingResponse, Priority};

const NS: &str = "urn:example:ping";

#[test]
fn requests_round_trip_with_attributes_and_optional_elements() {
    let ping = Ping {
        id: "p-1".into(),
        ttl: Some(64),
        target: "example.com".into(),
        count: None,
        priority: Priority::High,
    };
    let bytes = Envelope::new(ping.clone()).encode().unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains(r#"<Ping xmlns="urn:example:ping" id="p-1" ttl="64"><Target>example.com</Target><Priority>high</Priority></Ping>"#), "{text}");
    assert_eq!(Envelope::<Ping>::decode(&bytes).unwrap().body, ping);
    assert_eq!(<Ping as Operation>::SOAP_ACTION, "urn:example:ping/Ping");
}

#[test]
fn responses_decode_repeated_elements_and_numbers() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><PingResponse xmlns="{NS}">
        <Hop index="0"><Host>gw</Host><LatencyMs>1</LatencyMs></Hop>
        <Hop index="1"><Host>example.com</Host><LatencyMs>+12</LatencyMs></Hop>
        <LossRatio>0.25</LossRatio></PingResponse></s:Body></s:Envelope>"#
    );
    let response = Envelope::<PingResponse>::decode(xml.as_bytes())
        .unwrap()
        .body;
    assert_eq!(
        response.hop,
        [
            Hop {
                index: 0,
                host: "gw".into(),
                latency_ms: 1
            },
            Hop {
                index: 1,
                host: "example.com".into(),
                latency_ms: 12
            }
        ]
    );
    assert_eq!(response.loss_ratio, Some(0.25));
    let again = Envelope::new(response.clone()).encode().unwrap();
    assert_eq!(
        Envelope::<PingResponse>::decode(&again).unwrap().body,
        response
    );
}

fn error(xml: &str) -> String {
    match Envelope::<PingResponse>::decode(xml.as_bytes()) {
        Err(Error::Decode(e)) => e.to_string(),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn bad_numbers_and_missing_items_are_located() {
    let envelope = |body: &str| {
        format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body>\n<PingResponse xmlns=\"{NS}\">{body}</PingResponse></s:Body></s:Envelope>"
        )
    };
    assert_eq!(
        error(&envelope(
            "<Hop index=\"0\"><Host>gw</Host><LatencyMs>12ms</LatencyMs></Hop>"
        )),
        "2:70 /Envelope/Body/PingResponse/Hop/LatencyMs: invalid unsignedInt \"12ms\": expected an integer from 0 to 4294967295"
    );
    assert_eq!(
        error(&envelope(
            "<Hop index=\"x\"><Host>gw</Host><LatencyMs>1</LatencyMs></Hop>"
        )),
        "2:40 /Envelope/Body/PingResponse/Hop: attribute index: invalid int \"x\": expected an integer from -2147483648 to 2147483647"
    );
    assert_eq!(
        error(&envelope(
            "<Hop><Host>gw</Host><LatencyMs>1</LatencyMs></Hop>"
        )),
        "2:40 /Envelope/Body/PingResponse/Hop: missing required attribute index"
    );
    assert_eq!(
        error(&envelope("<LossRatio>0.5</LossRatio>")),
        "2:1 /Envelope/Body/PingResponse: element Hop occurs 0 times, expected at least 1"
    );
    assert_eq!(
        error(&envelope(
            "<Hop index=\"0\"><Host>gw</Host><LatencyMs>1</LatencyMs></Hop><LossRatio>half</LossRatio>"
        )),
        "2:100 /Envelope/Body/PingResponse/LossRatio: invalid double \"half\""
    );
}
