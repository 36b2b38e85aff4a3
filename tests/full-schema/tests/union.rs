//! The same tests as `ews.rs`, in the types generated from every schema
//! version at hand merged into one module: the union reads and writes
//! what the 2016 types do, field by field.

use ews_full_schema::union as schema;

mod common;
#[path = "cases/responses.rs"]
mod responses;
#[path = "cases/round_trips.rs"]
mod round_trips;
#[path = "cases/user_configuration.rs"]
mod user_configuration;
