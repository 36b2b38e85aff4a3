//! What one schema version says, the others must read: every fixture,
//! decoded with the types of each other version at hand and encoded back,
//! means what it said — but for what that version's schema does not
//! declare.

use ews_full_schema::versions::ALL;
use ews_um_tests::{Node, fixture, parse};

/// What a version does not declare, so does not keep: `(version, fixture,
/// attribute)`. Found by validating each fixture against each version's
/// schema with libxml2: `Body`'s `IsTruncated` came with Exchange 2013.
const NOT_DECLARED: [(&str, &str, &str); 2] = [
    (
        "exchange2010_sp1",
        "get_item_mixed_response.xml",
        "IsTruncated",
    ),
    (
        "exchange2010_sp2",
        "get_item_mixed_response.xml",
        "IsTruncated",
    ),
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
    for (version, round_trip) in ALL {
        for name in &names {
            let original = fixture(&format!("ews-full/{name}"));
            let mut expected = parse(&original).unwrap();
            for (_, _, attribute) in NOT_DECLARED
                .iter()
                .filter(|(v, n, _)| v == version && n == name)
            {
                assert!(
                    remove_attribute(&mut expected, attribute),
                    "{name} has no {attribute}"
                );
            }
            match round_trip(&original) {
                Ok(encoded) if parse(&encoded).as_ref() == Ok(&expected) => {}
                Ok(encoded) => failures.push(format!(
                    "{version}: {name}: written back as something else:\n{}",
                    String::from_utf8_lossy(&encoded)
                )),
                Err(e) => failures.push(format!("{version}: {name}: {e}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
