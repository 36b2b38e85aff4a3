//! What every decode target asserts: decoding never panics, a failure names
//! where (line and column, at least 1), and whatever decodes encodes, then
//! decodes back to an equal value and encodes to the same bytes again.

use std::fmt::Debug;

use ews_um::xml::Payload;
use ews_um::{DecodeError, Envelope, Error, Headers};

/// Decodes `data` as an envelope of `B` with headers `H`, and checks the
/// round trip of whatever decodes (a fault included).
pub fn round_trip<B, H>(data: &[u8])
where
    B: Payload + PartialEq + Debug,
    H: Headers + PartialEq + Debug,
{
    match Envelope::<B, H>::decode(data) {
        Ok(envelope) => {
            let bytes = envelope
                .encode()
                .unwrap_or_else(|e| panic!("decoded, but does not encode: {e}\n{envelope:?}"));
            let again = Envelope::<B, H>::decode(&bytes).unwrap_or_else(|e| {
                panic!(
                    "its encoding does not decode: {e}\n{}",
                    String::from_utf8_lossy(&bytes)
                )
            });
            assert!(
                same(&again, &envelope),
                "decodes back to another value:\n{again:?}\n{envelope:?}"
            );
            assert_eq!(again.encode().ok(), Some(bytes), "encodes to other bytes");
        }
        Err(Error::Fault(fault)) => {
            let bytes = Envelope::new(*fault.clone())
                .encode()
                .unwrap_or_else(|e| panic!("fault decoded, but does not encode: {e}\n{fault:?}"));
            match Envelope::<B, H>::decode(&bytes) {
                Err(Error::Fault(again)) => assert_eq!(again, fault, "fault reads back otherwise"),
                other => panic!("fault's encoding reads back as {other:?}"),
            }
        }
        Err(Error::Decode(e)) => positioned(&e),
        Err(other) => panic!("decoding fails other than as a decode error: {other}"),
    }
}

/// Equal, or equal but for NaNs (`xs:double` reads `NaN`, which is not
/// equal to itself): then their debug forms are the same.
pub fn same<T: PartialEq + Debug>(a: &T, b: &T) -> bool {
    a == b || format!("{a:?}") == format!("{b:?}")
}

/// A decode error says where: line and column count from 1.
pub fn positioned(e: &DecodeError) {
    assert!(
        e.line >= 1 && e.column >= 1,
        "error without a position: {e}"
    );
}
