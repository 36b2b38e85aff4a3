//! Lowering: from `xsd-parser`'s interpreted schema to the generator's
//! model, for the chosen top-level elements and everything they reach.
//! Anything the generator cannot render is an error naming file, line and
//! construct: nothing is dropped or weakened silently.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use xsd_parser::models::meta::{
    AttributeMeta, AttributeMetaVariant, Base, BuildInMeta, ComplexMeta, ElementMeta,
    ElementMetaVariant, ElementMode, GroupMeta, MetaType, MetaTypeVariant,
};
use xsd_parser::models::schema::xs::{FormChoiceType, Use};
use xsd_parser::models::schema::{MaxOccurs, NamespaceId};
use xsd_parser::models::{IdentType, TypeIdent};

use crate::error::Error;
use crate::load::{Loaded, schema_path};
use crate::model::*;
use crate::naming;

const XS_NS: &str = "http://www.w3.org/2001/XMLSchema";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Which top-level elements to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every top-level element of the schemas given (not of the built-in
    /// `xml:` schema).
    All,
    /// These, by local name.
    Named(Vec<String>),
}

/// What to generate, beyond the schemas themselves.
#[derive(Debug, Clone)]
pub struct Options {
    pub elements: Selection,
    /// Extra spellings accepted when decoding, by element local name.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Pair `X` with `XResponse` as an operation whose SOAPAction is this
    /// prefix followed by `X`.
    pub soap_action_prefix: Option<String>,
    pub serde_feature: Option<String>,
    /// Elements keep their declared types, derived types or not.
    pub declared_types_only: bool,
    /// The schema files asked for; top-level elements come from these.
    pub roots: Vec<PathBuf>,
}

pub fn lower(loaded: &Loaded, options: &Options) -> Result<Module, Error> {
    let mut lowering = Lowering::new(loaded, options);
    let elements = lowering.elements()?;
    // Types are lowered as they are reached; each may reach more.
    while let Some(job) = lowering.queue.pop() {
        let def = lowering.lower_job(&job)?;
        lowering.types.push(def);
    }
    let mut types = std::mem::take(&mut lowering.types);
    types.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
    keep_reachable(&mut types, &elements);
    box_recursive_fields(&mut types);

    check_aliases(&types, options)?;
    let operations = operations(&elements, options);
    let mut module = Module {
        namespaces: Vec::new(),
        types,
        elements,
        operations,
        message_enum: ["Message", "AnyMessage", "TopLevelElement"]
            .into_iter()
            .find(|n| !lowering.taken.contains(*n))
            .unwrap_or("AnyTopLevelElement")
            .to_owned(),
        serde_feature: options.serde_feature.clone(),
    };
    name_namespaces(&mut module, loaded)?;
    Ok(module)
}

/// Every construct the generator cannot render, with the named types and
/// elements of the schemas' files that use it: each is lowered on its own,
/// so one type's problem does not hide another's.
pub fn survey(loaded: &Loaded) -> BTreeMap<String, BTreeSet<String>> {
    let options = Options {
        elements: Selection::All,
        aliases: BTreeMap::new(),
        soap_action_prefix: None,
        serde_feature: None,
        declared_types_only: false,
        roots: Vec::new(),
    };
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let roots = loaded.types.items.keys().filter(|ident| {
        matches!(ident.type_, IdentType::Type | IdentType::Element)
            && ident.name.is_named()
            && schema_path(&loaded.schemas, ident.schema).is_some()
    });
    for ident in roots {
        let mut lowering = Lowering::new(loaded, &options);
        let mut result = lowering
            .type_ref(ident, ident.name.as_str(), ident)
            .map(drop);
        while let (Ok(()), Some(next)) = (&result, lowering.queue.pop()) {
            result = lowering.lower_job(&next).map(drop);
        }
        if let Err(Error::Schema { construct, .. }) = result {
            let (kind, user) = construct.split_once(" in ").unwrap_or((&construct, ""));
            found
                .entry(kind.to_owned())
                .or_default()
                .insert(user.to_owned());
        }
    }
    found
}

struct Lowering<'l> {
    loaded: &'l Loaded,
    options: &'l Options,
    /// Rust names given to types, by schema identity.
    names: HashMap<TypeIdent, String>,
    /// Rust names given to the enums of a type and its derived types.
    derived_names: HashMap<TypeIdent, String>,
    /// Rust names of the choices of named groups, by group name: each
    /// reference to the group is the same choice.
    group_names: HashMap<(String, String), String>,
    /// The element each anonymous type belongs to.
    anonymous: HashMap<TypeIdent, String>,
    /// The complex type each anonymous choice belongs to, for errors.
    choice_owners: HashMap<TypeIdent, TypeIdent>,
    /// How many anonymous choices each complex type has named.
    choice_counts: HashMap<TypeIdent, usize>,
    /// Complex types lowered so far: bases are asked for again by every
    /// type that extends them.
    structs: HashMap<TypeIdent, StructDef>,
    taken: HashSet<String>,
    /// Types named but not lowered yet.
    queue: Vec<Job>,
    types: Vec<TypeDef>,
}

/// A type to lower.
enum Job {
    Type(TypeIdent),
    /// The enum of a complex type and the types derived from it.
    Derived(TypeIdent),
}

impl<'l> Lowering<'l> {
    fn new(loaded: &'l Loaded, options: &'l Options) -> Self {
        Lowering {
            loaded,
            options,
            names: HashMap::new(),
            derived_names: HashMap::new(),
            group_names: HashMap::new(),
            anonymous: HashMap::new(),
            choice_owners: HashMap::new(),
            structs: HashMap::new(),
            choice_counts: HashMap::new(),
            taken: HashSet::new(),
            queue: Vec::new(),
            types: Vec::new(),
        }
    }

    fn lower_job(&mut self, job: &Job) -> Result<TypeDef, Error> {
        match job {
            Job::Type(ident) => self.type_def(ident),
            Job::Derived(ident) => self.derived_def(ident),
        }
    }

    fn name_key(&self, ident: &TypeIdent) -> (String, String) {
        (self.namespace(ident.ns), ident.name.as_str().to_owned())
    }

    fn is_abstract(&self, ident: &TypeIdent) -> bool {
        self.loaded
            .facts
            .abstract_types
            .contains(&self.name_key(ident))
    }

    /// Whether values of the complex type `ident` may be of other types,
    /// named by `xsi:type`.
    fn is_polymorphic(&self, ident: &TypeIdent) -> bool {
        !self.options.declared_types_only
            && ident.type_ == IdentType::Type
            && (self.loaded.facts.derived.contains_key(ident) || self.is_abstract(ident))
    }

    /// Every type derived from `ident`, directly or not, that can have
    /// values (not abstract), sorted by name.
    fn all_derived(&self, ident: &TypeIdent) -> Vec<TypeIdent> {
        let mut found = Vec::new();
        let mut stack = vec![ident.clone()];
        while let Some(at) = stack.pop() {
            for d in self.loaded.facts.derived.get(&at).into_iter().flatten() {
                if !found.contains(d) {
                    found.push(d.clone());
                    stack.push(d.clone());
                }
            }
        }
        found.retain(|d| !self.is_abstract(d));
        found.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
        found
    }

