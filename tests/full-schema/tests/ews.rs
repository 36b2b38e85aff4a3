//! The full-schema tests, in the types generated from Microsoft's 2016
//! schema alone: real EWS exchanges decoded field by field and written
//! back (`cases/`).

use ews_full_schema::ews as schema;

mod common;
#[path = "cases/responses.rs"]
mod responses;
#[path = "cases/round_trips.rs"]
mod round_trips;
#[path = "cases/user_configuration.rs"]
mod user_configuration;
