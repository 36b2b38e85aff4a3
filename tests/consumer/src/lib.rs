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

/// Three versions of the `urn:example:shop` service as one module,
/// generated from `tests/fixtures/versions/`.
pub mod shop {
    include!(concat!(env!("OUT_DIR"), "/shop.rs"));
}

/// A module for each XSD construct, generated from
/// `tests/fixtures/constructs/`.
pub mod constructs {
    #[doc = "Generated from `all.xsd`."]
    pub mod all {
        include!(concat!(env!("OUT_DIR"), "/all.rs"));
    }
    #[doc = "Generated from `any.xsd`."]
    pub mod any {
        include!(concat!(env!("OUT_DIR"), "/any.rs"));
    }
    #[doc = "Generated from `attributes.xsd`."]
    pub mod attributes {
        include!(concat!(env!("OUT_DIR"), "/attributes.rs"));
    }
    #[doc = "Generated from `choice.xsd`."]
    pub mod choice {
        include!(concat!(env!("OUT_DIR"), "/choice.rs"));
    }
    #[doc = "Generated from `compact.xsd`."]
    pub mod compact {
        include!(concat!(env!("OUT_DIR"), "/compact.rs"));
    }
    #[doc = "Generated from `elements.xsd`."]
    pub mod elements {
        include!(concat!(env!("OUT_DIR"), "/elements.rs"));
    }
    #[doc = "Generated from `extension.xsd`."]
    pub mod extension {
        include!(concat!(env!("OUT_DIR"), "/extension.rs"));
    }
    #[doc = "Generated from `extension-of-choice.xsd`."]
    pub mod extension_of_choice {
        include!(concat!(env!("OUT_DIR"), "/extension_of_choice.rs"));
    }
    #[doc = "Generated from `forward.xsd`."]
    pub mod forward {
        include!(concat!(env!("OUT_DIR"), "/forward.rs"));
    }
    #[doc = "Generated from `forward.xsd`, keeping unknown elements."]
    pub mod forward_kept {
        include!(concat!(env!("OUT_DIR"), "/forward_kept.rs"));
    }
    #[doc = "Generated from `group.xsd`."]
    pub mod group {
        include!(concat!(env!("OUT_DIR"), "/group.rs"));
    }
    #[doc = "Generated from `list.xsd`."]
    pub mod list {
        include!(concat!(env!("OUT_DIR"), "/list.rs"));
    }
    #[doc = "Generated from `nillable.xsd`."]
    pub mod nillable {
        include!(concat!(env!("OUT_DIR"), "/nillable.rs"));
    }
    #[doc = "Generated from `restriction.xsd`."]
    pub mod restriction {
        include!(concat!(env!("OUT_DIR"), "/restriction.rs"));
    }
    #[doc = "Generated from `sequence.xsd`."]
    pub mod sequence {
        include!(concat!(env!("OUT_DIR"), "/sequence.rs"));
    }
    #[doc = "Generated from `simple-content.xsd`."]
    pub mod simple_content {
        include!(concat!(env!("OUT_DIR"), "/simple_content.rs"));
    }
    #[doc = "Generated from `simple-types.xsd`."]
    pub mod simple_types {
        include!(concat!(env!("OUT_DIR"), "/simple_types.rs"));
    }
    #[doc = "Generated from `substitution.xsd`."]
    pub mod substitution {
        include!(concat!(env!("OUT_DIR"), "/substitution.rs"));
    }
    #[doc = "Generated from `union.xsd`."]
    pub mod union {
        include!(concat!(env!("OUT_DIR"), "/union.rs"));
    }
    #[doc = "Generated from `xsi-type.xsd`."]
    pub mod xsi_type {
        include!(concat!(env!("OUT_DIR"), "/xsi_type.rs"));
    }
}
