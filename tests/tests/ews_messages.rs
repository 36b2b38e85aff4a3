//! The EWS Unified Messaging exchanges: the three operations with their
//! version headers, an error response and an Exchange fault, decoded with
//! every field checked, encoded back equivalently, and round-tripped.

use std::fmt::Debug;

use ews_um::ews::*;
use ews_um::fault::{FaultDetail, QualifiedName};
use ews_um::xml::{AnyAttribute, Payload, RawXml};
use ews_um::{
    Envelope, Error, Fault, Headers, Reply, Request, Response, ResponseError, ResponseMessage,
    SOAP_NS,
};
use ews_um_tests::{assert_equivalent, assert_operation, decode_error, decode_failure, fixture};

/// The headers of the documented requests, filled by name: the three
/// operations take the same set.
fn request_headers() -> PlayOnPhoneHeaders {
    PlayOnPhoneHeaders {
        request_server_version: Some(RequestServerVersion {
            version: ExchangeVersionType::Exchange2010,
            any_attribute: vec![],
        }),
        ..Default::default()
    }
}

/// The headers of the documented responses.
fn response_headers() -> ServerVersionInfoHeaders {
    ServerVersionInfoHeaders {
        server_version_info: Some(ServerVersionInfo {
            major_version: Some(14),
            minor_version: Some(0),
            major_build_number: Some(639),
            minor_build_number: Some(20),
            version: Some("Exchange2010".into()),
        }),
    }
}

fn success() -> ResponseMessageType {
    ResponseMessageType {
        response_class: ResponseClassType::Success,
        message_text: None,
        response_code: Some(ResponseCodeType::NoError),
        descriptive_link_key: None,
        message_xml: None,
    }
}

/// Decodes the fixture, expecting `expected`; encodes it and compares;
/// decodes the encoding again.
fn check<B, H>(name: &str, expected: Envelope<B, H>)
where
    B: Payload + PartialEq + Debug,
    H: Headers + PartialEq + Debug,
{
    let bytes = fixture(&format!("ews/{name}.xml"));
    let decoded = Envelope::<B, H>::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(decoded, expected, "{name}");
    let encoded = expected.encode().unwrap();
    assert_equivalent(&encoded, &bytes);
    assert_eq!(
        Envelope::<B, H>::decode(&encoded).unwrap(),
        decoded,
        "{name}: round trip"
    );
}

#[test]
fn play_on_phone() {
    assert_operation::<PlayOnPhone>("PlayOnPhone");
    let request = PlayOnPhone {
        item_id: ItemIdType {
            id: "AkAjzQTbY/i=".into(),
            change_key: None,
        },
        dial_string: "5555551212".into(),
    };
    check(
        "play_on_phone_request",
        Request::<PlayOnPhone>::with_header(request_headers(), request),
    );
    let response = PlayOnPhoneResponse {
        response_message: success(),
        phone_call_id: Some(PhoneCallIdType {
            id: "ZWMtWYtMY29t".into(),
        }),
    };
    check(
        "play_on_phone_response",
        Reply::<PlayOnPhone>::with_header(response_headers(), response),
    );
}

#[test]
fn get_phone_call_information() {
    assert_operation::<GetPhoneCallInformation>("GetPhoneCallInformation");
    let request = GetPhoneCallInformation {
        phone_call_id: PhoneCallIdType {
            id: "NDDY5uY29y9t".into(),
        },
    };
    check(
        "get_phone_call_information_request",
        Request::<GetPhoneCallInformation>::with_header(request_headers(), request),
    );
    // Default namespaces, prefixes declared where used and bound again.
    let response = GetPhoneCallInformationResponse {
        response_message: success(),
        phone_call_information: Some(Box::new(PhoneCallInformationType {
            phone_call_state: PhoneCallStateType::Connected,
            connection_failure_cause: ConnectionFailureCauseType::None,
            sip_response_text: None,
            sip_response_code: None,
        })),
    };
    check(
        "get_phone_call_information_response",
        Reply::<GetPhoneCallInformation>::with_header(response_headers(), response),
    );
}

