//! Generates `ping.rs` from `schemas/ping.xsd`, the way a crate using
//! ews-um-codegen does.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    ews_um_codegen::Builder::new()
        .schema("schemas/ping.xsd")
        .element("Ping")
        .element("PingResponse")
        .operations("urn:example:ping/")
        .paths_relative_to(std::env::var("CARGO_MANIFEST_DIR")?)
        .module_name("ping")
        .build()?;
    // Every top-level element, of the file and of the one it includes.
    ews_um_codegen::Builder::new()
        .schema("schemas/tree.xsd")
        .paths_relative_to(std::env::var("CARGO_MANIFEST_DIR")?)
        .module_name("tree")
        .build()?;
    // A module for each construct the generator renders, from the schemas
    // the snapshot tests review.
    let constructs = std::path::Path::new("../fixtures/constructs");
    for entry in std::fs::read_dir(constructs)? {
        let schema = entry?.path();
        let Some(stem) = schema.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        ews_um_codegen::Builder::new()
            .schema(&schema)
            .paths_relative_to(std::env::var("CARGO_MANIFEST_DIR")?)
            .module_name(stem.replace('-', "_"))
            .build()?;
    }
    println!("cargo:rerun-if-changed=schemas");
    println!("cargo:rerun-if-changed=../fixtures/constructs");
    Ok(())
}
