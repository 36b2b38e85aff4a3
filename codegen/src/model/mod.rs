//! The generator's own model of what to emit: the facts the emitted code
//! needs, with types identified by [`TypeId`] (given when lowering first
//! reaches a type) and namespaces by [`NsId`]. `lower` builds it from the
//! interpreted schema; the passes complete it — names are chosen last, by
//! `passes::naming`, once the whole structure is known; `emit` turns it
//! into code.

mod derivable;
mod presence;
mod walk;

pub use ews_um_labels::Occurs;
pub use presence::Presence;
pub use walk::{Use, UseMut};

use crate::error::Origin;

/// The `xml:` namespace, which every document binds.
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// A generated type: an index into [`Model::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub u32);

/// A namespace: an index into [`Model::namespaces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NsId(pub u32);

/// One generated module.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The namespaces elements and attributes are in.
    pub namespaces: Vec<Namespace>,
    pub types: Vec<TypeDef>,
    /// The top-level elements, sorted by name.
    pub elements: Vec<ElementDef>,
    /// Request/response pairs, when the module has operations.
    pub operations: Vec<OperationDef>,
    /// The distinct sets of SOAP headers operations take.
    pub header_sets: Vec<HeaderSet>,
    /// The name of the enum of all top-level elements (naming pass).
    pub message_enum: String,
    /// The schema versions merged into the module, oldest first: empty
    /// for a module of one schema (`crate::versions`).
    pub versions: Vec<String>,
    /// What changed in type or occurrence between versions, for `diff`.
    pub changes: Vec<Change>,
}

/// A member both versions have, whose type or occurrence differs: the
/// model keeps the newer one (occurrence widened to take both).
#[derive(Debug, Clone)]
pub struct Change {
    /// The type holding the member.
    pub owner: TypeId,
    /// The member, as the diff names it (`element Body`, `attribute Id`).
    pub member: String,
    /// What it was in the older version and is in the newer, as the diff
    /// prints them.
    pub old: String,
    pub new: String,
}

/// A namespace the module refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namespace {
    pub uri: String,
    /// The prefix the schemas declare for it, if any.
    pub prefix: Option<String>,
    /// The constant naming it (naming pass).
    pub rust_name: String,
}

/// A generated type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// What the naming pass names it after.
    pub name: NameHint,
    /// Its Rust name (naming pass).
    pub rust_name: String,
    /// The module it is declared in, inside the generated one: an
    /// anonymous choice's, named after the type holding it (naming pass).
    pub module: Option<String>,
    /// The schema's name for it (an element's name for an anonymous type).
    pub xml_name: String,
    /// The XML names of the types it derives from in the schema, nearest
    /// first, whether they have members or not (for a type with derived
    /// types, its declared type's).
    pub bases: Vec<String>,
    /// The stem of the schema file that declares it: the submodule it goes
    /// to when the output is a directory.
    pub file: String,
    /// Where the schema declares it, for errors found after lowering.
    pub origin: Origin,
    pub docs: String,
    pub kind: TypeKind,
    /// Every value it can hold has `Eq`, so it derives it (`derivable`).
    pub eq: bool,
    /// A struct whose every member can start empty without inventing a
    /// value the schema requires, so it derives `Default` (`derivable`).
    pub default: bool,
    /// The versions that declare it.
    pub presence: Presence,
}

/// What a type is named after, and how.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NameHint {
    /// A schema type, named group or an element's anonymous type: named
    /// after it.
    Type(String),
    /// The enum of a type and its derived types: `Any` and the type.
    Derived(String),
    /// The type of a top-level element that holds a built-in type or a type
    /// other elements hold too: named after the element.
    Element(String),
    /// A choice without a name of its own, the `number`th of its type:
    /// named after `owner`, that type's own name hint.
    Choice { owner: String, number: usize },
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Struct(StructDef),
    Enum(EnumDef),
    /// A top-level element's wrapper around its value.
    Newtype(TypeRef),
    /// One of several elements: an `xs:choice`, or the members of a
    /// substitution group.
    Choice(ChoiceDef),
    /// A complex type and the types derived from it, chosen by `xsi:type`.
    Derived(DerivedDef),
    /// A union of simple types, tried in order.
    Union(Vec<UnionMember>),
}

