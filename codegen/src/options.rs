//! What to generate: the one set of options behind `codegen.toml`'s
//! modules, the [`Builder`](crate::Builder) and the CLI.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

/// A module to generate: from which schemas, which of their top-level
/// elements, with what extras, and where to. In `codegen.toml`, one
/// `[[module]]` table (paths relative to the file).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Schema files; the files they include and import are read too.
    #[serde(default)]
    pub schemas: Vec<PathBuf>,
    /// Top-level elements to generate (local names) and all they reach;
    /// every top-level element of the schema files when `None`.
    pub elements: Option<Vec<String>>,
    /// Extra spellings accepted when decoding, by element local name.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Names of anonymous choices, by path (`FindItemType/choice[2]`), where
    /// the naming rules' are not wanted.
    #[serde(default)]
    pub choice_names: BTreeMap<String, String>,
    /// Pair `X` with `XResponse` as an operation whose SOAPAction is this
    /// prefix followed by `X`.
    pub soap_action_prefix: Option<String>,
    /// Derive serde traits behind this cargo feature.
    pub serde_feature: Option<String>,
    /// Derive `arbitrary::Arbitrary` (for fuzzing and property tests)
    /// behind this cargo feature.
    pub arbitrary_feature: Option<String>,
    /// Elements keep their declared types, derived types or not.
    #[serde(default)]
    pub declared_types_only: bool,
    /// Every struct with element content keeps the elements its schema does
    /// not declare (`unknown_elements`), as sent, and writes them back.
    #[serde(default)]
    pub keep_unknown_elements: bool,
    /// The service description (WSDL 1.1) of the schemas' operations: an
    /// `Operation` impl for each operation of its SOAP binding.
    pub wsdl: Option<PathBuf>,
    /// Schema locations (remote ones, say) mapped to local files: nothing is
    /// ever fetched.
    #[serde(default)]
    pub catalog: BTreeMap<String, PathBuf>,
    /// Several versions of the schemas, oldest first, generated as one
    /// module: their union, each member, alternative and value that not
    /// every version has labelled with the versions that have it. In place
    /// of `schemas` and `wsdl`. In `codegen.toml`, `[[module.versions]]`
    /// tables.
    #[serde(default)]
    pub versions: Vec<SchemaVersion>,
    /// Where to write: a `.rs` file, or a directory (`mod.rs` and a
    /// submodule per schema file).
    pub output: Option<PathBuf>,
    /// The generated header names the schema files relative to this
    /// directory (`codegen.toml`'s), so that the output does not depend on
    /// where the checkout is.
    #[serde(skip)]
    pub paths_relative_to: Option<PathBuf>,
}

/// One version of a module's schemas.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaVersion {
    /// What labels and version checks call it: for Exchange, the
    /// `RequestServerVersion` value that asks a server for it
    /// (`Exchange2010_SP1`).
    pub name: String,
    /// Its schema files.
    pub schemas: Vec<PathBuf>,
    /// Its service description.
    pub wsdl: Option<PathBuf>,
}

impl Options {
    /// The options of one version of a module of several: its schemas and
    /// service description in place of the module's.
    pub(crate) fn of_version(&self, version: &SchemaVersion) -> Options {
        Options {
            schemas: version.schemas.clone(),
            wsdl: version.wsdl.clone(),
            versions: Vec::new(),
            ..self.clone()
        }
    }

    /// The schema files `paths` as the generated header names them.
    pub fn sources(&self, paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| {
                let shown = self
                    .paths_relative_to
                    .as_deref()
                    .and_then(|base| p.strip_prefix(base).ok())
                    .unwrap_or(p);
                shown.display().to_string().replace('\\', "/")
            })
            .collect()
    }
}
