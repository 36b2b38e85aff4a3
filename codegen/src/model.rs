//! The generator's own model of what to emit: just the facts the emitted
//! code needs, already named the Rust way. `lower` builds it from the
//! interpreted schema; `emit` turns it into code.

/// One generated module.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The namespaces the code refers to, as `(constant name, URI)`, sorted.
    pub namespaces: Vec<(String, String)>,
    /// Named and anonymous types, in emission order.
    pub types: Vec<TypeDef>,
    /// The top-level elements, in emission order.
    pub elements: Vec<ElementDef>,
    /// Request/response pairs, when the module has operations.
    pub operations: Vec<OperationDef>,
    /// The name of the enum of all top-level elements.
    pub message_enum: String,
    /// Whether to derive serde traits, behind this cargo feature.
    pub serde_feature: Option<String>,
}

/// A generated type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    pub rust_name: String,
    /// The schema's name for it (an element's name for an anonymous type).
    pub xml_name: String,
    /// The stem of the schema file that declares it: the submodule it goes
    /// to when the output is a directory.
    pub file: String,
    pub docs: String,
    pub kind: TypeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    Struct(StructDef),
    Enum(EnumDef),
    /// A top-level element of a built-in type, or one of several elements
    /// sharing a type: a wrapper around the value.
    Newtype(TypeRef),
    /// One of several elements: an `xs:choice`, or the members of a
    /// substitution group. Each variant is a field (with `Required` occurs).
    Choice(Vec<FieldDef>),
    /// A complex type and the types derived from it, chosen by `xsi:type`.
    Derived(DerivedDef),
    /// A union of simple types, tried in order.
    Union(Vec<(String, TypeRef)>),
}

/// A type with derived types, as the value of an element.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedDef {
    /// The declared type's namespace constant (its name is the `TypeDef`'s).
    pub namespace: String,
    /// The declared type's own Rust type; `None` when it is abstract.
    pub base: Option<String>,
    /// Every type derived from it, directly or not.
    pub variants: Vec<DerivedVariant>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DerivedVariant {
    pub rust_name: String,
    pub xml_name: String,
    pub namespace: String,
}

/// A complex type: its base's members, then attributes, then child
/// elements.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StructDef {
    /// The base an extension builds on, as its first field.
    pub base: Option<Box<BaseDef>>,
    pub attributes: Vec<AttributeDef>,
    pub fields: Vec<FieldDef>,
    /// Attributes the schema does not declare are kept (`xs:anyAttribute`).
    pub any_attribute: bool,
    /// The type of the text, for simple content.
    pub text: Option<TypeRef>,
}

/// The base type of an extension, held as a field.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseDef {
    pub rust_field: String,
    pub rust_type: String,
    pub def: StructDef,
}

impl StructDef {
    /// Whether the type has no members at all.
    pub fn is_empty(&self) -> bool {
        self.base.is_none()
            && self.attributes.is_empty()
            && self.fields.is_empty()
            && !self.any_attribute
            && self.text.is_none()
    }

    /// Attributes of the bases, outermost first, then its own.
    pub fn all_attributes(&self) -> Box<dyn Iterator<Item = &AttributeDef> + '_> {
        let base = self.base.iter().flat_map(|b| b.def.all_attributes());
        Box::new(base.chain(&self.attributes))
    }

    /// Child elements of the bases, outermost first, then its own.
    pub fn all_fields(&self) -> Box<dyn Iterator<Item = &FieldDef> + '_> {
        let base = self.base.iter().flat_map(|b| b.def.all_fields());
        Box::new(base.chain(&self.fields))
    }

    /// The Rust names of the type's own fields.
    pub fn member_names(&self) -> impl Iterator<Item = &str> {
        let base = self.base.iter().map(|b| b.rust_field.as_str());
        let any = self.any_attribute.then_some(ANY_ATTRIBUTE_FIELD);
        let text = self.text.as_ref().map(|_| TEXT_FIELD);
        base.chain(self.attributes.iter().map(|a| a.rust_name.as_str()))
            .chain(self.fields.iter().map(|f| f.rust_name.as_str()))
            .chain(any)
            .chain(text)
    }
}

/// The field that keeps undeclared attributes.
pub const ANY_ATTRIBUTE_FIELD: &str = "any_attribute";
/// The field that holds simple content.
pub const TEXT_FIELD: &str = "value";

/// A child element.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    pub rust_name: String,
    /// Constant naming the element's namespace; `None` when unqualified.
    pub namespace: Option<String>,
    pub xml_name: String,
    /// Other spellings accepted when decoding.
    pub aliases: Vec<String>,
    pub ty: TypeRef,
    pub occurs: Occurs,
    /// One of several elements, by the `Choice` type `ty` names (no
    /// `xml_name` of its own).
    pub choice: bool,
    /// `xsi:nil` stands for no value: each value is an `Option`.
    pub nillable: bool,
    /// Held in a `Box`: the field's type contains its owner (a recursive
    /// type would otherwise have no size).
    pub boxed: bool,
    pub docs: String,
}

/// An attribute.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeDef {
    pub rust_name: String,
    /// Constant naming the attribute's namespace; `None` when unqualified.
    pub namespace: Option<String>,
    pub xml_name: String,
    pub ty: TypeRef,
    pub required: bool,
    /// The value the schema gives it when absent.
    pub default: Option<String>,
    pub docs: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurs {
    Required,
    Optional,
    Repeated { min: usize, max: Option<usize> },
}

/// The Rust type of a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    Builtin(Builtin),
    /// An element admitted by a wildcard, kept as written.
    AnyElement,
    /// A type generated in this module.
    Named(String),
    /// Values separated by white space (`xs:list`).
    List(Box<TypeRef>),
}

/// XML Schema built-in types, by the Rust type they become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Builtin {
    String,
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
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    pub values: Vec<EnumValue>,
    pub unknown_variant: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    pub rust_name: String,
    pub xml_value: String,
    pub docs: String,
}

/// A top-level element, implemented by its type.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementDef {
    /// The element's Rust type.
    pub rust_name: String,
    /// A type alias named after the element, when its type is named
    /// otherwise (`PlayOnPhone` for `PlayOnPhoneType`).
    pub alias: Option<String>,
    /// Constant naming the element's namespace.
    pub namespace: String,
    pub xml_name: String,
}

/// A request element and the element that answers it.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationDef {
    pub name: String,
    pub request: String,
    pub response: String,
    pub soap_action: String,
}

impl Module {
    /// The module with every documentation string emptied: what the
    /// generated code does, whatever its comments say.
    pub fn without_docs(&self) -> Module {
        fn strip(def: &mut StructDef) {
            def.attributes.iter_mut().for_each(|a| a.docs.clear());
            def.fields.iter_mut().for_each(|f| f.docs.clear());
            if let Some(base) = &mut def.base {
                strip(&mut base.def);
            }
        }
        let mut module = self.clone();
        for ty in &mut module.types {
            ty.docs.clear();
            // Which file declares a type only decides where it is written.
            ty.file.clear();
            match &mut ty.kind {
                TypeKind::Struct(def) => strip(def),
                TypeKind::Enum(def) => def.values.iter_mut().for_each(|v| v.docs.clear()),
                TypeKind::Choice(variants) => variants.iter_mut().for_each(|v| v.docs.clear()),
                TypeKind::Newtype(_) | TypeKind::Derived(_) | TypeKind::Union(_) => {}
            }
        }
        module
    }
}
