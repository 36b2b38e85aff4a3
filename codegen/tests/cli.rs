//! The `ews-um-codegen` command: `generate` writes all or nothing, `check`
//! fails with a diff until the files are regenerated, `emit` writes a module
//! as a file or a directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Panics with the command's standard error unless it succeeded.
fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Runs the command with `args`, from the repository's root.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ews-um-codegen"))
        .current_dir(repo())
        .args(args)
        .output()
        .unwrap()
}

fn codegen(config: &Path, command: &str) -> Output {
    run(&[command, "--config", config.to_str().unwrap()])
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("ews-um-codegen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_config(dir: &Path, modules: &[(&str, &str)]) -> PathBuf {
    let config = dir.join("codegen.toml");
    let text: String = modules
        .iter()
        .map(|(schema, output)| {
            format!(
                "[[module]]\nschemas = [{:?}]\noutput = {output:?}\n\n",
                repo().join(schema)
            )
        })
        .collect();
    std::fs::write(&config, text).unwrap();
    config
}

#[test]
fn check_fails_with_a_diff_until_generate_runs() {
    let dir = scratch("check");
    let config = write_config(&dir, &[("schemas/um/um.xsd", "um.rs")]);

    let stale = codegen(&config, "check");
    assert_eq!(stale.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stale.stdout).contains("+pub struct UmCallInfo {"));
    assert!(String::from_utf8_lossy(&stale.stderr).contains("1 generated file(s) out of date"));

    assert!(codegen(&config, "generate").status.success());
    assert!(codegen(&config, "check").status.success());

    let file = dir.join("um.rs");
    let edited = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Connected,", "Linked,");
    std::fs::write(&file, edited).unwrap();
    let stale = codegen(&config, "check");
    assert_eq!(stale.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&stale.stdout).into_owned();
    assert!(
        diff.contains("-    Linked,") && diff.contains("+    Connected,"),
        "{diff}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_failing_module_leaves_every_file_untouched() {
    let dir = scratch("atomic");
    let config = write_config(
        &dir,
        &[
            ("schemas/um/um.xsd", "um.rs"),
            ("tests/fixtures/schemas/mixed.xsd", "mixed.rs"),
        ],
    );
    std::fs::write(dir.join("um.rs"), "// before\n").unwrap();

    let failed = codegen(&config, "generate");
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("mixed.xsd:7: mixed in Note"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.join("um.rs")).unwrap(),
        "// before\n"
    );
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["codegen.toml", "um.rs"],
        "no temporary or partial file is left"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn config_mistakes_are_reported() {
    let dir = scratch("config");
    let config = dir.join("codegen.toml");
    std::fs::write(
        &config,
        "[[module]]\nschemas = []\noutput = \"x.rs\"\nelements = []\n",
    )
    .unwrap();
    let failed = codegen(&config, "generate");
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("`elements` is empty"));

    std::fs::write(&config, "[[module]]\nschema = [\"a.xsd\"]\n").unwrap();
    let failed = codegen(&config, "check");
    assert!(String::from_utf8_lossy(&failed.stderr).contains("unknown field `schema`"));

    let missing = codegen(&dir.join("nowhere.toml"), "check");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere.toml"));
    std::fs::remove_dir_all(dir).unwrap();
}

fn emit(args: &[&str]) -> Output {
    run(&[&["emit"], args].concat())
}

fn construct(name: &str) -> String {
    repo()
        .join(format!("tests/fixtures/constructs/{name}.xsd"))
        .display()
        .to_string()
}