#[test]
fn disconnect_phone_call() {
    assert_operation::<DisconnectPhoneCall>("DisconnectPhoneCall");
    let request = DisconnectPhoneCall {
        phone_call_id: PhoneCallIdType {
            id: "OWVl4NWb3N29t".into(),
        },
    };
    check(
        "disconnect_phone_call_request",
        Request::<DisconnectPhoneCall>::with_header(request_headers(), request),
    );
    let response = DisconnectPhoneCallResponse {
        response_message: success(),
    };
    check(
        "disconnect_phone_call_response",
        Reply::<DisconnectPhoneCall>::with_header(response_headers(), response),
    );
    assert_eq!(
        response_headers()
            .server_version_info
            .and_then(|h| h.version)
            .as_deref(),
        Some("Exchange2010")
    );
}

#[test]
fn an_error_response_becomes_a_rust_error() {
    let message = ResponseMessageType {
        response_class: ResponseClassType::Error,
        message_text: Some("The phone call ID isn't valid.".into()),
        response_code: Some(ResponseCodeType::ErrorInvalidPhoneCallId),
        descriptive_link_key: Some(0),
        message_xml: None,
    };
    let response = GetPhoneCallInformationResponse {
        response_message: message,
        phone_call_information: None,
    };
    check(
        "error_invalid_phone_call_id_response",
        Reply::<GetPhoneCallInformation>::with_header(response_headers(), response.clone()),
    );

    let error = response.response_message.check().unwrap_err();
    assert_eq!(
        *error,
        ResponseError {
            code: Some(ResponseCodeType::ErrorInvalidPhoneCallId),
            text: Some("The phone call ID isn't valid.".into()),
            details: None,
            back_off: None,
        }
    );
    assert_eq!(
        error.to_string(),
        "ErrorInvalidPhoneCallId: The phone call ID isn't valid."
    );
    let as_crate_error: Error = error.into();
    assert!(matches!(as_crate_error, Error::Response(_)));
    assert!(success().check().is_ok());
    // The response as a whole: it is its one message, whose outcome is
    // checked.
    assert_eq!(response.messages().collect::<Vec<_>>(), [&response]);
    assert_eq!(
        response.outcomes().collect::<Vec<_>>(),
        [&response.response_message]
    );
    assert!(response.check().is_err());
}

/// Exchange throttles with `ErrorServerBusy`, and says in `MessageXml` how
/// long to wait.
#[test]
fn a_busy_server_says_how_long_to_back_off() {
    let busy = |value: &str| {
        format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body>\
             <m:DisconnectPhoneCallResponse ResponseClass=\"Error\" xmlns:m=\"{M_NAMESPACE}\" xmlns:t=\"{T_NAMESPACE}\">\
             <m:MessageText>The server cannot service this request right now. Try again later.</m:MessageText>\
             <m:ResponseCode>ErrorServerBusy</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>\
             <m:MessageXml>{value}</m:MessageXml></m:DisconnectPhoneCallResponse></s:Body></s:Envelope>"
        )
    };
    let xml = busy("<t:Value Name=\"BackOffMilliseconds\">297749</t:Value>");
    let reply = Envelope::<DisconnectPhoneCallResponse>::decode(xml.as_bytes()).unwrap();
    let message = &reply.body.response_message;
    assert_eq!(
        message.back_off(),
        Some(std::time::Duration::from_millis(297_749))
    );
    let error = reply.body.check().unwrap_err();
    assert_eq!(error.code, Some(ResponseCodeType::ErrorServerBusy));
    assert_eq!(
        error.back_off,
        Some(std::time::Duration::from_millis(297_749))
    );
    assert_eq!(error.details.as_ref().map(|d| d.any.len()), Some(1));
    // Another value, or another error, asks for no back-off.
    let other = busy("<t:Value Name=\"Other\">1</t:Value>");
    let reply = Envelope::<DisconnectPhoneCallResponse>::decode(other.as_bytes()).unwrap();
    assert_eq!(reply.body.response_message.back_off(), None);
    let not_busy = xml.replace("ErrorServerBusy", "ErrorInternalServerError");
    let reply = Envelope::<DisconnectPhoneCallResponse>::decode(not_busy.as_bytes()).unwrap();
    assert_eq!(reply.body.response_message.back_off(), None);
}

