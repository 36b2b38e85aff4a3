//! Every top-level element of Microsoft's whole EWS schema (generated at
//! build time from `EWS_SCHEMA_DIR`, by default `../../shared/ews-schema`),
//! with the headers a FindItem request and any response take, from bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[cfg(full_schema)]
#[allow(clippy::all, dead_code)]
mod ews {
    include!(concat!(env!("OUT_DIR"), "/ews.rs"));
}

#[cfg(full_schema)]
fuzz_target!(|data: &[u8]| {
    ews_um_fuzz::round_trip::<ews::Message, (ews::FindItemHeaders, Option<ews::ServerVersionInfo>)>(
        data,
    )
});

#[cfg(not(full_schema))]
fuzz_target!(|_data: &[u8]| {
    panic!("built without Microsoft's EWS schema: set EWS_SCHEMA_DIR and build again")
});
