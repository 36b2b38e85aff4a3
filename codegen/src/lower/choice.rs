//! Where an `xs:choice` becomes an enum: the member of the complex type
//! that holds one of its elements (`choice_member`), and the enum of the
//! alternatives (`choice`). A substitution group is the same kind of enum:
//! the elements that may stand where its head is referred to
//! (`substitutes`).

use xsd_parser::models::meta::{ElementMetaVariant, ElementMode, GroupMeta, MetaTypeVariant};
use xsd_parser::models::schema::MaxOccurs;
use xsd_parser::models::{IdentType, TypeIdent};

use super::complex::{Bounds, combine, member, to_occurs};
use super::{Job, Lowering, docs};
use crate::error::{Construct, Error};
use crate::load::Name;
use crate::model::{
    Alternative, ChoiceDef, ElementMember, Member, MemberKind, NameHint, Occurs, TypeKind,
};

impl Lowering<'_> {
    /// A member holding one of a choice's elements (a `Vec` when the
    /// choice repeats). A named group is one choice wherever it is used;
    /// an anonymous one belongs to its `owner`.
    pub(super) fn choice_member(
        &mut self,
        owner: &TypeIdent,
        group_ident: &TypeIdent,
        group_name: Option<Name>,
        group: &GroupMeta,
        occurs: Bounds,
    ) -> Member {
        let job = Job::Choice {
            group: group_ident.clone(),
            owner: owner.clone(),
        };
        let ty = match (&group_name, self.type_ids.get(group_ident)) {
            (Some(key), _) if self.group_ids.contains_key(key) => self.group_ids[key],
            (key, Some(&id)) => {
                if let Some(key) = key {
                    self.group_ids.insert(key.clone(), id);
                }
                id
            }
            (Some(key), None) => {
                let id = self.reach(job, NameHint::Type(key.1.clone()));
                self.group_ids.insert(key.clone(), id);
                self.type_ids.insert(group_ident.clone(), id);
                id
            }
            (None, None) => {
                // Named after the owner as the owner is (an anonymous type
                // after its element).
                let owner_name = match self
                    .type_ids
                    .get(owner)
                    .and_then(|id| self.slots[id.0 as usize].name.as_ref())
                {
                    Some(NameHint::Type(name)) => name.clone(),
                    _ => owner.name.as_str().to_owned(),
                };
                let count = self.choice_counts.entry(owner.clone()).or_default();
                *count += 1;
                let name = NameHint::Choice {
                    owner: owner_name,
                    number: *count,
                };
                let id = self.reach(job, name);
                self.type_ids.insert(group_ident.clone(), id);
                id
            }
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
        let occurs = to_occurs(combine(occurs, (min, max)));
        let kind = MemberKind::Choice {
            ty,
            occurs,
            boxed: false,
            open: false,
        };
        member(String::new(), kind)
    }

    /// The alternatives of the choice `group`, part of `owner` (which errors
    /// point at); a substitution group's head among them stands for its
    /// members.
    pub(super) fn choice(
        &mut self,
        group: &TypeIdent,
        owner: &TypeIdent,
    ) -> Result<TypeKind, Error> {
        let Some(MetaTypeVariant::Choice(meta)) = self.meta(group).map(|m| &m.variant) else {
            return Err(self.unsupported(owner, Construct::Choice, "not a choice"));
        };
        let mut alternatives = Vec::new();
        for element in meta.elements.iter() {
            let ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Element,
            } = &element.variant
            else {
                let message = "a choice of groups or wildcards";
                return Err(self.unsupported(owner, Construct::Choice, message));
            };
            // A head inside a choice: its members are alternatives too.
            if self.is_head(type_) {
                for member in self.substitutes(type_)? {
                    add(&mut alternatives, member);
                }
                continue;
            }
            let docs = docs(&element.documentation);
            let element = self.element(owner, element, type_)?;
            add(&mut alternatives, alternative(docs, element));
        }
        Ok(TypeKind::Choice(ChoiceDef {
            alternatives,
            unknown_variant: None,
        }))
    }

    /// The elements that may stand where the head element `head` is
    /// referred to: the head (unless abstract) and its substitution group,
    /// members of nested groups included (the interpreter lists those for
    /// every head above them, and the head's own type among them, which is
    /// not an element).
    pub(super) fn substitutes(&mut self, head: &TypeIdent) -> Result<Vec<Alternative>, Error> {
        let Some(MetaTypeVariant::Dynamic(dynamic)) = self.meta(head).map(|m| &m.variant) else {
            return Err(self.unsupported(head, Construct::SubstitutionGroup, "not a head element"));
        };
        let mut members: Vec<(TypeIdent, TypeIdent)> = Vec::new();
        let head_is_abstract = self
            .schemas
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
        let mut alternatives = Vec::new();
        for (member, target) in members {
            let name = member.name.as_str().to_owned();
            // A member that heads a group of its own is itself one member:
            // its type is what its element holds.
            let target = match self.meta(&target).map(|m| &m.variant) {
                Some(MetaTypeVariant::Dynamic(inner)) if target != *head => match &inner.type_ {
                    Some(type_) => type_.clone(),
                    None => continue,
                },
                _ => target,
            };
            let ty = self.type_ref(&target, &name, head)?;
            let docs = docs(
                self.meta(&member)
                    .iter()
                    .flat_map(|m| m.documentation.iter()),
            );
            let element = ElementMember {
                namespace: Some(self.namespace_id(member.ns)),
                aliases: Vec::new(),
                nillable: self.is_nillable_element(&member),
                xml_name: name,
                ty,
                occurs: Occurs::Required,
                boxed: false,
            };
            alternatives.push(alternative(docs, element));
        }
        if alternatives.is_empty() {
            let message = "an abstract head without members";
            return Err(self.unsupported(head, Construct::SubstitutionGroup, message));
        }
        Ok(alternatives)
    }

    /// Whether the element type `type_` is a reference to a substitution
    /// group's head: any of its members may stand there.
    pub(super) fn is_head(&self, type_: &TypeIdent) -> bool {
        matches!(
            self.meta(type_).map(|m| &m.variant),
            Some(MetaTypeVariant::Dynamic(_))
        ) && type_.type_ == IdentType::Element
    }

    /// Whether `ident` is a global element declared nillable.
    pub(super) fn is_nillable_element(&self, ident: &TypeIdent) -> bool {
        if !matches!(ident.type_, IdentType::Element | IdentType::DynamicElement) {
            return false;
        }
        // The interpreter wraps an element's type: in a reference marked
        // nillable, then (for a member of a substitution group) in one more.
        let mut at = ident;
        for _ in 0..4 {
            let Some(MetaTypeVariant::Reference(r)) = self.meta(at).map(|m| &m.variant) else {
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
}

fn alternative(docs: String, element: ElementMember) -> Alternative {
    Alternative {
        rust_name: String::new(),
        docs,
        element: ElementMember {
            occurs: Occurs::Required,
            ..element
        },
        presence: Default::default(),
    }
}

/// Adds an alternative, unless an element of that name is one already.
fn add(alternatives: &mut Vec<Alternative>, new: Alternative) {
    let (name, ns) = (&new.element.xml_name, new.element.namespace);
    if !alternatives
        .iter()
        .any(|a| a.element.xml_name == *name && a.element.namespace == ns)
    {
        alternatives.push(new);
    }
}