#[test]
fn an_exchange_fault_decodes_to_typed_values() {
    let bytes = fixture("ews/fault_schema_validation.xml");
    let Err(Error::Fault(fault)) =
        Envelope::<GetPhoneCallInformationResponse, Option<ServerVersionInfo>>::decode(&bytes)
    else {
        panic!("expected a fault");
    };
    assert_eq!(
        fault.code,
        QualifiedName {
            namespace: T_NAMESPACE.into(),
            name: "ErrorSchemaValidation".into()
        }
    );
    assert_eq!(
        fault.string,
        "The request failed schema validation: The 'Id' attribute is not declared."
    );
    assert_eq!(fault.lang.as_deref(), Some("en-US"));
    assert_eq!(fault.actor, None);
    let detail = fault.detail.clone().unwrap();
    assert_eq!(
        detail,
        FaultDetail {
            response_code: Some(ResponseCodeType::ErrorSchemaValidation),
            message: Some("The request failed schema validation.".into()),
            message_xml: Some(MessageXml {
                any: [
                    "<t:LineNumber>9</t:LineNumber>",
                    "<t:LinePosition>23</t:LinePosition>",
                    "<t:Violation>The 'Id' attribute is not declared.</t:Violation>"
                ]
                .map(|xml| RawXml {
                    namespaces: vec![
                        (String::new(), String::new()),
                        ("t".into(), T_NAMESPACE.into())
                    ],
                    xml: xml.into()
                })
                .into(),
            }),
            other: vec![],
            text: String::new(),
        }
    );
    let encoded = Envelope::new(*fault.clone()).encode().unwrap();
    assert_equivalent(&encoded, &bytes);
    let Err(Error::Fault(again)) = Envelope::<Message>::decode(&encoded) else {
        panic!("expected a fault")
    };
    assert_eq!(again, fault);
}

/// The headers the service description declares for an operation, as a
/// set the caller fills by name; each is decoded into its own field,
/// whatever the order, and encoded back.
#[test]
fn an_operation_takes_its_headers_by_name() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}" xmlns:t="{T_NAMESPACE}" xmlns:m="{M_NAMESPACE}"><s:Header>
        <t:MailboxCulture>en-GB</t:MailboxCulture>
        <t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>alice@example.com</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>
        <t:RequestServerVersion Version="Exchange2010_SP1"/></s:Header>
        <s:Body><m:DisconnectPhoneCall><m:PhoneCallId Id="x"/></m:DisconnectPhoneCall></s:Body></s:Envelope>"#
    );
    let request = Request::<DisconnectPhoneCall>::decode(xml.as_bytes()).unwrap();
    let headers = request.header.clone();
    assert_eq!(
        headers.request_server_version.map(|v| v.version),
        Some(ExchangeVersionType::Exchange2010Sp1)
    );
    assert_eq!(
        headers.mailbox_culture.map(|c| c.value).as_deref(),
        Some("en-GB")
    );
    let impersonation = headers.exchange_impersonation.unwrap();
    assert_eq!(
        impersonation.connecting_sid.connecting_sid,
        connecting_sid_type::ConnectingSid::PrimarySmtpAddress(Box::new(PrimarySmtpAddressType {
            value: "alice@example.com".into()
        }))
    );
    let encoded = request.encode().unwrap();
    assert_eq!(
        Request::<DisconnectPhoneCall>::decode(&encoded).unwrap(),
        request
    );
    // Headers left at their default are not written.
    let with_culture_only = Request::<DisconnectPhoneCall>::with_header(
        DisconnectPhoneCallHeaders {
            mailbox_culture: Some(MailboxCultureType {
                any_attribute: vec![],
                value: "de-DE".into(),
            }),
            ..Default::default()
        },
        request.body,
    );
    let encoded = String::from_utf8(with_culture_only.encode().unwrap()).unwrap();
    assert!(encoded.contains("de-DE</"), "{encoded}");
    assert!(!encoded.contains("RequestServerVersion"), "{encoded}");
}

#[test]
fn soap_attributes_on_a_known_header_are_kept() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}" xmlns:t="{T_NAMESPACE}" xmlns:m="{M_NAMESPACE}"><s:Header>
        <t:RequestServerVersion Version="V2016_10_10" s:mustUnderstand="1"/></s:Header>
        <s:Body><m:DisconnectPhoneCall><m:PhoneCallId Id="x"/></m:DisconnectPhoneCall></s:Body></s:Envelope>"#
    );
    let envelope =
        Envelope::<DisconnectPhoneCall, Option<RequestServerVersion>>::decode(xml.as_bytes())
            .unwrap();
    let header = envelope.header.clone().unwrap();
    assert_eq!(header.version, ExchangeVersionType::V2016_10_10);
    assert_eq!(
        header.any_attribute,
        [AnyAttribute {
            namespace: SOAP_NS.into(),
            name: "mustUnderstand".into(),
            value: "1".into()
        }]
    );
    let encoded = envelope.encode().unwrap();
    assert_equivalent(&encoded, xml.as_bytes());
}

