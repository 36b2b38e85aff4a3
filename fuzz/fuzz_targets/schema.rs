//! The generator on arbitrary schema text: loading, lowering and emitting
//! never panic, and a failure names the file (and, for what the schema
//! says, the line).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use ews_um_codegen::{Builder, Error};
use libfuzzer_sys::fuzz_target;

/// One file per fuzzing process, rewritten for each input.
fn schema_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        // libFuzzer's panic hook aborts at any panic, even one the generator
        // catches (xsd-parser's, turned into errors). Panics that escape
        // still end the run: libfuzzer-sys catches them and aborts.
        std::panic::set_hook(Box::new(|info| {
            if !info
                .location()
                .is_some_and(|l| l.file().contains("xsd-parser"))
            {
                eprintln!("{info}");
            }
        }));
        let dir = std::env::temp_dir().join(format!("ews-um-fuzz-schema-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        dir.join("fuzz.xsd")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = schema_path();
    std::fs::write(path, data).expect("the schema file is written");
    let builder = Builder::new().schema(path);
    let result = builder
        .load()
        .and_then(|schemas| builder.lower(&schemas))
        .and_then(|module| module.source());
    match result {
        Ok(_) | Err(Error::Request(_)) | Err(Error::Io { .. }) => {}
        Err(Error::Schema { line, .. }) | Err(Error::Invalid { line, .. }) => {
            assert!(line >= 1, "no line: {}", result.unwrap_err());
        }
        Err(Error::Load(message)) => assert!(
            message.contains(&*path.to_string_lossy()),
            "the file is not named: {message}"
        ),
        Err(e) => panic!("{e}"),
    }
});
