//! Bad input is an error, never a panic: each names the line, the column and
//! the element path.

use ews_um::um::*;
use ews_um::{DecodeErrorKind, Envelope, Error, SOAP_NS};
use ews_um_tests::{decode_error, decode_failure, strict_decode_failure};

const M: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

/// A GetCallInfo response whose inner element holds `inner`, laid out so
/// that the inner `GetCallInfoResponse` starts at 3:9.
fn call_info_response(inner: &str) -> String {
    format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\">\n  <s:Body>\n    <GetCallInfoResponse xmlns=\"{M}\">\n\
         <GetCallInfoResponse>{inner}</GetCallInfoResponse></GetCallInfoResponse></s:Body></s:Envelope>"
    )
    .replacen("\n<GetCallInfoResponse>", "\n        <GetCallInfoResponse>", 1)
    .replacen("  <s:Body>\n    <GetCallInfoResponse", "  <s:Body><GetCallInfoResponse", 1)
}

#[test]
fn missing_required_element() {
    let xml = call_info_response("<CallState>Connected</CallState>");
    assert_eq!(
        decode_error::<GetCallInfoResponse, ()>(&xml),
        "3:9 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse: missing required element EventCause"
    );
}

#[test]
fn duplicated_element() {
    let xml = call_info_response(
        "<CallState>Idle</CallState><CallState>Idle</CallState><EventCause>None</EventCause>",
    );
    assert_eq!(
        decode_error::<GetCallInfoResponse, ()>(&xml),
        "3:57 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse: element CallState appears more than once"
    );
}

/// An element the type declares, in another namespace: not one a newer
/// schema added, so refused in both modes.
#[test]
fn element_in_the_wrong_namespace() {
    let xml = call_info_response(
        "<CallState xmlns=\"urn:other\">Idle</CallState><EventCause>None</EventCause>",
    );
    let message = format!(
        "3:30 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse: unexpected element {{urn:other}}CallState: CallState is expected in namespace {M}"
    );
    assert_eq!(decode_error::<GetCallInfoResponse, ()>(&xml), message);
    let strict = strict_decode_failure::<GetCallInfoResponse, ()>(&xml);
    assert_eq!(strict.to_string(), message);
    assert_eq!(strict.kind, DecodeErrorKind::Unexpected);
}

/// An element the type does not declare at all is skipped, unless strict.
#[test]
fn undeclared_element() {
    let xml = call_info_response(
        "<CallState>Idle</CallState><Reason>Hung up</Reason><EventCause>None</EventCause>",
    );
    let reply = Envelope::<GetCallInfoResponse>::decode(xml.as_bytes()).unwrap();
    assert_eq!(
        reply.body.get_call_info_response.event_cause,
        UmEventCause::None
    );
    assert_eq!(
        strict_decode_failure::<GetCallInfoResponse, ()>(&xml).to_string(),
        format!(
            "3:57 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse: unexpected element {{{M}}}Reason"
        )
    );
}

#[test]
fn bad_enumeration_value() {
    let xml = call_info_response("<CallState> </CallState><EventCause>None</EventCause>");
    assert_eq!(
        decode_error::<GetCallInfoResponse, ()>(&xml),
        "3:30 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse/CallState: empty value"
    );
}

#[test]
fn bad_boolean() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body>\n<SetOofStatus xmlns=\"{M}\"><status>yes</status></SetOofStatus></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<SetOofStatus, ()>(&xml),
        "2:84 /Envelope/Body/SetOofStatus/status: invalid boolean \"yes\": expected true, false, 1 or 0"
    );
}

#[test]
fn malformed_xml() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\">\n<s:Body><ResetPIN xmlns=\"{M}\"></s:Body></s:Envelope>"
    );
    let error = decode_error::<ResetPin, ()>(&xml);
    assert!(
        error.starts_with("2:88 /Envelope/Body/ResetPIN: malformed XML: "),
        "{error}"
    );
}

#[test]
fn unknown_payload() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body>\n  <GetCallInfo xmlns=\"{M}\"><CallId>x</CallId></GetCallInfo></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<GetCallInfoResponse, ()>(&xml),
        format!("2:3 /Envelope/Body/GetCallInfo: unexpected payload {{{M}}}GetCallInfo")
    );
}

#[test]
fn doctype_and_entity_declarations_are_refused() {
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n\
         <s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><GetCallInfo xmlns=\"{M}\"><CallId>&lol2;</CallId></GetCallInfo></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<GetCallInfo, ()>(&xml),
        "2:1 /: DOCTYPE declarations are not accepted"
    );

    let external =
        format!("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><s:Envelope xmlns:s=\"{SOAP_NS}\"/>");
    assert_eq!(
        decode_error::<GetCallInfo, ()>(&external),
        "1:1 /: DOCTYPE declarations are not accepted"
    );
}

