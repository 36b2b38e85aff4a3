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
    /// Lowers what `options` asks for from `schemas`.
    pub(crate) fn lower(schemas: &SchemaSet, options: &Options) -> Result<Self, Error> {
        let model = lower::lower(schemas, options)?;
        Ok(Module {
            model: passes::complete(model, options)?,
            serde_feature: options.serde_feature.clone(),
            arbitrary_feature: options.arbitrary_feature.clone(),
            sources: options.sources(&schemas.paths),
        })
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
