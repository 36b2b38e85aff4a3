//! The [`Builder`]: [`Options`] set step by step, and the stages run over
//! them — the front that build scripts, `codegen.toml` and the CLI share.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::inspect::Report;
use crate::load::{self, SchemaSet};
use crate::options::Options;
use crate::output::{self, write_all_atomically, write_atomically};
use crate::stages::Module;

/// What to generate: schemas, the top-level elements wanted, and options.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    options: Options,
    module_name: Option<String>,
    out_dir: Option<PathBuf>,
}

impl From<Options> for Builder {
    fn from(options: Options) -> Self {
        Builder {
            options,
            ..Builder::default()
        }
    }
}

impl Builder {
    /// A builder with no schemas yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The options set so far.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Adds a schema file; the files it includes and imports are loaded too.
    pub fn schema(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.schemas.push(path.into());
        self
    }

    /// Generates this top-level element (by local name) and the types it
    /// reaches. Without any, every top-level element of the schemas is
    /// generated.
    pub fn element(mut self, name: impl Into<String>) -> Self {
        self.options
            .elements
            .get_or_insert_with(Vec::new)
            .push(name.into());
        self
    }

    /// Accepts `alias` as another spelling of every element named `element`
    /// when decoding (encoding always writes `element`).
    pub fn alias(mut self, element: impl Into<String>, alias: impl Into<String>) -> Self {
        let aliases = self.options.aliases.entry(element.into()).or_default();
        aliases.push(alias.into());
        self
    }

    /// Names the anonymous choice at `path` — the XML name of the type that
    /// holds it, then `/choice[n]` for its place among that type's
    /// anonymous choices — after `name` instead of by the naming rules:
    /// `choice_name("FindItemType/choice[2]", "Grouping")`.
    pub fn choice_name(mut self, path: impl Into<String>, name: impl Into<String>) -> Self {
        self.options.choice_names.insert(path.into(), name.into());
        self
    }

    /// Implements `ews_um::Operation` for each element `X` whose response
    /// `XResponse` is generated too, with SOAPAction `prefix` + `X`.
    pub fn operations(mut self, soap_action_prefix: impl Into<String>) -> Self {
        self.options.soap_action_prefix = Some(soap_action_prefix.into());
        self
    }

    /// Reads the operations of `path`, a WSDL 1.1 service description: an
    /// `ews_um::Operation` impl for each operation of its SOAP binding whose
    /// request is generated (its response and headers are generated with
    /// it), with its SOAPAction and the types of its headers.
    pub fn wsdl(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.wsdl = Some(path.into());
        self
    }

    /// Adds a version of the schemas, after those added before (oldest
    /// first): the module is generated from the union of the versions,
    /// each member, alternative and enumeration value that not every
    /// version has labelled with the versions that have it, for
    /// `VERSIONS.check`. Used instead of [`schema`](Self::schema) and
    /// [`wsdl`](Self::wsdl).
    pub fn version<P: Into<PathBuf>>(
        mut self,
        name: impl Into<String>,
        schemas: impl IntoIterator<Item = P>,
        wsdl: Option<PathBuf>,
    ) -> Self {
        self.options.versions.push(crate::options::SchemaVersion {
            name: name.into(),
            schemas: schemas.into_iter().map(Into::into).collect(),
            wsdl,
        });
        self
    }

    /// Reads the schema `location` (a URL an import gives, say) from the
    /// local file `path`: nothing is ever fetched.
    pub fn catalog(mut self, location: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        self.options.catalog.insert(location.into(), path.into());
        self
    }

    /// Derives `serde::Serialize` and `Deserialize` when the including
    /// crate's cargo feature `feature` is on.
    pub fn serde_feature(mut self, feature: impl Into<String>) -> Self {
        self.options.serde_feature = Some(feature.into());
        self
    }

    /// Derives `arbitrary::Arbitrary` (for fuzzing and property tests)
    /// when the including crate's cargo feature `feature` is on.
    pub fn arbitrary_feature(mut self, feature: impl Into<String>) -> Self {
        self.options.arbitrary_feature = Some(feature.into());
        self
    }

