//! Generates, with xsd-parser's own quick-xml renderer, the decoders the
//! benchmarks compare against, and counts the lines that renderer emits for
//! the elements of ews-um's modules.

use std::path::{Path, PathBuf};

use xsd_parser::config::{Config, Generate, GeneratorFlags, OptimizerFlags, Resolver, Schema};
use xsd_parser::{IdentType, generate};

/// The configuration xsd-parser's own tests use, with its quick-xml
/// (de)serializers rendered.
fn config(schema: &Path, elements: &[&str]) -> Config {
    let mut config = Config::default();
    config.parser.resolver = vec![Resolver::File];
    config.parser.schemas = vec![Schema::File(schema.to_path_buf())];
    config.optimizer.flags |=
        OptimizerFlags::RESOLVE_TYPEDEFS | OptimizerFlags::USE_UNRESTRICTED_BASE_TYPE_SIMPLE;
    config.generator.generate = Generate::Named;
    config.generator.flags |= GeneratorFlags::FLATTEN_STRUCT_CONTENT;
    config
        .with_quick_xml()
        .with_generate(elements.iter().map(|e| (IdentType::Element, *e)))
}

fn render(config: Config) -> String {
    let tokens = generate(config).expect("xsd-parser generates the benchmark's schemas");
    prettyplease::unparse(&syn::parse2(tokens).expect("xsd-parser's output parses"))
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let schemas = manifest.join("schemas");
    for name in [
        "get-call-info",
        "get-phone-call-information",
        "get-um-properties",
    ] {
        let schema = schemas.join(format!("{name}-envelope.xsd"));
        let code = render(config(&schema, &["soap:Envelope"]));
        std::fs::write(
            out.join(format!("xsd_parser_{}.rs", name.replace('-', "_"))),
            code,
        )
        .unwrap();
    }

    // The lines xsd-parser emits for the elements of ews-um's modules.
    let um = manifest.join("../schemas/um/um.xsd");
    let um_elements: Vec<String> = [
        "Disconnect",
        "DisconnectResponse",
        "GetCallInfo",
        "GetCallInfoResponse",
        "GetUMProperties",
        "GetUMPropertiesResponse",
        "IsUMEnabled",
        "IsUMEnabledResponse",
        "PlayOnPhone",
        "PlayOnPhoneResponse",
        "PlayOnPhoneGreeting",
        "PlayOnPhoneGreetingResponse",
        "ResetPIN",
        "ResetPINResponse",
        "SetMissedCallNotificationEnabled",
        "SetMissedCallNotificationEnabledResponse",
        "SetOofStatus",
        "SetOofStatusResponse",
        "SetPlayOnPhoneDialString",
        "SetPlayOnPhoneDialStringResponse",
        "SetTelephoneAccessFolderEmail",
        "SetTelephoneAccessFolderEmailResponse",
    ]
    .iter()
    .map(|e| format!("um:{e}"))
    .collect();
    let um_lines = render(config(
        &um,
        &um_elements.iter().map(String::as_str).collect::<Vec<_>>(),
    ))
    .lines()
    .count();
    let ews = manifest.join("../schemas/ews/ews-messages.xsd");
    let ews_elements = [
        "m:PlayOnPhone",
        "m:PlayOnPhoneResponse",
        "m:GetPhoneCallInformation",
        "m:GetPhoneCallInformationResponse",
        "m:DisconnectPhoneCall",
        "m:DisconnectPhoneCallResponse",
        "t:RequestServerVersion",
        "t:ServerVersionInfo",
    ];
    let ews_lines = render(config(&ews, &ews_elements)).lines().count();
    std::fs::write(
        out.join("xsd_parser_lines.rs"),
        format!("/// Lines xsd-parser's renderer emits for the `um` module's elements.\npub const UM: usize = {um_lines};\n/// Lines xsd-parser's renderer emits for the `ews` module's elements.\npub const EWS: usize = {ews_lines};\n"),
    )
    .unwrap();
    println!("cargo:rerun-if-changed=schemas");
    println!("cargo:rerun-if-changed=../schemas");

    microsoft(&manifest, &out);
}

/// The responses measured at scale (FindItem, GetItem, SyncFolderItems,
/// GetAttachment), generated from Microsoft's EWS schema when it is at hand
/// (it is test data kept outside the repository): the `ews_schema` cfg says
/// they were generated.
fn microsoft(manifest: &Path, out: &Path) {
    println!("cargo::rustc-check-cfg=cfg(ews_schema)");
    println!("cargo:rerun-if-env-changed=EWS_SCHEMA_DIR");
    let dir = std::env::var_os("EWS_SCHEMA_DIR")
        .map_or_else(|| manifest.join("../../shared/ews-schema"), PathBuf::from);
    let (messages, types) = (dir.join("messages.xsd"), dir.join("types.xsd"));
    if !messages.is_file() || !types.is_file() {
        return;
    }
    println!("cargo:rerun-if-changed={}", messages.display());
    println!("cargo:rerun-if-changed={}", types.display());
    ews_um_codegen::Builder::new()
        .schema(messages)
        .schema(types)
        .element("FindItemResponse")
        .element("GetItemResponse")
        .element("SyncFolderItemsResponse")
        .element("GetAttachmentResponse")
        .element("ServerVersionInfo")
        .paths_relative_to(&dir)
        .out_dir(out)
        .module_name("microsoft")
        .build()
        .expect("the responses generate from Microsoft's schema");
    println!("cargo:rustc-cfg=ews_schema");
}
