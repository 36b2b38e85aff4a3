//! Generates the module `ews` from the EWS schema and service description
//! in `EWS_SCHEMA_DIR` (by default the copy beside the repository): every
//! top-level element, and an `Operation` for every operation of the WSDL.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-env-changed=EWS_SCHEMA_DIR");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let dir = match std::env::var_os("EWS_SCHEMA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => manifest.join("../../../shared/ews-schema"),
    };
    let file = |name: &str| {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        path
    };
    ews_um_codegen::Builder::new()
        .schema(file("messages.xsd"))
        .schema(file("types.xsd"))
        .wsdl(file("services.wsdl"))
        .module_name("ews")
        .build()?;
    Ok(())
}
