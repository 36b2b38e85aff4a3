//! What one schema version says, the others must read: every fixture,
//! decoded with the types of each other version at hand and encoded back,
//! means what it said — but for what that version's schema does not
//! declare, which types generated with `--keep-unknown-elements` keep and
//! write back after their own members, and others skip.

use ews_full_schema::versions::ALL;
use ews_um_tests::{Node, fixture, parse};

/// The versions that came before Exchange 2013: they declare none of
/// [`NEWER`], nor the attributes of [`NOT_DECLARED`].
const EXCHANGE_2010: [&str; 2] = ["exchange2010_sp1", "exchange2010_sp2"];

/// Attributes Exchange 2010 does not declare, so does not keep (no type
/// holding them has `xs:anyAttribute`): `(fixture, attribute)`. Found by
/// validating each fixture against each version's schema: `Body`'s
/// `IsTruncated` came with Exchange 2013.
const NOT_DECLARED: [(&str, &str); 1] = [("get_item_mixed_response.xml", "IsTruncated")];

/// Elements Exchange 2010 does not declare, where a newer server sends them:
/// `(fixture, parent, elements)`, by local name. Found the same way. Items
/// of a kind 2010 does not know (`t:RoleMember`, `t:Person`) are not
/// listed: `t:Items` keeps them in place as they are.
const NEWER: [(&str, &str, &[&str]); 3] = [
    (
        "find_item_newer_response.xml",
        "Message",
        &["InstanceKey", "Preview", "IconIndex"],
    ),
    // An `AbchPersonItemType` by `xsi:type`: read as an `ItemType`.
    (
        "find_item_newer_response.xml",
        "Item",
        &["PersonId", "ContactCategories", "FavoriteOrder"],
    ),
    (
        "get_item_newer_response.xml",
        "CalendarItem",
        &[
            // `ItemType`'s
            "ReminderNextTime",
            "DisplayBcc",
            "Flag",
            "InstanceKey",
            "Preview",
            // `CalendarItemType`'s
            "StartWallClock",
            "EndWallClock",
            "StartTimeZoneId",
            "EndTimeZoneId",
            "IntendedFreeBusyStatus",
            "IsOrganizer",
        ],
    ),
];

/// The first element of each fixture with [`NEWER`] content that strict
/// decoding with Exchange 2010's types refuses.
const FIRST_REFUSED: [(&str, &str); 2] = [
    ("find_item_newer_response.xml", "InstanceKey"),
    ("get_item_newer_response.xml", "ReminderNextTime"),
];

#[test]
fn every_version_reads_every_fixture_and_writes_it_back() {
    if ALL.is_empty() {
        eprintln!("skipped: no other schema versions were generated (see .ci/full-schema.sh)");
        return;
    }
    let dir = ews_um_tests::repo_root().join("tests/fixtures/ews-full");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".xml"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for version in ALL {
        let older = EXCHANGE_2010.contains(&version.name);
        for name in &names {
            let original = fixture(&format!("ews-full/{name}"));
            let mut expected = parse(&original).unwrap();
            if older {
                for (_, attribute) in NOT_DECLARED.iter().filter(|(n, _)| n == name) {
                    assert!(
                        remove_attribute(&mut expected, attribute),
                        "{name} has no {attribute}"
                    );
                }
                let newer: Vec<(&str, &str)> = NEWER
                    .iter()
                    .filter(|(n, ..)| n == name)
                    .flat_map(|&(_, parent, elements)| elements.iter().map(move |&e| (parent, e)))
                    .collect();
                let found = if version.keeps_unknown_elements {
                    move_to_end(&mut expected, &newer)
                } else {
                    remove(&mut expected, &newer)
                };
                assert_eq!(found, newer.len(), "{name}: {newer:?} are not all there");
            }
            match (version.round_trip)(&original) {
                Ok(encoded) if parse(&encoded).as_ref() == Ok(&expected) => {}
                Ok(encoded) => failures.push(format!(
                    "{}: {name}: written back as something else:\n{}",
                    version.name,
                    String::from_utf8_lossy(&encoded)
                )),
                Err(e) => failures.push(format!("{}: {name}: {e}", version.name)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        ALL.iter().any(|v| v.keeps_unknown_elements),
        "no version keeps unknown elements: see .ci/full-schema.sh"
    );
}

/// What Exchange 2010 does not declare, its types refuse when strict: the
/// fixtures above are of a newer server.
#[test]
fn strict_decoding_with_exchange_2010_types_refuses_what_is_newer() {
    let older: Vec<_> = ALL
        .iter()
        .filter(|v| EXCHANGE_2010.contains(&v.name))
        .collect();
    if older.is_empty() {
        eprintln!("skipped: Exchange 2010's schema versions were not generated");
        return;
    }
    for version in older {
        for (name, element) in FIRST_REFUSED {
            let bytes = fixture(&format!("ews-full/{name}"));
            let refused = format!(
                "unexpected element {{http://schemas.microsoft.com/exchange/services/2006/types}}{element}"
            );
            match (version.decode_strict)(&bytes) {
                Err(ews_um::Error::Decode(e)) => {
                    assert!(e.message == refused, "{}: {name}: {e}", version.name)
                }
                other => panic!("{}: {name}: decoded strictly: {other:?}", version.name),
            }
        }
    }
}

/// Removes every attribute named `local` (in no namespace) from the tree;
/// whether there was one.
fn remove_attribute(node: &mut Node, local: &str) -> bool {
    let before = node.attributes.len();
    node.attributes
        .retain(|((ns, name), _)| !(ns.is_empty() && name == local));
    let mut removed = node.attributes.len() != before;
    for child in &mut node.children {
        removed |= remove_attribute(child, local);
    }
    removed
}

/// Whether `child` of `parent` is one of the `(parent, element)` pairs.
fn listed(parent: &Node, child: &Node, pairs: &[(&str, &str)]) -> bool {
    pairs
        .iter()
        .any(|&(p, e)| parent.name.1 == p && child.name.1 == e)
}

/// Moves the listed elements to the end of their parent, keeping their
/// order: where types that keep them write them. How many it moved.
fn move_to_end(node: &mut Node, pairs: &[(&str, &str)]) -> usize {
    let (moved, stay): (Vec<Node>, Vec<Node>) = std::mem::take(&mut node.children)
        .into_iter()
        .partition(|child| listed(node, child, pairs));
    let mut found = moved.len();
    node.children = stay;
    for child in &mut node.children {
        found += move_to_end(child, pairs);
    }
    node.children.extend(moved);
    found
}

/// Removes the listed elements, as types that do not keep them skip them.
/// How many it removed.
fn remove(node: &mut Node, pairs: &[(&str, &str)]) -> usize {
    let before = node.children.len();
    let children = std::mem::take(&mut node.children);
    node.children = children
        .into_iter()
        .filter(|child| !listed(node, child, pairs))
        .collect();
    let mut found = before - node.children.len();
    for child in &mut node.children {
        found += remove(child, pairs);
    }
    found
}