#[test]
fn undeclared_entities_and_prefixes() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><GetCallInfo xmlns=\"{M}\"><CallId>&secret;</CallId></GetCallInfo></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<GetCallInfo, ()>(&xml),
        "1:163 /Envelope/Body/GetCallInfo/CallId: unknown entity &secret;"
    );
    let xml =
        format!("<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><m:GetCallInfo/></s:Body></s:Envelope>");
    assert_eq!(
        decode_error::<GetCallInfo, ()>(&xml),
        "1:73 /Envelope/Body/GetCallInfo: namespace prefix \"m\" is not declared"
    );
}

#[test]
fn text_where_only_elements_belong() {
    let xml = call_info_response("stray<CallState>Idle</CallState><EventCause>None</EventCause>");
    assert_eq!(
        decode_error::<GetCallInfoResponse, ()>(&xml),
        "3:30 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse: text is not allowed here: the element has element-only content"
    );
}

#[test]
fn envelope_structure() {
    assert_eq!(decode_error::<ResetPin, ()>(""), "1:1 /: no root element");
    assert_eq!(
        decode_error::<ResetPin, ()>(&format!("<ResetPIN xmlns=\"{M}\"/>")),
        format!("1:1 /ResetPIN: expected a SOAP 1.1 Envelope, found {{{M}}}ResetPIN")
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\">\n</s:Envelope>"
        )),
        "1:1 /Envelope: missing required element Body"
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body/></s:Envelope>"
        )),
        "1:65 /Envelope/Body: the Body is empty"
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><ResetPIN xmlns=\"{M}\"/><ResetPIN xmlns=\"{M}\"/></s:Body></s:Envelope>"
        )),
        format!("1:153 /Envelope/Body: unexpected element {{{M}}}ResetPIN")
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><ResetPIN xmlns=\"{M}\"/></s:Body></s:Envelope><x/>"
        )),
        "1:175 /: content after the root element"
    );
}

#[test]
fn must_understand_headers_nobody_knows() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\">\n<s:Header>\n  <x:Session xmlns:x=\"urn:example:session\" s:mustUnderstand=\"1\">42</x:Session>\n</s:Header>\n\
         <s:Body><ResetPINResponse xmlns=\"{M}\"/></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<ResetPinResponse, ()>(&xml),
        "3:3 /Envelope/Header/Session: header entry {urn:example:session}Session must be understood, and is not known"
    );
}

/// Header entries nobody reads are still checked: skipping is no way to
/// smuggle malformed XML through.
#[test]
fn skipped_header_entries_must_be_sound() {
    let envelope = |entry: &str| {
        format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Header><x:Trace xmlns:x=\"urn:x\">{entry}</x:Trace></s:Header>\
             <s:Body><ResetPINResponse xmlns=\"{M}\"/></s:Body></s:Envelope>"
        )
    };
    for (entry, problem) in [
        ("<a y=\"1\" y=\"2\"/>", "attribute y appears more than once"),
        ("<q:a/>", "namespace prefix \"q\" is not declared"),
        ("<a q:y=\"1\"/>", "attribute prefix \"q\" is not declared"),
        ("<a>&bogus;</a>", "unknown entity &bogus;"),
        ("<a>\u{1}</a>", "character U+0001 is not allowed in XML"),
        (
            "<a><b></a></b>",
            "malformed XML: ill-formed document: expected `</b>`, but `</a>` was found",
        ),
    ] {
        let error = decode_error::<ResetPinResponse, ()>(&envelope(entry));
        assert!(error.ends_with(problem), "{entry}: {error}");
    }
}

#[test]
fn faults_missing_their_string() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><s:Fault><faultcode>s:Client</faultcode></s:Fault></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&xml),
        "1:73 /Envelope/Body/Fault: missing required element faultstring"
    );
}

