//! The second stage, lowering: from `xsd-parser`'s interpreted schema to
//! the model, for the chosen top-level elements and everything they reach.
//!
//! A type gets its [`TypeId`] when lowering first reaches it (`refs`), and
//! is converted once, by the file for its kind: `complex` (complex types
//! become structs), `choice` (an `xs:choice` or a substitution group
//! becomes an enum of elements), `derived` (a type with derived types
//! becomes an enum chosen by `xsi:type`), `simple` (enumerations, unions).
//! `elements` picks the top-level elements; `survey` lowers everything at
//! once to report what cannot be rendered. The passes (`crate::passes`)
//! then complete the model.
//!
//! Anything the generator cannot render is an error naming file, line and
//! construct: nothing is dropped or weakened silently.

mod choice;
mod complex;
mod derived;
mod elements;
mod operations;
mod refs;
mod simple;
mod survey;

use std::collections::HashMap;
use std::path::PathBuf;

use xsd_parser::models::meta::{Base, MetaType, MetaTypeVariant};
use xsd_parser::models::schema::NamespaceId;
use xsd_parser::models::{IdentType, TypeIdent};

use crate::error::{Construct, Error, Origin};
use crate::load::{Name, SchemaSet};
use crate::model::{ChoiceDef, Model, NameHint, Namespace, NsId, TypeDef, TypeId, TypeKind};
use crate::options::Options;

pub use survey::survey;

/// Lowers the elements `options` select, and all they reach, into a model
/// the passes then complete.
pub fn lower(schemas: &SchemaSet, options: &Options) -> Result<Model, Error> {
    operations::check_service(schemas)?;
    let mut lowering = Lowering::new(schemas, options);
    let elements = lowering.elements()?;
    lowering.drain(true)?;
    let mut model = lowering.into_model();
    model.elements = elements;
    operations::operations(schemas, &mut model, options);
    Ok(model)
}

/// The state of one lowering.
struct Lowering<'s> {
    schemas: &'s SchemaSet,
    options: &'s Options,
    namespaces: Vec<Namespace>,
    namespace_ids: HashMap<String, NsId>,
    /// Every type given an id, by id.
    slots: Vec<Slot>,
    /// Ids of schema types, choices and substitution groups.
    type_ids: HashMap<TypeIdent, TypeId>,
    /// Ids of the enums of types and their derived types.
    derived_ids: HashMap<TypeIdent, TypeId>,
    /// Ids of the choices of named groups: each reference to the group is
    /// the same choice.
    group_ids: HashMap<Name, TypeId>,
    /// How many anonymous choices each complex type has.
    choice_counts: HashMap<TypeIdent, usize>,
    /// Types reached but not converted yet.
    pending: Vec<TypeId>,
    /// The construct each type that could not be converted stumbled on,
    /// and what uses it (when lowering goes on after errors, for `survey`).
    failures: HashMap<TypeId, (Construct, String)>,
}

/// A type reached: what to convert (nothing for a type made whole when
/// reached), what to name it after (until its definition holds it), and
/// once converted, its definition.
struct Slot {
    job: Option<Job>,
    name: Option<NameHint>,
    state: State,
}

/// What converting a type gives, to become its definition.
struct Converted {
    xml_name: String,
    docs: String,
    kind: TypeKind,
}

enum State {
    Pending,
    Converting,
    Done(Box<TypeDef>),
    Failed,
}

/// What a type is converted from.
#[derive(Clone)]
enum Job {
    /// A complex type, enumeration, union or substitution group.
    Type(TypeIdent),
    /// The alternatives of `group`, part of the complex type `owner` (which
    /// errors point at).
    Choice { group: TypeIdent, owner: TypeIdent },
    /// The enum of a type and the types derived from it.
    Derived(TypeIdent),
}

impl<'s> Lowering<'s> {
    fn new(schemas: &'s SchemaSet, options: &'s Options) -> Self {
        Lowering {
            schemas,
            options,
            namespaces: Vec::new(),
            namespace_ids: HashMap::new(),
            slots: Vec::new(),
            type_ids: HashMap::new(),
            derived_ids: HashMap::new(),
            group_ids: HashMap::new(),
            choice_counts: HashMap::new(),
            pending: Vec::new(),
            failures: HashMap::new(),
        }
    }

    /// Gives `job` an id, to be converted later.
    fn reach(&mut self, job: Job, name: NameHint) -> TypeId {
        let id = TypeId(self.slots.len() as u32);
        self.slots.push(Slot {
            job: Some(job),
            name: Some(name),
            state: State::Pending,
        });
        self.pending.push(id);
        id
    }

    /// Adds a type made whole already, declared at `ident`.
    fn add(&mut self, name: NameHint, ident: &TypeIdent, converted: Converted) -> TypeId {
        let id = TypeId(self.slots.len() as u32);
        let def = self.define(name, ident, self.origin(ident), converted);
        self.slots.push(Slot {
            job: None,
            name: None,
            state: State::Done(Box::new(def)),
        });
        id
    }

