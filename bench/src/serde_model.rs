//! The same messages as serde derives, read and written by quick-xml's
//! serde support (which matches local names and ignores namespaces).

use ews_um::xml::SimpleType;
use ews_um::{ews, um};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct Envelope<B> {
    #[serde(rename = "Body")]
    pub body: B,
}

#[derive(Deserialize)]
pub struct GetCallInfoResponseBody {
    #[serde(rename = "GetCallInfoResponse")]
    pub response: GetCallInfoResponse,
}

#[derive(Deserialize)]
pub struct GetCallInfoResponse {
    #[serde(rename = "GetCallInfoResponse")]
    pub info: CallInfo,
}

#[derive(Deserialize)]
pub struct CallInfo {
    #[serde(rename = "CallState")]
    pub call_state: CallState,
    #[serde(rename = "EventCause")]
    pub event_cause: EventCause,
}

#[derive(Deserialize)]
pub enum CallState {
    Idle,
    Connecting,
    Alerted,
    Connected,
    Disconnected,
    Incoming,
    Transferring,
    Forwarding,
}

#[derive(Deserialize)]
pub enum EventCause {
    None,
    UserBusy,
    NoAnswer,
    Other,
}

pub fn get_call_info_response(
    xml: &str,
) -> Result<Envelope<GetCallInfoResponseBody>, quick_xml::DeError> {
    quick_xml::de::from_str(xml)
}

#[derive(Deserialize)]
pub struct EwsEnvelope<H, B> {
    #[serde(rename = "Header")]
    pub header: Option<H>,
    #[serde(rename = "Body")]
    pub body: B,
}

#[derive(Deserialize)]
pub struct ServerVersionHeader {
    #[serde(rename = "ServerVersionInfo")]
    pub info: Option<ServerVersionInfo>,
}

#[derive(Deserialize)]
pub struct ServerVersionInfo {
    #[serde(rename = "@MajorVersion")]
    pub major_version: Option<i32>,
    #[serde(rename = "@MinorVersion")]
    pub minor_version: Option<i32>,
    #[serde(rename = "@MajorBuildNumber")]
    pub major_build_number: Option<i32>,
    #[serde(rename = "@MinorBuildNumber")]
    pub minor_build_number: Option<i32>,
    #[serde(rename = "@Version")]
    pub version: Option<String>,
}

#[derive(Deserialize)]
pub struct GetPhoneCallInformationBody {
    #[serde(rename = "GetPhoneCallInformationResponse")]
    pub response: GetPhoneCallInformationResponse,
}

#[derive(Deserialize)]
pub struct GetPhoneCallInformationResponse {
    #[serde(rename = "@ResponseClass")]
    pub response_class: ResponseClass,
    #[serde(rename = "ResponseCode")]
    pub response_code: Option<String>,
    #[serde(rename = "PhoneCallInformation")]
    pub information: Option<PhoneCallInformation>,
}

#[derive(Deserialize)]
pub enum ResponseClass {
    Success,
    Warning,
    Error,
}

#[derive(Deserialize)]
pub struct PhoneCallInformation {
    #[serde(rename = "PhoneCallState")]
    pub state: CallState,
    #[serde(rename = "ConnectionFailureCause")]
    pub cause: String,
}

pub fn get_phone_call_information_response(
    xml: &str,
) -> Result<EwsEnvelope<ServerVersionHeader, GetPhoneCallInformationBody>, quick_xml::DeError> {
    quick_xml::de::from_str(xml)
}

#[derive(Deserialize)]
pub struct GetUmPropertiesBody {
    #[serde(rename = "GetUMPropertiesResponse")]
    pub response: GetUmPropertiesResponse,
}

#[derive(Deserialize)]
pub struct GetUmPropertiesResponse {
    #[serde(rename = "GetUMPropertiesResponse")]
    pub properties: UmProperties,
}

#[derive(Deserialize)]
pub struct UmProperties {
    #[serde(rename = "OofStatus")]
    pub oof_status: bool,
    #[serde(rename = "MissedCallNotificationEnabled")]
    pub missed_call_notification_enabled: bool,
    #[serde(rename = "PlayOnPhoneDialString")]
    pub play_on_phone_dial_string: String,
    #[serde(rename = "TelephoneAccessNumbers")]
    pub telephone_access_numbers: String,
    #[serde(rename = "TelephoneAccessFolderEmail")]
    pub telephone_access_folder_email: String,
}

