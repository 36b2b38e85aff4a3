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
    // And the schema of what a newer version may add, with the types
    // keeping the elements they do not declare.
    ews_um_codegen::Builder::new()
        .schema(constructs.join("forward.xsd"))
        .keep_unknown_elements(true)
        .paths_relative_to(std::env::var("CARGO_MANIFEST_DIR")?)
        .module_name("forward_kept")
        .build()?;
    // Three versions of one schema as one module.
    let versions = std::path::Path::new("../fixtures/versions");
    let mut shop = ews_um_codegen::Builder::new();
    for (name, dir) in [
        ("Shop2019", "shop2019"),
        ("Shop2021", "shop2021"),
        ("Shop2023", "shop2023"),
    ] {
        let dir = versions.join(dir);
        shop = shop.version(name, [dir.join("shop.xsd")], Some(dir.join("shop.wsdl")));
    }
    shop.paths_relative_to(std::env::var("CARGO_MANIFEST_DIR")?)
        .module_name("shop")
        .build()?;
    println!("cargo:rerun-if-changed=schemas");
    println!("cargo:rerun-if-changed=../fixtures/versions");
    println!("cargo:rerun-if-changed=../fixtures/constructs");
    Ok(())
}