    /// Converts every type reached, and those they reach; types are
    /// converted last reached first. With `stop` the first error ends it;
    /// else the rest goes on (`failures` keeps what failed).
    fn drain(&mut self, stop: bool) -> Result<(), Error> {
        while let Some(id) = self.pending.pop() {
            match self.ensure(id) {
                Err(error) if stop => return Err(error),
                _ => {}
            }
        }
        Ok(())
    }

    /// Converts the type `id` now, unless it is already.
    fn ensure(&mut self, id: TypeId) -> Result<(), Error> {
        match self.slots[id.0 as usize].state {
            State::Pending => {}
            State::Done(_) => return Ok(()),
            State::Converting => {
                let message = "a type that extends itself";
                return Err(self
                    .job_origin(id)
                    .unsupported(Construct::Extension, message));
            }
            // Met again only by lowering that goes on after errors: what
            // uses the type fails for the same reason.
            State::Failed => {
                let (construct, subject) = self.failures.get(&id).cloned().unwrap_or_else(|| {
                    let origin = self.job_origin(id);
                    (Construct::Type, origin.subject)
                });
                let origin = Origin {
                    subject,
                    ..self.job_origin(id)
                };
                return Err(origin.unsupported(construct, "in a type this one uses"));
            }
        }
        let slot = &mut self.slots[id.0 as usize];
        let Some(job) = slot.job.clone() else {
            return Ok(());
        };
        slot.state = State::Converting;
        let result = self.convert(&job);
        let origin = self.job_origin(id);
        match result {
            Ok(converted) => {
                let declared = match &job {
                    Job::Type(ident) | Job::Derived(ident) => ident,
                    Job::Choice { group, .. } => group,
                };
                let slot = &mut self.slots[id.0 as usize];
                let name = slot
                    .name
                    .take()
                    .unwrap_or(NameHint::Type(converted.xml_name.clone()));
                let def = self.define(name, declared, origin, converted);
                self.slots[id.0 as usize].state = State::Done(Box::new(def));
                Ok(())
            }
            Err(error) => {
                self.slots[id.0 as usize].state = State::Failed;
                // Converting a type fails only on schema constructs.
                if let Error::Schema {
                    construct, subject, ..
                } = &error
                {
                    self.failures.insert(id, (*construct, subject.clone()));
                }
                Err(error)
            }
        }
    }

    /// Where the type `id` is declared.
    fn job_origin(&self, id: TypeId) -> Origin {
        match &self.slots[id.0 as usize].job {
            Some(Job::Type(ident) | Job::Derived(ident)) => self.origin(ident),
            Some(Job::Choice { owner, .. }) => self.origin(owner),
            None => Origin::default(),
        }
    }

    fn convert(&mut self, job: &Job) -> Result<Converted, Error> {
        let (ident, kind) = match job {
            Job::Choice { group, owner } => (group, self.choice(group, owner)?),
            Job::Derived(ident) => return self.derived(ident),
            Job::Type(ident) => {
                let meta = self.meta(ident);
                let kind = match meta.map(|m| &m.variant) {
                    Some(MetaTypeVariant::Enumeration(e)) => self.enumeration(e),
                    Some(MetaTypeVariant::ComplexType(c)) => {
                        TypeKind::Struct(self.complex(ident, c)?)
                    }
                    Some(MetaTypeVariant::Union(u)) => self.union(ident, u)?,
                    Some(MetaTypeVariant::Dynamic(_)) => TypeKind::Choice(ChoiceDef {
                        alternatives: self.substitutes(ident)?,
                        unknown_variant: None,
                    }),
                    _ => {
                        let message = "not a complex type or enumeration";
                        return Err(self.unsupported(ident, Construct::Type, message));
                    }
                };
                (ident, kind)
            }
        };
        let xml_name = ident.name.as_str().to_owned();
        let mut docs = self.type_docs(ident);
        if docs.is_empty() && matches!(job, Job::Type(_)) && matches!(kind, TypeKind::Choice(_)) {
            docs = format!("An element of the substitution group of `{xml_name}`.");
        }
        Ok(Converted {
            xml_name,
            docs,
            kind,
        })
    }

    /// The definition of a type declared in the file of `declared`, named
    /// after `name`; errors found later point at `origin`.
    fn define(
        &self,
        name: NameHint,
        declared: &TypeIdent,
        origin: Origin,
        converted: Converted,
    ) -> TypeDef {
        TypeDef {
            name,
            rust_name: String::new(),
            module: None,
            bases: self.bases_of(declared),
            xml_name: converted.xml_name,
            file: self.file_of(declared),
            origin,
            docs: converted.docs,
            kind: converted.kind,
            eq: true,
            default: false,
            presence: Default::default(),
        }
    }

