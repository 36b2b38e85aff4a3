//! Generator errors: each names the file and, for schema problems, the line
//! and the construct.

use std::fmt;
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
    #[error("{}:{line}: {construct} in {subject}: {message}", file.display())]
    Schema {
        file: PathBuf,
        line: u32,
        construct: Construct,
        /// The type or element that uses it: `ItemType`, `the type of
        /// element Item`.
        subject: String,
        message: String,
    },
    /// A schema or service description refers to something that is not
    /// there, or declares what the generator cannot use.
    #[error("{}:{line}: {message}", file.display())]
    Invalid {
        file: PathBuf,
        line: u32,
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

/// The schema constructs an [`Error::Schema`] can be about, in the order
/// of their names (as reports list them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Construct {
    AbstractType,
    AttributeForm,
    BuiltinType,
    Element,
    /// Two members of a type that would have the same field name.
    Field,
    Mixed,
    Nillable,
    SubstitutionGroup,
    Type,
    Wildcard,
    Choice,
    Extension,
    Group,
    List,
    RepeatedSequence,
    SimpleContent,
    Union,
}

impl fmt::Display for Construct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Construct::AbstractType => "abstract",
            Construct::AttributeForm => "attribute form",
            Construct::BuiltinType => "built-in type",
            Construct::Choice => "xs:choice",
            Construct::Element => "element",
            Construct::Extension => "xs:extension",
            Construct::Field => "field",
            Construct::Group => "xs:group",
            Construct::List => "xs:list",
            Construct::Mixed => "mixed",
            Construct::Nillable => "nillable",
            Construct::RepeatedSequence => "xs:sequence maxOccurs",
            Construct::SimpleContent => "xs:simpleContent",
            Construct::SubstitutionGroup => "substitutionGroup",
            Construct::Type => "type",
            Construct::Union => "xs:union",
            Construct::Wildcard => "xs:any",
        })
    }
}

/// Where a type or element is declared, and how messages name it: what an
/// error about it points at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    pub line: u32,
    /// `ItemType`, or `the type of element Item`.
    pub subject: String,
}

impl Origin {
    /// The error for `construct`, which the generator cannot render here.
    pub fn unsupported(&self, construct: Construct, message: &str) -> Error {
        Error::Schema {
            file: self.file.clone(),
            line: self.line,
            construct,
            subject: self.subject.clone(),
            message: format!("not supported yet: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Construct::*;

    #[test]
    fn constructs_order_as_their_names() {
        let all = [
            AbstractType,
            AttributeForm,
            BuiltinType,
            Element,
            Field,
            Mixed,
            Nillable,
            SubstitutionGroup,
            Type,
            Wildcard,
            Choice,
            Extension,
            Group,
            List,
            RepeatedSequence,
            SimpleContent,
            Union,
        ];
        let names: Vec<String> = all.iter().map(ToString::to_string).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert!(all.windows(2).all(|w| w[0] < w[1]));
    }
}