#[test]
fn characters_xml_does_not_allow() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><GetCallInfo xmlns=\"{M}\"><CallId>a&#1;b</CallId></GetCallInfo></s:Body></s:Envelope>"
    );
    let error = decode_error::<GetCallInfo, ()>(&xml);
    assert!(
        error
            .ends_with("/Envelope/Body/GetCallInfo/CallId: character U+0001 is not allowed in XML"),
        "{error}"
    );
    // As written, found by the check of the whole input before reading,
    // and reported where reading reaches it: at the character, in the
    // element it is in, whatever markup holds it.
    let raw = xml.replace("&#1;", "\u{1}");
    let column = raw.find('\u{1}').unwrap() + 1;
    assert_eq!(
        decode_error::<GetCallInfo, ()>(&raw),
        format!(
            "1:{column} /Envelope/Body/GetCallInfo/CallId: character U+0001 is not allowed in XML"
        )
    );
    let padding = "<!-- a comment long enough to be checked in runs of bytes -->".repeat(10);
    let comment = xml.replace(
        "<CallId>a&#1;b",
        &format!("{padding}<!-- \u{1f} --><CallId>ab"),
    );
    let column = comment.find('\u{1f}').unwrap() + 1;
    assert_eq!(
        decode_error::<GetCallInfo, ()>(&comment),
        format!("1:{column} /Envelope/Body/GetCallInfo: character U+001F is not allowed in XML")
    );
    // In a CDATA section, a processing instruction, an attribute value
    // (its start tag is in the parent) and after the root element; a
    // byte-order mark is not a column.
    for (from, to, path) in [
        (
            "<CallId>a&#1;b",
            "<CallId><![CDATA[a\u{2}b]]>",
            "/Envelope/Body/GetCallInfo/CallId",
        ),
        (
            "<CallId>a&#1;b",
            "<?note \u{2}?><CallId>ab",
            "/Envelope/Body/GetCallInfo",
        ),
        (
            "<CallId>a&#1;b",
            "<CallId x=\"\u{2}\">ab",
            "/Envelope/Body/GetCallInfo",
        ),
        ("a&#1;b", "ab", "/"),
    ] {
        let mut bad = xml.replace(from, to);
        if path == "/" {
            bad.push_str("<!--\u{2}-->");
        }
        let column = bad.find('\u{2}').unwrap() + 1;
        let expected = format!("1:{column} {path}: character U+0002 is not allowed in XML");
        assert_eq!(decode_error::<GetCallInfo, ()>(&bad), expected, "{bad}");
        let with_bom = format!("\u{feff}{bad}");
        assert_eq!(decode_error::<GetCallInfo, ()>(&with_bom), expected);
    }
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let xml = format!("<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body/></s:Envelope>");
    let plain = decode_error::<ResetPin, ()>(&xml);
    let with_bom = decode_error::<ResetPin, ()>(&format!("\u{feff}{xml}"));
    assert_eq!(with_bom, plain);
}

#[test]
fn invalid_utf8() {
    let mut bytes = format!("<s:Envelope xmlns:s=\"{SOAP_NS}\">\n<s:Body>").into_bytes();
    bytes.extend_from_slice(b"\xff</s:Body></s:Envelope>");
    let Err(Error::Decode(error)) = Envelope::<ResetPin>::decode(&bytes) else {
        panic!()
    };
    assert_eq!(error.to_string(), "2:9 /: input is not valid UTF-8");
}

/// Each failure says what sort it is, for code that acts on it, beside its
/// position and message (of strict decoding: forward-compatible decoding
/// skips the unexpected element).
#[test]
fn errors_have_kinds_a_caller_can_match() {
    let envelope = |body: &str| {
        format!("<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body>{body}</s:Body></s:Envelope>")
    };
    let cases = [
        (
            envelope("<GetCallInfoResponse xmlns=\"{M}\">"),
            DecodeErrorKind::Syntax,
        ),
        (
            call_info_response("<CallState>&x;</CallState>"),
            DecodeErrorKind::Syntax,
        ),
        (envelope("<m:GetCallInfo/>"), DecodeErrorKind::Namespace),
        (
            format!("<!DOCTYPE x><s:Envelope xmlns:s=\"{SOAP_NS}\"/>"),
            DecodeErrorKind::Limit,
        ),
        (call_info_response("<Other/>"), DecodeErrorKind::Unexpected),
        (envelope(""), DecodeErrorKind::Missing),
        (
            call_info_response("<CallState>Idle</CallState>"),
            DecodeErrorKind::Missing,
        ),
        (
            call_info_response("<CallState>Idle</CallState><CallState>Idle</CallState>"),
            DecodeErrorKind::Occurrence,
        ),
        (
            call_info_response("<CallState> </CallState><EventCause>None</EventCause>"),
            DecodeErrorKind::Value,
        ),
    ];
    for (xml, kind) in cases {
        let xml = xml.replace("{M}", M);
        let error = strict_decode_failure::<GetCallInfoResponse, ()>(&xml);
        assert_eq!(error.kind, kind, "{error}");
        if kind != DecodeErrorKind::Unexpected {
            assert_eq!(decode_failure::<GetCallInfoResponse, ()>(&xml), error);
        }
    }
}

