//! Generator errors: each names the file and, for schema problems, the line
//! and the construct.

use std::path::PathBuf;

/// Everything that can stop a generation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A schema or config file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `xsd-parser` could not load or interpret the schemas.
    #[error("{0}")]
    Load(String),
    /// A schema uses something the generator cannot render.
    #[error("{}:{line}: {construct}: {message}", file.display())]
    Schema {
        file: PathBuf,
        line: u32,
        construct: String,
        message: String,
    },
    /// The generator was asked for something the schemas do not have.
    #[error("{0}")]
    Request(String),
    /// The config file is not valid.
    #[error("{}: {message}", path.display())]
    Config { path: PathBuf, message: String },
    /// The generated code did not parse: a generator bug.
    #[error("generated code does not parse ({0}); please report this")]
    Format(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }
}
