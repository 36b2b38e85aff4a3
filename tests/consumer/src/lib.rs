//! Types for a small made-up service, generated at build time from
//! `schemas/ping.xsd`.

/// The `urn:example:ping` service.
pub mod ping {
    include!(concat!(env!("OUT_DIR"), "/ping.rs"));
}
