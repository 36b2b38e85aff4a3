//! The EWS UM operations' envelopes with their version headers, from bytes.
#![no_main]

use ews_um::ews;
use ews_um::json::EwsHeaders;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| ews_um_fuzz::round_trip::<ews::Message, EwsHeaders>(data));
