//! The messages measured.

use ews_um::um;

/// The documented GetCallInfo response envelope.
pub const GET_CALL_INFO_RESPONSE: &[u8] =
    include_bytes!("../../tests/fixtures/um/get_call_info_response.xml");

/// The documented GetPhoneCallInformation response envelope, with its
/// ServerVersionInfo header and mixed namespace declarations.
pub const GET_PHONE_CALL_INFORMATION_RESPONSE: &[u8] =
    include_bytes!("../../tests/fixtures/ews/get_phone_call_information_response.xml");

/// The call id of the documented GetCallInfo request.
pub const CALL_ID: &str = "MDlkZjllZGMtNGUyMy00NzA5LWJkYWYtN2JlMjBjYjBhZTU2QGRmLWV1bS0wMS5leGNoYW5nZS5jb3JwLm1pY3Jvc29mdC5jb20=";

/// The documented PlayOnPhone request's entry id and number.
pub const ENTRY_ID: &str = "AAAAAGsd2rbQLVtLobUGbrq/9IUHAEX2ikn/L8JJtI5WHI0FAW8AAAFXHhsAACxVpEl+KVVLl957wp//x6UAGAetcDUAAA==";
pub const DIAL_STRING: &str = "12345";

/// A GetUMProperties response whose strings total about 1 MB.
pub fn large_um_properties_response() -> Vec<u8> {
    // Three strings of a third of a megabyte each.
    let text = |seed: &str| seed.repeat((1 << 20) / 3 / seed.len());
    let properties = um::UmProperties {
        oof_status: false,
        missed_call_notification_enabled: true,
        play_on_phone_dial_string: text("+1 (425) 555-0100 ext. 42; "),
        telephone_access_numbers: text("+1 425 555 0199, +44 20 7946 0000; "),
        telephone_access_folder_email: text(
            "AAAAAGsd2rbQLVtLobUGbrq/9IUBAEX2ikn/L8JJtI5WHI0FAW8AAAFXHhsAAA==",
        ),
    };
    let response = um::GetUmPropertiesResponse {
        get_um_properties_response: properties,
    };
    ews_um::Envelope::new(response)
        .encode()
        .expect("the large message encodes")
}
