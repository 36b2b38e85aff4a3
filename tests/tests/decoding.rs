//! What decoding accepts: any prefixes, declarations anywhere, comments,
//! CDATA, references, a byte-order mark, CRLF; enumeration values the
//! schema does not list; faults as typed values.

use ews_um::fault::{FaultDetail, QualifiedName};
use ews_um::um::*;
use ews_um::xml::RawXml;
use ews_um::{Envelope, Error, Fault, SOAP_NS};
use ews_um_tests::{assert_equivalent, fixture};

const M: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

fn call_info(xml: &str) -> UmCallInfo {
    let envelope = Envelope::<GetCallInfoResponse>::decode(xml.as_bytes())
        .unwrap_or_else(|e| panic!("{e}\n{xml}"));
    envelope.body.get_call_info_response
}

const CONNECTED: UmCallInfo = UmCallInfo {
    call_state: UmCallState::Connected,
    event_cause: UmEventCause::None,
};

#[test]
fn prefixes_are_the_senders_choice() {
    // A prefix for the payload declared on the root.
    let prefixed = format!(
        r#"<env:Envelope xmlns:env="{SOAP_NS}" xmlns:um="{M}"><env:Body>
        <um:GetCallInfoResponse><um:GetCallInfoResponse>
        <um:CallState>Connected</um:CallState><um:EventCause>None</um:EventCause>
        </um:GetCallInfoResponse></um:GetCallInfoResponse></env:Body></env:Envelope>"#
    );
    assert_eq!(call_info(&prefixed), CONNECTED);

    // The envelope in the default namespace, then the payload's namespace
    // declared element by element, and a prefix bound again deeper down.
    let mixed = format!(
        r#"<Envelope xmlns="{SOAP_NS}"><Body>
        <p:GetCallInfoResponse xmlns:p="{M}"><GetCallInfoResponse xmlns="{M}">
        <p:CallState xmlns:p="{M}">Connected</p:CallState>
        <q:EventCause xmlns:q="{M}" xmlns:p="urn:elsewhere">None</q:EventCause>
        </GetCallInfoResponse></p:GetCallInfoResponse></Body></Envelope>"#
    );
    assert_eq!(call_info(&mixed), CONNECTED);
}

#[test]
fn comments_cdata_references_bom_and_crlf_are_read_through() {
    let xml = format!(
        "\u{feff}<?xml version=\"1.0\"?>\r\n<!-- before -->\r\n<s:Envelope xmlns:s=\"{SOAP_NS}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\r\n\
         <s:Body><!-- a comment --><?pi data?>\r\n<GetCallInfo xmlns=\"{M}\">\r\n\
         <CallId>a&amp;b&#x43;<![CDATA[<raw>]]>&lt;\r\nline</CallId>\r\n</GetCallInfo></s:Body></s:Envelope>\r\n<!-- after -->"
    );
    let envelope = Envelope::<GetCallInfo>::decode(xml.as_bytes()).unwrap();
    assert_eq!(envelope.body.call_id, "a&bC<raw><\nline");

    let entity_in_enum = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><GetCallInfoResponse xmlns="{M}"><GetCallInfoResponse>
        <CallState>&#67;onnected</CallState><EventCause> None </EventCause>
        </GetCallInfoResponse></GetCallInfoResponse></s:Body></s:Envelope>"#
    );
    assert_eq!(call_info(&entity_in_enum), CONNECTED);
}

#[test]
fn enumerations_keep_values_the_schema_does_not_list() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><GetCallInfoResponse xmlns="{M}"><GetCallInfoResponse>
        <CallState>OnHold</CallState><EventCause>Unavailable</EventCause>
        </GetCallInfoResponse></GetCallInfoResponse></s:Body></s:Envelope>"#
    );
    let info = call_info(&xml);
    assert_eq!(info.call_state, UmCallState::Unknown("OnHold".into()));
    assert_eq!(
        info.event_cause,
        UmEventCause::Unknown("Unavailable".into())
    );
    assert_eq!(info.event_cause.as_str(), "Unavailable");

    let encoded = Envelope::new(GetCallInfoResponse {
        get_call_info_response: info.clone(),
    })
    .encode()
    .unwrap();
    assert_equivalent(&encoded, xml.as_bytes());
    assert_eq!(call_info(std::str::from_utf8(&encoded).unwrap()), info);

    // JSON carries the text as it is.
    let json = serde_json::to_string(&info).unwrap();
    assert_eq!(
        json,
        r#"{"call_state":"OnHold","event_cause":"Unavailable"}"#
    );
    assert_eq!(serde_json::from_str::<UmCallInfo>(&json).unwrap(), info);
}