/// Inputs built to make work grow faster than their size are refused early.
#[test]
fn limits_keep_decoding_linear() {
    let many_attributes = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\" {}/>",
        (0..10_000)
            .map(|i| format!("a{i}=\"\""))
            .collect::<Vec<_>>()
            .join(" ")
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&many_attributes),
        "1:1 /Envelope: more than 256 attributes"
    );

    let declarations = (0..200)
        .map(|i| format!("xmlns:p{i}=\"urn:{i}\""))
        .collect::<Vec<_>>()
        .join(" ");
    let nested = format!("<x {declarations}>").repeat(6);
    let error = descend(&nested);
    assert!(
        error.ends_with("/x/x/x/x/x/x: more than 1024 namespace declarations in scope"),
        "{error}"
    );

    // Only a recursive schema type descends this far; the decoder stops it.
    let error = descend(&"<x>".repeat(1000));
    assert!(
        error.starts_with("1:385 /x/x/x") && error.ends_with("elements nested deeper than 128"),
        "{error}"
    );
}

/// Walks down the first child of each element until an error.
fn descend(xml: &str) -> String {
    let mut d = ews_um::xml::Decoder::new(xml.as_bytes()).unwrap();
    let mut result = d.root().map(drop);
    while result.is_ok() {
        result = d.next_child().map(drop);
    }
    result.unwrap_err().to_string()
}

/// Every prefix of a valid message, and every one-byte corruption of it,
/// decodes or fails cleanly: never a panic.
#[test]
fn truncations_and_corruptions_never_panic() {
    let valid = ews_um_tests::fixture("um/get_um_properties_response.xml");
    for end in 0..valid.len() {
        let _ = Envelope::<Message>::decode(&valid[..end]);
    }
    for i in 0..valid.len() {
        for byte in [b'<', b'>', b'&', b'"', b'/', 0, 0xC3] {
            let mut corrupt = valid.clone();
            corrupt[i] = byte;
            let _ = Envelope::<Message>::decode(&corrupt);
        }
    }
}

/// Found by fuzzing and review: declarations Namespaces in XML forbids are
/// refused where they stand, since what they bind could not be written
/// back.
#[test]
fn forbidden_namespace_declarations_are_refused() {
    for (declaration, problem) in [
        (
            "xmlns:xml=\"urn:other\"",
            "only the prefix xml is bound to http://www.w3.org/XML/1998/namespace",
        ),
        (
            "xmlns:p=\"http://www.w3.org/XML/1998/namespace\"",
            "only the prefix xml is bound to http://www.w3.org/XML/1998/namespace",
        ),
        (
            "xmlns:p=\"http://www.w3.org/2000/xmlns/\"",
            "no prefix can be bound to http://www.w3.org/2000/xmlns/",
        ),
        (
            "xmlns:xmlns=\"urn:x\"",
            "the prefix xmlns cannot be declared",
        ),
        (
            "xmlns:p=\"\"",
            "the prefix p cannot be bound to no namespace",
        ),
    ] {
        let xml = format!(
            "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><GetCallInfo {declaration} xmlns=\"{M}\"><CallId>1</CallId></GetCallInfo></s:Body></s:Envelope>"
        );
        let error = decode_failure::<GetCallInfo, ()>(&xml);
        assert_eq!(error.kind, DecodeErrorKind::Namespace, "{declaration}");
        assert_eq!(
            error.to_string(),
            format!("1:73 /Envelope/Body/GetCallInfo: malformed XML: {problem}")
        );
    }
}

/// Found by fuzzing: a fault code that is not a qualified name was read as
/// a local name, and could not be written back.
#[test]
fn a_fault_code_must_be_a_qualified_name() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><s:Fault>\n<faultcode>:>ap:Server</faultcode><faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>"
    );
    let error = decode_failure::<GetCallInfo, ()>(&xml);
    assert_eq!(error.kind, DecodeErrorKind::Value);
    assert_eq!(
        error.to_string(),
        "2:1 /Envelope/Body/Fault/faultcode: \":>ap:Server\" is not a qualified name"
    );
}

/// Found by fuzzing: after a byte-order mark, a second one shifted every
/// position quick-xml gave against the text, so kept XML was cut in the
/// wrong place.
#[test]
fn a_second_byte_order_mark_is_refused() {
    let xml = format!(
        "\u{feff}\u{feff}<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><ResetPin xmlns=\"{M}\"/></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&xml),
        "1:1 /: malformed XML: a second byte-order mark"
    );
}

/// Found by fuzzing: quick-xml reads attributes with no white space
/// between them; kept without its declaration, such a start tag became a
/// name that is no XML name.
#[test]
fn attributes_must_be_separated_by_white_space() {
    let xml = format!(
        "<s:Envelope xmlns:s=\"{SOAP_NS}\"><s:Body><ResetPin xmlns=\"{M}\"a=\"1\"/></s:Body></s:Envelope>"
    );
    assert_eq!(
        decode_error::<ResetPin, ()>(&xml),
        "1:73 /Envelope/Body/ResetPin: malformed XML: no white space before attribute a"
    );
}
