//! Lowering: from `xsd-parser`'s interpreted schema to the generator's
//! model, for the chosen top-level elements and everything they reach.
//! Anything the generator cannot render is an error naming file, line and
//! construct: nothing is dropped or weakened silently.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use xsd_parser::models::meta::{
    AttributeMeta, AttributeMetaVariant, Base, BuildInMeta, ComplexMeta, ElementMeta,
    ElementMetaVariant, ElementMode, MetaType, MetaTypeVariant,
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
    /// The schema files asked for; top-level elements come from these.
    pub roots: Vec<PathBuf>,
}

pub fn lower(loaded: &Loaded, options: &Options) -> Result<Module, Error> {
    let mut lowering = Lowering::new(loaded, options);
    let elements = lowering.elements()?;
    // Types are lowered as they are reached; each may reach more.
    while let Some(ident) = lowering.queue.pop() {
        let def = lowering.type_def(&ident)?;
        lowering.types.push(def);
    }
    let mut types = std::mem::take(&mut lowering.types);
    types.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
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
            result = lowering.type_def(&next).map(drop);
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
    /// The element each anonymous type belongs to.
    anonymous: HashMap<TypeIdent, String>,
    taken: HashSet<String>,
    /// Types named but not lowered yet.
    queue: Vec<TypeIdent>,
    types: Vec<TypeDef>,
}

impl<'l> Lowering<'l> {
    fn new(loaded: &'l Loaded, options: &'l Options) -> Self {
        Lowering {
            loaded,
            options,
            names: HashMap::new(),
            anonymous: HashMap::new(),
            taken: HashSet::new(),
            queue: Vec::new(),
            types: Vec::new(),
        }
    }

