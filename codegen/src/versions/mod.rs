//! Several versions of a schema as one module: each version is loaded and
//! lowered on its own, then `merge` makes their union, every item marked
//! with the versions that have it; `diff` reports what changed between
//! two.

pub mod diff;
mod merge;
mod spans;

pub use merge::{merge, union};

use std::collections::HashSet;

use crate::emit::version_const;
use crate::error::Error;
use crate::model::Presence;
use crate::options::Options;

/// Refuses a module that gives schemas both per version and of its own,
/// too many versions, and a version without schemas.
pub fn check_request(options: &Options) -> Result<(), Error> {
    if !options.schemas.is_empty() || options.wsdl.is_some() {
        return Err(Error::Request(
            "a module of several versions takes its schemas and WSDL from each version, \
             not `schemas`/`wsdl` of its own"
                .into(),
        ));
    }
    if options.versions.len() > Presence::MAX_VERSIONS {
        return Err(Error::Request(format!(
            "{} versions: a module merges at most {}",
            options.versions.len(),
            Presence::MAX_VERSIONS
        )));
    }
    if let Some(version) = options.versions.iter().find(|v| v.schemas.is_empty()) {
        return Err(Error::Request(format!(
            "version {} has no schema files",
            version.name
        )));
    }
    Ok(())
}

/// Refuses version names the generated constants could not tell apart.
pub fn check_names(names: &[String]) -> Result<(), Error> {
    let mut consts = HashSet::new();
    for name in names {
        let konst = version_const(name);
        if !konst.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(Error::Request(format!(
                "version name {name:?} cannot name a constant: start it with a letter"
            )));
        }
        if !consts.insert(konst.clone()) {
            return Err(Error::Request(format!(
                "two versions would both be called {konst}: name them apart"
            )));
        }
    }
    Ok(())
}
