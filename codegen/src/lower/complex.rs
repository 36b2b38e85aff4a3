//! Complex types become structs: attributes, the particles of the content
//! model (nested sequences inline, choices as members of their own), simple
//! content, and the split of an extension from its base.

use xsd_parser::models::TypeIdent;
use xsd_parser::models::meta::{
    AttributeMeta, AttributeMetaVariant, Base, ComplexMeta, ElementMeta, ElementMetaVariant,
    ElementMode, GroupMeta, MetaTypeVariant,
};
use xsd_parser::models::schema::MaxOccurs;
use xsd_parser::models::schema::xs::{FormChoiceType, Use};
use xsd_parser::models::{IdentType, schema::NamespaceId};

use super::{Lowering, docs};
use crate::error::{Construct, Error};
use crate::model::{
    AttributeDef, ElementMember, Member, MemberKind, Occurs, StructDef, TypeId, TypeKind, TypeRef,
    XML_NS,
};

/// How often a particle may occur: `(minOccurs, maxOccurs)`.
pub(super) type Bounds = (usize, MaxOccurs);

/// What a complex type declares, before it becomes a struct.
#[derive(Default)]
struct Declared {
    attributes: Vec<Member>,
    any_attribute: bool,
    /// Child elements, choices and wildcards.
    fields: Vec<Member>,
    text: Option<TypeRef>,
}

