//! The legacy UM web service's envelopes, from bytes.
#![no_main]

use ews_um::um;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| ews_um_fuzz::round_trip::<um::Message, ()>(data));