    /// Gives every element the type its schema declares, even where the
    /// schemas derive other types from it: no enum of the alternatives, and
    /// `xsi:type` is not looked at. For code that reads a subset of a
    /// schema whose messages never name derived types.
    pub fn declared_types_only(mut self) -> Self {
        self.options.declared_types_only = true;
        self
    }

    /// Gives every struct with element content (but simple content, and
    /// one whose wildcard takes every element) a field that keeps the
    /// elements its schema does not declare — those a newer version of the
    /// schema added — as sent (`unknown_elements: Vec<RawXml>`), written
    /// back after the others. Without it, forward-compatible decoding skips
    /// them; strict decoding refuses them either way.
    pub fn keep_unknown_elements(mut self, keep: bool) -> Self {
        self.options.keep_unknown_elements = keep;
        self
    }

    /// Names schema files relative to `dir` in the generated header, so that
    /// the output does not depend on where the checkout is.
    pub fn paths_relative_to(mut self, dir: impl Into<PathBuf>) -> Self {
        self.options.paths_relative_to = Some(dir.into());
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

    /// The first stage: reads and interprets the schemas.
    pub fn load(&self) -> Result<SchemaSet, Error> {
        load::load(&self.options)
    }

    /// The second stage: lowers the elements asked for, and all they reach,
    /// from `schemas` (as [`load`](Self::load) read them).
    pub fn lower(&self, schemas: &SchemaSet) -> Result<Module, Error> {
        Module::lower(schemas, &self.options)
    }

    /// The generated module's source: all three stages.
    pub fn generate(&self) -> Result<String, Error> {
        self.lower(&self.load()?)?.source()
    }

    /// The generated module as the files of directory `dir`: `mod.rs`, and
    /// a submodule for the types of each schema file.
    pub fn generate_files(&self, dir: &Path) -> Result<Vec<(PathBuf, String)>, Error> {
        self.lower(&self.load()?)?.files(dir)
    }

    /// What the generated code does, as code without the schema's
    /// documentation: for comparing the types two schemas generate.
    pub fn structure(&self) -> Result<String, Error> {
        self.lower(&self.load()?)?.structure()
    }

    /// What changed between the two versions given (with
    /// [`version`](Self::version)): operations, elements, types, members
    /// and enumeration values added or removed, and members whose type or
    /// occurrence changed, grouped by operation.
    pub fn diff(&self) -> Result<String, Error> {
        Module::diff(&self.load()?, &self.options)
    }

    /// What the generator makes of the schemas: how many types they define,
    /// how long loading them takes, and which of their top-level elements
    /// cannot be generated yet, by construct (of the newest, given
    /// several [`version`](Self::version)s).
    pub fn inspect(&self) -> Result<Report, Error> {
        self.survey(&self.load()?)
    }

    /// [`inspect`](Self::inspect) of schemas loaded already: one lowering
    /// of all they declare, going on after errors.
    pub fn survey(&self, schemas: &SchemaSet) -> Result<Report, Error> {
        crate::lower::survey(schemas, &self.options)
    }

    /// Generates `<out_dir>/<module_name>.rs` (or, without a module name,
    /// the output the options give) and returns its path.
    pub fn build(&self) -> Result<PathBuf, Error> {
        let path = match (&self.module_name, &self.options.output) {
            (Some(name), _) => {
                let dir = match &self.out_dir {
                    Some(dir) => dir.clone(),
                    None => std::env::var_os("OUT_DIR").map(PathBuf::from).ok_or_else(|| {
                        Error::Request("Builder::build needs an out_dir outside a build script (OUT_DIR is not set)".into())
                    })?,
                };
                dir.join(format!("{name}.rs"))
            }
            (None, Some(output)) => output.clone(),
            (None, None) => {
                return Err(Error::Request("Builder::build needs a module_name".into()));
            }
        };
        self.write(&path)?;
        Ok(path)
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
