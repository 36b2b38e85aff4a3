//! Every documented message of the eleven UM operations: decoded with every
//! field checked, encoded back to an equivalent document, and round-tripped.

use std::fmt::Debug;

use ews_um::um::*;
use ews_um::xml::Payload;
use ews_um::{Envelope, Operation};
use ews_um_tests::{assert_equivalent, assert_operation, fixture};

const CALL_ID: &str = "MDlkZjllZGMtNGUyMy00NzA5LWJkYWYtN2JlMjBjYjBhZTU2QGRmLWV1bS0wMS5leGNoYW5nZS5jb3JwLm1pY3Jvc29mdC5jb20=";
const FOLDER_ID: &str = "AAAAAGsd2rbQLVtLobUGbrq/9IUBAEX2ikn/L8JJtI5WHI0FAW8AAAFXHhsAAA==";
const ENTRY_ID: &str = "AAAAAGsd2rbQLVtLobUGbrq/9IUHAEX2ikn/L8JJtI5WHI0FAW8AAAFXHhsAACxVpEl+KVVLl957wp//x6UAGAetcDUAAA==";

/// Decodes the fixture as `B` and as the module's `Message`, expecting
/// `expected` both times; encodes `expected` and compares it with the
/// fixture; decodes the encoding again.
fn check<B>(name: &str, expected: B, wrap: fn(B) -> Message)
where
    B: Payload + PartialEq + Debug + Clone,
{
    let bytes = fixture(&format!("um/{name}.xml"));
    let decoded = Envelope::<B>::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(decoded.body, expected, "{name}");
    let any = Envelope::<Message>::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(any.body, wrap(expected.clone()), "{name}");

    let encoded = Envelope::new(expected).encode().unwrap();
    assert_equivalent(&encoded, &bytes);
    assert_eq!(
        Envelope::<B>::decode(&encoded).unwrap(),
        decoded,
        "{name}: round trip"
    );
}

#[test]
fn disconnect() {
    assert_operation::<Disconnect>("Disconnect");
    check(
        "disconnect_request",
        Disconnect {
            call_id: CALL_ID.into(),
        },
        Message::Disconnect,
    );
    check(
        "disconnect_response",
        DisconnectResponse,
        Message::DisconnectResponse,
    );
}

#[test]
fn get_call_info() {
    assert_operation::<GetCallInfo>("GetCallInfo");
    check(
        "get_call_info_request",
        GetCallInfo {
            call_id: CALL_ID.into(),
        },
        Message::GetCallInfo,
    );
    let info = UmCallInfo {
        call_state: UmCallState::Connected,
        event_cause: UmEventCause::None,
    };
    check(
        "get_call_info_response",
        GetCallInfoResponse {
            get_call_info_response: info,
        },
        Message::GetCallInfoResponse,
    );
}

#[test]
fn get_um_properties() {
    assert_operation::<GetUmProperties>("GetUMProperties");
    check(
        "get_um_properties_request",
        GetUmProperties,
        Message::GetUmProperties,
    );
    let properties = UmProperties {
        oof_status: false,
        missed_call_notification_enabled: true,
        play_on_phone_dial_string: "12345".into(),
        telephone_access_numbers: "54321".into(),
        telephone_access_folder_email: FOLDER_ID.into(),
    };
    check(
        "get_um_properties_response",
        GetUmPropertiesResponse {
            get_um_properties_response: properties,
        },
        Message::GetUmPropertiesResponse,
    );
}

#[test]
fn is_um_enabled() {
    assert_operation::<IsUmEnabled>("IsUMEnabled");
    check("is_um_enabled_request", IsUmEnabled, Message::IsUmEnabled);
    check(
        "is_um_enabled_response",
        IsUmEnabledResponse {
            is_um_enabled_response: true,
        },
        Message::IsUmEnabledResponse,
    );
}

#[test]
fn play_on_phone() {
    assert_operation::<PlayOnPhone>("PlayOnPhone");
    let request = PlayOnPhone {
        entry_id: ENTRY_ID.into(),
        dial_string: "12345".into(),
    };
    check("play_on_phone_request", request, Message::PlayOnPhone);
    let call = "NDEzYjEzNmMtZTE2Zi00NTJlLWI3YzctNDhkMTE3MDE3YjlmQGRmLWV1bS0wMS5leGNoYW5nZS5jb3JwLm1pY3Jvc29mdC5jb20=";
    check(
        "play_on_phone_response",
        PlayOnPhoneResponse {
            play_on_phone_response: call.into(),
        },
        Message::PlayOnPhoneResponse,
    );
}

#[test]
fn play_on_phone_greeting() {
    assert_operation::<PlayOnPhoneGreeting>("PlayOnPhoneGreeting");
    let request = PlayOnPhoneGreeting {
        greeting_type: UmGreetingType::NormalCustom,
        dial_string: "12345".into(),
    };
    check(
        "play_on_phone_greeting_request",
        request,
        Message::PlayOnPhoneGreeting,
    );
    let call = "MjA4MTQ5MmItMTBmZC00ZGFmLThiMzEtNDllNDJjM2Y3MjIxQGRmLWV1bS0wMS5leGNoYW5nZS5jb3JwLm1pY3Jvc29mdC5jb20=";
    check(
        "play_on_phone_greeting_response",
        PlayOnPhoneGreetingResponse {
            play_on_phone_greeting_response: call.into(),
        },
        Message::PlayOnPhoneGreetingResponse,
    );
}