#[test]
fn enumerations_keep_values_newer_servers_send() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><GetPhoneCallInformationResponse ResponseClass="Success" xmlns="{M_NAMESPACE}">
        <ResponseCode>ErrorFromTheFuture</ResponseCode><PhoneCallInformation>
        <PhoneCallState xmlns="{T_NAMESPACE}">OnHold</PhoneCallState>
        <ConnectionFailureCause xmlns="{T_NAMESPACE}">Unavailable</ConnectionFailureCause>
        <SIPResponseText xmlns="{T_NAMESPACE}">Busy Here</SIPResponseText>
        <SIPResponseCode xmlns="{T_NAMESPACE}">486</SIPResponseCode>
        </PhoneCallInformation></GetPhoneCallInformationResponse></s:Body></s:Envelope>"#
    );
    let response = Envelope::<GetPhoneCallInformationResponse>::decode(xml.as_bytes())
        .unwrap()
        .body;
    assert_eq!(
        response.response_message.response_code,
        Some(ResponseCodeType::Unknown("ErrorFromTheFuture".into()))
    );
    let info = response.phone_call_information.unwrap();
    assert_eq!(
        info.phone_call_state,
        PhoneCallStateType::Unknown("OnHold".into())
    );
    assert_eq!(
        info.connection_failure_cause,
        ConnectionFailureCauseType::Unavailable
    );
    assert_eq!(
        (info.sip_response_text.as_deref(), info.sip_response_code),
        (Some("Busy Here"), Some(486))
    );
}

#[test]
fn bad_ews_input_is_located() {
    let response = |attrs: &str, inner: &str| {
        format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body>\n<GetPhoneCallInformationResponse{attrs} xmlns=\"{M_NAMESPACE}\">\n\
             <PhoneCallInformation><PhoneCallState xmlns=\"{T_NAMESPACE}\">Connected</PhoneCallState>\
             <ConnectionFailureCause xmlns=\"{T_NAMESPACE}\">None</ConnectionFailureCause>{inner}</PhoneCallInformation>\n\
             </GetPhoneCallInformationResponse></s:Body></s:Envelope>"
        )
    };
    let sip = format!("<SIPResponseCode xmlns=\"{T_NAMESPACE}\">four-eighty-six</SIPResponseCode>");
    assert_eq!(
        decode_error::<GetPhoneCallInformationResponse, ()>(&response(
            " ResponseClass=\"Success\"",
            &sip
        )),
        "3:250 /Envelope/Body/GetPhoneCallInformationResponse/PhoneCallInformation/SIPResponseCode: \
         invalid int \"four-eighty-six\": expected an integer from -2147483648 to 2147483647"
    );
    assert_eq!(
        decode_error::<GetPhoneCallInformationResponse, ()>(&response("", "")),
        "2:1 /Envelope/Body/GetPhoneCallInformationResponse: missing required attribute ResponseClass"
    );

    let unknown_header = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Header>\n  <x:Audit xmlns:x=\"urn:example:audit\" s:mustUnderstand=\"true\"/>\n\
         </s:Header><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Success\" xmlns=\"{M_NAMESPACE}\"/></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<DisconnectPhoneCallResponse, Option<ServerVersionInfo>>(&unknown_header),
        "2:3 /Envelope/Header/Audit: header entry {urn:example:audit}Audit must be understood, and is not known"
    );
}

