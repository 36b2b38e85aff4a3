//! Generates Rust types, with fast namespace-aware XML decoders and
//! encoders, from XML Schema: the generator behind the `ews-um` crate.
//!
//! The generated code is written against the small runtime in `ews_um::xml`,
//! so the crate that includes it depends on `ews-um` (and never on this
//! generator). Use it from a build script, in the spirit of `prost-build`:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     ews_um_codegen::Builder::new()
//!         .schema("schemas/ping.xsd")
//!         .element("Ping")
//!         .element("PingResponse")
//!         .module_name("ping") // writes $OUT_DIR/ping.rs
//!         .build()?;
//!     println!("cargo:rerun-if-changed=schemas/ping.xsd");
//!     Ok(())
//! }
//! ```
//!
//! and in the crate: `mod ping { include!(concat!(env!("OUT_DIR"), "/ping.rs")); }`.
//!
//! Generation runs in three stages, each a public step of the
//! [`Builder`]: [`load`](Builder::load) reads and interprets the schemas
//! into a [`SchemaSet`]; [`lower`](Builder::lower) turns the elements asked
//! for, and all they reach, into a [`Module`]; [`Module::source`] (or
//! [`Module::files`]) emits and formats it.

mod builder;
mod case;
pub mod config;
mod emit;
mod error;
mod inspect;
mod load;
mod lower;
mod model;
mod options;
mod output;
mod passes;
mod stages;
mod versions;

pub use builder::Builder;
pub use error::{Construct, Error};
pub use inspect::Report;
pub use load::SchemaSet;
pub use options::{Options, SchemaVersion};
pub use output::{diff, diff_labelled, write_all_atomically, write_atomically};
pub use stages::Module;