    /// The Rust name of the enum of `ident` and its derived types.
    fn derived_name_of(&mut self, ident: &TypeIdent) -> String {
        if let Some(name) = self.derived_names.get(ident) {
            return name.clone();
        }
        let base = format!("Any{}", naming::type_name(ident.name.as_str()));
        let name = unique(&base, |n| self.taken.contains(n));
        self.taken.insert(name.clone());
        self.derived_names.insert(ident.clone(), name.clone());
        self.queue.push(Job::Derived(ident.clone()));
        name
    }

    fn derived_def(&mut self, ident: &TypeIdent) -> Result<TypeDef, Error> {
        let rust_name = self.derived_names[ident].clone();
        let base = (!self.is_abstract(ident)).then(|| self.name_of(ident, ident.name.as_str()));
        let mut variants = Vec::new();
        for d in self.all_derived(ident) {
            let rust_name = self.name_of(&d, d.name.as_str());
            variants.push(DerivedVariant {
                rust_name,
                xml_name: d.name.as_str().to_owned(),
                namespace: self.namespace(d.ns),
            });
        }
        if base.is_none() && variants.is_empty() {
            return Err(self.unsupported(
                ident,
                "abstract",
                "an abstract type without types derived from it has no values",
            ));
        }
        let xml_name = ident.name.as_str().to_owned();
        let docs = format!(
            "A value of `{xml_name}` or of a type derived from it, as `xsi:type` names it."
        );
        Ok(TypeDef {
            rust_name,
            xml_name,
            file: self.file_of(ident),
            docs,
            kind: TypeKind::Derived(DerivedDef {
                namespace: self.namespace(ident.ns),
                base,
                variants,
            }),
        })
    }

    /// The stem of the file that declares `ident`.
    fn file_of(&self, ident: &TypeIdent) -> String {
        schema_path(&self.loaded.schemas, ident.schema)
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_default()
    }

    /// The selected top-level elements, sorted by name, with their types
    /// queued.
    fn elements(&mut self) -> Result<Vec<ElementDef>, Error> {
        let candidates = candidates(self.loaded, self.options)?;
        let mut values = Vec::new();
        for ident in candidates {
            let meta = &self.loaded.types.items[ident];
            let target = match &meta.variant {
                MetaTypeVariant::Reference(reference) if reference.nillable => {
                    return Err(self.unsupported(
                        ident,
                        "nillable",
                        "a nillable top-level element (a nillable element inside a type is)",
                    ));
                }
                MetaTypeVariant::Reference(reference) => reference.type_.clone(),
                // The head of a substitution group: an element of its own
                // unless abstract (then only its members appear).
                MetaTypeVariant::Dynamic(dynamic) => {
                    if self
                        .loaded
                        .facts
                        .abstract_elements
                        .contains(&self.name_key(ident))
                    {
                        continue;
                    }
                    match &dynamic.type_ {
                        Some(type_) => type_.clone(),
                        None => {
                            return Err(self.unsupported(
                                ident,
                                "element",
                                "a head element without a type",
                            ));
                        }
                    }
                }
                _ => {
                    return Err(self.unsupported(
                        ident,
                        "element",
                        "a top-level element of this kind",
                    ));
                }
            };
            let value = self.type_ref(&target, ident.name.as_str(), ident)?;
            values.push((ident, value));
        }
        let mut uses: HashMap<&TypeRef, usize> = HashMap::new();
        for (_, value) in &values {
            *uses.entry(value).or_default() += 1;
        }
        let shared: HashSet<TypeRef> = uses
            .into_iter()
            .filter(|(value, n)| *n > 1 || !matches!(value, TypeRef::Named(_)))
            .map(|(value, _)| value.clone())
            .collect();
        let mut elements = Vec::new();
        for (ident, value) in values {
            let meta = &self.loaded.types.items[ident];
            let rust_name = match value {
                TypeRef::Named(rust_name)
                    if !shared.contains(&TypeRef::Named(rust_name.clone())) =>
                {
                    rust_name
                }
                // A built-in type, or one several elements share, gets a
                // type of its own to be the element.
                value => {
                    let base = naming::type_name(ident.name.as_str());
                    let rust_name = [base.clone(), format!("{base}Element")]
                        .into_iter()
                        .chain((2..).map(|n| format!("{base}Element{n}")))
                        .find(|c| !self.taken.contains(c))
                        .unwrap_or(base);
                    self.taken.insert(rust_name.clone());
                    let mut docs = docs(&meta.documentation);
                    if docs.is_empty() {
                        docs = format!("The `{}` element.", ident.name.as_str());
                    }
                    let xml_name = ident.name.as_str().to_owned();
                    self.types.push(TypeDef {
                        rust_name: rust_name.clone(),
                        xml_name,
                        file: self.file_of(ident),
                        docs,
                        kind: TypeKind::Newtype(value),
                    });
                    rust_name
                }
            };
            // `PlayOnPhone` names the request even though its type is `PlayOnPhoneType`.
            let element_name = naming::type_name(ident.name.as_str());
            let alias = (element_name != rust_name && self.taken.insert(element_name.clone()))
                .then_some(element_name);
            elements.push(ElementDef {
                rust_name,
                alias,
                namespace: self.namespace(ident.ns),
                xml_name: ident.name.as_str().to_owned(),
            });
        }
        Ok(elements)
    }

    /// The Rust type for values of `ident`; named types are queued for
    /// lowering. `element` names the element for an anonymous type.
    fn type_ref(
        &mut self,
        ident: &TypeIdent,
        element: &str,
        owner: &TypeIdent,
    ) -> Result<TypeRef, Error> {
        // A type without a place of its own is reported where it is used.
        let at = |this: &Self| {
            if this.is_located(ident) {
                ident.clone()
            } else {
                owner.clone()
            }
        };
        if self.namespace(ident.ns) == XS_NS {
            return xs_builtin(ident.name.as_str())
                .map(TypeRef::Builtin)
                .ok_or_else(|| {
                    let message = format!(
                        "element or attribute {element} of type xs:{}",
                        ident.name.as_str()
                    );
                    self.unsupported(owner, "built-in type", &message)
                });
        }
        let Some(meta) = self.loaded.types.items.get(ident) else {
            let message = format!(
                "{element} has type {}, which is not defined",
                ident.name.as_str()
            );
            return Err(self.unsupported(owner, "type", &message));
        };
        let unsupported = |this: &Self, construct: &str, message: &str| {
            this.unsupported(&at(this), construct, message)
        };
        match &meta.variant {
            MetaTypeVariant::BuildIn(b) => Ok(TypeRef::Builtin(builtin(b))),
            MetaTypeVariant::Reference(r)
                if r.min_occurs == 1 && r.max_occurs == MaxOccurs::Bounded(1) =>
            {
                self.type_ref(&r.type_, element, owner)
            }
            // A list type: items of the referenced type.
            MetaTypeVariant::Reference(r) => {
                let item = self.type_ref(&r.type_, element, owner)?;
                self.list_of(item, ident, owner)
            }
            MetaTypeVariant::SimpleType(s) if s.is_list => {
                let item = self.type_ref(&s.base, element, owner)?;
                self.list_of(item, ident, owner)
            }
            // Facets (length, pattern, ranges) are not enforced: the value
            // keeps its base type.
            MetaTypeVariant::SimpleType(s) => self.type_ref(&s.base, element, owner),
            MetaTypeVariant::ComplexType(_) if self.is_polymorphic(ident) => {
                Ok(TypeRef::Named(self.derived_name_of(ident)))
            }
            // A substitution group's head: its members, by element name.
            MetaTypeVariant::Enumeration(_)
            | MetaTypeVariant::ComplexType(_)
            | MetaTypeVariant::Union(_)
            | MetaTypeVariant::Dynamic(_) => Ok(TypeRef::Named(self.name_of(ident, element))),
            MetaTypeVariant::Custom(_) => Err(unsupported(self, "type", "custom types")),
            MetaTypeVariant::All(_) | MetaTypeVariant::Choice(_) | MetaTypeVariant::Sequence(_) => {
                Err(unsupported(
                    self,
                    "xs:group",
                    "a model group used as a type",
                ))
            }
        }
    }

