//! The project's schema for the EWS UM operations against Microsoft's: the
//! generator reads Microsoft's whole schema, and what it generates from
//! `schemas/ews/` equals, in everything but the schemas' documentation
//! (names, Rust types, cardinalities, attributes and their defaults,
//! enumeration values, wildcards, bases: the generated code without it),
//! what it generates from Microsoft's files for the same top-level elements.
//!
//! Microsoft's files are test data kept outside the repository: they are
//! read from `$EWS_SCHEMA_DIR`, else from `../shared/ews-schema` beside the
//! checkout. Without them the tests say so and pass.

use std::path::{Path, PathBuf};

use ews_um_codegen::config::ConfigFile;
use ews_um_codegen::{Builder, Options, diff_labelled};
use ews_um_tests::repo_root;

/// The folder holding Microsoft's `messages.xsd` and `types.xsd`, or `None`
/// after saying why the test is skipped. A folder named in `EWS_SCHEMA_DIR`
/// must hold them.
fn microsoft_schema() -> Option<PathBuf> {
    let holds_schema =
        |dir: &Path| dir.join("messages.xsd").is_file() && dir.join("types.xsd").is_file();
    if let Some(dir) = std::env::var_os("EWS_SCHEMA_DIR").map(PathBuf::from) {
        assert!(
            holds_schema(&dir),
            "EWS_SCHEMA_DIR is {}, which lacks messages.xsd or types.xsd",
            dir.display()
        );
        return Some(dir);
    }
    let dir = repo_root().join("../shared/ews-schema");
    if holds_schema(&dir) {
        return Some(dir);
    }
    eprintln!(
        "skipped: Microsoft's EWS schema is not at {} (set EWS_SCHEMA_DIR to the folder holding messages.xsd and types.xsd)",
        dir.display()
    );
    None
}

/// The `ews` module's configuration.
fn ews_module() -> Options {
    let config = ConfigFile::read(&repo_root().join("codegen.toml")).unwrap();
    config
        .module("generated/src/ews.rs")
        .expect("codegen.toml generates ews.rs")
        .clone()
}

/// The difference between the types generated from `ours` and from
/// Microsoft's schema in `microsoft`, for the elements of the `ews` module:
/// everything the generator knows of them but their documentation.
fn difference(ours: Vec<PathBuf>, microsoft: &Path) -> Option<String> {
    let module = ews_module();
    // schemas/ews/ leaves out the types Microsoft's derives from those the
    // UM operations use (ItemIdType's, ResponseMessageType's): compared as
    // declared.
    let with = |schemas: Vec<PathBuf>| {
        Builder::from(Options {
            schemas,
            ..module.clone()
        })
        .declared_types_only()
        .structure()
        .unwrap()
    };
    let theirs = with(vec![
        microsoft.join("messages.xsd"),
        microsoft.join("types.xsd"),
    ]);
    diff_labelled(
        "generated from schemas/ews/",
        "generated from Microsoft's schema",
        &with(ours),
        &theirs,
    )
}

#[test]
fn the_whole_microsoft_schema_loads_and_every_construct_renders() {
    let Some(dir) = microsoft_schema() else {
        return;
    };
    let report = Builder::new()
        .schema(dir.join("messages.xsd"))
        .schema(dir.join("types.xsd"))
        .inspect()
        .unwrap();
    eprintln!("Microsoft's EWS schema:\n{report}");
    assert!(report.named_types > 1000, "{report}");
    assert!(report.elements > 250, "{report}");
    // Every construct it uses is rendered: each element generates on its own.
    assert!(report.blocked_elements.is_empty(), "{report}");
    assert!(report.unsupported.is_empty(), "{report}");
}

#[test]
fn schemas_ews_generates_the_types_microsoft_schema_does() {
    let Some(dir) = microsoft_schema() else {
        return;
    };
    if let Some(diff) = difference(ews_module().schemas, &dir) {
        panic!("schemas/ews/ no longer matches Microsoft's schema:\n{diff}");
    }
}

#[test]
fn a_field_missing_from_schemas_ews_shows_in_the_difference() {
    let Some(dir) = microsoft_schema() else {
        return;
    };
    let scratch = std::env::temp_dir().join(format!("ews-um-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    for file in ["ews-messages.xsd", "ews-types.xsd"] {
        let text = std::fs::read_to_string(repo_root().join("schemas/ews").join(file)).unwrap();
        // Drop the SIPResponseCode element, annotation and all.
        let start = text
            .find(r#"<xs:element name="SIPResponseCode""#)
            .unwrap_or(text.len());
        let end = text[start..]
            .find("</xs:element>")
            .map_or(start, |e| start + e + "</xs:element>".len());
        std::fs::write(
            scratch.join(file),
            format!("{}{}", &text[..start], &text[end..]),
        )
        .unwrap();
    }
    let difference = difference(vec![scratch.join("ews-messages.xsd")], &dir)
        .expect("removing a field is a difference");
    assert!(
        difference.contains("+    pub sip_response_code: Option<i32>,"),
        "{difference}"
    );
    std::fs::remove_dir_all(scratch).unwrap();
}
