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

pub mod config;
mod emit;
mod error;
mod load;
mod lower;
mod model;
mod naming;
mod output;
mod schema_facts;
mod source_map;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use xsd_parser::models::IdentType;

pub use error::Error;
pub use output::{diff, diff_labelled, write_all_atomically, write_atomically};

/// What [`Builder::inspect`] found.
#[derive(Debug, Clone)]
pub struct Report {
    /// Named types (`complexType`, `simpleType`) in the schemas' files.
    pub named_types: usize,
    /// Types `xsd-parser` interpreted: named, anonymous, elements' and
    /// built-in ones.
    pub interpreted: usize,
    /// Top-level elements selected.
    pub elements: usize,
    /// Time to load and interpret the schemas.
    pub load_time: Duration,
    /// The elements that cannot be generated yet, by the first construct
    /// each reaches that the generator cannot render.
    pub blocked_elements: BTreeMap<String, Vec<String>>,
    /// Every construct the generator cannot render, with the types and
    /// elements that use it.
    pub unsupported: BTreeMap<String, BTreeSet<String>>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let examples = |names: &mut dyn Iterator<Item = &String>| {
            names.take(3).cloned().collect::<Vec<_>>().join(", ")
        };
        let blocked: usize = self.blocked_elements.values().map(Vec::len).sum();
        writeln!(
            f,
            "{} named types ({} interpreted in all) loaded in {:.0?}",
            self.named_types, self.interpreted, self.load_time
        )?;
        if blocked == 0 {
            writeln!(
                f,
                "{} top-level elements: all can be generated",
                self.elements
            )?;
        } else {
            writeln!(
                f,
                "{} top-level elements: {} can be generated, {blocked} cannot yet, by the first construct each reaches:",
                self.elements,
                self.elements - blocked
            )?;
        }
        for (construct, elements) in &self.blocked_elements {
            writeln!(
                f,
                "  {construct}: {} (such as {})",
                elements.len(),
                examples(&mut elements.iter())
            )?;
        }
        if self.unsupported.is_empty() {
            return writeln!(f, "every construct of the schemas is rendered");
        }
        writeln!(
            f,
            "constructs not rendered yet, with the types and elements that use them:"
        )?;
        for (construct, users) in &self.unsupported {
            writeln!(
                f,
                "  {construct}: {} (such as {})",
                users.len(),
                examples(&mut users.iter())
            )?;
        }
        Ok(())
    }
}

/// What to generate: schemas, the top-level elements wanted, and options.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    schemas: Vec<PathBuf>,
    elements: Vec<String>,
    aliases: BTreeMap<String, Vec<String>>,
    soap_action_prefix: Option<String>,
    serde_feature: Option<String>,
    declared_types_only: bool,
    base_dir: Option<PathBuf>,
    module_name: Option<String>,
    out_dir: Option<PathBuf>,
}

impl Builder {
    /// A builder with no schemas yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a schema file; the files it includes and imports are loaded too.
    pub fn schema(mut self, path: impl Into<PathBuf>) -> Self {
        self.schemas.push(path.into());
        self
    }

    /// Generates this top-level element (by local name) and the types it
    /// reaches. Without any, every top-level element of the schemas is
    /// generated.
    pub fn element(mut self, name: impl Into<String>) -> Self {
        self.elements.push(name.into());
        self
    }

    /// Accepts `alias` as another spelling of every element named `element`
    /// when decoding (encoding always writes `element`).
    pub fn alias(mut self, element: impl Into<String>, alias: impl Into<String>) -> Self {
        self.aliases
            .entry(element.into())
            .or_default()
            .push(alias.into());
        self
    }

    /// Implements `ews_um::Operation` for each element `X` whose response
    /// `XResponse` is generated too, with SOAPAction `prefix` + `X`.
    pub fn operations(mut self, soap_action_prefix: impl Into<String>) -> Self {
        self.soap_action_prefix = Some(soap_action_prefix.into());
        self
    }

    /// Derives `serde::Serialize` and `Deserialize` when the including
    /// crate's cargo feature `feature` is on.
    pub fn serde_feature(mut self, feature: impl Into<String>) -> Self {
        self.serde_feature = Some(feature.into());
        self
    }

    /// Gives every element the type its schema declares, even where the
    /// schemas derive other types from it: no enum of the alternatives, and
    /// `xsi:type` is not looked at. For code that reads a subset of a
    /// schema whose messages never name derived types.
    pub fn declared_types_only(mut self) -> Self {
        self.declared_types_only = true;
        self
    }

    /// Names schema files relative to `dir` in the generated header, so that
    /// the output does not depend on where the checkout is.
    pub fn paths_relative_to(mut self, dir: impl Into<PathBuf>) -> Self {
        self.base_dir = Some(dir.into());
        self
    }

    /// Names the generated module: [`build`](Self::build) writes
    /// `<out_dir>/<name>.rs`.
    pub fn module_name(mut self, name: impl Into<String>) -> Self {
        self.module_name = Some(name.into());
        self
    }