    fn list_of(
        &self,
        item: TypeRef,
        ident: &TypeIdent,
        owner: &TypeIdent,
    ) -> Result<TypeRef, Error> {
        match item {
            TypeRef::List(_) | TypeRef::AnyElement => Err(self.unsupported(
                if self.is_located(ident) { ident } else { owner },
                "xs:list",
                "a list of lists",
            )),
            item => Ok(TypeRef::List(Box::new(item))),
        }
    }

    /// Whether errors about `ident` can point at its own declaration.
    fn is_located(&self, ident: &TypeIdent) -> bool {
        let named = !ident.name.is_generated() || self.anonymous.contains_key(ident);
        named && schema_path(&self.loaded.schemas, ident.schema).is_some()
    }

    /// The Rust name of a generated type, giving one on first use.
    fn name_of(&mut self, ident: &TypeIdent, element: &str) -> String {
        if let Some(name) = self.names.get(ident) {
            return name.clone();
        }
        let anonymous = matches!(ident.type_, IdentType::ElementType) || ident.name.is_generated();
        let base = naming::type_name(if anonymous {
            element
        } else {
            ident.name.as_str()
        });
        let name = [
            base.clone(),
            format!("{base}Element"),
            format!("{base}Type"),
        ]
        .into_iter()
        .chain((2..).map(|n| format!("{base}{n}")))
        .find(|candidate| !self.taken.contains(candidate))
        .unwrap_or(base);
        self.taken.insert(name.clone());
        self.names.insert(ident.clone(), name.clone());
        self.queue.push(Job::Type(ident.clone()));
        name
    }

    fn type_def(&mut self, ident: &TypeIdent) -> Result<TypeDef, Error> {
        let meta = &self.loaded.types.items[ident];
        let rust_name = self.names[ident].clone();
        let kind = match &meta.variant {
            MetaTypeVariant::Enumeration(e) => {
                let mut values: Vec<EnumValue> = Vec::new();
                for variant in e.variants.iter() {
                    let xml_value = variant.ident.name.as_str().to_owned();
                    let base = naming::variant_name(&xml_value);
                    let rust_name = unique(&base, |n| values.iter().any(|v| v.rust_name == n));
                    values.push(EnumValue {
                        rust_name,
                        xml_value,
                        docs: docs(&variant.documentation),
                    });
                }
                let unknown_variant =
                    unique("Unknown", |n| values.iter().any(|v| v.rust_name == n));
                TypeKind::Enum(EnumDef {
                    values,
                    unknown_variant,
                })
            }
            MetaTypeVariant::ComplexType(complex) => {
                TypeKind::Struct(self.struct_def(ident, complex)?)
            }
            MetaTypeVariant::Union(union) => {
                let mut members: Vec<(String, TypeRef)> = Vec::new();
                for member in union.types.0.iter() {
                    let ty = self.type_ref(&member.type_, ident.name.as_str(), ident)?;
                    let base = match &ty {
                        TypeRef::Named(name) => name.clone(),
                        TypeRef::Builtin(b) => naming::type_name(&format!("{b:?}")),
                        TypeRef::List(_) => "List".to_owned(),
                        TypeRef::AnyElement => {
                            return Err(self.unsupported(
                                ident,
                                "xs:union",
                                "a member that is not a simple type",
                            ));
                        }
                    };
                    let name = unique(&base, |n| members.iter().any(|(m, _)| m == n));
                    members.push((name, ty));
                }
                TypeKind::Union(members)
            }
            MetaTypeVariant::Choice(group) => TypeKind::Choice(self.choice_variants(ident, group)?),
            MetaTypeVariant::Dynamic(_) => TypeKind::Choice(self.substitutes(ident)?),
            _ => return Err(self.unsupported(ident, "type", "not a complex type or enumeration")),
        };
        let xml_name = self
            .element_name_of(ident)
            .unwrap_or_else(|| ident.name.as_str().to_owned());
        let mut docs = self.type_docs(ident, meta);
        if docs.is_empty() && matches!(meta.variant, MetaTypeVariant::Dynamic(_)) {
            docs = format!("An element of the substitution group of `{xml_name}`.");
        }
        Ok(TypeDef {
            rust_name,
            xml_name,
            file: self.file_of(ident),
            docs,
            kind,
        })
    }

