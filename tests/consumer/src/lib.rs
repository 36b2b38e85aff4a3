//! Types for small made-up schemas, generated at build time from
//! `schemas/`.

/// The `urn:example:ping` service.
pub mod ping {
    include!(concat!(env!("OUT_DIR"), "/ping.rs"));
}

/// The `urn:example:tree` schema: a recursive type.
pub mod tree {
    include!(concat!(env!("OUT_DIR"), "/tree.rs"));
}