/// A complex type: its members, in the order they are declared and
/// emitted — the base first, then attributes, then child elements, then
/// text.
#[derive(Debug, Clone, Default)]
pub struct StructDef {
    pub members: Vec<Member>,
}

/// A member of a complex type.
#[derive(Debug, Clone)]
pub struct Member {
    /// The field's name (naming pass).
    pub rust_name: String,
    pub docs: String,
    pub kind: MemberKind,
    /// The versions of its type that have it.
    pub presence: Presence,
}

/// What a member is: the generated `#[xml(…)]` label says the same.
#[derive(Debug, Clone)]
pub enum MemberKind {
    /// The members of the type this one extends.
    Base(TypeId),
    Attribute(AttributeDef),
    /// Attributes the schema leaves open (`xs:anyAttribute`).
    AnyAttribute,
    Element(ElementMember),
    /// One of several elements, by the choice type `ty`; `boxed` when the
    /// choice holds its owner again (recursion pass); `open` when it is all
    /// the element content of its type, which keeps an element it does not
    /// declare as the choice's unknown alternative (`passes::unknown`).
    Choice {
        ty: TypeId,
        occurs: Occurs,
        boxed: bool,
        open: bool,
    },
    /// Elements the schema leaves open (`xs:any`).
    Any {
        occurs: Occurs,
    },
    /// The text of simple content.
    Text(TypeRef),
    /// The elements the type does not declare, kept as written (the
    /// `keep_unknown_elements` option; `passes::unknown`).
    Unknown,
}

/// An attribute.
#[derive(Debug, Clone)]
pub struct AttributeDef {
    pub xml_name: String,
    /// `None` when unqualified.
    pub namespace: Option<NsId>,
    pub ty: TypeRef,
    pub required: bool,
    /// The value the schema gives it when absent.
    pub default: Option<String>,
}

/// A child element: a member of a complex type, or an alternative of a
/// choice (which occurs once).
#[derive(Debug, Clone)]
pub struct ElementMember {
    pub xml_name: String,
    /// `None` when unqualified.
    pub namespace: Option<NsId>,
    /// Other spellings accepted when decoding.
    pub aliases: Vec<String>,
    pub ty: TypeRef,
    pub occurs: Occurs,
    /// `xsi:nil` stands for no value: each value is an `Option`.
    pub nillable: bool,
    /// Held in a `Box` (recursion pass).
    pub boxed: bool,
}

/// The alternatives of a choice.
#[derive(Debug, Clone, Default)]
pub struct ChoiceDef {
    pub alternatives: Vec<Alternative>,
    /// The variant that keeps an element none of the alternatives is, when
    /// an open choice member holds the choice (named by the naming pass).
    pub unknown_variant: Option<String>,
}

/// An alternative of a choice.
#[derive(Debug, Clone)]
pub struct Alternative {
    /// The variant's name (naming pass).
    pub rust_name: String,
    pub docs: String,
    pub element: ElementMember,
    /// The versions of its choice that have it.
    pub presence: Presence,
}

/// A type with derived types, as the value of an element.
#[derive(Debug, Clone)]
pub struct DerivedDef {
    /// The declared type's namespace (its name is the `TypeDef`'s).
    pub namespace: NsId,
    /// The declared type itself; `None` when it is abstract.
    pub base: Option<TypeId>,
    /// Every type derived from it, directly or not, that has values.
    pub variants: Vec<DerivedVariant>,
    /// The variant of a type `xsi:type` names that the schema does not,
    /// read as the declared type's struct; none when that has no struct
    /// (`passes::unknown`).
    pub unknown: Option<UnknownVariant>,
}

/// The variant of a derived-type enum that holds a value of a type the
/// schema does not know.
#[derive(Debug, Clone)]
pub struct UnknownVariant {
    /// The variant's name (naming pass).
    pub rust_name: String,
    /// The struct of the declared type, which the value is read as.
    pub ty: TypeId,
}