    /// A complex type's members. `xsd-parser` hands over an extension with
    /// its base's members merged in; they are split off again into the
    /// base, which becomes the first field (unless it has no members). A
    /// restriction keeps what it declares itself, and no base field.
    fn struct_def(&mut self, ident: &TypeIdent, complex: &ComplexMeta) -> Result<StructDef, Error> {
        if let Some(def) = self.structs.get(ident) {
            return Ok(def.clone());
        }
        if complex.is_mixed {
            return Err(self.unsupported(ident, "mixed", "mixed content"));
        }
        // The base first: what it declares is named after it, not after the
        // first type that extends it.
        if let Base::Extension(base) = &complex.base
            && let Some(MetaTypeVariant::ComplexType(base_complex)) =
                self.loaded.types.items.get(base).map(|m| &m.variant)
        {
            self.struct_def(base, base_complex)?;
        }
        let mut def = StructDef::default();
        for attribute in complex.attributes.iter() {
            match &attribute.variant {
                AttributeMetaVariant::Any(_) => def.any_attribute = true,
                AttributeMetaVariant::Type(_) if attribute.use_ == Use::Prohibited => {}
                AttributeMetaVariant::Type(type_) => {
                    let attribute = self.attribute(ident, attribute, type_)?;
                    def.attributes.push(attribute);
                }
            }
        }
        if let Some(content) = &complex.content {
            // A content model that may be absent makes all of it optional.
            // (An extension reports its base's: the base's own members get
            // it when the base is lowered.)
            let outer = match complex.base {
                Base::None => (complex.min_occurs, complex.max_occurs),
                _ => (1, MaxOccurs::Bounded(1)),
            };
            match &self.loaded.types.items[content].variant {
                MetaTypeVariant::Sequence(group) | MetaTypeVariant::All(group) => {
                    self.particles(ident, group, outer, None, &mut def.fields)?;
                }
                // A choice of one is a sequence of one.
                MetaTypeVariant::Choice(group) if group.elements.len() == 1 => {
                    self.particles(ident, group, outer, None, &mut def.fields)?;
                }
                MetaTypeVariant::Choice(group) => {
                    let field = self.choice_field(ident, content, None, group, outer)?;
                    def.fields.push(field);
                }
                // Simple content: text of a simple type.
                _ => def.text = Some(self.type_ref(content, ident.name.as_str(), ident)?),
            }
        }
        let own = self
            .loaded
            .facts
            .own_elements
            .get(&self.name_key(ident))
            .cloned();
        match &complex.base {
            Base::None => {}
            _ if def.text.is_some() => {}
            Base::Extension(base) => self.split_base(ident, base, &mut def)?,
            Base::Restriction(_) => {}
        }
        // What a derived type declares itself (the interpreter merges a
        // restricted base's elements in).
        if complex.base != Base::None
            && let Some(own) = own
        {
            // Decoding tells members apart by element name: one the base has
            // cannot be the extension's too.
            if let Some(base) = &def.base
                && let Some(both) = base
                    .def
                    .all_fields()
                    .find(|f| !f.choice && own.contains(&f.xml_name))
            {
                let message = format!(
                    "element {} is declared by the type and by its base {}",
                    both.xml_name, base.rust_type
                );
                return Err(self.unsupported(ident, "xs:extension", &message));
            }
            def.fields
                .retain(|f| f.choice || f.ty == TypeRef::AnyElement || own.contains(&f.xml_name));
        }
        // Choices without a name of their own are numbered in the type.
        let mut choices = 0;
        for field in def.fields.iter_mut().filter(|f| f.rust_name == "choice") {
            choices += 1;
            if choices > 1 {
                field.rust_name = format!("choice{choices}");
            }
        }
        let wildcards = def
            .fields
            .iter()
            .filter(|f| f.ty == TypeRef::AnyElement)
            .count();
        if wildcards > 1 {
            return Err(self.unsupported(ident, "xs:any", "more than one element wildcard"));
        }
        // Field names must be unique in the type.
        let mut seen = HashSet::new();
        for name in def.member_names() {
            if !seen.insert(name.to_owned()) {
                return Err(self.unsupported(
                    ident,
                    "field",
                    &format!("two members map to the field name {name}"),
                ));
            }
        }
        self.structs.insert(ident.clone(), def.clone());
        Ok(def)
    }

    /// Adds the elements of a sequence (or `xs:all`) to `fields`, nested
    /// sequences inline, choices as fields of their own. `outer` is how often
    /// the group itself occurs; `group_name`, the named group it is, if any
    /// (which names a choice it consists of).
    fn particles(
        &mut self,
        owner: &TypeIdent,
        group: &GroupMeta,
        outer: (usize, MaxOccurs),
        group_name: Option<(NamespaceId, &str)>,
        fields: &mut Vec<FieldDef>,
    ) -> Result<(), Error> {
        let repeats = outer.1 != MaxOccurs::Bounded(1);
        if repeats && group.elements.len() > 1 {
            return Err(self.unsupported(
                owner,
                "xs:sequence maxOccurs",
                "a repeated sequence of more than one element",
            ));
        }
        for element in group.elements.iter() {
            let occurs = combine(outer, (element.min_occurs, element.max_occurs));
            match &element.variant {
                ElementMetaVariant::Type {
                    type_,
                    mode: ElementMode::Group,
                } => {
                    let own_name = element
                        .ident
                        .name
                        .is_named()
                        .then(|| (element.ident.ns, element.ident.name.as_str()));
                    let name = own_name.or(group_name);
                    match self.loaded.types.items.get(type_).map(|m| &m.variant) {
                        // Only a group of one particle passes its name on.
                        Some(
                            MetaTypeVariant::Sequence(inner)
                            | MetaTypeVariant::All(inner)
                            | MetaTypeVariant::Choice(inner),
                        ) if inner.elements.len() == 1 => {
                            self.particles(owner, inner, occurs, name, fields)?;
                        }
                        Some(MetaTypeVariant::Sequence(inner) | MetaTypeVariant::All(inner)) => {
                            self.particles(owner, inner, occurs, None, fields)?;
                        }
                        Some(MetaTypeVariant::Choice(inner)) => {
                            let name = name.map(|(ns, name)| (self.namespace(ns), name.to_owned()));
                            let field = self.choice_field(owner, type_, name, inner, occurs)?;
                            fields.push(field);
                        }
                        _ => {
                            return Err(self.unsupported(
                                owner,
                                "xs:group",
                                "a group of this kind",
                            ));
                        }
                    }
                }
                _ => {
                    let mut field = self.field(owner, element)?;
                    field.occurs = to_occurs(occurs);
                    fields.push(field);
                }
            }
        }
        Ok(())
    }

    /// A field holding one of a choice's elements (`Vec` when the choice
    /// repeats). A named group is one Rust type wherever it is used.
    fn choice_field(
        &mut self,
        owner: &TypeIdent,
        group_ident: &TypeIdent,
        group_name: Option<(String, String)>,
        group: &GroupMeta,
        occurs: (usize, MaxOccurs),
    ) -> Result<FieldDef, Error> {
        self.choice_owners
            .entry(group_ident.clone())
            .or_insert_with(|| owner.clone());
        let owner_name = self
            .names
            .get(owner)
            .cloned()
            .unwrap_or_else(|| naming::type_name(owner.name.as_str()));
        let rust_type = match &group_name {
            Some(key) => match self.group_names.get(key) {
                Some(rust) => rust.clone(),
                None => {
                    let rust = self.name_of(group_ident, &key.1);
                    self.group_names.insert(key.clone(), rust.clone());
                    rust
                }
            },
            None => match self.names.get(group_ident) {
                Some(name) => name.clone(),
                // `ReachChoice`, `ReachChoice2`… as the fields are numbered.
                None => {
                    let count = self.choice_counts.entry(owner.clone()).or_default();
                    *count += 1;
                    let number = if *count > 1 {
                        count.to_string()
                    } else {
                        String::new()
                    };
                    let stem = owner_name.strip_suffix("Type").unwrap_or(&owner_name);
                    self.name_of(group_ident, &format!("{stem}Choice{number}"))
                }
            },
        };
        // The choice occurs as often as its alternatives allow: an optional
        // one makes it optional, one that repeats makes it repeat (decoding
        // then takes any mix of the alternatives).
        let min = group
            .elements
            .iter()
            .map(|e| e.min_occurs)
            .min()
            .unwrap_or(1);
        let max = group
            .elements
            .iter()
            .try_fold(1, |most, e| match e.max_occurs {
                MaxOccurs::Bounded(n) => Some(most.max(n)),
                MaxOccurs::Unbounded => None,
            })
            .map_or(MaxOccurs::Unbounded, MaxOccurs::Bounded);
        let occurs = combine(occurs, (min, max));
        let rust_name = match &group_name {
            Some((_, name)) => naming::field_name(name),
            None => "choice".to_owned(),
        };
        Ok(FieldDef {
            rust_name,
            namespace: None,
            xml_name: String::new(),
            aliases: Vec::new(),
            ty: TypeRef::Named(rust_type),
            occurs: to_occurs(occurs),
            choice: true,
            nillable: false,
            boxed: false,
            docs: String::new(),
        })
    }

