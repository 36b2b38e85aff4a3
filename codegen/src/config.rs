//! `codegen.toml`: what `ews-um-codegen generate` and `check` produce, and
//! from which schemas. Each `[[module]]` table is an [`Options`], its
//! paths relative to the file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Builder;
use crate::error::Error;
use crate::options::Options;

/// The name of the config file, looked up from the current directory
/// upwards.
pub const FILE_NAME: &str = "codegen.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tables {
    module: Vec<Options>,
}

/// A config file read: its modules, paths resolved against its directory.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// The directory its paths are relative to.
    pub dir: PathBuf,
    /// One per generated file; each has an `output`.
    pub modules: Vec<Options>,
}

impl ConfigFile {
    /// Reads `path`.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let config = |message: String| Error::Config {
            path: path.to_owned(),
            message,
        };
        let tables: Tables = toml::from_str(&text).map_err(|e| config(e.to_string()))?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut modules = Vec::new();
        for mut module in tables.module {
            let Some(output) = &module.output else {
                return Err(config("every module needs an `output`".into()));
            };
            if module.elements.as_ref().is_some_and(Vec::is_empty) {
                return Err(config(format!(
                    "module {}: `elements` is empty; leave it out to generate every element",
                    output.display()
                )));
            }
            module.output = Some(dir.join(output));
            module.schemas = module.schemas.iter().map(|s| dir.join(s)).collect();
            module.wsdl = module.wsdl.map(|w| dir.join(w));
            for version in &mut module.versions {
                version.schemas = version.schemas.iter().map(|s| dir.join(s)).collect();
                version.wsdl = version.wsdl.as_ref().map(|w| dir.join(w));
            }
            for path in module.catalog.values_mut() {
                *path = dir.join(&*path);
            }
            module.paths_relative_to = Some(dir.clone());
            modules.push(module);
        }
        Ok(Self { dir, modules })
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

    /// The module written to a path ending in `output`.
    pub fn module(&self, output: &str) -> Option<&Options> {
        self.modules
            .iter()
            .find(|m| m.output.as_ref().is_some_and(|o| o.ends_with(output)))
    }

    /// Each module's output path and the builder that generates it.
    pub fn builders(&self) -> Vec<(PathBuf, Builder)> {
        self.modules
            .iter()
            .map(|m| {
                (
                    m.output.clone().unwrap_or_default(),
                    Builder::from(m.clone()),
                )
            })
            .collect()
    }
}