impl DerivedDef {
    /// Every type a value may have: the declared type (unless abstract),
    /// then each derived one.
    pub fn types(&self) -> impl Iterator<Item = TypeId> + '_ {
        self.base
            .into_iter()
            .chain(self.variants.iter().map(|v| v.ty))
    }
}

#[derive(Debug, Clone)]
pub struct DerivedVariant {
    pub ty: TypeId,
    pub xml_name: String,
    pub namespace: NsId,
}

/// A member type of a union.
#[derive(Debug, Clone)]
pub struct UnionMember {
    /// The variant's name (naming pass).
    pub rust_name: String,
    pub ty: TypeRef,
}

/// The Rust type of a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    Builtin(Builtin),
    /// An element admitted by a wildcard, kept as written.
    AnyElement,
    /// A type generated in this module.
    Type(TypeId),
    /// Values separated by white space (`xs:list`).
    List(Box<TypeRef>),
}

/// XML Schema built-in types, by the Rust type they become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Builtin {
    String,
    /// `xs:base64Binary`: its text, checked, decoded on demand.
    Base64,
    Bool,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F32,
    F64,
}

/// A string enumeration. Values the schema does not list decode into the
/// `unknown_variant`, which carries the text.
#[derive(Debug, Clone)]
pub struct EnumDef {
    pub values: Vec<EnumValue>,
    /// The variant of other values (naming pass).
    pub unknown_variant: String,
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    /// The variant's name (naming pass).
    pub rust_name: String,
    pub xml_value: String,
    pub docs: String,
    /// The versions of its enumeration that list it.
    pub presence: Presence,
}

/// A top-level element, implemented by its type.
#[derive(Debug, Clone)]
pub struct ElementDef {
    /// The element's Rust type.
    pub ty: TypeId,
    /// A type alias named after the element, when its type is named
    /// otherwise (`PlayOnPhone` for `PlayOnPhoneType`; naming pass).
    pub alias: Option<String>,
    pub namespace: NsId,
    pub xml_name: String,
    /// The versions that declare it.
    pub presence: Presence,
}

/// A request element and the element that answers it.
#[derive(Debug, Clone)]
pub struct OperationDef {
    pub name: String,
    pub request: TypeId,
    pub response: TypeId,
    pub soap_action: String,
    /// The headers its request takes, and its response carries: indexes
    /// into [`Model::header_sets`]; `None` for none.
    pub request_headers: Option<usize>,
    pub response_headers: Option<usize>,
    /// The alias of its request's header set named after it (naming pass).
    pub headers_alias: Option<String>,
    /// The versions whose service description has it.
    pub presence: Presence,
}

/// SOAP header elements that go together: a struct of an optional value
/// of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderSet {
    /// Its name (naming pass).
    pub rust_name: String,
    /// The header elements: indexes into [`Model::elements`], by name.
    pub elements: Vec<usize>,
}

impl Model {
    pub fn get(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: TypeId) -> &mut TypeDef {
        &mut self.types[id.0 as usize]
    }

    /// The names of the base fields from the struct `from` to the struct
    /// `to` it is or extends (empty when they are the same); `None` when
    /// `from` does not extend `to`.
    pub fn base_fields(&self, from: TypeId, to: TypeId) -> Option<Vec<&str>> {
        let mut fields = Vec::new();
        let mut at = from;
        while at != to {
            let TypeKind::Struct(def) = &self.get(at).kind else {
                return None;
            };
            let (field, base) = def.members.iter().find_map(|m| match m.kind {
                MemberKind::Base(base) => Some((m.rust_name.as_str(), base)),
                _ => None,
            })?;
            fields.push(field);
            at = base;
            // A base chain is never longer than the types there are.
            if fields.len() > self.types.len() {
                return None;
            }
        }
        Some(fields)
    }

    pub fn namespace(&self, id: NsId) -> &Namespace {
        &self.namespaces[id.0 as usize]
    }