#[test]
fn emit_writes_one_file_or_a_directory_of_modules() {
    let dir = scratch("emit");
    let schema = construct("xsi-type");
    let file = dir.join("one.rs");
    let out = emit(&[
        "--schema",
        &schema,
        "--all-elements",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_success(&out);
    let one = std::fs::read_to_string(&file).unwrap();
    assert!(one.contains("pub enum AnyRecurrence {"), "{one}");

    // A directory: the namespaces and the element enum in mod.rs, the types
    // in a submodule named after their schema file, re-exported.
    let module = dir.join("module");
    std::fs::create_dir_all(&module).unwrap();
    // Files of an earlier run that this one does not write go; others stay.
    std::fs::write(
        module.join("old.rs"),
        "// @generated by ews-um-codegen from x.xsd.\n",
    )
    .unwrap();
    std::fs::write(module.join("notes.rs"), "// mine\n").unwrap();
    let out = emit(&[
        "--schema",
        &schema,
        "--all-elements",
        "--out",
        module.to_str().unwrap(),
    ]);
    assert_success(&out);
    let root = std::fs::read_to_string(module.join("mod.rs")).unwrap();
    assert!(
        root.starts_with("// @generated by ews-um-codegen"),
        "{root}"
    );
    assert!(
        root.contains("pub const NAMESPACE: &str = \"urn:example:xsi-type\";"),
        "{root}"
    );
    assert!(
        root.contains("\nmod xsi_type;\n") && root.contains("\npub use xsi_type::*;\n"),
        "{root}"
    );
    assert!(
        !root.contains("pub struct"),
        "types live in the submodule: {root}"
    );
    let types = std::fs::read_to_string(module.join("xsi_type.rs")).unwrap();
    assert!(
        types.starts_with("// @generated by ews-um-codegen"),
        "{types}"
    );
    assert!(types.contains("use super::*;"), "{types}");
    assert!(types.contains("pub enum AnyRecurrence {"), "{types}");
    assert!(
        !module.join("old.rs").exists(),
        "a stale generated file is removed"
    );
    assert!(
        module.join("notes.rs").exists(),
        "a file not generated is kept"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn emit_asks_for_elements_or_all_of_them() {
    let schema = construct("xsi-type");
    let out = emit(&["--schema", &schema, "--out", "/tmp/never-written.rs"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--element <ELEMENTS>"), "{stderr}");
    let both = emit(&[
        "--schema",
        &schema,
        "--element",
        "Folder",
        "--all-elements",
        "--out",
        "/tmp/never-written.rs",
    ]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn emit_of_a_schema_it_cannot_render_names_file_line_and_construct_and_writes_nothing() {
    let dir = scratch("emit-fails");
    let module = dir.join("module");
    let schema = repo().join("tests/fixtures/schemas/mixed.xsd");
    let out = emit(&[
        "--schema",
        schema.to_str().unwrap(),
        "--all-elements",
        "--out",
        module.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mixed.xsd:7: mixed in Note: not supported yet: mixed content"),
        "{stderr}"
    );
    assert!(!module.exists(), "nothing is written");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn emit_takes_the_operations_from_a_wsdl() {
    let dir = scratch("emit-wsdl");
    let file = dir.join("um.rs");
    let out = emit(&[
        "--schema",
        repo().join("schemas/um/um.xsd").to_str().unwrap(),
        "--wsdl",
        repo().join("schemas/um/um.wsdl").to_str().unwrap(),
        "--all-elements",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_success(&out);
    let code = std::fs::read_to_string(&file).unwrap();
    assert!(
        code.contains(
            "impl ::ews_um::Operation for GetCallInfo {\n    type Response = GetCallInfoResponse;"
        ),
        "{code}"
    );
    assert!(
        code.contains("const SOAP_ACTION: &'static str = \"http://schemas.microsoft.com/exchange/services/2006/messages/GetCallInfo\";"),
        "{code}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn emit_reads_remote_locations_from_the_catalog_only() {
    let dir = scratch("emit-catalog");
    let file = dir.join("measure.rs");
    let locations = repo().join("tests/fixtures/schemas/locations");
    let schema = locations.join("remote-import.xsd");
    let url = "https://schemas.example.com/units/v1/units.xsd";
    let args = [
        "--schema",
        schema.to_str().unwrap(),
        "--all-elements",
        "--out",
    ];
    let refused = emit(&[&args[..], &[file.to_str().unwrap()]].concat());
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains(&format!("remote-import.xsd:10: schemaLocation {url:?}")),
        "{stderr}"
    );
    assert!(!file.exists(), "nothing is written");

    let entry = format!("{url}={}", locations.join("units.xsd").display());
    let mapped = emit(&[&args[..], &[file.to_str().unwrap(), "--catalog", &entry]].concat());
    assert_success(&mapped);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("pub unit: Unit,")
    );

    let bad = emit(
        &[
            &args[..],
            &[file.to_str().unwrap(), "--catalog", "units.xsd"],
        ]
        .concat(),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("\"units.xsd\" is not URL=FILE"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// `--keep-unknown-elements`, and `keep_unknown_elements` in a config: a
/// field keeping what a struct does not declare.
#[test]
fn emit_and_config_keep_unknown_elements() {
    let dir = scratch("keep-unknown");
    let field = "pub unknown_elements: Vec<xml::RawXml>,";
    let schema = construct("sequence");
    for keep in [false, true] {
        let file = dir.join(format!("emitted-{keep}.rs"));
        let mut args = vec!["--schema", &schema, "--all-elements"];
        args.extend(["--out", file.to_str().unwrap()]);
        if keep {
            args.push("--keep-unknown-elements");
        }
        let out = emit(&args);
        assert_success(&out);
        let code = std::fs::read_to_string(&file).unwrap();
        assert_eq!(code.contains(field), keep, "{code}");
    }
    let config = dir.join("codegen.toml");
    let text = format!(
        "[[module]]\nschemas = [{:?}]\noutput = \"kept.rs\"\nkeep_unknown_elements = true\n",
        construct("sequence")
    );
    std::fs::write(&config, text).unwrap();
    let out = codegen(&config, "generate");
    assert_success(&out);
    let kept = std::fs::read_to_string(dir.join("kept.rs")).unwrap();
    assert!(kept.contains(field), "{kept}");
    std::fs::remove_dir_all(dir).unwrap();
}

/// A module's catalog (paths relative to the config) and choice names.
#[test]
fn config_maps_locations_and_names_choices() {
    let dir = scratch("config-catalog");
    let locations = repo().join("tests/fixtures/schemas/locations");
    std::fs::copy(locations.join("units.xsd"), dir.join("units.xsd")).unwrap();
    let config = dir.join("codegen.toml");
    let module = |schema: &Path, output: &str| {
        format!("[[module]]\nschemas = [{schema:?}]\noutput = {output:?}\n")
    };
    let text = format!(
        "{}[module.catalog]\n\"https://schemas.example.com/units/v1/units.xsd\" = \"units.xsd\"\n\n\
         {}[module.choice_names]\n\"Reach/choice[2]\" = \"Backup\"\n",
        module(&locations.join("remote-import.xsd"), "measure.rs"),
        module(&PathBuf::from(construct("choice")), "choice.rs"),
    );
    std::fs::write(&config, text).unwrap();
    let out = codegen(&config, "generate");
    assert_success(&out);
    let measure = std::fs::read_to_string(dir.join("measure.rs")).unwrap();
    assert!(measure.contains("pub unit: Unit,"), "{measure}");
    let choice = std::fs::read_to_string(dir.join("choice.rs")).unwrap();
    assert!(
        choice.contains("pub backup: Option<reach::Backup>,"),
        "{choice}"
    );
    assert!(choice.contains("pub enum Backup {"), "{choice}");

    // A name for a choice that is not there.
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("choice[2]", "choice[3]");
    std::fs::write(&config, text).unwrap();
    let out = codegen(&config, "generate");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("choice name for Reach/choice[3]: no anonymous choice has that path"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn diff_reads_two_directories_and_names_versions_after_them() {
    let out = run(&[
        "diff",
        "--old",
        "tests/fixtures/versions/shop2021",
        "--new",
        "tests/fixtures/versions/shop2023",
    ]);
    assert_success(&out);
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.starts_with("What changed from shop2021 to shop2023\n"),
        "{report}"
    );
    assert!(
        report.contains("\nPlaceOrder\n"),
        "grouped by operation: {report}"
    );
    assert!(
        report.contains("    - element FaxNumber: string optional\n"),
        "{report}"
    );

    let named = run(&[
        "diff",
        "--old",
        "tests/fixtures/versions/shop2021",
        "--new",
        "tests/fixtures/versions/shop2023",
        "--old-name",
        "Shop2021",
        "--new-name",
        "Shop2023",
    ]);
    let named = String::from_utf8(named.stdout).unwrap();
    assert_eq!(
        named.replace("Shop20", "shop20"),
        report,
        "the names are the only difference"
    );
}

#[test]
fn diff_of_a_directory_without_schemas_says_so() {
    let dir = scratch("diff-empty");
    let out = run(&[
        "diff",
        "--old",
        dir.to_str().unwrap(),
        "--new",
        "tests/fixtures/versions/shop2023",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no *.xsd files"), "{stderr}");
}

#[test]
fn emit_merges_the_versions_given_oldest_first() {
    let dir = scratch("emit-versions");
    let out_file = dir.join("shop.rs");
    let v = |name: &str| {
        format!(
            "{name}=tests/fixtures/versions/{0}/shop.xsd,tests/fixtures/versions/{0}/shop.wsdl",
            name.to_lowercase()
        )
    };
    let out = run(&[
        "emit",
        "--version",
        &v("Shop2019"),
        "--version",
        &v("Shop2023"),
        "--all-elements",
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert_success(&out);
    let code = std::fs::read_to_string(&out_file).unwrap();
    assert!(
        code.contains(r#"names: &["Shop2019", "Shop2023"]"#),
        "{code}"
    );
    assert!(
        code.contains("until = versions::SHOP2019"),
        "FaxNumber: {code}"
    );
    assert!(
        code.contains("impl ::ews_um::Operation for TrackOrder"),
        "{code}"
    );

    let bad = run(&[
        "emit",
        "--version",
        "Shop2019",
        "--all-elements",
        "--out",
        "x.rs",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not NAME=FILE"));
    let both = run(&[
        "emit",
        "--schema",
        "tests/fixtures/versions/shop2019/shop.xsd",
        "--version",
        &v("Shop2019"),
        "--all-elements",
        "--out",
        "x.rs",
    ]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "--schema or --version, not both"
    );
    let two_wsdl = run(&[
        "emit",
        "--version",
        "Shop2019=tests/fixtures/versions/shop2019/shop.wsdl,tests/fixtures/versions/shop2021/shop.wsdl",
        "--all-elements",
        "--out",
        "x.rs",
    ]);
    assert_eq!(two_wsdl.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&two_wsdl.stderr).contains("names two WSDL files"));
}