#[test]
fn booleans_take_every_lexical_form() {
    for (text, value) in [
        ("true", true),
        ("1", true),
        ("false", false),
        ("0", false),
        (" 1\n", true),
    ] {
        let xml = format!(
            r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><SetOofStatus xmlns="{M}"><status>{text}</status></SetOofStatus></s:Body></s:Envelope>"#
        );
        let envelope = Envelope::<SetOofStatus>::decode(xml.as_bytes()).unwrap();
        assert_eq!(envelope.body.status, value, "{text:?}");
    }
}

#[test]
fn unknown_header_entries_are_skipped() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Header>
        <x:Trace xmlns:x="urn:example:trace" s:mustUnderstand="0"><x:Hop><x:Hop/></x:Hop></x:Trace>
        <y:Note xmlns:y="urn:example:note">hi</y:Note>
        </s:Header><s:Body><ResetPINResponse xmlns="{M}"/></s:Body></s:Envelope>"#
    );
    assert_eq!(
        Envelope::<ResetPinResponse>::decode(xml.as_bytes())
            .unwrap()
            .body,
        ResetPinResponse
    );
}

#[test]
fn a_fault_is_a_typed_error_that_encodes_back() {
    let bytes = fixture("um/fault_reset_pin.xml");
    let Err(Error::Fault(fault)) = Envelope::<ResetPinResponse>::decode(&bytes) else {
        panic!("expected a fault");
    };
    let expected = Fault {
        code: QualifiedName {
            namespace: SOAP_NS.into(),
            name: "Server".into(),
        },
        string: "The PIN could not be reset.".into(),
        lang: Some("en-US".into()),
        actor: Some("https://mail.example.com/EWS/UM2007Legacy.asmx".into()),
        // An entry Exchange does not define is kept as written, with the
        // declarations it relies on.
        detail: Some(FaultDetail {
            other: vec![RawXml {
                namespaces: vec![
                    (String::new(), String::new()),
                    ("e".into(), "urn:example:um-faults".into()),
                ],
                xml: "<e:Reason>Mailbox not enabled for UM</e:Reason>".into(),
            }],
            ..FaultDetail::default()
        }),
    };
    assert_eq!(*fault, expected);
    assert_eq!(fault.code.to_string(), format!("{{{SOAP_NS}}}Server"));

    let encoded = Envelope::new(*fault).encode().unwrap();
    assert_equivalent(&encoded, &bytes);
    let Err(Error::Fault(again)) = Envelope::<Message>::decode(&encoded) else {
        panic!("expected a fault")
    };
    assert_eq!(*again, expected);
}

#[test]
fn fault_codes_resolve_their_prefix_where_they_stand() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><s:Fault>
        <faultcode xmlns:a="urn:example:codes">a:ErrorInvalidCallId</faultcode>
        <faultstring>bad id</faultstring></s:Fault></s:Body></s:Envelope>"#
    );
    let Err(Error::Fault(fault)) = Envelope::<GetCallInfoResponse>::decode(xml.as_bytes()) else {
        panic!()
    };
    assert_eq!(
        fault.code,
        QualifiedName {
            namespace: "urn:example:codes".into(),
            name: "ErrorInvalidCallId".into()
        }
    );
    assert_eq!(
        (&fault.lang, &fault.actor, &fault.detail),
        (&None, &None, &None)
    );
    // The encoder picks its own prefix for the code's namespace.
    let encoded = Envelope::new((*fault).clone()).encode().unwrap();
    let text = String::from_utf8(encoded).unwrap();
    assert!(
        text.contains(r#"<faultcode xmlns:c="urn:example:codes">c:ErrorInvalidCallId</faultcode>"#),
        "{text}"
    );
    let Err(Error::Fault(again)) = Envelope::<Message>::decode(text.as_bytes()) else {
        panic!()
    };
    assert_eq!(again, fault);
}

#[test]
fn deep_nesting_in_skipped_content_is_refused_without_recursion() {
    let depth = 200_000;
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Header><h>{}{}</h></s:Header><s:Body><ResetPIN xmlns="{M}"/></s:Body></s:Envelope>"#,
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let Err(Error::Decode(error)) = Envelope::<ResetPin>::decode(xml.as_bytes()) else {
        panic!("expected an error")
    };
    assert_eq!(error.message, "elements nested deeper than 128");
}
