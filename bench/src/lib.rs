//! What the benchmarks measure: ews-um's decoders and encoders, the floor
//! (quick-xml reading the same bytes and building nothing), and the
//! alternatives a user would pick — a hand-written quick-xml decoder,
//! serde derives over quick-xml, and xsd-parser's own quick-xml renderer.
//! Each alternative decodes the same message into the same information.

pub mod alloc;
pub mod ews_crate;
pub mod find_item;
pub mod fixtures;
pub mod floor;
pub mod get_attachment;
pub mod get_item;
pub mod hand;
pub mod microsoft;
pub mod repeat;
pub mod report;
pub mod serde_model;
pub mod sync_folder_items;
pub mod xsd_parser_model;
