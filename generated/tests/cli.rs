//! The `ews-um` command: XML envelopes to JSON and back.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Panics with the command's standard error unless it succeeded.
fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

fn ews_um(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ews-um"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn decode_file(name: &str) -> serde_json::Value {
    let decoded = ews_um(&["decode", fixture(name).to_str().unwrap()], b"");
    assert!(
        decoded.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&decoded.stderr)
    );
    serde_json::from_slice(&decoded.stdout).unwrap()
}

#[test]
fn decodes_the_documented_response_and_encodes_it_back() {
    let decoded = ews_um(
        &[
            "decode",
            fixture("um/get_call_info_response.xml").to_str().unwrap(),
        ],
        b"",
    );
    assert_success(&decoded);
    let json: serde_json::Value = serde_json::from_slice(&decoded.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"um": {"GetCallInfoResponse": {"get_call_info_response": {"call_state": "Connected", "event_cause": "None"}}}})
    );

    let encoded = ews_um(&["encode", "-"], &decoded.stdout);
    assert_success(&encoded);
    let again = ews_um(&["decode"], &encoded.stdout);
    assert_eq!(again.stdout, decoded.stdout);
}

#[test]
fn every_fixture_survives_decode_then_encode() {
    let fixtures = ["um", "ews"]
        .into_iter()
        .flat_map(|dir| std::fs::read_dir(fixture(dir)).unwrap());
    for entry in fixtures {
        let path = entry.unwrap().path();
        let decoded = ews_um(&["decode", path.to_str().unwrap()], b"");
        assert!(
            decoded.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&decoded.stderr)
        );
        let encoded = ews_um(&["encode"], &decoded.stdout);
        assert!(
            encoded.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&encoded.stderr)
        );
        assert_eq!(
            ews_um(&["decode"], &encoded.stdout).stdout,
            decoded.stdout,
            "{}",
            path.display()
        );
    }
}

#[test]
fn faults_print_as_json_too() {
    let json = decode_file("um/fault_reset_pin.xml");
    assert_eq!(json["fault"]["code"]["name"], "Server");
    assert_eq!(json["fault"]["lang"], "en-US");
    let json = decode_file("ews/fault_schema_validation.xml");
    assert_eq!(
        json["fault"]["detail"]["response_code"],
        "ErrorSchemaValidation"
    );
}

#[test]
fn ews_messages_keep_their_service_and_headers() {
    // PlayOnPhone exists in both services, with different content.
    let json = decode_file("ews/play_on_phone_request.xml");
    assert_eq!(
        json["ews"]["header"]["request_server_version"]["version"],
        "Exchange2010"
    );
    assert_eq!(
        json["ews"]["body"]["PlayOnPhone"]["dial_string"],
        "5555551212"
    );
    let json = decode_file("um/play_on_phone_request.xml");
    assert_eq!(json["um"]["PlayOnPhone"]["dial_string"], "12345");
}

#[test]
fn bad_input_exits_1_with_one_positioned_line() {
    let bad_xml = ews_um(
        &["decode"],
        b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">\n<s:Body><x/></s:Body></s:Envelope>",
    );
    assert_eq!(bad_xml.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&bad_xml.stderr),
        "ews-um: 2:9 /Envelope/Body/x: unexpected payload x\n"
    );

    let bad_json = ews_um(
        &["encode"],
        b"{\"um\": {\n  \"GetCallInfo\": {\"call_id\": 7}\n}}",
    );
    assert_eq!(bad_json.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad_json.stderr);
    assert!(
        stderr.starts_with("ews-um: 2:30 invalid type: integer `7`, expected a string"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);

    let unknown = ews_um(&["encode"], b"{\"um\": {\"Hello\": {}}}");
    assert_eq!(unknown.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.starts_with("ews-um: 1:15 unknown variant `Hello`"),
        "{stderr}"
    );
}

/// Found by fuzzing: JSON can say what XML would not read back; `encode`
/// refuses it, naming the member.
#[test]
fn json_values_xml_would_not_read_back_are_refused() {
    let json = br#"{"um": {"GetCallInfoResponse": {"get_call_info_response": {"call_state": "Connected", "event_cause": "Idle "}}}}"#;
    let output = ews_um(&["encode"], json);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "ews-um: /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse/EventCause: \"Idle \" cannot be written: reading drops the white space at its ends\n"
    );
}

/// A newer server's element: skipped by `decode`, refused by `decode
/// --strict`, with its position.
#[test]
fn decode_reads_newer_messages_unless_strict() {
    let newer = b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>\n\
<GetCallInfoResponse xmlns=\"http://schemas.microsoft.com/exchange/services/2006/messages\"><GetCallInfoResponse>\
<CallState>Connected</CallState><EventCause>None</EventCause><Duration>PT2M</Duration>\
</GetCallInfoResponse></GetCallInfoResponse></s:Body></s:Envelope>";
    let decoded = ews_um(&["decode"], newer);
    assert_success(&decoded);
    let json: serde_json::Value = serde_json::from_slice(&decoded.stdout).unwrap();
    assert_eq!(
        json["um"]["GetCallInfoResponse"]["get_call_info_response"]["call_state"],
        "Connected"
    );
    let strict = ews_um(&["decode", "--strict", "-"], newer);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&strict.stderr),
        "ews-um: 2:173 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse: \
         unexpected element {http://schemas.microsoft.com/exchange/services/2006/messages}Duration\n"
    );
}
