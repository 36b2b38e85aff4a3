//! `codegen.toml`: what `ews-um-codegen generate` and `check` produce, and
//! from which schemas.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Builder;
use crate::error::Error;

/// The name of the config file, looked up from the current directory
/// upwards.
pub const FILE_NAME: &str = "codegen.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// One entry per generated file.
    #[serde(rename = "module")]
    pub modules: Vec<ModuleConfig>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleConfig {
    /// Schema files, relative to the config file.
    pub schemas: Vec<PathBuf>,
    /// The file to write, relative to the config file.
    pub output: PathBuf,
    /// Top-level elements to generate; every one when absent.
    pub elements: Option<Vec<String>>,
    /// Pair `X` with `XResponse` as an operation, with this SOAPAction prefix.
    pub soap_action_prefix: Option<String>,
    /// Derive serde traits behind this cargo feature.
    pub serde_feature: Option<String>,
    /// Extra spellings accepted when decoding, by element local name.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
}

/// A config file read, with the directory its paths are relative to.
pub struct Loaded {
    pub dir: PathBuf,
    pub config: Config,
}

impl Loaded {
    /// Reads `path`.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let config: Config = toml::from_str(&text).map_err(|e| Error::Config {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        if let Some(m) = config
            .modules
            .iter()
            .find(|m| m.elements.as_ref().is_some_and(Vec::is_empty))
        {
            let message = format!(
                "module {}: `elements` is empty; leave it out to generate every element",
                m.output.display()
            );
            return Err(Error::Config {
                path: path.to_owned(),
                message,
            });
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Self { dir, config })
    }

    /// Finds `codegen.toml` in `start` or the nearest directory above it.
    pub fn find(start: &Path) -> Result<Self, Error> {
        let found = start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file());
        match found {
            Some(path) => Self::read(&path),
            None => Err(Error::Request(format!(
                "no {FILE_NAME} in {} or above; pass --config",
                start.display()
            ))),
        }
    }

    /// Each module's output path and the builder that generates it.
    pub fn builders(&self) -> Vec<(PathBuf, Builder)> {
        self.config
            .modules
            .iter()
            .map(|m| {
                let schemas: Vec<PathBuf> = m.schemas.iter().map(|s| self.dir.join(s)).collect();
                (self.dir.join(&m.output), self.builder(m, schemas))
            })
            .collect()
    }

    /// The builder for module `m`, reading `schemas` (another version of
    /// the module's schemas, say) instead of the configured ones.
    pub fn builder(&self, m: &ModuleConfig, schemas: impl IntoIterator<Item = PathBuf>) -> Builder {
        let mut builder = schemas
            .into_iter()
            .fold(Builder::new().paths_relative_to(&self.dir), Builder::schema);
        for element in m.elements.iter().flatten() {
            builder = builder.element(element);
        }
        for (element, aliases) in &m.aliases {
            for alias in aliases {
                builder = builder.alias(element, alias);
            }
        }
        if let Some(prefix) = &m.soap_action_prefix {
            builder = builder.operations(prefix);
        }
        if let Some(feature) = &m.serde_feature {
            builder = builder.serde_feature(feature);
        }
        builder
    }
}