pub fn get_um_properties_response(
    xml: &str,
) -> Result<Envelope<GetUmPropertiesBody>, quick_xml::DeError> {
    quick_xml::de::from_str(xml)
}

/// The requests, for quick-xml's serializer.
#[derive(Serialize)]
#[serde(rename = "soap:Envelope")]
pub struct RequestEnvelope<B> {
    #[serde(rename = "@xmlns:soap")]
    pub soap: &'static str,
    #[serde(rename = "soap:Body")]
    pub body: B,
}

#[derive(Serialize)]
pub struct GetCallInfoBody<'a> {
    #[serde(rename = "GetCallInfo")]
    pub request: GetCallInfo<'a>,
}

#[derive(Serialize)]
pub struct GetCallInfo<'a> {
    #[serde(rename = "@xmlns")]
    pub xmlns: &'static str,
    #[serde(rename = "CallId")]
    pub call_id: &'a str,
}

#[derive(Serialize)]
pub struct PlayOnPhoneBody<'a> {
    #[serde(rename = "PlayOnPhone")]
    pub request: PlayOnPhone<'a>,
}

#[derive(Serialize)]
pub struct PlayOnPhone<'a> {
    #[serde(rename = "@xmlns")]
    pub xmlns: &'static str,
    #[serde(rename = "entryId")]
    pub entry_id: &'a str,
    #[serde(rename = "dialString")]
    pub dial_string: &'a str,
}

const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const M: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";

pub fn get_call_info_request(call_id: &str) -> String {
    let request = GetCallInfo { xmlns: M, call_id };
    let envelope = RequestEnvelope {
        soap: SOAP,
        body: GetCallInfoBody { request },
    };
    quick_xml::se::to_string(&envelope).expect("serde serializes the request")
}

pub fn play_on_phone_request(entry_id: &str, dial_string: &str) -> String {
    let request = PlayOnPhone {
        xmlns: M,
        entry_id,
        dial_string,
    };
    let envelope = RequestEnvelope {
        soap: SOAP,
        body: PlayOnPhoneBody { request },
    };
    quick_xml::se::to_string(&envelope).expect("serde serializes the request")
}

/// The serde values as ews-um's, to check both hold the same information.
impl Envelope<GetCallInfoResponseBody> {
    pub fn to_ews_um(&self) -> um::GetCallInfoResponse {
        let info = &self.body.response.info;
        um::GetCallInfoResponse {
            get_call_info_response: um::UmCallInfo {
                call_state: text(match info.call_state {
                    CallState::Idle => "Idle",
                    CallState::Connecting => "Connecting",
                    CallState::Alerted => "Alerted",
                    CallState::Connected => "Connected",
                    CallState::Disconnected => "Disconnected",
                    CallState::Incoming => "Incoming",
                    CallState::Transferring => "Transferring",
                    CallState::Forwarding => "Forwarding",
                }),
                event_cause: text(match info.event_cause {
                    EventCause::None => "None",
                    EventCause::UserBusy => "UserBusy",
                    EventCause::NoAnswer => "NoAnswer",
                    EventCause::Other => "Other",
                }),
            },
        }
    }
}

impl Envelope<GetUmPropertiesBody> {
    pub fn to_ews_um(&self) -> um::GetUmPropertiesResponse {
        let p = &self.body.response.properties;
        um::GetUmPropertiesResponse {
            get_um_properties_response: um::UmProperties {
                oof_status: p.oof_status,
                missed_call_notification_enabled: p.missed_call_notification_enabled,
                play_on_phone_dial_string: p.play_on_phone_dial_string.clone(),
                telephone_access_numbers: p.telephone_access_numbers.clone(),
                telephone_access_folder_email: p.telephone_access_folder_email.clone(),
            },
        }
    }
}

impl EwsEnvelope<ServerVersionHeader, GetPhoneCallInformationBody> {
    pub fn state(&self) -> Option<ews::PhoneCallStateType> {
        let info = self.body.response.information.as_ref()?;
        Some(match info.state {
            CallState::Connected => ews::PhoneCallStateType::Connected,
            _ => ews::PhoneCallStateType::Unknown("other".into()),
        })
    }
}

fn text<T: SimpleType>(value: &str) -> T {
    T::parse(value.into()).expect("a known value")
}
