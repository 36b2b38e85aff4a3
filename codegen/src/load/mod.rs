//! The first stage, loading: `xsd-parser` reads and resolves the schemas
//! (includes, imports, the built-in `xml:` namespace) and interprets them
//! into `MetaTypes`; beside them, what lowering needs that they do not
//! keep (`facts`) and where each declaration stands (`source_map`).

mod facts;
mod source_map;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use xsd_parser::models::IdentType;
use xsd_parser::models::meta::MetaTypes;
use xsd_parser::models::schema::{NamespaceId, SchemaId};
use xsd_parser::pipeline::parser::resolver::FileResolver;
use xsd_parser::{Interpreter, Parser, Schemas};

use crate::error::Error;
pub use facts::{Name, SchemaFacts};
pub use source_map::SourceMap;

/// The `xml:` namespace's attributes, as the XML specification defines
/// them. Schemas import this namespace without a location (Microsoft's
/// `types.xsd` does, for `xml:lang`), so the generator brings its own.
const XML_NAMESPACE_SCHEMA: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="space">
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
</xs:schema>
"#;

/// Schemas loaded and interpreted, with what is needed to point at their
/// source: the first stage's result, which lowering reads.
pub struct SchemaSet {
    pub(crate) schemas: Schemas,
    pub(crate) types: MetaTypes,
    pub(crate) sources: SourceMap,
    pub(crate) facts: SchemaFacts,
    /// The namespaces of the files asked for and the files they include:
    /// "every top-level element" means theirs.
    pub(crate) root_namespaces: HashSet<NamespaceId>,
    /// The schema files asked for.
    pub(crate) paths: Vec<PathBuf>,
    /// How long loading took.
    pub load_time: Duration,
}

/// Loads `paths` and everything they include or import.
pub fn load(paths: &[PathBuf]) -> Result<SchemaSet, Error> {
    let started = Instant::now();
    if paths.is_empty() {
        return Err(Error::Request("no schema files given".into()));
    }
    let mut parser = Parser::new()
        .with_resolver(FileResolver::new())
        .resolve_includes(true)
        .with_default_namespaces()
        .add_named_schema_from_str("xml.xsd (built in)".into(), XML_NAMESPACE_SCHEMA)
        .map_err(|e| Error::Load(format!("built-in xml.xsd: {e}")))?;
    for path in paths {
        // Read first, so that a missing file is reported as such.
        std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        parser = parser
            .add_schema_from_file(path)
            .map_err(|e| Error::Load(format!("{}: {e}", path.display())))?;
    }
    let schemas = parser.finish();

    let mut sources = SourceMap::default();
    for (_, info) in schemas.schemas() {
        if let Some(path) = info
            .location
            .as_ref()
            .and_then(|url| url.to_file_path().ok())
        {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            sources.add(&path, text.trim_start_matches('\u{feff}'));
        }
    }

    let (types, _) = Interpreter::new(&schemas)
        .with_buildin_types()
        .and_then(Interpreter::with_default_typedefs)
        .and_then(Interpreter::with_xs_any_type)
        .and_then(Interpreter::finish)
        .map_err(|e| Error::Load(format!("interpreting {}: {e}", list(paths))))?;
    let facts = SchemaFacts::read(&schemas, &types);
    let root_namespaces = root_namespaces(&schemas, paths);
    Ok(SchemaSet {
        schemas,
        types,
        sources,
        facts,
        root_namespaces,
        paths: paths.to_vec(),
        load_time: started.elapsed(),
    })
}

/// The namespaces of the schema files `paths` name.
fn root_namespaces(schemas: &Schemas, paths: &[PathBuf]) -> HashSet<NamespaceId> {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let roots: Vec<PathBuf> = paths.iter().map(|p| canonical(p)).collect();
    schemas
        .schemas()
        .filter(|(_, info)| {
            info.location
                .as_ref()
                .and_then(|u| u.to_file_path().ok())
                .is_some_and(|p| roots.contains(&canonical(&p)))
        })
        .map(|(_, info)| info.namespace_id())
        .collect()
}

impl SchemaSet {
    /// The file a schema was loaded from, if it was a file.
    pub(crate) fn path_of(&self, id: SchemaId) -> Option<PathBuf> {
        let info = self.schemas.get_schema(&id)?;
        info.location.as_ref()?.to_file_path().ok()
    }

    /// The named types (`complexType`, `simpleType`) of the schemas' files.
    pub fn named_types(&self) -> usize {
        self.types
            .items
            .keys()
            .filter(|ident| ident.type_ == IdentType::Type && ident.name.is_named())
            .filter(|ident| self.path_of(ident.schema).is_some())
            .count()
    }

    /// The types `xsd-parser` interpreted: named, anonymous, elements' and
    /// built-in ones.
    pub fn interpreted_types(&self) -> usize {
        self.types.items.len()
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