#[test]
fn kept_xml_must_be_sound_to_be_kept() {
    let response = |kept: &str| {
        format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Error\" xmlns=\"{M_NAMESPACE}\">\
             <MessageXml>{kept}</MessageXml></DisconnectPhoneCallResponse></s:Body></s:Envelope>"
        )
    };
    for (kept, problem) in [
        ("<x>&bogus;</x>", "unknown entity &bogus;"),
        ("<x><p:y/></x>", "namespace prefix \"p\" is not declared"),
        ("<x q:a=\"1\"/>", "attribute prefix \"q\" is not declared"),
        ("<x>&#1;</x>", "character U+0001 is not allowed in XML"),
    ] {
        let error = decode_error::<DisconnectPhoneCallResponse, ()>(&response(kept));
        assert!(error.ends_with(problem), "{kept}: {error}");
    }

    // Kept without a default namespace, it keeps meaning "no namespace".
    let xml = response("<Value Name=\"x\">1</Value>");
    let decoded = Envelope::<DisconnectPhoneCallResponse>::decode(xml.as_bytes()).unwrap();
    let encoded = decoded.encode().unwrap();
    assert_equivalent(&encoded, xml.as_bytes());
    assert_eq!(
        Envelope::<DisconnectPhoneCallResponse>::decode(&encoded).unwrap(),
        decoded
    );
}

#[test]
fn a_fault_with_an_unexpected_detail_is_still_a_fault() {
    let fault = |detail: &str| {
        format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>boom</faultstring>\
             <detail>{detail}</detail></s:Fault></s:Body></s:Envelope>"
        )
    };
    for detail in [
        "Stack trace: at Exchange.Ews.Process()",
        "<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\"><b>ErrorX</b></e:ResponseCode>",
        "<e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">one</e:Message>\
         <e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">two</e:Message>",
    ] {
        let xml = fault(detail);
        let Err(Error::Fault(decoded)) =
            Envelope::<DisconnectPhoneCallResponse>::decode(xml.as_bytes())
        else {
            panic!("{detail}: expected a fault");
        };
        let encoded = Envelope::new((*decoded).clone()).encode().unwrap();
        assert_equivalent(&encoded, xml.as_bytes());
        let Err(Error::Fault(again)) = Envelope::<DisconnectPhoneCallResponse>::decode(&encoded)
        else {
            panic!()
        };
        assert_eq!(again, decoded, "{detail}");
    }
}

/// Kept XML means the same whatever order the declarations in scope were
/// written in: decoding what its own encoding wrote gives it back.
#[test]
fn kept_xml_under_several_prefixes_decodes_back_to_itself() {
    const T: &str = "http://schemas.microsoft.com/exchange/services/2006/types";
    for ancestor in [
        format!("xmlns:t=\"{T}\" xmlns=\"{M_NAMESPACE}\" xmlns:x=\"urn:example:x\""),
        format!("xmlns=\"{M_NAMESPACE}\" xmlns:x=\"urn:example:x\" xmlns:t=\"{T}\""),
    ] {
        let xml = format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Error\" {ancestor}>\
             <MessageXml><t:Value Name=\"BackOffMilliseconds\">500</t:Value><x:Note t:Kind=\"a\">b</x:Note><Plain/></MessageXml>\
             </DisconnectPhoneCallResponse></s:Body></s:Envelope>"
        );
        let decoded = Envelope::<DisconnectPhoneCallResponse>::decode(xml.as_bytes()).unwrap();
        let encoded = decoded.encode().unwrap();
        assert_equivalent(&encoded, xml.as_bytes());
        let again = Envelope::<DisconnectPhoneCallResponse>::decode(&encoded).unwrap();
        assert_eq!(again, decoded, "{}", String::from_utf8_lossy(&encoded));
    }
}

/// Found by fuzzing: a prefix that stands in kept text (or in an attribute
/// value other than `xsi:type`) is not a use of the prefix, so writing the
/// envelope under another SOAP prefix does not change what is kept.
#[test]
fn kept_text_that_looks_like_a_prefix_is_not_one() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Error\" xmlns=\"{M_NAMESPACE}\">\
         <MessageXml><V a=\"soap:z\">soap:y</V></MessageXml></DisconnectPhoneCallResponse></s:Body></s:Envelope>"
    );
    let decoded = Envelope::<DisconnectPhoneCallResponse>::decode(xml.as_bytes()).unwrap();
    let encoded = decoded.encode().unwrap();
    assert!(String::from_utf8_lossy(&encoded).contains("<soap:Envelope"));
    let again = Envelope::<DisconnectPhoneCallResponse>::decode(&encoded).unwrap();
    assert_eq!(again, decoded, "{}", String::from_utf8_lossy(&encoded));
    let kept = &again
        .body
        .response_message
        .message_xml
        .as_ref()
        .unwrap()
        .any[0];
    assert_eq!(kept.namespaces, [("".into(), M_NAMESPACE.into())]);

    // A declaration the kept element makes inside itself stays there, even
    // where an outer one binds the same prefix after encoding.
    let xml = xml.replace(
        "<V a=\"soap:z\">soap:y</V>",
        &format!("<V><soap:W xmlns:soap=\"{SOAP_NS}\"/></V>"),
    );
    let decoded = Envelope::<DisconnectPhoneCallResponse>::decode(xml.as_bytes()).unwrap();
    let again =
        Envelope::<DisconnectPhoneCallResponse>::decode(&decoded.encode().unwrap()).unwrap();
    assert_eq!(again, decoded);
}

