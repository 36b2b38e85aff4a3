//! The first stage, loading: `xsd-parser` reads and resolves the schemas
//! (includes, imports, the built-in `xml:` namespace) and interprets them
//! into `MetaTypes`; beside them, what lowering needs that they do not
//! keep (`facts`) and where each declaration stands (`source_map`).

mod facts;
mod failures;
mod resolver;
mod source_map;
pub mod wsdl;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use xsd_parser::config::Namespace;
use xsd_parser::models::IdentType;
use xsd_parser::models::meta::{CustomMeta, MetaTypes};
use xsd_parser::models::schema::{NamespaceId, SchemaId};
use xsd_parser::{Interpreter, Parser, Schemas, TypeIdent};

use crate::error::Error;
use crate::options::Options;
pub use facts::{Name, SchemaFacts};
use resolver::{Refusal, SchemaResolver, Unresolved};
pub use source_map::SourceMap;
use wsdl::ServiceDescription;

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
    /// The operations of the service description, when one is given.
    pub(crate) service: Option<ServiceDescription>,
    /// How long loading took.
    pub load_time: Duration,
    /// In a module of several versions, this one's name, and the older
    /// versions loaded, oldest first.
    pub(crate) version: Option<String>,
    pub(crate) older: Vec<SchemaSet>,
}

/// Loads the schemas `options` name, everything they include or import,
/// and the service description, if any; for a module of several versions,
/// each version's (the newest holding the others).
pub fn load(options: &Options) -> Result<SchemaSet, Error> {
    if options.versions.is_empty() {
        return load_one(options);
    }
    crate::versions::check_request(options)?;
    let mut sets = Vec::new();
    for version in &options.versions {
        let mut set = load_one(&options.of_version(version))?;
        set.version = Some(version.name.clone());
        sets.push(set);
    }
    let mut newest = sets.pop().expect("versions is not empty");
    newest.load_time += sets.iter().map(|s| s.load_time).sum::<Duration>();
    newest.older = sets;
    Ok(newest)
}

fn load_one(options: &Options) -> Result<SchemaSet, Error> {
    let started = Instant::now();
    let paths = &options.schemas;
    if paths.is_empty() {
        return Err(Error::Request("no schema files given".into()));
    }
    let (resolver, refused) = SchemaResolver::new(options.catalog.clone());
    let mut parser = Parser::new()
        .with_resolver(resolver)
        .resolve_includes(true)
        .with_default_namespaces()
        .add_named_schema_from_str("xml.xsd (built in)".into(), XML_NAMESPACE_SCHEMA)
        .map_err(|e| Error::Load(format!("built-in xml.xsd: {e}")))?;
    for path in paths {
        // Read first, so that a missing file is reported as such.
        std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        let file = path.display().to_string();
        parser = failures::guarded(&file, || {
            parser
                .add_schema_from_file(path)
                .map_err(|e| match refused.borrow_mut().take() {
                    Some(Refusal::Unresolved(unresolved)) => unresolved_error(unresolved),
                    Some(Refusal::Malformed(error)) => error,
                    None => failures::parse_error(path, e.to_string()),
                })
        })?;
    }
    let schemas = parser.finish();

    let mut sources = SourceMap::default();
    let mut texts = Vec::new();
    for (_, info) in schemas.schemas() {
        if let Some(path) = info
            .location
            .as_ref()
            .and_then(|url| url.to_file_path().ok())
        {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let text = text.trim_start_matches('\u{feff}').to_owned();
            sources.add(&path, &text);
            texts.push((path, text));
        }
    }

    let files = list(paths);
    let (types, _) = failures::guarded(&files, || {
        Interpreter::new(&schemas)
            .with_buildin_types()
            .and_then(Interpreter::with_default_typedefs)
            .and_then(|interpreter| with_base64_type(interpreter, &schemas))
            .and_then(Interpreter::with_xs_any_type)
            .and_then(Interpreter::finish)
            .map_err(|e| failures::interpret_error(&files, &texts, e.to_string()))
    })?;
    let facts = SchemaFacts::read(&schemas, &types);
    let root_namespaces = root_namespaces(&schemas, paths);
    let service = options.wsdl.as_deref().map(wsdl::read).transpose()?;
    Ok(SchemaSet {
        schemas,
        types,
        sources,
        facts,
        root_namespaces,
        paths: paths.to_vec(),
        service,
        load_time: started.elapsed(),
        version: None,
        older: Vec::new(),
    })
}

/// `xs:base64Binary` as a type of its own, where xsd-parser's default has it
/// name `String`: types restricting or extending it would otherwise have
/// `String` for their base, and lowering could not make them `xml::Base64`
/// as it does `xs:base64Binary` (which it knows by name).
fn with_base64_type<'a>(
    interpreter: Interpreter<'a>,
    schemas: &Schemas,
) -> Result<Interpreter<'a>, xsd_parser::pipeline::interpreter::Error> {
    match schemas.resolve_namespace(&Some(Namespace::XS)) {
        Some(xs) => interpreter.with_type(
            TypeIdent::type_("base64Binary").with_ns(xs),
            CustomMeta::new("Base64"),
        ),
        None => Ok(interpreter),
    }
}

/// The error for a location no file stands for: where it was asked for,
/// and what to do about it.
fn unresolved_error(unresolved: Unresolved) -> Error {
    let message = match &unresolved.unreadable {
        Some((path, e)) => format!(
            "schemaLocation {:?}: cannot read {}: {e}",
            unresolved.written,
            path.display()
        ),
        None => format!(
            "schemaLocation {:?} is not a local file, and remote schemas are never fetched: \
             map it to a file in the catalog (`[module.catalog]` in codegen.toml, \
             `--catalog URL=FILE`, `Builder::catalog`)",
            unresolved.location
        ),
    };
    let Some(file) = unresolved.importing else {
        return Error::Load(message);
    };
    // The line of the attribute that names the location, quoted either way.
    let line = std::fs::read_to_string(&file)
        .ok()
        .and_then(|text| {
            let written = &unresolved.written;
            let at = ['"', '\''].iter().find_map(|q| {
                let quoted = format!("{q}{written}{q}");
                text.match_indices(&quoted)
                    .find(|(at, _)| text[..*at].trim_end().ends_with("schemaLocation="))
                    .map(|(at, _)| at)
            })?;
            Some(text[..at].matches('\n').count() as u32 + 1)
        })
        .unwrap_or(0);
    Error::Invalid {
        file,
        line,
        message,
    }
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

    /// The URI of the namespace `ns`; empty for none.
    pub(crate) fn namespace_uri(&self, ns: NamespaceId) -> String {
        self.types
            .modules
            .get(&ns)
            .and_then(|m| m.namespace.as_ref())
            .map(|n| String::from_utf8_lossy(&n.0).into_owned())
            .unwrap_or_default()
    }

    /// Whether the schemas' files declare a top-level element `name`.
    pub(crate) fn declares_element(&self, name: &str) -> bool {
        self.types.items.keys().any(|ident| {
            ident.type_ == IdentType::Element
                && !ident.name.is_generated()
                && ident.name.as_str() == name
                && self.path_of(ident.schema).is_some()
        })
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
