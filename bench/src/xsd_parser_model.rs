//! The same messages decoded by the code xsd-parser 1.5.2's own quick-xml
//! renderer generates (by this crate's build script) from `schemas/` and an
//! envelope schema per message (`bench/schemas/`).

use xsd_parser_types::quick_xml::{DeserializeSync, Error, SliceReader};

#[allow(clippy::all, dead_code, missing_docs, unused, unreachable_pub)]
pub mod get_call_info {
    include!(concat!(env!("OUT_DIR"), "/xsd_parser_get_call_info.rs"));
}

#[allow(clippy::all, dead_code, missing_docs, unused, unreachable_pub)]
pub mod get_phone_call_information {
    include!(concat!(
        env!("OUT_DIR"),
        "/xsd_parser_get_phone_call_information.rs"
    ));
}

#[allow(clippy::all, dead_code, missing_docs, unused, unreachable_pub)]
pub mod get_um_properties {
    include!(concat!(env!("OUT_DIR"), "/xsd_parser_get_um_properties.rs"));
}

/// Lines xsd-parser's renderer emits for the elements of ews-um's modules
/// (counted by the build script after formatting with prettyplease).
pub mod lines {
    include!(concat!(env!("OUT_DIR"), "/xsd_parser_lines.rs"));
}

/// Decodes `xml` as a `T` with xsd-parser's generated code.
pub fn decode<'a, T>(xml: &'a str) -> Result<T, Error>
where
    T: DeserializeSync<'a, SliceReader<'a>, Error = Error>,
{
    T::deserialize(&mut SliceReader::new(xml))
}