/// Found by fuzzing: two attributes that are one through prefixes bound to
/// one namespace are not namespace-well-formed, and could not be written
/// back as two.
#[test]
fn one_attribute_named_through_two_prefixes_is_refused() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Header>\n<t:RequestServerVersion xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\" \
         xmlns:a=\"urn:x\" xmlns:b=\"urn:x\" Version=\"Exchange2010\" a:n=\"1\" b:n=\"2\"/>\
         </s:Header><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Success\" xmlns=\"{M_NAMESPACE}\"/></s:Body></s:Envelope>"
    );
    let error = decode_failure::<DisconnectPhoneCallResponse, Option<RequestServerVersion>>(&xml);
    assert_eq!(error.kind, ews_um::DecodeErrorKind::Namespace);
    assert_eq!(
        error.to_string(),
        "2:1 /Envelope/Header/RequestServerVersion: malformed XML: attributes a:n and b:n are both {urn:x}n"
    );
    // Bound to two namespaces, they are two attributes, both kept.
    let two = xml.replace("xmlns:b=\"urn:x\"", "xmlns:b=\"urn:y\"");
    let decoded = Envelope::<DisconnectPhoneCallResponse, Option<RequestServerVersion>>::decode(
        two.as_bytes(),
    )
    .unwrap();
    assert_eq!(decoded.header.unwrap().any_attribute.len(), 2);
}

/// What is not well-formed is refused when read, so that whatever decodes
/// can be written back.
#[test]
fn names_that_are_not_xml_names_are_refused() {
    let with = |attribute: &str| {
        format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Header>\n<t:RequestServerVersion xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\" Version=\"Exchange2010\" {attribute}/>\
             </s:Header><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Success\" xmlns=\"{M_NAMESPACE}\"/></s:Body></s:Envelope>"
        )
    };
    for (attribute, name) in [
        ("1a=\"v\"", "\"1a\""),
        ("a:b:c=\"v\"", "\"a:b:c\""),
        ("-x=\"v\"", "\"-x\""),
    ] {
        assert_eq!(
            decode_error::<DisconnectPhoneCallResponse, Option<RequestServerVersion>>(&with(
                attribute
            )),
            format!(
                "2:1 /Envelope/Header/RequestServerVersion: malformed XML: attribute name {name} is not an XML name"
            )
        );
    }
    // A name quick-xml takes as a name, but XML does not.
    let element = with("").replace("<s:Body>", "<s:Body><1a/>");
    assert!(
        decode_error::<DisconnectPhoneCallResponse, ()>(&element)
            .ends_with("element name \"1a\" is not an XML name"),
        "{}",
        decode_error::<DisconnectPhoneCallResponse, ()>(&element)
    );
}

/// Found by review: kept attributes in one namespace share one declared
/// prefix, so that what decodes is written within the attributes decoding
/// takes; a value with more is refused at encode.
#[test]
fn kept_attributes_stay_within_what_decoding_takes() {
    let attributes: String = (0..130).map(|i| format!(" a:n{i}=\"\"")).collect();
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Header><t:RequestServerVersion xmlns:t=\"{T_NAMESPACE}\" xmlns:a=\"urn:a\" Version=\"Exchange2010\"{attributes}/>\
         </s:Header><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Success\" xmlns=\"{M_NAMESPACE}\"/></s:Body></s:Envelope>"
    );
    type Read = Envelope<DisconnectPhoneCallResponse, Option<RequestServerVersion>>;
    let decoded = Read::decode(xml.as_bytes()).unwrap();
    let encoded = decoded.encode().unwrap();
    assert_eq!(Read::decode(&encoded).unwrap(), decoded);

    let mut too_many = decoded.clone();
    let header = too_many.header.as_mut().unwrap();
    header.any_attribute = (0..300)
        .map(|i| AnyAttribute {
            namespace: String::new(),
            name: format!("n{i}"),
            value: String::new(),
        })
        .collect();
    assert_eq!(
        too_many.encode().unwrap_err().to_string(),
        "/Envelope/Header/RequestServerVersion: more than 256 attributes, which decoding refuses"
    );
}

