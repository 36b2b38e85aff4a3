//! What `ews-um encode` reads: JSON to an envelope. Whatever JSON gives a
//! message either encodes to an envelope that decodes back to the same
//! message, or is refused at encode naming the member.
#![no_main]

use ews_um::Error;
use ews_um::json::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = serde_json::from_slice::<Document>(data) else {
        return;
    };
    match document.clone().encode() {
        Ok(bytes) => {
            let again = Document::decode(&bytes).unwrap_or_else(|e| {
                panic!(
                    "its encoding does not decode: {e}\n{}",
                    String::from_utf8_lossy(&bytes)
                )
            });
            assert!(
                ews_um_fuzz::same(&again, &document),
                "decodes back to another message:\n{again:?}\n{document:?}"
            );
        }
        Err(Error::Encode(e)) => assert!(e.path.starts_with('/'), "no member named: {e}"),
        Err(other) => panic!("encoding fails other than as an encode error: {other}"),
    }
});
