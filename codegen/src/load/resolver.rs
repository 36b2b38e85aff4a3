//! Where an `xs:include` or `xs:import` is read from: local files; the
//! built-in schema for the `xml:` namespace, whatever location the import
//! gives; a catalog that maps other locations (remote ones, say) to local
//! files. Nothing is ever fetched: a remote location the catalog does not
//! map is an error naming it.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{BufRead, Cursor};
use std::path::PathBuf;
use std::rc::Rc;

use url::Url;

use super::failures::check_schema_text;
use xsd_parser::pipeline::parser::resolver::{ResolveRequest, ResolveResult, Resolver};

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// What an import of the `xml:` namespace reads: nothing more, as the
/// generator's own schema for it is loaded from the start.
const XML_NAMESPACE_IMPORT: &str = r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace"/>"#;

/// Resolves schema locations, remembering the one it could not.
#[derive(Debug)]
pub struct SchemaResolver {
    /// Locations (as written, or made absolute) mapped to local files.
    catalog: BTreeMap<String, PathBuf>,
    refused: Rc<RefCell<Option<Refusal>>>,
}

/// Why the resolver gave a location no schema: what loading reports.
#[derive(Debug)]
pub enum Refusal {
    /// The location names no file that can be read.
    Unresolved(Unresolved),
    /// The file is not a schema `xsd-parser` can be trusted to read.
    Malformed(crate::error::Error),
}

/// A location that could not be read.
#[derive(Debug)]
pub struct Unresolved {
    /// The location, made absolute when it was relative.
    pub location: String,
    /// As the schema wrote it.
    pub written: String,
    /// The schema that asked for it.
    pub importing: Option<PathBuf>,
    /// The local file it stands for, and why that could not be read;
    /// `None` for a remote location the catalog does not map.
    pub unreadable: Option<(PathBuf, std::io::Error)>,
}

pub struct Buffer(Box<dyn BufRead>);

impl std::io::Read for Buffer {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
}

impl BufRead for Buffer {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.0.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.0.consume(amount)
    }
}

impl SchemaResolver {
    /// A resolver with `catalog`, and where to find why it refused a
    /// location, once loading has failed.
    pub fn new(catalog: BTreeMap<String, PathBuf>) -> (Self, Rc<RefCell<Option<Refusal>>>) {
        let refused = Rc::new(RefCell::new(None));
        let resolver = SchemaResolver {
            catalog,
            refused: Rc::clone(&refused),
        };
        (resolver, refused)
    }

    fn open(&self, path: PathBuf, req: &ResolveRequest, location: String) -> ResolveResult<Self> {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                self.remember(req, location, Some((path, e)));
                return Ok(None);
            }
        };
        // Checked before xsd-parser reads it: some malformed files make it
        // panic or loop.
        if let Err(e) = check_schema_text(&path, text.trim_start_matches('\u{feff}')) {
            *self.refused.borrow_mut() = Some(Refusal::Malformed(e));
            return Err(std::io::Error::other("malformed schema"));
        }
        let url = Url::from_file_path(&path).map_err(|()| {
            std::io::Error::other(format!("{} is not an absolute path", path.display()))
        })?;
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        Ok(Some((
            name,
            url,
            Buffer(Box::new(Cursor::new(text.into_bytes()))),
        )))
    }

    /// Keeps what could not be resolved, for the error loading reports.
    fn remember(
        &self,
        req: &ResolveRequest,
        location: String,
        unreadable: Option<(PathBuf, std::io::Error)>,
    ) {
        let importing = req
            .current_location
            .as_ref()
            .and_then(|url| url.to_file_path().ok());
        *self.refused.borrow_mut() = Some(Refusal::Unresolved(Unresolved {
            location,
            written: req.requested_location.as_str().to_owned(),
            importing,
            unreadable,
        }));
    }
}

impl Resolver for SchemaResolver {
    type Buffer = Buffer;
    type Error = std::io::Error;

    fn resolve(&mut self, req: &ResolveRequest) -> ResolveResult<Self> {
        let is_xml = req
            .requested_ns
            .as_ref()
            .is_some_and(|ns| ns.0.as_ref() == XML_NS.as_bytes());
        if is_xml {
            let url = Url::parse("builtin:xml-namespace-import").map_err(std::io::Error::other)?;
            let schema = Cursor::new(XML_NAMESPACE_IMPORT.as_bytes());
            return Ok(Some((Some("xml".into()), url, Buffer(Box::new(schema)))));
        }
        let written = req.requested_location.as_str();
        let location = match &req.current_location {
            Some(current) => current.join(written),
            None => Url::parse(written),
        };
        let absolute = location.as_ref().map_or(written.to_owned(), Url::to_string);
        let mapped = self
            .catalog
            .get(written)
            .or_else(|| self.catalog.get(&absolute));
        if let Some(path) = mapped {
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            return self.open(path, req, absolute);
        }
        match location
            .as_ref()
            .map(|url| (url.scheme(), url.to_file_path()))
        {
            Ok(("file", Ok(path))) => self.open(path, req, absolute),
            _ => {
                self.remember(req, absolute, None);
                Ok(None)
            }
        }
    }
}