    /// The alternatives of a choice; a substitution group's head among them
    /// stands for its members.
    fn choice_variants(
        &mut self,
        ident: &TypeIdent,
        group: &GroupMeta,
    ) -> Result<Vec<FieldDef>, Error> {
        // Errors point at the type the choice is part of.
        let ident = &self
            .choice_owners
            .get(ident)
            .cloned()
            .unwrap_or_else(|| ident.clone());
        let mut variants = Vec::new();
        for element in group.elements.iter() {
            if !matches!(
                element.variant,
                ElementMetaVariant::Type {
                    mode: ElementMode::Element,
                    ..
                }
            ) {
                return Err(self.unsupported(
                    ident,
                    "xs:choice",
                    "a choice of groups or wildcards",
                ));
            }
            let field = self.field(ident, element)?;
            self.add_variant(field, &mut variants)?;
        }
        Ok(variants)
    }

    fn add_variant(
        &mut self,
        mut field: FieldDef,
        variants: &mut Vec<FieldDef>,
    ) -> Result<(), Error> {
        // A head inside a choice: its members are alternatives too.
        if let (true, TypeRef::Named(head)) = (field.choice, &field.ty) {
            let head_ident = self
                .names
                .iter()
                .find(|(_, n)| *n == head)
                .map(|(i, _)| i.clone());
            if let Some(head_ident) = head_ident {
                for member in self.substitutes(&head_ident)? {
                    self.add_variant(member, variants)?;
                }
                return Ok(());
            }
        }
        field.rust_name = naming::type_name(&field.xml_name);
        field.occurs = Occurs::Required;
        if variants
            .iter()
            .any(|v: &FieldDef| v.xml_name == field.xml_name && v.namespace == field.namespace)
        {
            return Ok(());
        }
        field.rust_name = unique(&field.rust_name, |n| {
            variants.iter().any(|v| v.rust_name == n)
        });
        variants.push(field);
        Ok(())
    }

    /// Whether `ident` is a global element declared nillable.
    fn is_nillable_element(&self, ident: &TypeIdent) -> bool {
        if !matches!(ident.type_, IdentType::Element | IdentType::DynamicElement) {
            return false;
        }
        // The interpreter wraps an element's type: in a reference marked
        // nillable, then (for a member of a substitution group) in one more.
        let mut at = ident;
        for _ in 0..4 {
            let Some(MetaTypeVariant::Reference(r)) =
                self.loaded.types.items.get(at).map(|m| &m.variant)
            else {
                return false;
            };
            if r.nillable {
                return true;
            }
            if !matches!(
                r.type_.type_,
                IdentType::DynamicElement | IdentType::NillableContent
            ) {
                return false;
            }
            at = &r.type_;
        }
        false
    }

    /// The elements that may stand where the head element `head` is
    /// referred to: the head (unless abstract) and its substitution group,
    /// members of nested groups included (the interpreter lists those for
    /// every head above them, and the head's own type among them, which is
    /// not an element).
    fn substitutes(&mut self, head: &TypeIdent) -> Result<Vec<FieldDef>, Error> {
        let Some(MetaTypeVariant::Dynamic(dynamic)) =
            self.loaded.types.items.get(head).map(|m| &m.variant)
        else {
            return Err(self.unsupported(head, "substitutionGroup", "not a head element"));
        };
        let mut members: Vec<(TypeIdent, TypeIdent)> = Vec::new();
        let head_is_abstract = self
            .loaded
            .facts
            .abstract_elements
            .contains(&self.name_key(head));
        if let (false, Some(type_)) = (head_is_abstract, &dynamic.type_) {
            members.push((head.clone(), type_.clone()));
        }
        for derived in &dynamic.derived_types {
            let member = &derived.type_;
            let is_element = matches!(member.type_, IdentType::Element | IdentType::DynamicElement);
            let seen = members
                .iter()
                .any(|(m, _)| m.ns == member.ns && m.name == member.name);
            if is_element && !seen {
                members.push((member.clone(), member.clone()));
            }
        }
        let mut variants = Vec::new();
        for (member, target) in members {
            let name = member.name.as_str().to_owned();
            // A member that heads a group of its own is itself one member:
            // its type is what its element holds.
            let target = match self.loaded.types.items.get(&target).map(|m| &m.variant) {
                Some(MetaTypeVariant::Dynamic(inner)) if target != *head => match &inner.type_ {
                    Some(type_) => type_.clone(),
                    None => continue,
                },
                _ => target,
            };
            let ty = self.type_ref(&target, &name, head)?;
            let docs = self
                .loaded
                .types
                .items
                .get(&member)
                .map(|m| docs(&m.documentation))
                .unwrap_or_default();
            variants.push(FieldDef {
                rust_name: unique(&naming::type_name(&name), |n| {
                    variants.iter().any(|v: &FieldDef| v.rust_name == n)
                }),
                namespace: Some(self.namespace(member.ns)),
                xml_name: name,
                aliases: Vec::new(),
                ty,
                occurs: Occurs::Required,
                choice: false,
                nillable: self.is_nillable_element(&member),
                boxed: false,
                docs,
            });
        }
        if variants.is_empty() {
            return Err(self.unsupported(
                head,
                "substitutionGroup",
                "an abstract head without members",
            ));
        }
        Ok(variants)
    }

    /// Moves the members `base` declares out of `def` into its base field.
    fn split_base(
        &mut self,
        ident: &TypeIdent,
        base: &TypeIdent,
        def: &mut StructDef,
    ) -> Result<(), Error> {
        let Some(MetaTypeVariant::ComplexType(base_complex)) =
            self.loaded.types.items.get(base).map(|m| &m.variant)
        else {
            return Err(self.unsupported(ident, "xs:simpleContent", "extension of a simple type"));
        };
        let base_def = self.struct_def(base, base_complex)?;
        if base_def.is_empty() {
            return Ok(());
        }
        def.attributes
            .retain(|a| !base_def.all_attributes().any(|b| b.xml_name == a.xml_name));
        def.fields.retain(|f| {
            !base_def
                .all_fields()
                .any(|b| b.xml_name == f.xml_name && b.namespace == f.namespace && b.ty == f.ty)
        });
        def.any_attribute &= !base_def.any_attribute;
        let type_name = base.name.as_str();
        def.base = Some(Box::new(BaseDef {
            rust_field: naming::field_name(type_name.strip_suffix("Type").unwrap_or(type_name)),
            rust_type: self.name_of(base, type_name),
            def: base_def,
        }));
        Ok(())
    }