    /// The selected top-level elements, sorted by name, with their types
    /// queued.
    fn elements(&mut self) -> Result<Vec<ElementDef>, Error> {
        let candidates = candidates(self.loaded, self.options)?;
        let mut by_type: HashMap<TypeIdent, &str> = HashMap::new();
        let mut elements = Vec::new();
        for ident in candidates {
            let meta = &self.loaded.types.items[ident];
            let reference = match &meta.variant {
                MetaTypeVariant::Reference(reference) => reference,
                MetaTypeVariant::Dynamic(_) => {
                    let message = "an element standing for the members of its substitution group";
                    return Err(self.unsupported(ident, "substitutionGroup", message));
                }
                _ => {
                    return Err(self.unsupported(
                        ident,
                        "element",
                        "a top-level element of this kind",
                    ));
                }
            };
            let target = &reference.type_;
            if let Some(other) = by_type.insert(target.clone(), ident.name.as_str()) {
                return Err(self.unsupported(ident, "element", &format!(
                    "elements {other} and {} share the type {}; only one top-level element per type is supported yet",
                    ident.name.as_str(), target.name.as_str()
                )));
            }
            let rust_name = match self.type_ref(target, ident.name.as_str(), ident)? {
                TypeRef::Named(rust_name) => rust_name,
                // A built-in type gets a type of its own to be the element.
                value => {
                    let base = naming::type_name(ident.name.as_str());
                    let rust_name = unique(&base, |n| self.taken.contains(n));
                    self.taken.insert(rust_name.clone());
                    let docs = docs(&meta.documentation);
                    let xml_name = ident.name.as_str().to_owned();
                    self.types.push(TypeDef {
                        rust_name: rust_name.clone(),
                        xml_name,
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
            MetaTypeVariant::Reference(_) => Err(unsupported(self, "xs:list", "list types")),
            MetaTypeVariant::SimpleType(s) if s.is_list => {
                Err(unsupported(self, "xs:list", "list types"))
            }
            // Facets (length, pattern, ranges) are not enforced: the value
            // keeps its base type.
            MetaTypeVariant::SimpleType(s) => self.type_ref(&s.base, element, owner),
            MetaTypeVariant::ComplexType(complex) if complex.is_dynamic => Err(unsupported(
                self,
                "abstract type",
                "an abstract type as an element's type (chosen by xsi:type)",
            )),
            MetaTypeVariant::Enumeration(_) | MetaTypeVariant::ComplexType(_) => {
                Ok(TypeRef::Named(self.name_of(ident, element)))
            }
            MetaTypeVariant::Union(_) => Err(unsupported(self, "xs:union", "union types")),
            MetaTypeVariant::Dynamic(_) => Err(unsupported(
                self,
                "abstract type",
                "types chosen by xsi:type or substitution group",
            )),
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
        self.queue.push(ident.clone());
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
            _ => return Err(self.unsupported(ident, "type", "not a complex type or enumeration")),
        };
        let xml_name = self
            .element_name_of(ident)
            .unwrap_or_else(|| ident.name.as_str().to_owned());
        Ok(TypeDef {
            rust_name,
            xml_name,
            docs: self.type_docs(ident, meta),
            kind,
        })
    }

    /// A complex type's members. `xsd-parser` hands over an extension with
    /// its base's members merged in; they are split off again into the
    /// base, which becomes the first field (unless it has no members).
    fn struct_def(&mut self, ident: &TypeIdent, complex: &ComplexMeta) -> Result<StructDef, Error> {
        if complex.is_mixed {
            return Err(self.unsupported(ident, "mixed", "mixed content"));
        }
        let mut def = StructDef::default();
        for attribute in complex.attributes.iter() {
            match &attribute.variant {
                AttributeMetaVariant::Any(_) => def.any_attribute = true,
                AttributeMetaVariant::Type(type_) => {
                    let attribute = self.attribute(ident, attribute, type_)?;
                    def.attributes.push(attribute);
                }
            }
        }
        if let Some(content) = &complex.content {
            let content_meta = &self.loaded.types.items[content];
            if complex.max_occurs != MaxOccurs::Bounded(1) {
                let group = match &content_meta.variant {
                    MetaTypeVariant::Choice(_) => "xs:choice",
                    MetaTypeVariant::All(_) => "xs:all",
                    _ => "xs:sequence",
                };
                let construct = format!("{group} maxOccurs");
                return Err(self.unsupported(ident, &construct, "a content model that repeats"));
            }
            let group = match &content_meta.variant {
                MetaTypeVariant::Sequence(group) | MetaTypeVariant::All(group) => group,
                MetaTypeVariant::Choice(_) => {
                    return Err(self.unsupported(ident, "xs:choice", "choice content"));
                }
                _ => {
                    return Err(self.unsupported(
                        ident,
                        "xs:simpleContent",
                        "simple content with attributes",
                    ));
                }
            };
            for element in group.elements.iter() {
                let mut field = self.field(ident, element)?;
                // A content model that may be absent makes all of it
                // optional. (An extension reports its base's: the base's
                // own members get it when the base is lowered.)
                if complex.min_occurs == 0
                    && complex.base == Base::None
                    && field.occurs == Occurs::Required
                {
                    field.occurs = Occurs::Optional;
                }
                if field.ty == TypeRef::AnyElement
                    && def.fields.iter().any(|f| f.ty == TypeRef::AnyElement)
                {
                    return Err(self.unsupported(
                        ident,
                        "xs:any",
                        "more than one element wildcard",
                    ));
                }
                def.fields.push(field);
            }
        }
        match &complex.base {
            Base::None => {}
            Base::Extension(base) => self.split_base(ident, base, &mut def)?,
            Base::Restriction(_) => {
                return Err(self.unsupported(
                    ident,
                    "xs:restriction",
                    "complex types derived by restriction",
                ));
            }
        }
        // Field names must be unique in the type, and so must the local
        // variables that decoding collects every member of the chain in.
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
        let mut slots = HashSet::new();
        let members = def
            .all_attributes()
            .map(|a| &a.rust_name)
            .chain(def.all_fields().map(|f| &f.rust_name));
        for name in members {
            if !slots.insert(naming::slot_name(name)) {
                return Err(self.unsupported(
                    ident,
                    "field",
                    &format!("a member of this type and of its base map to {name}"),
                ));
            }
        }
        Ok(def)
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
                .any(|b| b.xml_name == f.xml_name && b.namespace == f.namespace)
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
                return Err(self.unsupported(owner, "xs:group", "nested model groups"));
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
                    boxed: false,
                    docs: docs(&element.documentation),
                });
            }
            ElementMetaVariant::Text => {
                return Err(self.unsupported(owner, "mixed", "text in element content"));
            }
        };
        if element.nillable {
            return Err(self.unsupported(
                owner,
                "nillable",
                &format!("element {xml_name} is nillable"),
            ));
        }
        let occurs = occurs(element);
        let ty = self.type_ref(type_, &xml_name, owner)?;
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

/// Boxes each field whose type contains the field's owner again, held
/// inline (not in a `Vec`): every such cycle then has a box in it.
fn box_recursive_fields(types: &mut [TypeDef]) {
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
    let holds: Vec<Vec<usize>> = types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Struct(def) => inline(def)
                .iter()
                .filter_map(|n| index.get(*n).copied())
                .collect(),
            TypeKind::Enum(_) | TypeKind::Newtype(_) => Vec::new(),
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
    match (element.min_occurs, element.max_occurs) {
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
        if let TypeKind::Struct(s) = &ty.kind {
            uris.extend(s.all_fields().filter_map(|f| f.namespace.clone()));
            uris.extend(s.all_attributes().filter_map(|a| a.namespace.clone()));
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
        if let TypeKind::Struct(s) = &mut ty.kind {
            rename_in(s, &rename);
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