/// Found by review: what a fault can hold that decoding would read
/// otherwise is refused at encode, naming the fault.
#[test]
fn fault_values_that_would_not_read_back_are_refused() {
    let fault = |code: &str, detail: FaultDetail| {
        Envelope::new(Fault {
            code: QualifiedName {
                namespace: SOAP_NS.into(),
                name: code.into(),
            },
            string: "x".into(),
            lang: None,
            actor: None,
            detail: Some(detail),
        })
        .encode()
        .map_err(|e| e.to_string())
    };
    assert!(fault("Server", FaultDetail::default()).is_ok());
    assert_eq!(
        fault(" Server", FaultDetail::default()),
        Err("/Envelope/Body/Fault/faultcode: fault code \" Server\" is not an XML name".into())
    );
    let blank = FaultDetail {
        text: "  ".into(),
        ..Default::default()
    };
    assert_eq!(
        fault("Server", blank),
        Err(
            "/Envelope/Body/Fault/detail: detail text of white space only does not read back"
                .into()
        )
    );
    let message = RawXml::from_parts(
        &[(
            "e".into(),
            "http://schemas.microsoft.com/exchange/services/2006/errors".into(),
        )],
        "<e:Message>typed</e:Message>",
    )
    .unwrap();
    let kept = FaultDetail {
        other: vec![message],
        ..Default::default()
    };
    assert!(
        fault("Server", kept)
            .unwrap_err()
            .contains("would read back as the typed entry it is")
    );

    // Kept XML nested so deep that, written here, decoding would refuse it.
    let deep = format!("{}{}", "<x>".repeat(127), "</x>".repeat(127));
    let nested = FaultDetail {
        other: vec![RawXml::from_parts(&[], &deep).unwrap()],
        ..Default::default()
    };
    let error = fault("Server", nested).unwrap_err();
    assert!(
        error.contains("nested 127 deep here, past the 128 levels decoding takes"),
        "{error}"
    );
}

/// Kept XML built from parts is kept as decoding keeps it, and what is not
/// a prefix is refused.
#[test]
fn kept_xml_from_parts_is_as_decoding_keeps_it() {
    let ns = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(p, n)| (p.to_string(), n.to_string()))
            .collect()
    };
    let kept =
        RawXml::from_parts(&ns(&[("t", "urn:t"), ("u", "urn:u")]), " <t:V>u:x</t:V>").unwrap();
    assert_eq!(kept.namespaces, ns(&[("", ""), ("t", "urn:t")]));
    assert_eq!(kept.xml, "<t:V>u:x</t:V>");
    for bad in [
        ns(&[("p=\"urn:a\" xmlns:q", "urn:b")]),
        ns(&[("t", "urn:t"), ("t", "urn:u")]),
    ] {
        assert!(RawXml::from_parts(&bad, "<t:V/>").is_err(), "{bad:?}");
    }
    assert!(RawXml::from_parts(&[], "<a/><b/>").is_err());
    assert!(RawXml::from_parts(&[], "text").is_err());
}

/// A namespace name holding white space that attribute normalisation
/// changes (`&#10;`) is written back as a reference, so kept XML under it
/// reads back the same.
#[test]
fn kept_xml_under_a_namespace_with_a_line_break_reads_back() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><DisconnectPhoneCallResponse ResponseClass=\"Error\" xmlns=\"{M_NAMESPACE}\">\
         <MessageXml><p:V xmlns:p=\"urn:a&#10;b\"/></MessageXml></DisconnectPhoneCallResponse></s:Body></s:Envelope>"
    );
    let decoded = Envelope::<DisconnectPhoneCallResponse>::decode(xml.as_bytes()).unwrap();
    let again =
        Envelope::<DisconnectPhoneCallResponse>::decode(&decoded.encode().unwrap()).unwrap();
    assert_eq!(again, decoded);
}
