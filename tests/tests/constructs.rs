//! Every XSD construct the generator renders, each on a small schema of its
//! own in `tests/fixtures/constructs/` (the README lists them): what it
//! generates is reviewed here, as snapshots. What the generated code does
//! with documents is tested in `tests/consumer/tests/constructs.rs`.

use ews_um_codegen::Builder;
use ews_um_tests::repo_root;

fn generate(construct: &str) -> String {
    generate_with(construct, false)
}

/// What `construct` generates, its structs keeping the elements they do
/// not declare when `keep_unknown_elements`.
fn generate_with(construct: &str, keep_unknown_elements: bool) -> String {
    let root = repo_root();
    let schema = root.join(format!("tests/fixtures/constructs/{construct}.xsd"));
    Builder::new()
        .schema(schema)
        .keep_unknown_elements(keep_unknown_elements)
        .paths_relative_to(root)
        .generate()
        .unwrap_or_else(|e| panic!("{construct}: {e}"))
}

macro_rules! constructs {
    ($($test:ident => $construct:literal,)*) => {$(
        #[test]
        fn $test() {
            insta::assert_snapshot!($construct, generate($construct));
        }
    )*};
}

constructs! {
    sequence => "sequence",
    all => "all",
    choice => "choice",
    group => "group",
    complex_content_extension => "extension",
    extension_of_a_choice => "extension-of-choice",
    complex_content_restriction => "restriction",
    simple_content => "simple-content",
    attributes_attribute_groups_and_any_attribute => "attributes",
    any_element => "any",
    enumerations_and_restricted_simple_types => "simple-types",
    list => "list",
    union => "union",
    substitution_group => "substitution",
    derived_types_by_xsi_type => "xsi-type",
    nillable => "nillable",
    top_level_elements => "elements",
    what_a_newer_schema_adds => "forward",
    members_boxed_by_size => "compact",
}

/// The same schema, each struct keeping what it does not declare.
#[test]
fn what_a_newer_schema_adds_kept() {
    insta::assert_snapshot!("forward-kept", generate_with("forward", true));
}
