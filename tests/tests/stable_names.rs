//! Names stay put across schema versions: the same type generated from the
//! schema each Exchange version serves gives each of its members the same
//! name wherever the member is the same (the same element, attribute, or
//! choice of the same elements), whatever else the versions add or drop —
//! anonymous choices included, whose names follow the rules of
//! `codegen/src/passes/choices.rs`.
//!
//! Reads Microsoft's files from `../shared/ews-schema` and
//! `../shared/ews-schema-versions/*` (or `$EWS_SCHEMA_DIR`); says so and
//! passes without them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ews_um_codegen::Builder;
use ews_um_labels::{Element, Member};
use ews_um_tests::repo_root;
use syn::{Fields, Item, Type};

/// Every schema folder at hand.
fn versions() -> Vec<PathBuf> {
    let main = std::env::var_os("EWS_SCHEMA_DIR")
        .map_or_else(|| repo_root().join("../shared/ews-schema"), PathBuf::from);
    let others = repo_root().join("../shared/ews-schema-versions");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&others)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    found.sort();
    found.insert(0, main);
    found.retain(|dir| dir.join("messages.xsd").is_file() && dir.join("types.xsd").is_file());
    found
}

/// A generated module's members: for each struct, each member's identity
/// (what the schema says it is) and its field name, with the enum of a
/// choice; for each choice enum, each alternative's variant name.
#[derive(Default)]
struct Names {
    fields: BTreeMap<String, BTreeMap<String, (String, String)>>,
    variants: BTreeMap<String, BTreeMap<String, String>>,
}

fn names(dir: &Path) -> Names {
    let code = Builder::new()
        .schema(dir.join("messages.xsd"))
        .schema(dir.join("types.xsd"))
        .generate()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let file = syn::parse_file(&code).expect("generated code parses");
    let mut names = Names::default();
    let mut alternatives: BTreeMap<String, Vec<String>> = BTreeMap::new();
    collect(&file.items, "", &mut names, &mut alternatives);
    // A member is what it holds: its base, or an anonymous choice of its
    // elements (a named group's, or a substitution group's, is its type).
    for members in names.fields.values_mut() {
        *members = std::mem::take(members)
            .into_iter()
            .map(|(identity, (field, ty))| {
                let identity = match (identity.as_str(), alternatives.get(&ty)) {
                    ("base" | "choice", _) if !ty.contains("::") => format!("{identity} {ty}"),
                    ("choice", Some(elements)) => format!("choice of {}", elements.join("|")),
                    _ => identity,
                };
                (identity, (field, ty))
            })
            .collect();
    }
    names
}

fn collect(
    items: &[Item],
    module: &str,
    names: &mut Names,
    alternatives: &mut BTreeMap<String, Vec<String>>,
) {
    for item in items {
        match item {
            Item::Struct(s) => {
                let Fields::Named(fields) = &s.fields else {
                    continue;
                };
                let members = names.fields.entry(s.ident.to_string()).or_default();
                for field in &fields.named {
                    let Ok(member) = Member::parse(&field.attrs) else {
                        continue;
                    };
                    let identity = match member {
                        Member::Base => "base".to_owned(),
                        Member::Attribute { name, .. } => format!("@{}", name.value()),
                        Member::AnyAttribute => "@*".to_owned(),
                        Member::Element(e) => e.name.value(),
                        Member::Choice { .. } => "choice".to_owned(),
                        Member::Any { .. } => "*".to_owned(),
                        Member::Text => "text".to_owned(),
                        Member::Unknown => "unknown".to_owned(),
                    };
                    let field_name = field
                        .ident
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    members.insert(identity, (field_name, type_path(&field.ty)));
                }
            }
            Item::Enum(e) => {
                let path = format!("{module}{}", e.ident);
                let mut elements = Vec::new();
                for variant in &e.variants {
                    if let Ok(element) = Element::parse_alternative(&variant.attrs) {
                        elements.push(element.name.value());
                        names
                            .variants
                            .entry(path.clone())
                            .or_default()
                            .insert(element.name.value(), variant.ident.to_string());
                    }
                }
                elements.sort();
                alternatives.insert(path, elements);
            }
            Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    collect(
                        items,
                        &format!("{module}{}::", m.ident),
                        names,
                        alternatives,
                    );
                }
            }
            _ => {}
        }
    }
}

/// The path of the type a field holds, without `Option`, `Vec` or `Box`.
fn type_path(ty: &Type) -> String {
    let Type::Path(path) = ty else {
        return String::new();
    };
    let Some(last) = path.path.segments.last() else {
        return String::new();
    };
    if ["Option", "Vec", "Box"].contains(&last.ident.to_string().as_str())
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
    {
        return type_path(inner);
    }
    path.path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

#[test]
fn members_keep_their_names_in_every_version() {
    let versions = versions();
    if versions.len() < 2 {
        eprintln!("skipped: fewer than two schema versions at ../shared (set EWS_SCHEMA_DIR)");
        return;
    }
    let all: Vec<(PathBuf, Names)> = versions
        .iter()
        .map(|dir| (dir.clone(), names(dir)))
        .collect();
    let mut moved = Vec::new();
    let mut compared = 0;
    for (i, (dir_a, a)) in all.iter().enumerate() {
        for (dir_b, b) in &all[i + 1..] {
            let versions = format!("{} / {}", dir_a.display(), dir_b.display());
            for (ty, members_a) in &a.fields {
                let Some(members_b) = b.fields.get(ty) else {
                    continue;
                };
                for (identity, (field_a, enum_a)) in members_a {
                    let Some((field_b, enum_b)) = members_b.get(identity) else {
                        continue;
                    };
                    compared += 1;
                    if field_a != field_b {
                        moved.push(format!(
                            "{versions}: {ty}.{field_a} is {ty}.{field_b} ({identity})"
                        ));
                    }
                    if identity.starts_with("choice of ") && enum_a != enum_b {
                        moved.push(format!(
                            "{versions}: {ty}.{field_a} holds {enum_a} and {enum_b}"
                        ));
                    }
                }
            }
            for (path, variants_a) in &a.variants {
                let Some(variants_b) = b.variants.get(path) else {
                    continue;
                };
                for (element, variant) in variants_a {
                    if variants_b.get(element).is_some_and(|v| v != variant) {
                        moved.push(format!(
                            "{versions}: {path}: {element} is {variant} and {}",
                            variants_b[element]
                        ));
                    }
                }
            }
        }
    }
    assert!(compared > 5_000, "only {compared} members compared");
    assert!(
        moved.is_empty(),
        "{} names moved:\n{}",
        moved.len(),
        moved.join("\n")
    );
}
