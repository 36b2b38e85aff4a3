//! The responses measured at scale, generated from Microsoft's EWS schema
//! when it is at hand (see `build.rs`): FindItem, GetItem, SyncFolderItems
//! and GetAttachment, with the ServerVersionInfo header. The modules that
//! measure them read the decoded values through as few fields as they can
//! (counting items, changes, content bytes), so that they follow the
//! generated types' shapes with few edits.

/// The generated response elements and the types they use.
#[cfg(ews_schema)]
#[allow(missing_docs, clippy::all)]
pub mod ews {
    include!(concat!(env!("OUT_DIR"), "/microsoft.rs"));
}

/// A response of the generated types, in its envelope, with the
/// ServerVersionInfo header Exchange sends.
#[cfg(ews_schema)]
pub type Response<B> = ews_um::Envelope<B, Option<ews::ServerVersionInfo>>;

/// Decodes a response the benchmarks built: they are all valid, so an
/// error is a bug of the benchmark or of ews-um, and panics.
#[cfg(ews_schema)]
pub fn decode<B: ews_um::xml::Payload>(xml: &[u8]) -> Option<Response<B>> {
    let response = Response::<B>::decode(xml)
        .unwrap_or_else(|e| panic!("the {} response decodes: {e}", std::any::type_name::<B>()));
    Some(response)
}
/// Nothing to decode with: Microsoft's schema was not at hand.
#[cfg(not(ews_schema))]
pub fn decode(xml: &[u8]) -> Option<()> {
    let _ = xml;
    None
}

/// The response messages of a response body (every response of the schema
/// extends `BaseResponseMessageType`).
#[cfg(ews_schema)]
pub fn messages(
    body: &ews::BaseResponseMessageType,
) -> &[ews::array_of_response_messages_type::ResponseMessage] {
    &body.response_messages.response_messages
}

/// Why the figures of Microsoft's schema are missing, when they are.
pub const SKIPPED: &str = "skipped: Microsoft's EWS schema was not found when the benchmarks were built (set EWS_SCHEMA_DIR to the folder holding messages.xsd and types.xsd)";