    fn attribute(
        &mut self,
        owner: &TypeIdent,
        attribute: &AttributeMeta,
        type_: &TypeIdent,
    ) -> Result<AttributeDef, Error> {
        let xml_name = attribute.ident.name.as_str().to_owned();
        let ty = self.type_ref(type_, &xml_name, owner)?;
        // A reference to a global attribute is always qualified.
        let qualified =
            attribute.form == FormChoiceType::Qualified || type_.type_ == IdentType::Attribute;
        let namespace = qualified.then(|| self.namespace(attribute.ident.ns));
        if namespace.as_ref().is_some_and(|ns| ns != XML_NS) {
            let message =
                format!("attribute {xml_name} is namespace-qualified (only xml: attributes are)");
            return Err(self.unsupported(owner, "attribute form", &message));
        }
        Ok(AttributeDef {
            rust_name: naming::field_name(&xml_name),
            namespace,
            xml_name,
            ty,
            required: attribute.use_ == Use::Required,
            default: attribute.default.clone(),
            docs: docs(&attribute.documentation),
        })
    }

    fn field(&mut self, owner: &TypeIdent, element: &ElementMeta) -> Result<FieldDef, Error> {
        let xml_name = element.ident.name.as_str().to_owned();
        let type_ = match &element.variant {
            ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Element,
            } => type_,
            ElementMetaVariant::Type {
                mode: ElementMode::Group,
                ..
            } => {
                return Err(self.unsupported(owner, "xs:group", "a model group here"));
            }
            ElementMetaVariant::Any { .. } => {
                // Elements the wildcard admits are kept as they were written.
                return Ok(FieldDef {
                    rust_name: "any".into(),
                    namespace: None,
                    xml_name: String::new(),
                    aliases: Vec::new(),
                    ty: TypeRef::AnyElement,
                    occurs: occurs(element),
                    choice: false,
                    nillable: false,
                    boxed: false,
                    docs: docs(&element.documentation),
                });
            }
            ElementMetaVariant::Text => {
                return Err(self.unsupported(owner, "mixed", "text in element content"));
            }
        };
        let occurs = occurs(element);
        let ty = self.type_ref(type_, &xml_name, owner)?;
        // A reference to a substitution group's head: any of its members.
        let choice = matches!(
            self.loaded.types.items.get(type_).map(|m| &m.variant),
            Some(MetaTypeVariant::Dynamic(_))
        ) && type_.type_ == IdentType::Element;
        let qualified = element.form == FormChoiceType::Qualified;
        Ok(FieldDef {
            rust_name: naming::field_name(&xml_name),
            namespace: qualified.then(|| self.namespace(element.ident.ns)),
            aliases: self
                .options
                .aliases
                .get(&xml_name)
                .cloned()
                .unwrap_or_default(),
            xml_name,
            ty,
            occurs,
            choice,
            // A reference to a global element is nillable as it says.
            nillable: !choice && (element.nillable || self.is_nillable_element(type_)),
            boxed: false,
            docs: docs(&element.documentation),
        })
    }

    /// For an element's anonymous type, the element's name.
    fn element_name_of(&self, ident: &TypeIdent) -> Option<String> {
        (ident.type_ == IdentType::ElementType).then(|| ident.name.as_str().to_owned())
    }

    /// A type's documentation; for an element's anonymous type, the
    /// element's documentation comes first.
    fn type_docs(&self, ident: &TypeIdent, meta: &MetaType) -> String {
        let mut parts = Vec::new();
        if ident.type_ == IdentType::ElementType {
            let element = TypeIdent {
                type_: IdentType::Element,
                ..ident.clone()
            };
            if let Some(element_meta) = self.loaded.types.items.get(&element) {
                parts.extend(element_meta.documentation.iter().cloned());
            }
        }
        parts.extend(meta.documentation.iter().cloned());
        docs(&parts)
    }

    fn namespace(&self, ns: NamespaceId) -> String {
        self.loaded
            .types
            .modules
            .get(&ns)
            .and_then(|m| m.namespace.as_ref())
            .map(|n| String::from_utf8_lossy(&n.0).into_owned())
            .unwrap_or_default()
    }

    fn unsupported(&self, ident: &TypeIdent, construct: &str, message: &str) -> Error {
        let file = schema_path(&self.loaded.schemas, ident.schema)
            .unwrap_or_else(|| PathBuf::from("<unknown schema>"));
        // An anonymous type is found, and named, by its element.
        let (name, constructs): (String, &[&str]) = match self.anonymous.get(ident) {
            Some(element) => (format!("the type of element {element}"), &["element"]),
            None => (
                ident.name.as_str().to_owned(),
                match ident.type_ {
                    IdentType::Element | IdentType::ElementType => &["element"],
                    IdentType::Attribute => &["attribute"],
                    IdentType::Group => &["group"],
                    IdentType::AttributeGroup => &["attributeGroup"],
                    _ => &["complexType", "simpleType"],
                },
            ),
        };
        let lookup = self
            .anonymous
            .get(ident)
            .map_or(ident.name.as_str(), String::as_str);
        let line = self
            .loaded
            .sources
            .line(&file, constructs, lookup)
            .unwrap_or(0);
        Error::Schema {
            file,
            line,
            construct: format!("{construct} in {name}"),
            message: format!("not supported yet: {message}"),
        }
    }
}

/// Refuses aliases that match no element, or that are another element's
/// name where they would apply.
fn check_aliases(types: &[TypeDef], options: &Options) -> Result<(), Error> {
    let structs = || {
        types.iter().filter_map(|t| match &t.kind {
            TypeKind::Struct(def) => Some((t, def)),
            _ => None,
        })
    };
    for (element, aliases) in &options.aliases {
        if !structs().any(|(_, def)| def.all_fields().any(|f| &f.xml_name == element)) {
            return Err(Error::Request(format!(
                "alias for {element}: no generated type has an element of that name"
            )));
        }
        for (ty, def) in structs() {
            let names: Vec<&str> = def.all_fields().map(|f| f.xml_name.as_str()).collect();
            if names.contains(&element.as_str())
                && let Some(clash) = aliases.iter().find(|a| names.contains(&a.as_str()))
            {
                return Err(Error::Request(format!(
                    "alias {clash} for {element}: {} has an element named {clash} already",
                    ty.xml_name
                )));
            }
        }
    }
    Ok(())
}

/// Drops the types no element reaches: lowering names some on the way that
/// the module ends up not using (the group of a substitution head whose
/// members a choice lists itself).
fn keep_reachable(types: &mut Vec<TypeDef>, elements: &[ElementDef]) {
    fn names<'t>(ty: &'t TypeRef, out: &mut Vec<&'t str>) {
        match ty {
            TypeRef::Named(name) => out.push(name),
            TypeRef::List(item) => names(item, out),
            TypeRef::Builtin(_) | TypeRef::AnyElement => {}
        }
    }
    fn uses<'t>(def: &'t StructDef, out: &mut Vec<&'t str>) {
        if let Some(base) = &def.base {
            out.push(&base.rust_type);
            uses(&base.def, out);
        }
        def.attributes.iter().for_each(|a| names(&a.ty, out));
        def.fields.iter().for_each(|f| names(&f.ty, out));
        def.text.iter().for_each(|t| names(t, out));
    }
    let index: HashMap<&str, &TypeDef> = types.iter().map(|t| (t.rust_name.as_str(), t)).collect();
    let mut reached: HashSet<&str> = HashSet::new();
    let mut stack: Vec<&str> = elements.iter().map(|e| e.rust_name.as_str()).collect();
    while let Some(name) = stack.pop() {
        let Some(ty) = index.get(name) else { continue };
        if !reached.insert(name) {
            continue;
        }
        match &ty.kind {
            TypeKind::Struct(def) => uses(def, &mut stack),
            TypeKind::Newtype(inner) => names(inner, &mut stack),
            TypeKind::Choice(variants) => variants.iter().for_each(|v| names(&v.ty, &mut stack)),
            TypeKind::Derived(def) => {
                stack.extend(def.base.iter().map(String::as_str));
                stack.extend(def.variants.iter().map(|v| v.rust_name.as_str()));
            }
            TypeKind::Union(members) => members.iter().for_each(|(_, t)| names(t, &mut stack)),
            TypeKind::Enum(_) => {}
        }
    }
    let reached: HashSet<String> = reached.into_iter().map(str::to_owned).collect();
    types.retain(|t| reached.contains(&t.rust_name));
}

