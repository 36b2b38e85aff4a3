//! What a careful programmer writes by hand with quick-xml: a decoder per
//! message that checks namespaces and element names while streaming, and an
//! encoder with quick-xml's `Writer`. Also the concatenation floor for
//! encoding: constant markup and escaped values pushed into a pre-sized
//! buffer.

use std::io::Cursor;

use ews_um::xml::SimpleType;
use ews_um::{ews, um};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, Writer};

const SOAP: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const M: &str = "http://schemas.microsoft.com/exchange/services/2006/messages";
const T: &str = "http://schemas.microsoft.com/exchange/services/2006/types";

type Result<T> = std::result::Result<T, String>;

fn parse<T: SimpleType>(text: &str) -> Result<T> {
    T::parse(text.into())
}

/// What `stream` reports.
enum Item<'x> {
    /// An element at `depth` (1 for the root): namespace, local name, tag.
    Start(usize, &'x str, &'x str, &'x BytesStart<'x>),
    /// A text node that is not just white space.
    Text(&'x str),
}

/// Streams `xml`, reporting each element and text node to `on`.
fn stream(xml: &[u8], mut on: impl FnMut(Item<'_>) -> Result<()>) -> Result<()> {
    let mut reader = NsReader::from_reader(xml);
    let mut depth = 0;
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        let ns: &str = match &ns {
            ResolveResult::Bound(ns) => ns.as_ref(),
            _ => "",
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                on(Item::Start(depth, ns, e.local_name().as_ref(), &e))?;
            }
            Event::Empty(e) => on(Item::Start(depth + 1, ns, e.local_name().as_ref(), &e))?,
            Event::End(_) => depth -= 1,
            Event::Text(t) => {
                let text = t.xml10_content();
                if !text.trim().is_empty() {
                    on(Item::Text(&text))?;
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn unexpected(ns: &str, local: &str) -> String {
    format!("unexpected element {{{ns}}}{local}")
}

/// The GetCallInfo response.
pub fn get_call_info_response(xml: &[u8]) -> Result<um::GetCallInfoResponse> {
    #[derive(Clone, Copy)]
    enum Field {
        None,
        CallState,
        EventCause,
    }
    let (mut field, mut call_state, mut event_cause) = (Field::None, None, None);
    stream(xml, |item| {
        match item {
            Item::Start(depth, ns, local, _) => {
                field = match (depth, ns, local) {
                    (1, SOAP, "Envelope")
                    | (2, SOAP, "Body")
                    | (3 | 4, M, "GetCallInfoResponse") => Field::None,
                    (5, M, "CallState") => Field::CallState,
                    (5, M, "EventCause") => Field::EventCause,
                    _ => return Err(unexpected(ns, local)),
                }
            }
            Item::Text(text) => match field {
                Field::CallState => call_state = Some(parse(text)?),
                Field::EventCause => event_cause = Some(parse(text)?),
                Field::None => return Err("unexpected text".into()),
            },
        }
        Ok(())
    })?;
    let info = um::UmCallInfo {
        call_state: call_state.ok_or("missing CallState")?,
        event_cause: event_cause.ok_or("missing EventCause")?,
    };
    Ok(um::GetCallInfoResponse {
        get_call_info_response: info,
    })
}

/// The GetPhoneCallInformation response and its ServerVersionInfo header.
pub fn get_phone_call_information_response(
    xml: &[u8],
) -> Result<(
    Option<ews::ServerVersionInfo>,
    ews::GetPhoneCallInformationResponse,
)> {
    #[derive(Clone, Copy)]
    enum Field {
        None,
        ResponseCode,
        State,
        Cause,
    }
    let mut field = Field::None;
    let mut header = None;
    let (mut class, mut code, mut state, mut cause, mut info) = (None, None, None, None, false);
    stream(xml, |item| {
        let (depth, ns, local, e) = match item {
            Item::Start(depth, ns, local, e) => (depth, ns, local, e),
            Item::Text(text) => {
                match field {
                    Field::ResponseCode => code = Some(parse(text)?),
                    Field::State => state = Some(parse(text)?),
                    Field::Cause => cause = Some(parse(text)?),
                    Field::None => return Err("unexpected text".into()),
                }
                return Ok(());
            }
        };
        field = Field::None;
        {
            match (depth, ns, local) {
                (1, SOAP, "Envelope") | (2, SOAP, "Header" | "Body") => {}
                (3, T, "ServerVersionInfo") => {
                    let mut version = ews::ServerVersionInfo {
                        major_version: None,
                        minor_version: None,
                        major_build_number: None,
                        minor_build_number: None,
                        version: None,
                    };
                    for attr in e.attributes() {
                        let attr = attr.map_err(|e| e.to_string())?;
                        let value = attr
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map_err(|e| e.to_string())?;
                        match attr.key.0 {
                            "MajorVersion" => version.major_version = Some(parse(&value)?),
                            "MinorVersion" => version.minor_version = Some(parse(&value)?),
                            "MajorBuildNumber" => version.major_build_number = Some(parse(&value)?),
                            "MinorBuildNumber" => version.minor_build_number = Some(parse(&value)?),
                            "Version" => version.version = Some(value.into_owned()),
                            _ => {}
                        }
                    }
                    header = Some(version);
                }
                (3, M, "GetPhoneCallInformationResponse") => {
                    for attr in e.attributes() {
                        let attr = attr.map_err(|e| e.to_string())?;
                        if attr.key.0 == "ResponseClass" {
                            let value = attr
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map_err(|e| e.to_string())?;
                            class = Some(parse(&value)?);
                        }
                    }
                }
                (4, M, "ResponseCode") => field = Field::ResponseCode,
                (4, M, "PhoneCallInformation") => info = true,
                (5, T, "PhoneCallState") => field = Field::State,
                (5, T, "ConnectionFailureCause") => field = Field::Cause,
                _ => return Err(unexpected(ns, local)),
            }
        }
        Ok(())
    })?;
    let information = match info {
        true => Some(ews::PhoneCallInformationType {
            phone_call_state: state.ok_or("missing PhoneCallState")?,
            connection_failure_cause: cause.ok_or("missing ConnectionFailureCause")?,
            sip_response_text: None,
            sip_response_code: None,
        }),
        false => None,
    };
    let response = ews::GetPhoneCallInformationResponse {
        response_message: ews::ResponseMessageType {
            response_class: class.ok_or("missing ResponseClass")?,
            message_text: None,
            response_code: code,
            descriptive_link_key: None,
            message_xml: None,
        },
        phone_call_information: information.map(Box::new),
    };
    Ok((header, response))
}

/// The GetUMProperties response.
pub fn get_um_properties_response(xml: &[u8]) -> Result<um::GetUmPropertiesResponse> {
    #[derive(Clone, Copy, PartialEq)]
    enum Field {
        None,
        Oof,
        Missed,
        Dial,
        Numbers,
        Folder,
    }
    let mut field = Field::None;
    let mut oof = None;
    let mut missed = None;
    let (mut dial, mut numbers, mut folder) = (None::<String>, None::<String>, None::<String>);
    stream(xml, |item| {
        match item {
            Item::Start(depth, ns, local, _) => {
                field = match (depth, ns, local) {
                    (1, SOAP, "Envelope")
                    | (2, SOAP, "Body")
                    | (3 | 4, M, "GetUMPropertiesResponse") => Field::None,
                    (5, M, "OofStatus") => Field::Oof,
                    (5, M, "MissedCallNotificationEnabled") => Field::Missed,
                    (5, M, "PlayOnPhoneDialString") => Field::Dial,
                    (5, M, "TelephoneAccessNumbers") => Field::Numbers,
                    (5, M, "TelephoneAccessFolderEmail") => Field::Folder,
                    _ => return Err(unexpected(ns, local)),
                }
            }
            Item::Text(text) => {
                let append =
                    |slot: &mut Option<String>| slot.get_or_insert_with(String::new).push_str(text);
                match field {
                    Field::Oof => oof = Some(parse(text)?),
                    Field::Missed => missed = Some(parse(text)?),
                    Field::Dial => append(&mut dial),
                    Field::Numbers => append(&mut numbers),
                    Field::Folder => append(&mut folder),
                    Field::None => return Err("unexpected text".into()),
                }
            }
        }
        Ok(())
    })?;
    let properties = um::UmProperties {
        oof_status: oof.ok_or("missing OofStatus")?,
        missed_call_notification_enabled: missed.ok_or("missing MissedCallNotificationEnabled")?,
        play_on_phone_dial_string: dial.ok_or("missing PlayOnPhoneDialString")?,
        telephone_access_numbers: numbers.ok_or("missing TelephoneAccessNumbers")?,
        telephone_access_folder_email: folder.ok_or("missing TelephoneAccessFolderEmail")?,
    };
    Ok(um::GetUmPropertiesResponse {
        get_um_properties_response: properties,
    })
}

const ENVELOPE_START: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";
const ENVELOPE_END: &str = "</soap:Body></soap:Envelope>";

fn push_escaped(out: &mut Vec<u8>, value: &str) {
    out.extend_from_slice(quick_xml::escape::escape(value).as_bytes());
}

/// The GetCallInfo request, by concatenation.
pub fn concat_get_call_info(call_id: &str) -> Vec<u8> {
    const OPEN: &[u8] = b"<GetCallInfo xmlns=\"http://schemas.microsoft.com/exchange/services/2006/messages\"><CallId>";
    const CLOSE: &[u8] = b"</CallId></GetCallInfo>";
    // Pre-sized: the constant markup and the value (escaping may add more).
    let markup = ENVELOPE_START.len() + OPEN.len() + CLOSE.len() + ENVELOPE_END.len();
    let mut out = Vec::with_capacity(markup + call_id.len());
    out.extend_from_slice(ENVELOPE_START.as_bytes());
    out.extend_from_slice(OPEN);
    push_escaped(&mut out, call_id);
    out.extend_from_slice(CLOSE);
    out.extend_from_slice(ENVELOPE_END.as_bytes());
    out
}

/// The PlayOnPhone request, by concatenation.
pub fn concat_play_on_phone(entry_id: &str, dial_string: &str) -> Vec<u8> {
    const OPEN: &[u8] = b"<PlayOnPhone xmlns=\"http://schemas.microsoft.com/exchange/services/2006/messages\"><entryId>";
    const MIDDLE: &[u8] = b"</entryId><dialString>";
    const CLOSE: &[u8] = b"</dialString></PlayOnPhone>";
    let markup =
        ENVELOPE_START.len() + OPEN.len() + MIDDLE.len() + CLOSE.len() + ENVELOPE_END.len();
    let mut out = Vec::with_capacity(markup + entry_id.len() + dial_string.len());
    out.extend_from_slice(ENVELOPE_START.as_bytes());
    out.extend_from_slice(OPEN);
    push_escaped(&mut out, entry_id);
    out.extend_from_slice(MIDDLE);
    push_escaped(&mut out, dial_string);
    out.extend_from_slice(CLOSE);
    out.extend_from_slice(ENVELOPE_END.as_bytes());
    out
}

fn writer_envelope(
    body: impl FnOnce(&mut Writer<Cursor<Vec<u8>>>) -> std::io::Result<()>,
) -> Vec<u8> {
    let mut w = Writer::new(Cursor::new(Vec::with_capacity(512)));
    let write = |w: &mut Writer<Cursor<Vec<u8>>>| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        let envelope = BytesStart::new("soap:Envelope").with_attributes([("xmlns:soap", SOAP)]);
        w.write_event(Event::Start(envelope))?;
        w.write_event(Event::Start(BytesStart::new("soap:Body")))?;
        body(w)?;
        w.write_event(Event::End(BytesEnd::new("soap:Body")))?;
        w.write_event(Event::End(BytesEnd::new("soap:Envelope")))
    };
    write(&mut w).expect("writing to memory cannot fail");
    w.into_inner().into_inner()
}

fn text_element(w: &mut Writer<Cursor<Vec<u8>>>, name: &str, text: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// The GetCallInfo request, with quick-xml's `Writer`.
pub fn writer_get_call_info(call_id: &str) -> Vec<u8> {
    writer_envelope(|w| {
        w.write_event(Event::Start(
            BytesStart::new("GetCallInfo").with_attributes([("xmlns", M)]),
        ))?;
        text_element(w, "CallId", call_id)?;
        w.write_event(Event::End(BytesEnd::new("GetCallInfo")))
    })
}

/// The PlayOnPhone request, with quick-xml's `Writer`.
pub fn writer_play_on_phone(entry_id: &str, dial_string: &str) -> Vec<u8> {
    writer_envelope(|w| {
        w.write_event(Event::Start(
            BytesStart::new("PlayOnPhone").with_attributes([("xmlns", M)]),
        ))?;
        text_element(w, "entryId", entry_id)?;
        text_element(w, "dialString", dial_string)?;
        w.write_event(Event::End(BytesEnd::new("PlayOnPhone")))
    })
}