#[test]
fn reset_pin() {
    assert_operation::<ResetPin>("ResetPIN");
    check("reset_pin_request", ResetPin, Message::ResetPin);
    check(
        "reset_pin_response",
        ResetPinResponse,
        Message::ResetPinResponse,
    );
}

#[test]
fn set_missed_call_notification_enabled() {
    assert_operation::<SetMissedCallNotificationEnabled>("SetMissedCallNotificationEnabled");
    check(
        "set_missed_call_notification_enabled_request",
        SetMissedCallNotificationEnabled { status: true },
        Message::SetMissedCallNotificationEnabled,
    );
    check(
        "set_missed_call_notification_enabled_response",
        SetMissedCallNotificationEnabledResponse,
        Message::SetMissedCallNotificationEnabledResponse,
    );
}

#[test]
fn set_oof_status() {
    assert_operation::<SetOofStatus>("SetOofStatus");
    check(
        "set_oof_status_request",
        SetOofStatus { status: true },
        Message::SetOofStatus,
    );
    check(
        "set_oof_status_response",
        SetOofStatusResponse,
        Message::SetOofStatusResponse,
    );
}

#[test]
fn set_play_on_phone_dial_string() {
    assert_operation::<SetPlayOnPhoneDialString>("SetPlayOnPhoneDialString");
    check(
        "set_play_on_phone_dial_string_request",
        SetPlayOnPhoneDialString {
            dial_string: "12345".into(),
        },
        Message::SetPlayOnPhoneDialString,
    );
    check(
        "set_play_on_phone_dial_string_response",
        SetPlayOnPhoneDialStringResponse,
        Message::SetPlayOnPhoneDialStringResponse,
    );
}

#[test]
fn set_telephone_access_folder_email() {
    assert_operation::<SetTelephoneAccessFolderEmail>("SetTelephoneAccessFolderEmail");
    check(
        "set_telephone_access_folder_email_request",
        SetTelephoneAccessFolderEmail {
            base64_folder_id: FOLDER_ID.into(),
        },
        Message::SetTelephoneAccessFolderEmail,
    );
    check(
        "set_telephone_access_folder_email_response",
        SetTelephoneAccessFolderEmailResponse,
        Message::SetTelephoneAccessFolderEmailResponse,
    );
}

/// The documentation's examples spell some elements differently from its
/// element reference; both decode to the same value, and encoding uses the
/// reference spelling.
#[test]
fn documented_example_spellings_decode_too() {
    fn same<B: Payload + PartialEq + Debug>(name: &str) {
        let reference = Envelope::<B>::decode(&fixture(&format!("um/{name}.xml"))).unwrap();
        let example =
            Envelope::<B>::decode(&fixture(&format!("um/{name}_example_spelling.xml"))).unwrap();
        assert_eq!(example, reference, "{name}");
    }
    same::<PlayOnPhone>("play_on_phone_request");
    same::<PlayOnPhoneGreeting>("play_on_phone_greeting_request");
    same::<SetTelephoneAccessFolderEmail>("set_telephone_access_folder_email_request");

    let encoded = Envelope::new(PlayOnPhone {
        entry_id: "e".into(),
        dial_string: "1".into(),
    })
    .encode()
    .unwrap();
    let text = String::from_utf8(encoded).unwrap();
    assert!(text.contains("<dialString>1</dialString>"), "{text}");
}

/// The API as the README shows it.
#[test]
fn get_call_info_as_a_client_uses_it() -> Result<(), ews_um::Error> {
    let request = Envelope::new(GetCallInfo {
        call_id: CALL_ID.into(),
    });
    let bytes: Vec<u8> = request.encode()?;
    assert_equivalent(&bytes, &fixture("um/get_call_info_request.xml"));
    let reply = Envelope::<<GetCallInfo as Operation>::Response>::decode(&fixture(
        "um/get_call_info_response.xml",
    ))?;
    assert_eq!(
        reply.body.get_call_info_response.call_state,
        UmCallState::Connected
    );
    assert_eq!(
        reply.body.get_call_info_response.event_cause.as_str(),
        "None"
    );
    Ok(())
}

/// Found by fuzzing: an unlisted value that decoding would never produce
/// (empty, with white space at its ends, or a listed value) is refused at
/// encode, naming the member, instead of written as what reads back as
/// something else.
#[test]
fn unlisted_values_that_would_not_read_back_are_refused() {
    let response = |event_cause: UmEventCause| {
        Envelope::new(GetCallInfoResponse {
            get_call_info_response: UmCallInfo {
                call_state: UmCallState::Connected,
                event_cause,
            },
        })
        .encode()
    };
    for (value, problem) in [
        (
            "",
            "an empty value cannot be written: it does not read back",
        ),
        (
            "Idle ",
            "\"Idle \" cannot be written: reading drops the white space at its ends",
        ),
        (
            "None",
            "\"None\" is a listed value, not an unlisted one: it reads back as its own variant",
        ),
    ] {
        let error = response(UmEventCause::Unknown(value.into())).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("/Envelope/Body/GetCallInfoResponse/GetCallInfoResponse/EventCause: {problem}")
        );
    }
    let sent = response(UmEventCause::Unknown("Unavailable".into())).unwrap();
    let read = Envelope::<GetCallInfoResponse>::decode(&sent).unwrap();
    assert_eq!(
        read.body.get_call_info_response.event_cause,
        UmEventCause::Unknown("Unavailable".into())
    );
}