    /// The directory [`build`](Self::build) writes to; cargo's `OUT_DIR`
    /// when not set, as in a build script.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Generates `<out_dir>/<module_name>.rs` and returns its path.
    pub fn build(&self) -> Result<PathBuf, Error> {
        let name = self
            .module_name
            .as_deref()
            .ok_or_else(|| Error::Request("Builder::build needs a module_name".into()))?;
        let dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR").map(PathBuf::from).ok_or_else(|| {
                Error::Request("Builder::build needs an out_dir outside a build script (OUT_DIR is not set)".into())
            })?,
        };
        let path = dir.join(format!("{name}.rs"));
        self.write(&path)?;
        Ok(path)
    }

    /// The generated module's source.
    pub fn generate(&self) -> Result<String, Error> {
        let loaded = load::load(&self.schemas)?;
        let module = lower::lower(&loaded, &self.options())?;
        output::format(emit::module(&module), &self.sources())
    }

    /// The generated module as the files of directory `dir`: `mod.rs`, and
    /// a submodule for the types of each schema file.
    pub fn generate_files(&self, dir: &Path) -> Result<Vec<(PathBuf, String)>, Error> {
        let loaded = load::load(&self.schemas)?;
        let module = lower::lower(&loaded, &self.options())?;
        let sources = self.sources();
        let (root, parts) = emit::module_files(&module);
        let mut files = vec![(dir.join("mod.rs"), output::format(root, &sources)?)];
        for (name, code) in parts {
            files.push((
                dir.join(format!("{name}.rs")),
                output::format(code, &sources)?,
            ));
        }
        Ok(files)
    }

    /// The schema files as the generated header names them.
    fn sources(&self) -> Vec<String> {
        self.schemas
            .iter()
            .map(|p| {
                let shown = self
                    .base_dir
                    .as_deref()
                    .map_or_else(|| p.clone(), |base| load::relative(p, base));
                shown.display().to_string().replace('\\', "/")
            })
            .collect()
    }

    /// What the generated code does, as text that leaves out documentation:
    /// for comparing the types two schemas generate.
    pub fn structure(&self) -> Result<String, Error> {
        let loaded = load::load(&self.schemas)?;
        let module = lower::lower(&loaded, &self.options())?;
        Ok(format!("{:#?}\n", module.without_docs()))
    }

    /// What the generator makes of the schemas: how many types they define,
    /// how long loading them takes, and which of their top-level elements
    /// cannot be generated yet, by construct.
    pub fn inspect(&self) -> Result<Report, Error> {
        let started = Instant::now();
        let loaded = load::load(&self.schemas)?;
        let load_time = started.elapsed();
        let options = self.options();
        let elements = lower::element_names(&loaded, &options)?;
        let mut blocked_elements: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for element in &elements {
            let one = lower::Options {
                elements: lower::Selection::Named(vec![element.clone()]),
                ..options.clone()
            };
            match lower::lower(&loaded, &one) {
                Ok(_) => {}
                Err(Error::Schema { construct, .. }) => {
                    let kind = construct
                        .split(" in ")
                        .next()
                        .unwrap_or(&construct)
                        .to_owned();
                    blocked_elements
                        .entry(kind)
                        .or_default()
                        .push(element.clone());
                }
                Err(other) => return Err(other),
            }
        }
        let named_types = loaded
            .types
            .items
            .keys()
            .filter(|ident| ident.type_ == IdentType::Type && ident.name.is_named())
            .filter(|ident| load::schema_path(&loaded.schemas, ident.schema).is_some())
            .count();
        Ok(Report {
            named_types,
            interpreted: loaded.types.items.len(),
            elements: elements.len(),
            load_time,
            blocked_elements,
            unsupported: lower::survey(&loaded),
        })
    }

    fn options(&self) -> lower::Options {
        lower::Options {
            elements: if self.elements.is_empty() {
                lower::Selection::All
            } else {
                lower::Selection::Named(self.elements.clone())
            },
            aliases: self.aliases.clone(),
            soap_action_prefix: self.soap_action_prefix.clone(),
            serde_feature: self.serde_feature.clone(),
            declared_types_only: self.declared_types_only,
            roots: self.schemas.clone(),
        }
    }

    /// Generates and writes the module to `path` atomically: on any error
    /// the file is left as it was. A `path` without an extension is a
    /// directory, written as [`generate_files`](Self::generate_files) says;
    /// files generated there before that are not generated now are removed.
    pub fn write(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        match path.extension() {
            Some(e) if e == "rs" => {
                let code = self.generate()?;
                return write_atomically(path, &code);
            }
            Some(_) if !path.is_dir() => {
                return Err(Error::Request(format!(
                    "{}: write a module to a `.rs` file or to a directory",
                    path.display()
                )));
            }
            _ => {}
        }
        let files = self.generate_files(path)?;
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let stale = output::stale_generated_files(path, &files)?;
        write_all_atomically(&files)?;
        for file in stale {
            std::fs::remove_file(&file).map_err(|e| Error::io(&file, e))?;
        }
        Ok(())
    }
}
