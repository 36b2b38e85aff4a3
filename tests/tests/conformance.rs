//! The project's schema for the EWS UM operations against Microsoft's: the
//! generator reads Microsoft's whole schema, and what it generates from
//! `schemas/ews/` (with its service description) equals, in everything but
//! the schemas' documentation (names, Rust types, cardinalities, attributes
//! and their defaults, enumeration values, wildcards, bases, operations and
//! their headers: the generated code without it), what it generates from
//! Microsoft's files and services.wsdl for the same operations.
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
    let holds_schema = |dir: &Path| {
        ["messages.xsd", "types.xsd", "services.wsdl"]
            .iter()
            .all(|file| dir.join(file).is_file())
    };
    if let Some(dir) = std::env::var_os("EWS_SCHEMA_DIR").map(PathBuf::from) {
        assert!(
            holds_schema(&dir),
            "EWS_SCHEMA_DIR is {}, which lacks messages.xsd, types.xsd or services.wsdl",
            dir.display()
        );
        return Some(dir);
    }
    let dir = repo_root().join("../shared/ews-schema");
    if holds_schema(&dir) {
        return Some(dir);
    }
    eprintln!(
        "skipped: Microsoft's EWS schema is not at {} (set EWS_SCHEMA_DIR to the folder holding messages.xsd, types.xsd and services.wsdl)",
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
    let with = |schemas: Vec<PathBuf>, wsdl: Option<PathBuf>| {
        Builder::from(Options {
            schemas,
            wsdl,
            ..module.clone()
        })
        .declared_types_only()
        .structure()
        .unwrap()
    };
    // Microsoft's operations and headers come from its own services.wsdl.
    let theirs = with(
        vec![microsoft.join("messages.xsd"), microsoft.join("types.xsd")],
        Some(microsoft.join("services.wsdl")),
    );
    diff_labelled(
        "generated from schemas/ews/",
        "generated from Microsoft's schema",
        &with(ours, module.wsdl.clone()),
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

/// Every schema version at hand: Microsoft's files as each Exchange version
/// serves them, the one above first.
fn every_version() -> Vec<PathBuf> {
    let Some(dir) = microsoft_schema() else {
        return Vec::new();
    };
    let versions = repo_root().join("../shared/ews-schema-versions");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&versions)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    found.retain(|d| d.join("services.wsdl").is_file() && d.join("types.xsd").is_file());
    found.sort();
    if found.is_empty() {
        eprintln!("no other schema versions at {}", versions.display());
    }
    std::iter::once(dir).chain(found).collect()
}

#[test]
fn every_operation_of_every_version_has_its_impl_and_headers() {
    for dir in every_version() {
        let wsdl = std::fs::read_to_string(dir.join("services.wsdl")).unwrap();
        // Counted apart from the generator: one `soap:operation` per
        // operation of the binding.
        let binding_operations = wsdl.matches("<soap:operation ").count();
        let code = Builder::new()
            .schema(dir.join("messages.xsd"))
            .schema(dir.join("types.xsd"))
            .wsdl(dir.join("services.wsdl"))
            .generate()
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let impls = code.matches("impl ::ews_um::Operation for ").count();
        assert_eq!(impls, binding_operations, "{}", dir.display());
        assert!(
            code.contains(
                "    type RequestHeaders = FindItemHeaders;\n    type ResponseHeaders = ServerVersionInfoHeaders;\n    const OPERATION: &'static str = \"FindItem\";\n    const SOAP_ACTION: &'static str = \"http://schemas.microsoft.com/exchange/services/2006/messages/FindItem\";"
            ),
            "{}",
            dir.display()
        );
        // FindItem's headers differ between versions; the version one is in
        // every set.
        let headers = code
            .split("pub type FindItemHeaders = ")
            .nth(1)
            .and_then(|rest| rest.split(';').next())
            .unwrap_or_default();
        assert!(
            headers.contains("RequestServerVersion") && headers.ends_with("Headers"),
            "{}: {headers}",
            dir.display()
        );
    }
}
