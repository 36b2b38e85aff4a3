//! Generates Microsoft's whole EWS schema for the `full_schema` target
//! when it is at hand (`EWS_SCHEMA_DIR`, by default the copy beside the
//! repository); without it that target is built to say so and stop.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rustc-check-cfg=cfg(full_schema)");
    println!("cargo:rerun-if-env-changed=EWS_SCHEMA_DIR");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let dir = match std::env::var_os("EWS_SCHEMA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => manifest.join("../../shared/ews-schema"),
    };
    let file = |name: &str| {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        path
    };
    if !file("messages.xsd").is_file() || !file("types.xsd").is_file() {
        println!(
            "cargo:warning=full_schema: no EWS schema at {}; the target only says so",
            dir.display()
        );
        return Ok(());
    }
    ews_um_codegen::Builder::new()
        .schema(file("messages.xsd"))
        .schema(file("types.xsd"))
        .wsdl(file("services.wsdl"))
        .module_name("ews")
        .build()?;
    println!("cargo:rustc-cfg=full_schema");
    Ok(())
}
