//! Loading schemas: `xsd-parser` reads and resolves them (includes, imports,
//! the built-in `xml:` namespace) and interprets them into `MetaTypes`.

use std::path::{Path, PathBuf};

use xsd_parser::models::meta::MetaTypes;
use xsd_parser::pipeline::parser::resolver::FileResolver;
use xsd_parser::{Interpreter, Parser, Schemas};

use crate::error::Error;
use crate::schema_facts::SchemaFacts;
use crate::source_map::SourceMap;

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
/// source.
pub struct Loaded {
    pub schemas: Schemas,
    pub types: MetaTypes,
    pub sources: SourceMap,
    pub facts: SchemaFacts,
}

/// Loads `paths` and everything they include or import.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, Error> {
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
    Ok(Loaded {
        schemas,
        types,
        sources,
        facts,
    })
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The file a schema was loaded from, if it was a file.
pub fn schema_path(schemas: &Schemas, id: xsd_parser::models::schema::SchemaId) -> Option<PathBuf> {
    let info = schemas.get_schema(&id)?;
    info.location.as_ref()?.to_file_path().ok()
}

/// `path` relative to `base` when it is below it, for stable messages and
/// headers.
pub fn relative(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