/// Boxes the complex alternatives of choices, and each field whose type
/// contains the field's owner again, held inline (not in a `Vec`): every
/// such cycle then has a box in it.
fn box_recursive_fields(types: &mut [TypeDef]) {
    // A choice is as large as its largest alternative: complex values are
    // boxed.
    let is_struct: HashSet<String> = types
        .iter()
        .filter(|t| matches!(t.kind, TypeKind::Struct(_)))
        .map(|t| t.rust_name.clone())
        .collect();
    for ty in types.iter_mut() {
        if let TypeKind::Choice(variants) = &mut ty.kind {
            for variant in variants {
                variant.boxed =
                    matches!(&variant.ty, TypeRef::Named(name) if is_struct.contains(name));
            }
        }
    }
    let index: HashMap<String, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.rust_name.clone(), i))
        .collect();
    // The types each type holds inline: its base, and single-valued fields.
    fn inline(def: &StructDef) -> Vec<&str> {
        let base = def.base.iter().map(|b| b.rust_type.as_str());
        let fields = def
            .fields
            .iter()
            .filter(|f| !matches!(f.occurs, Occurs::Repeated { .. }));
        base.chain(fields.filter_map(|f| match &f.ty {
            TypeRef::Named(name) => Some(name.as_str()),
            _ => None,
        }))
        .collect()
    }
    let named = |ty: &TypeRef| match ty {
        TypeRef::Named(name) => index.get(name.as_str()).copied(),
        _ => None,
    };
    let holds: Vec<Vec<usize>> = types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Struct(def) => inline(def)
                .iter()
                .filter_map(|n| index.get(*n).copied())
                .collect(),
            TypeKind::Choice(variants) => variants
                .iter()
                .filter(|v| !v.boxed)
                .filter_map(|v| named(&v.ty))
                .collect(),
            TypeKind::Newtype(inner) => named(inner).into_iter().collect(),
            // A derived-type enum boxes its values: it holds nothing inline.
            TypeKind::Derived(_) | TypeKind::Enum(_) | TypeKind::Union(_) => Vec::new(),
        })
        .collect();
    let reaches = |from: usize, to: usize| {
        let mut seen = vec![false; holds.len()];
        let mut stack = vec![from];
        while let Some(at) = stack.pop() {
            if at == to {
                return true;
            }
            if !std::mem::replace(&mut seen[at], true) {
                stack.extend(&holds[at]);
            }
        }
        false
    };
    for (owner, ty) in types.iter_mut().enumerate() {
        let TypeKind::Struct(def) = &mut ty.kind else {
            continue;
        };
        for field in &mut def.fields {
            field.boxed = match (&field.ty, field.occurs) {
                (_, Occurs::Repeated { .. }) => false,
                (TypeRef::Named(name), _) => {
                    index.get(name).is_some_and(|&held| reaches(held, owner))
                }
                _ => false,
            };
        }
    }
    // Each type's copy of its bases' members follows the bases themselves.
    let boxed: HashMap<String, Vec<bool>> = types
        .iter()
        .filter_map(|t| match &t.kind {
            TypeKind::Struct(def) => Some((
                t.rust_name.clone(),
                def.fields.iter().map(|f| f.boxed).collect(),
            )),
            _ => None,
        })
        .collect();
    fn sync(def: &mut StructDef, boxed: &HashMap<String, Vec<bool>>) {
        let Some(base) = &mut def.base else { return };
        if let Some(flags) = boxed.get(&base.rust_type) {
            base.def
                .fields
                .iter_mut()
                .zip(flags)
                .for_each(|(f, &b)| f.boxed = b);
        }
        sync(&mut base.def, boxed);
    }
    for ty in types.iter_mut() {
        if let TypeKind::Struct(def) = &mut ty.kind {
            sync(def, &boxed);
        }
    }
}

fn occurs(element: &ElementMeta) -> Occurs {
    to_occurs((element.min_occurs, element.max_occurs))
}

/// How often a particle occurs inside a group that occurs `outer` times.
fn combine(outer: (usize, MaxOccurs), inner: (usize, MaxOccurs)) -> (usize, MaxOccurs) {
    let max = match (outer.1, inner.1) {
        (MaxOccurs::Bounded(a), MaxOccurs::Bounded(b)) => MaxOccurs::Bounded(a.saturating_mul(b)),
        _ => MaxOccurs::Unbounded,
    };
    (outer.0.saturating_mul(inner.0), max)
}

fn to_occurs(occurs: (usize, MaxOccurs)) -> Occurs {
    match occurs {
        (1, MaxOccurs::Bounded(1)) => Occurs::Required,
        (0, MaxOccurs::Bounded(1)) => Occurs::Optional,
        (min, MaxOccurs::Bounded(max)) => Occurs::Repeated {
            min,
            max: Some(max),
        },
        (min, MaxOccurs::Unbounded) => Occurs::Repeated { min, max: None },
    }
}

/// The top-level elements `options` select, sorted by name. Every
/// top-level element means those of the files asked for and the files they
/// include (the same namespace); named elements may come from any file they
/// import too.
fn candidates<'l>(loaded: &'l Loaded, options: &Options) -> Result<Vec<&'l TypeIdent>, Error> {
    let canonical = |p: &PathBuf| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
    let roots: Vec<PathBuf> = options.roots.iter().map(canonical).collect();
    let root_namespaces: HashSet<NamespaceId> = loaded
        .schemas
        .schemas()
        .filter(|(_, info)| {
            info.location
                .as_ref()
                .and_then(|u| u.to_file_path().ok())
                .is_some_and(|p| roots.contains(&canonical(&p)))
        })
        .map(|(_, info)| info.namespace_id())
        .collect();
    let named = matches!(options.elements, Selection::Named(_));
    let mut candidates: Vec<&TypeIdent> = loaded
        .types
        .items
        .keys()
        .filter(|ident| ident.type_ == IdentType::Element)
        .filter(|ident| {
            schema_path(&loaded.schemas, ident.schema).is_some()
                && (named || root_namespaces.contains(&ident.ns))
        })
        .collect();
    candidates.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    if let Selection::Named(wanted) = &options.elements {
        for name in wanted {
            match candidates
                .iter()
                .filter(|c| c.name.as_str() == name)
                .count()
            {
                0 => {
                    return Err(Error::Request(format!(
                        "no top-level element named {name} in the schemas given"
                    )));
                }
                1 => {}
                _ => {
                    return Err(Error::Request(format!(
                        "top-level elements of several namespaces are named {name}"
                    )));
                }
            }
        }
        candidates.retain(|c| wanted.iter().any(|w| w == c.name.as_str()));
    }
    Ok(candidates)
}