    /// The types in the order they are emitted: by name.
    pub fn emission_order(&self) -> Vec<TypeId> {
        let mut ids: Vec<TypeId> = (0..self.types.len() as u32).map(TypeId).collect();
        ids.sort_by(|a, b| self.get(*a).rust_name.cmp(&self.get(*b).rust_name));
        ids
    }

    /// The struct `id` and the structs it extends, outermost base first.
    pub fn chain(&self, id: TypeId) -> Vec<&StructDef> {
        chain(id, |id| Some(self.get(id)))
    }

    /// Whether the only child member of the struct `owner` (its bases'
    /// included) is one choice.
    pub fn holds_only_a_choice(&self, owner: TypeId) -> bool {
        let mut children = self
            .chain(owner)
            .into_iter()
            .flat_map(|def| def.members.iter())
            .filter(|m| m.kind.is_child());
        matches!(
            (children.next().map(|m| &m.kind), children.next()),
            (Some(MemberKind::Choice { .. }), None)
        )
    }

    /// The struct of the type a derived-type enum, `ty`, is declared as:
    /// its base variant's, or, for an abstract type, the struct of that
    /// name its variants extend (none when it has no members).
    pub fn declared_struct(&self, ty: &TypeDef, def: &DerivedDef) -> Option<TypeId> {
        if let Some(base) = def.base {
            return Some(base);
        }
        let first = def.variants.first()?.ty;
        (0..self.types.len() as u32).map(TypeId).find(|&id| {
            let candidate = self.get(id);
            candidate.xml_name == ty.xml_name
                && matches!(candidate.kind, TypeKind::Struct(_))
                && self.base_fields(first, id).is_some()
        })
    }
}

impl MemberKind {
    /// Whether the member is child elements: an element, a choice or a
    /// wildcard (not a base, attributes, text or kept elements).
    pub fn is_child(&self) -> bool {
        matches!(
            self,
            MemberKind::Element(_) | MemberKind::Choice { .. } | MemberKind::Any { .. }
        )
    }
}

/// The struct `id` and the structs it extends, outermost base first, as
/// far as `get` knows them.
pub fn chain<'m>(id: TypeId, get: impl Fn(TypeId) -> Option<&'m TypeDef>) -> Vec<&'m StructDef> {
    let mut chain: Vec<&StructDef> = Vec::new();
    let mut at = Some(id);
    while let Some(TypeKind::Struct(def)) = at.and_then(&get).map(|ty| &ty.kind) {
        // A type that extends itself is refused when lowered; this only
        // bounds the walk.
        if chain.iter().any(|seen| std::ptr::eq(*seen, def)) {
            break;
        }
        chain.push(def);
        at = def.base();
    }
    chain.reverse();
    chain
}

impl StructDef {
    /// The type this one extends, if it has members.
    pub fn base(&self) -> Option<TypeId> {
        self.members.iter().find_map(|m| match m.kind {
            MemberKind::Base(id) => Some(id),
            _ => None,
        })
    }

    pub fn attributes(&self) -> impl Iterator<Item = &AttributeDef> {
        self.members.iter().filter_map(|m| match &m.kind {
            MemberKind::Attribute(a) => Some(a),
            _ => None,
        })
    }

    /// The child elements it names (not choices or wildcards).
    pub fn elements(&self) -> impl Iterator<Item = &ElementMember> {
        self.members.iter().filter_map(|m| match &m.kind {
            MemberKind::Element(e) => Some(e),
            _ => None,
        })
    }

    pub fn has_any_attribute(&self) -> bool {
        self.members
            .iter()
            .any(|m| matches!(m.kind, MemberKind::AnyAttribute))
    }
}

impl TypeRef {
    /// The generated type the value is, or is a list of.
    pub fn id(&self) -> Option<TypeId> {
        match self {
            TypeRef::Type(id) => Some(*id),
            TypeRef::List(item) => item.id(),
            TypeRef::Builtin(_) | TypeRef::AnyElement => None,
        }
    }
}