impl Lowering<'_> {
    /// A complex type's members. `xsd-parser` hands over an extension with
    /// its base's members merged in; they are split off again into the
    /// base, which becomes the first member (unless it has no members). A
    /// restriction keeps what it declares itself, and no base.
    pub(super) fn complex(
        &mut self,
        ident: &TypeIdent,
        complex: &ComplexMeta,
    ) -> Result<StructDef, Error> {
        if complex.is_mixed {
            return Err(self.unsupported(ident, Construct::Mixed, "mixed content"));
        }
        // The base first: what it declares is reached from it, not from the
        // first type that extends it.
        let base = match &complex.base {
            Base::Extension(base) if self.is_complex(base) => {
                let id = self.id_of(base, base.name.as_str());
                self.ensure(id)?;
                Some(id)
            }
            _ => None,
        };
        let mut declared = self.declared(ident, complex)?;
        let base = match (&complex.base, base) {
            (Base::Extension(_), _) if declared.text.is_some() => None,
            (Base::Extension(_), None) => {
                let message = "extension of a simple type";
                return Err(self.unsupported(ident, Construct::SimpleContent, message));
            }
            (Base::Extension(_), Some(id)) => self.split_base(id, &mut declared),
            _ => None,
        };
        if complex.base != Base::None {
            self.keep_own(ident, base, &mut declared)?;
        }
        let wildcards = declared
            .fields
            .iter()
            .filter(|f| matches!(f.kind, MemberKind::Any { .. }));
        if wildcards.count() > 1 {
            let message = "more than one element wildcard";
            return Err(self.unsupported(ident, Construct::Wildcard, message));
        }
        let base = base.map(|id| member(String::new(), MemberKind::Base(id)));
        let any_attribute = declared
            .any_attribute
            .then(|| member(String::new(), MemberKind::AnyAttribute));
        let text = declared
            .text
            .map(|ty| member(String::new(), MemberKind::Text(ty)));
        let members = base
            .into_iter()
            .chain(declared.attributes)
            .chain(any_attribute)
            .chain(declared.fields)
            .chain(text)
            .collect();
        Ok(StructDef { members })
    }

    /// Drops the elements a derived type does not declare itself (the
    /// interpreter merges a restricted base's elements in).
    fn keep_own(
        &self,
        ident: &TypeIdent,
        base: Option<TypeId>,
        declared: &mut Declared,
    ) -> Result<(), Error> {
        let Some(own) = self.schemas.facts.own_elements.get(&self.name_key(ident)) else {
            return Ok(());
        };
        // Decoding tells members apart by element name: one the base has
        // cannot be the extension's too.
        if let Some(base) = base
            && let Some(both) = self
                .chain_elements(base)
                .find(|e| own.contains(&e.xml_name))
        {
            let base_name = self.converted(base).map_or("", |b| b.xml_name.as_str());
            let message = format!(
                "element {} is declared by the type and by its base {base_name}",
                both.xml_name
            );
            return Err(self.unsupported(ident, Construct::Extension, &message));
        }
        declared.fields.retain(|f| match &f.kind {
            MemberKind::Element(e) => own.contains(&e.xml_name),
            _ => true,
        });
        Ok(())
    }

    /// The attributes and content the interpreter gives the type, its
    /// bases' included.
    fn declared(&mut self, ident: &TypeIdent, complex: &ComplexMeta) -> Result<Declared, Error> {
        let mut declared = Declared::default();
        for attribute in complex.attributes.iter() {
            match &attribute.variant {
                AttributeMetaVariant::Any(_) => declared.any_attribute = true,
                AttributeMetaVariant::Type(_) if attribute.use_ == Use::Prohibited => {}
                AttributeMetaVariant::Type(type_) => {
                    let attribute = self.attribute(ident, attribute, type_)?;
                    declared.attributes.push(attribute);
                }
            }
        }
        let Some(content) = &complex.content else {
            return Ok(declared);
        };
        if let Base::Extension(base) = &complex.base
            && self.copies_base_content(content, base)
        {
            // The extension adds attributes only: its content is its base's.
            return Ok(declared);
        }
        // A content model that may be absent makes all of it optional. (An
        // extension reports its base's: the base's own members get it when
        // the base is lowered.)
        let outer = match complex.base {
            Base::None => (complex.min_occurs, complex.max_occurs),
            _ => (1, MaxOccurs::Bounded(1)),
        };
        match self.meta(content).map(|m| &m.variant) {
            Some(MetaTypeVariant::Sequence(group) | MetaTypeVariant::All(group)) => {
                self.particles(ident, group, outer, None, &mut declared.fields)?;
            }
            // A choice of one is a sequence of one.
            Some(MetaTypeVariant::Choice(group)) if group.elements.len() == 1 => {
                self.particles(ident, group, outer, None, &mut declared.fields)?;
            }
            Some(MetaTypeVariant::Choice(group)) => {
                let field = self.choice_member(ident, content, None, group, outer);
                declared.fields.push(field);
            }
            // Simple content: text of a simple type.
            _ => declared.text = Some(self.type_ref(content, ident.name.as_str(), ident)?),
        }
        Ok(declared)
    }

    /// Moves the members the base `id` declares out of `declared`; returns
    /// the base, unless it has no members.
    fn split_base(&self, id: TypeId, declared: &mut Declared) -> Option<TypeId> {
        let Some(TypeKind::Struct(base_def)) = self.converted(id).map(|d| &d.kind) else {
            return None;
        };
        if base_def.members.is_empty() {
            return None;
        }
        let base_any_attribute = base_def.has_any_attribute();
        let chain = self.chain(id);
        let inherited_attribute = |a: &AttributeDef| {
            chain
                .iter()
                .any(|d| d.attributes().any(|b| b.xml_name == a.xml_name))
        };
        declared.attributes.retain(|m| match &m.kind {
            MemberKind::Attribute(a) => !inherited_attribute(a),
            _ => true,
        });
        let inherited = |m: &Member| {
            let key = particle_key(m);
            key.is_some()
                && chain
                    .iter()
                    .any(|d| d.members.iter().any(|b| particle_key(b) == key))
        };
        declared.fields.retain(|m| !inherited(m));
        declared.any_attribute &= !base_any_attribute;
        Some(id)
    }

    /// Whether `content` is a copy of the content of the complex type
    /// `base`: what the interpreter hands over for an extension that adds
    /// no particles (its copy of a base's choice is a choice of its own,
    /// which would otherwise be read as the extension's).
    fn copies_base_content(&self, content: &TypeIdent, base: &TypeIdent) -> bool {
        let Some(MetaTypeVariant::ComplexType(base)) = self.meta(base).map(|m| &m.variant) else {
            return false;
        };
        let signature = |ident: &TypeIdent| match self.meta(ident).map(|m| &m.variant) {
            Some(
                MetaTypeVariant::Sequence(group)
                | MetaTypeVariant::All(group)
                | MetaTypeVariant::Choice(group),
            ) => Some(
                group
                    .elements
                    .iter()
                    .map(|e| {
                        let type_ = match &e.variant {
                            ElementMetaVariant::Type { type_, mode } => Some((type_, *mode)),
                            _ => None,
                        };
                        (&e.ident, type_, e.min_occurs, e.max_occurs)
                    })
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        };
        let kind = |ident: &TypeIdent| self.meta(ident).map(|m| std::mem::discriminant(&m.variant));
        base.content.as_ref().is_some_and(|base_content| {
            kind(base_content) == kind(content)
                && signature(base_content).is_some()
                && signature(base_content) == signature(content)
        })
    }

    fn is_complex(&self, ident: &TypeIdent) -> bool {
        matches!(
            self.meta(ident).map(|m| &m.variant),
            Some(MetaTypeVariant::ComplexType(_))
        )
    }

    /// The struct `id` and those it extends, outermost first (as far as
    /// they are converted).
    fn chain(&self, id: TypeId) -> Vec<&StructDef> {
        crate::model::chain(id, |id| self.converted(id))
    }

    /// The child elements of the struct `id` and those it extends.
    fn chain_elements(&self, id: TypeId) -> impl Iterator<Item = &ElementMember> {
        self.chain(id).into_iter().flat_map(StructDef::elements)
    }

    /// Adds the elements of a sequence (or `xs:all`) to `fields`, nested
    /// sequences inline, choices as members of their own. `outer` is how
    /// often the group itself occurs; `group_name`, the named group it is,
    /// if any (which names a choice it consists of).
    fn particles(
        &mut self,
        owner: &TypeIdent,
        group: &GroupMeta,
        outer: Bounds,
        group_name: Option<(NamespaceId, &str)>,
        fields: &mut Vec<Member>,
    ) -> Result<(), Error> {
        let repeats = outer.1 != MaxOccurs::Bounded(1);
        if repeats && group.elements.len() > 1 {
            let message = "a repeated sequence of more than one element";
            return Err(self.unsupported(owner, Construct::RepeatedSequence, message));
        }
        for element in group.elements.iter() {
            let occurs = combine(outer, (element.min_occurs, element.max_occurs));
            let ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Group,
            } = &element.variant
            else {
                let mut field = self.field(owner, element)?;
                set_occurs(&mut field, to_occurs(occurs));
                fields.push(field);
                continue;
            };
            let own_name = element
                .ident
                .name
                .is_named()
                .then(|| (element.ident.ns, element.ident.name.as_str()));
            let name = own_name.or(group_name);
            match self.meta(type_).map(|m| &m.variant) {
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
                    let name = name.map(|(ns, name)| (self.namespace_uri(ns), name.to_owned()));
                    let field = self.choice_member(owner, type_, name, inner, occurs);
                    fields.push(field);
                }
                _ => {
                    let message = "a group of this kind";
                    return Err(self.unsupported(owner, Construct::Group, message));
                }
            }
        }
        Ok(())
    }

    fn attribute(
        &mut self,
        owner: &TypeIdent,
        attribute: &AttributeMeta,
        type_: &TypeIdent,
    ) -> Result<Member, Error> {
        let xml_name = attribute.ident.name.as_str().to_owned();
        let ty = self.type_ref(type_, &xml_name, owner)?;
        // A reference to a global attribute is always qualified.
        let qualified =
            attribute.form == FormChoiceType::Qualified || type_.type_ == IdentType::Attribute;
        if qualified && self.namespace_uri(attribute.ident.ns) != XML_NS {
            let message =
                format!("attribute {xml_name} is namespace-qualified (only xml: attributes are)");
            return Err(self.unsupported(owner, Construct::AttributeForm, &message));
        }
        let namespace = qualified.then(|| self.namespace_id(attribute.ident.ns));
        let def = AttributeDef {
            xml_name,
            namespace,
            ty,
            required: attribute.use_ == Use::Required,
            default: attribute.default.clone(),
        };
        Ok(member(
            docs(&attribute.documentation),
            MemberKind::Attribute(def),
        ))
    }

    /// A member for a particle that is one element: a child element, a
    /// wildcard, or (for a reference to a substitution group's head) the
    /// choice of the group's members.
    pub(super) fn field(
        &mut self,
        owner: &TypeIdent,
        element: &ElementMeta,
    ) -> Result<Member, Error> {
        let xml_name = element.ident.name.as_str().to_owned();
        let docs = docs(&element.documentation);
        let occurs = to_occurs((element.min_occurs, element.max_occurs));
        let type_ = match &element.variant {
            ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Element,
            } => type_,
            ElementMetaVariant::Type {
                mode: ElementMode::Group,
                ..
            } => return Err(self.unsupported(owner, Construct::Group, "a model group here")),
            // Elements the wildcard admits are kept as they were written.
            ElementMetaVariant::Any { .. } => return Ok(member(docs, MemberKind::Any { occurs })),
            ElementMetaVariant::Text => {
                return Err(self.unsupported(owner, Construct::Mixed, "text in element content"));
            }
        };
        if self.is_head(type_) {
            let ty = self.type_ref(type_, &xml_name, owner)?;
            if let Some(id) = ty.id() {
                let kind = MemberKind::Choice {
                    ty: id,
                    occurs,
                    boxed: false,
                    open: false,
                };
                return Ok(member(docs, kind));
            }
        }
        let element = self.element(owner, element, type_)?;
        Ok(member(docs, MemberKind::Element(element)))
    }

    /// A child element of the type `type_` (not a substitution group's
    /// head): a member of a complex type, or an alternative of a choice.
    pub(super) fn element(
        &mut self,
        owner: &TypeIdent,
        element: &ElementMeta,
        type_: &TypeIdent,
    ) -> Result<ElementMember, Error> {
        let xml_name = element.ident.name.as_str().to_owned();
        let ty = self.type_ref(type_, &xml_name, owner)?;
        let qualified = element.form == FormChoiceType::Qualified;
        Ok(ElementMember {
            namespace: qualified.then(|| self.namespace_id(element.ident.ns)),
            aliases: self
                .options
                .aliases
                .get(&xml_name)
                .cloned()
                .unwrap_or_default(),
            xml_name,
            ty,
            occurs: to_occurs((element.min_occurs, element.max_occurs)),
            // A reference to a global element is nillable as it says.
            nillable: element.nillable || self.is_nillable_element(type_),
            boxed: false,
        })
    }
}

