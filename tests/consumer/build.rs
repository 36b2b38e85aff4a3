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
    println!("cargo:rerun-if-changed=schemas");
    Ok(())
}
