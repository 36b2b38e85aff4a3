//! The stages' results a caller holds: a lowered [`Module`], and what it
//! emits as source.

use std::path::{Path, PathBuf};

use crate::emit::Emitter;
use crate::error::Error;
use crate::load::SchemaSet;
use crate::model::Model;
use crate::options::Options;
use crate::{lower, output, passes};

/// A module lowered from a [`SchemaSet`] and completed: every type named,
/// ready to emit.
pub struct Module {
    model: Model,
    serde_feature: Option<String>,
    arbitrary_feature: Option<String>,
    /// The schema files, as the generated header names them.
    sources: Vec<String>,
}

impl Module {
    /// Lowers what `options` asks for from `schemas` (each version's, and
    /// merges them, for a module of several).
    pub(crate) fn lower(schemas: &SchemaSet, options: &Options) -> Result<Self, Error> {
        let model = if schemas.version.is_some() {
            let names = version_names(schemas);
            crate::versions::check_names(&names)?;
            let mut model = crate::versions::union(lower_versions(schemas, options)?);
            model.versions = names;
            model
        } else {
            lower::lower(schemas, options)?
        };
        let paths: Vec<_> = versions(schemas).flat_map(|s| s.paths.clone()).collect();
        Ok(Module {
            model: passes::complete(model, options)?,
            serde_feature: options.serde_feature.clone(),
            arbitrary_feature: options.arbitrary_feature.clone(),
            sources: options.sources(&paths),
        })
    }

    /// What changed between the two versions of `schemas`.
    pub(crate) fn diff(schemas: &SchemaSet, options: &Options) -> Result<String, Error> {
        if schemas.older.len() != 1 {
            return Err(Error::Request(format!(
                "a diff compares two versions, not {}",
                schemas.older.len() + 1
            )));
        }
        let names = version_names(schemas);
        if names[0] == names[1] {
            return Err(Error::Request(format!(
                "both versions are called {}: name them apart (`--old-name`, `--new-name`)",
                names[0]
            )));
        }
        let mut model = crate::versions::merge(lower_versions(schemas, options)?);
        model.versions = names;
        Ok(crate::versions::diff::report(&model))
    }

    fn emitter(&self, schema_docs: bool) -> Emitter<'_> {
        Emitter {
            model: &self.model,
            serde_feature: self.serde_feature.as_deref(),
            arbitrary_feature: self.arbitrary_feature.as_deref(),
            schema_docs,
        }
    }

    /// The module as one formatted file.
    pub fn source(&self) -> Result<String, Error> {
        output::format(self.emitter(true).module(), &self.sources)
    }

    /// The module as the files of directory `dir`: `mod.rs`, and a
    /// submodule for the types of each schema file.
    pub fn files(&self, dir: &Path) -> Result<Vec<(PathBuf, String)>, Error> {
        let (root, parts) = self.emitter(true).module_files();
        let mut files = vec![(dir.join("mod.rs"), output::format(root, &self.sources)?)];
        for (name, code) in parts {
            let code = output::format(code, &self.sources)?;
            files.push((dir.join(format!("{name}.rs")), code));
        }
        Ok(files)
    }

    /// What the generated code does, whatever the schema's documentation
    /// says: the code without it, for comparing what two schemas generate.
    pub fn structure(&self) -> Result<String, Error> {
        output::format(self.emitter(false).module(), &[])
    }
}

/// The versions of a module of several, oldest first.
fn versions(schemas: &SchemaSet) -> impl Iterator<Item = &SchemaSet> {
    schemas.older.iter().chain([schemas])
}

fn version_names(schemas: &SchemaSet) -> Vec<String> {
    versions(schemas)
        .filter_map(|s| s.version.clone())
        .collect()
}

/// Each version lowered on its own, oldest first. Elements asked for are
/// asked of the versions that declare them (a version with none of them
/// adds nothing); one no version declares is an error.
fn lower_versions(schemas: &SchemaSet, options: &Options) -> Result<Vec<Model>, Error> {
    let Some(asked) = &options.elements else {
        return versions(schemas)
            .map(|set| lower::lower(set, options))
            .collect();
    };
    if let Some(missing) = asked
        .iter()
        .find(|name| !versions(schemas).any(|set| set.declares_element(name)))
    {
        return Err(Error::Request(format!(
            "no top-level element named {missing} in any version ({})",
            version_names(schemas).join(", ")
        )));
    }
    versions(schemas)
        .map(|set| {
            let declared: Vec<String> = asked
                .iter()
                .filter(|name| set.declares_element(name))
                .cloned()
                .collect();
            if declared.is_empty() {
                return Ok(Model::default());
            }
            let options = Options {
                elements: Some(declared),
                ..options.clone()
            };
            lower::lower(set, &options)
        })
        .collect()
}
