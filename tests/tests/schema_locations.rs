//! Where included and imported schemas are read from: the built-in schema
//! for the `xml:` namespace whatever location the import names; remote
//! locations only through the catalog, never fetched.

use ews_um_codegen::Builder;
use ews_um_tests::repo_root;

fn fixture(name: &str) -> std::path::PathBuf {
    repo_root()
        .join("tests/fixtures/schemas/locations")
        .join(name)
}

const UNITS_URL: &str = "https://schemas.example.com/units/v1/units.xsd";

#[test]
fn the_xml_namespace_from_a_url_is_the_built_in_schema() {
    let code = Builder::new()
        .schema(fixture("xml-namespace.xsd"))
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        code.contains("#[xml(attribute = \"lang\", ns = XML_NAMESPACE, optional)]"),
        "{code}"
    );
}

#[test]
fn a_remote_location_not_in_the_catalog_names_url_file_and_line() {
    let schema = fixture("remote-import.xsd");
    let error = Builder::new()
        .schema(&schema)
        .generate()
        .unwrap_err()
        .to_string();
    // The location is on line 10 of the importing schema.
    assert!(
        error.starts_with(&format!("{}:10: ", schema.display())),
        "{error}"
    );
    assert!(error.contains(&format!("{UNITS_URL:?}")), "{error}");
    assert!(error.contains("never fetched"), "{error}");
    assert!(error.contains("--catalog URL=FILE"), "{error}");
}

#[test]
fn the_catalog_maps_a_remote_location_to_a_local_file() {
    let code = Builder::new()
        .schema(fixture("remote-import.xsd"))
        .catalog(UNITS_URL, fixture("units.xsd"))
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("pub unit: Unit,"), "{code}");
    assert!(code.contains("pub enum Unit {"), "{code}");
    assert!(code.contains("Metre"), "{code}");
}

#[test]
fn a_catalog_entry_for_a_missing_file_is_an_error_naming_it() {
    let schema = fixture("remote-import.xsd");
    let missing = fixture("no-such-units.xsd");
    let error = Builder::new()
        .schema(&schema)
        .catalog(UNITS_URL, &missing)
        .generate()
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(&format!(
            "{}:10: schemaLocation {UNITS_URL:?}: cannot read {}: ",
            schema.display(),
            missing.display()
        )),
        "{error}"
    );
}