    /// The types reached, converted, as the model's (whose other parts the
    /// caller fills in).
    fn into_model(self) -> Model {
        let types = self
            .slots
            .into_iter()
            .map(|slot| match slot.state {
                State::Done(def) => *def,
                // Lowering stops at the first failure.
                _ => unreachable!("every type reached is converted"),
            })
            .collect();
        Model {
            namespaces: self.namespaces,
            types,
            ..Model::default()
        }
    }

    /// The converted definition of `id`, if it is converted.
    fn converted(&self, id: TypeId) -> Option<&TypeDef> {
        match &self.slots[id.0 as usize].state {
            State::Done(def) => Some(def),
            _ => None,
        }
    }

    fn meta(&self, ident: &TypeIdent) -> Option<&'s MetaType> {
        self.schemas.types.items.get(ident)
    }

    /// The namespace named by `ns`, interned.
    fn namespace_id(&mut self, ns: NamespaceId) -> NsId {
        let uri = self.namespace_uri(ns);
        if let Some(&id) = self.namespace_ids.get(&uri) {
            return id;
        }
        let prefix = self
            .schemas
            .types
            .modules
            .get(&ns)
            .and_then(|m| m.prefix.as_ref())
            .map(|p| p.as_str().to_owned());
        let id = NsId(self.namespaces.len() as u32);
        self.namespaces.push(Namespace {
            uri: uri.clone(),
            prefix,
            rust_name: String::new(),
        });
        self.namespace_ids.insert(uri, id);
        id
    }

    fn namespace_uri(&self, ns: NamespaceId) -> String {
        self.schemas.namespace_uri(ns)
    }

    /// `(namespace, local name)` of `ident`.
    fn name_key(&self, ident: &TypeIdent) -> Name {
        (self.namespace_uri(ident.ns), ident.name.as_str().to_owned())
    }

    /// The XML names of the complex types `ident` derives from, nearest
    /// first (whatever members they have).
    fn bases_of(&self, ident: &TypeIdent) -> Vec<String> {
        let mut bases = Vec::new();
        let mut at = ident;
        // Extension loops are refused by the interpreter; this bounds it.
        while bases.len() < 64 {
            let Some(MetaTypeVariant::ComplexType(complex)) = self.meta(at).map(|m| &m.variant)
            else {
                break;
            };
            let (Base::Extension(base) | Base::Restriction(base)) = &complex.base else {
                break;
            };
            // Simple content extends a simple type: not a type it is one of.
            if !matches!(
                self.meta(base).map(|m| &m.variant),
                Some(MetaTypeVariant::ComplexType(_))
            ) {
                break;
            }
            bases.push(base.name.as_str().to_owned());
            at = base;
        }
        bases
    }

    /// The stem of the file that declares `ident`.
    fn file_of(&self, ident: &TypeIdent) -> String {
        self.schemas
            .path_of(ident.schema)
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_default()
    }

    /// A type's documentation; for an element's anonymous type, the
    /// element's documentation comes first.
    fn type_docs(&self, ident: &TypeIdent) -> String {
        let mut parts = Vec::new();
        if ident.type_ == IdentType::ElementType {
            let element = TypeIdent {
                type_: IdentType::Element,
                ..ident.clone()
            };
            parts.extend(
                self.meta(&element)
                    .iter()
                    .flat_map(|m| m.documentation.iter()),
            );
        }
        parts.extend(self.meta(ident).iter().flat_map(|m| m.documentation.iter()));
        docs(parts)
    }

    /// Whether errors about `ident` can point at its own declaration.
    fn is_located(&self, ident: &TypeIdent) -> bool {
        !ident.name.is_generated() && self.schemas.path_of(ident.schema).is_some()
    }

    /// Where `ident` is declared.
    fn origin(&self, ident: &TypeIdent) -> Origin {
        let file = self
            .schemas
            .path_of(ident.schema)
            .unwrap_or_else(|| PathBuf::from("<unknown schema>"));
        let constructs: &[&str] = match ident.type_ {
            IdentType::Element | IdentType::ElementType => &["element"],
            IdentType::Attribute => &["attribute"],
            IdentType::Group => &["group"],
            IdentType::AttributeGroup => &["attributeGroup"],
            _ => &["complexType", "simpleType"],
        };
        let subject = ident.name.as_str().to_owned();
        let line = self
            .schemas
            .sources
            .line(&file, constructs, &subject)
            .unwrap_or(0);
        Origin {
            file,
            line,
            subject,
        }
    }

    /// The error for `construct` in `ident`, which the generator cannot
    /// render.
    fn unsupported(&self, ident: &TypeIdent, construct: Construct, message: &str) -> Error {
        self.origin(ident).unsupported(construct, message)
    }
}

/// Schema documentation as rustdoc: each annotation a paragraph, each line
/// trimmed.
fn docs<'d>(parts: impl IntoIterator<Item = &'d String>) -> String {
    parts
        .into_iter()
        .map(|part| {
            part.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