/// A member named by the naming pass.
pub(super) fn member(docs: String, kind: MemberKind) -> Member {
    Member {
        rust_name: String::new(),
        docs,
        kind,
        presence: Default::default(),
    }
}

/// What tells a base's particle from the extension's: its element name,
/// namespace and type (a choice or wildcard has no name).
fn particle_key(m: &Member) -> Option<(&str, Option<crate::model::NsId>, TypeRef)> {
    match &m.kind {
        MemberKind::Element(e) => Some((&e.xml_name, e.namespace, e.ty.clone())),
        MemberKind::Choice { ty, .. } => Some(("", None, TypeRef::Type(*ty))),
        MemberKind::Any { .. } => Some(("", None, TypeRef::AnyElement)),
        _ => None,
    }
}

fn set_occurs(member: &mut Member, to: Occurs) {
    match &mut member.kind {
        MemberKind::Element(e) => e.occurs = to,
        MemberKind::Choice { occurs, .. } | MemberKind::Any { occurs } => *occurs = to,
        _ => {}
    }
}

/// How often a particle occurs inside a group that occurs `outer` times.
pub(super) fn combine(outer: Bounds, inner: Bounds) -> Bounds {
    let max = match (outer.1, inner.1) {
        (MaxOccurs::Bounded(a), MaxOccurs::Bounded(b)) => MaxOccurs::Bounded(a.saturating_mul(b)),
        _ => MaxOccurs::Unbounded,
    };
    (outer.0.saturating_mul(inner.0), max)
}

pub(super) fn to_occurs(occurs: Bounds) -> Occurs {
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