/// The names of the top-level elements `options` select.
pub fn element_names(loaded: &Loaded, options: &Options) -> Result<Vec<String>, Error> {
    Ok(candidates(loaded, options)?
        .iter()
        .map(|c| c.name.as_str().to_owned())
        .collect())
}

/// Pairs `X` with `XResponse` when both are generated.
fn operations(elements: &[ElementDef], options: &Options) -> Vec<OperationDef> {
    let Some(prefix) = &options.soap_action_prefix else {
        return Vec::new();
    };
    elements
        .iter()
        .filter_map(|request| {
            let response_name = format!("{}Response", request.xml_name);
            let response = elements.iter().find(|e| e.xml_name == response_name)?;
            Some(OperationDef {
                name: request.xml_name.clone(),
                request: request.rust_name.clone(),
                response: response.rust_name.clone(),
                soap_action: format!("{prefix}{}", request.xml_name),
            })
        })
        .collect()
}

/// Replaces namespace URIs in the module by constant names: `NAMESPACE`
/// when there is one, else one per schema prefix.
fn name_namespaces(module: &mut Module, loaded: &Loaded) -> Result<(), Error> {
    let mut uris: Vec<String> = module
        .elements
        .iter()
        .map(|e| e.namespace.clone())
        .collect();
    for ty in &module.types {
        match &ty.kind {
            TypeKind::Struct(s) => {
                uris.extend(s.all_fields().filter_map(|f| f.namespace.clone()));
                uris.extend(s.all_attributes().filter_map(|a| a.namespace.clone()));
            }
            TypeKind::Choice(variants) => {
                uris.extend(variants.iter().filter_map(|v| v.namespace.clone()));
            }
            TypeKind::Derived(def) => {
                uris.push(def.namespace.clone());
                uris.extend(def.variants.iter().map(|v| v.namespace.clone()));
            }
            _ => {}
        }
    }
    uris.sort();
    uris.dedup();
    // The runtime writes namespace names as they are.
    if let Some(uri) = uris.iter().find(|u| {
        u.chars()
            .any(|c| matches!(c, '<' | '>' | '&' | '"') || c.is_control())
    }) {
        return Err(Error::Request(format!(
            "namespace {uri:?} has characters that would need escaping; it is not supported"
        )));
    }
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for uri in &uris {
        let name = if uri == XML_NS {
            "XML_NAMESPACE".to_owned()
        } else if uris.len() == 1 {
            "NAMESPACE".to_owned()
        } else {
            let prefix = loaded
                .types
                .modules
                .values()
                .find(|m| {
                    m.namespace
                        .as_ref()
                        .is_some_and(|n| n.0.as_ref() == uri.as_bytes())
                })
                .and_then(|m| m.prefix.as_ref())
                .map(|p| naming::const_name(p.as_str()));
            let base = format!("{}_NAMESPACE", prefix.unwrap_or_else(|| "NS".into()));
            unique(&base, |n| names.values().any(|v| v == n))
        };
        names.insert(uri.clone(), name);
    }
    fn rename_in(def: &mut StructDef, rename: &impl Fn(&mut String)) {
        def.fields
            .iter_mut()
            .filter_map(|f| f.namespace.as_mut())
            .for_each(rename);
        def.attributes
            .iter_mut()
            .filter_map(|a| a.namespace.as_mut())
            .for_each(rename);
        if let Some(base) = &mut def.base {
            rename_in(&mut base.def, rename);
        }
    }
    let rename = |uri: &mut String| *uri = names[uri.as_str()].clone();
    module
        .elements
        .iter_mut()
        .for_each(|e| rename(&mut e.namespace));
    for ty in &mut module.types {
        match &mut ty.kind {
            TypeKind::Struct(s) => rename_in(s, &rename),
            TypeKind::Choice(variants) => variants
                .iter_mut()
                .filter_map(|v| v.namespace.as_mut())
                .for_each(rename),
            TypeKind::Derived(def) => {
                rename(&mut def.namespace);
                def.variants
                    .iter_mut()
                    .for_each(|v| rename(&mut v.namespace));
            }
            _ => {}
        }
    }
    module.namespaces = names.into_iter().map(|(uri, name)| (name, uri)).collect();
    module.namespaces.sort();
    Ok(())
}

/// `base`, or `base2`, `base3`… whichever is not `taken`.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}{n}")))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_owned())
}

/// Schema documentation as rustdoc: each annotation a paragraph, each line
/// trimmed.
fn docs(parts: &[String]) -> String {
    parts
        .iter()
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

/// The Rust type of an XML Schema built-in type. Types without a closer
/// Rust equivalent (dates, durations, binary, URIs, names) keep their
/// lexical form as `String`.
fn xs_builtin(name: &str) -> Option<Builtin> {
    Some(match name {
        "boolean" => Builtin::Bool,
        "byte" => Builtin::I8,
        "short" => Builtin::I16,
        "int" => Builtin::I32,
        "long" | "integer" | "negativeInteger" | "nonPositiveInteger" => Builtin::I64,
        "unsignedByte" => Builtin::U8,
        "unsignedShort" => Builtin::U16,
        "unsignedInt" => Builtin::U32,
        "unsignedLong" | "nonNegativeInteger" | "positiveInteger" => Builtin::U64,
        "float" => Builtin::F32,
        "double" => Builtin::F64,
        "string" | "normalizedString" | "token" | "language" | "Name" | "NCName" | "NMTOKEN"
        | "ID" | "IDREF" | "ENTITY" | "anyURI" | "QName" | "NOTATION" | "base64Binary"
        | "hexBinary" | "dateTime" | "date" | "time" | "duration" | "gYear" | "gYearMonth"
        | "gMonth" | "gMonthDay" | "gDay" | "decimal" | "anySimpleType" => Builtin::String,
        _ => return None,
    })
}

fn builtin(meta: &BuildInMeta) -> Builtin {
    match meta {
        BuildInMeta::Bool => Builtin::Bool,
        BuildInMeta::I8 => Builtin::I8,
        BuildInMeta::I16 => Builtin::I16,
        BuildInMeta::I32 => Builtin::I32,
        BuildInMeta::I64 | BuildInMeta::I128 | BuildInMeta::Isize => Builtin::I64,
        BuildInMeta::U8 => Builtin::U8,
        BuildInMeta::U16 => Builtin::U16,
        BuildInMeta::U32 => Builtin::U32,
        BuildInMeta::U64 | BuildInMeta::U128 | BuildInMeta::Usize => Builtin::U64,
        BuildInMeta::F32 => Builtin::F32,
        BuildInMeta::F64 => Builtin::F64,
        BuildInMeta::Str | BuildInMeta::String => Builtin::String,
    }
}
