//! Several versions of a schema as one module, and the diff between two:
//! the shop schemas of `tests/fixtures/versions/` (three releases that
//! add, move and remove members, values and an operation). The snapshots
//! are the review surface; the consumer crate's `versions` test uses the
//! module.

use std::path::PathBuf;

use ews_um_codegen::config::ConfigFile;
use ews_um_codegen::{Builder, Error};
use ews_um_tests::repo_root;

const VERSIONS: [&str; 3] = ["Shop2019", "Shop2021", "Shop2023"];

fn version_dir(name: &str) -> PathBuf {
    repo_root()
        .join("tests/fixtures/versions")
        .join(name.to_lowercase())
}

/// A builder given the shop's `versions`, oldest first.
fn shop(versions: &[&str]) -> Builder {
    versions
        .iter()
        .fold(Builder::new(), |builder, &name| {
            let dir = version_dir(name);
            builder.version(name, [dir.join("shop.xsd")], Some(dir.join("shop.wsdl")))
        })
        .paths_relative_to(repo_root())
}

#[test]
fn the_union_of_three_versions_labels_what_not_all_have() {
    insta::assert_snapshot!("versions_union", shop(&VERSIONS).generate().unwrap());
}

#[test]
fn the_diff_of_two_versions_groups_changes_by_operation() {
    insta::assert_snapshot!(
        "versions_diff_2019_2023",
        shop(&["Shop2019", "Shop2023"]).diff().unwrap()
    );
    insta::assert_snapshot!(
        "versions_diff_2021_2023",
        shop(&["Shop2021", "Shop2023"]).diff().unwrap()
    );
}

#[test]
fn the_union_and_the_diff_do_not_depend_on_anything_but_the_schemas() {
    assert_eq!(
        shop(&VERSIONS).generate().unwrap(),
        shop(&VERSIONS).generate().unwrap()
    );
    assert_eq!(
        shop(&VERSIONS[..2]).diff().unwrap(),
        shop(&VERSIONS[..2]).diff().unwrap()
    );
}

#[test]
fn a_version_against_itself_changes_nothing() {
    let dir = version_dir("Shop2021");
    let report = Builder::new()
        .version("A", [dir.join("shop.xsd")], Some(dir.join("shop.wsdl")))
        .version("B", [dir.join("shop.xsd")], Some(dir.join("shop.wsdl")))
        .diff()
        .unwrap();
    for row in [
        "operations",
        "top-level elements",
        "types",
        "members",
        "enumeration values",
    ] {
        let line = report.lines().find(|l| l.starts_with(row)).unwrap();
        assert!(
            line.split_whitespace()
                .skip(row.split(' ').count())
                .all(|n| n == "0"),
            "{line}"
        );
    }
    assert!(!report.contains("PlaceOrder"), "{report}");
}

#[test]
fn versions_that_cannot_be_told_apart_or_mixed_with_schemas_are_refused() {
    let dir = version_dir("Shop2019");
    let schema = dir.join("shop.xsd");
    let same = Builder::new()
        .version("shop-2019", [&schema], None)
        .version("Shop_2019", [&schema], None);
    let error = same.generate().unwrap_err();
    assert!(matches!(error, Error::Request(_)), "{error:?}");
    assert_eq!(
        error.to_string(),
        "two versions would both be called SHOP_2019: name them apart"
    );

    let mixed = Builder::new()
        .schema(&schema)
        .version("Shop2019", [&schema], None);
    assert!(
        mixed
            .generate()
            .unwrap_err()
            .to_string()
            .contains("from each version"),
        "a module takes its schemas from its versions or its own, not both"
    );

    let digit = Builder::new()
        .version("2019", [&schema], None)
        .version("2021", [&schema], None);
    assert!(
        digit
            .generate()
            .unwrap_err()
            .to_string()
            .contains("start it with a letter")
    );

    let three = shop(&VERSIONS).diff().unwrap_err();
    assert_eq!(three.to_string(), "a diff compares two versions, not 3");
}

#[test]
fn elements_asked_for_are_taken_from_the_versions_that_declare_them() {
    let code = shop(&VERSIONS).element("TrackOrder").generate().unwrap();
    assert!(
        code.contains("pub struct TrackOrder(pub String);"),
        "{code}"
    );
    assert!(
        code.contains(r#""TrackOrder","#),
        "in the table of elements: {code}"
    );
    assert!(!code.contains("pub struct Order {"), "not asked for");

    let error = shop(&VERSIONS).element("ShipOrder").generate().unwrap_err();
    assert_eq!(
        error.to_string(),
        "no top-level element named ShipOrder in any version (Shop2019, Shop2021, Shop2023)"
    );
}

#[test]
fn more_versions_than_a_module_can_tell_apart_are_refused() {
    let schema = version_dir("Shop2019").join("shop.xsd");
    let many = (0..65).fold(Builder::new(), |b, i| {
        b.version(format!("V{i}"), [&schema], None)
    });
    assert_eq!(
        many.generate().unwrap_err().to_string(),
        "65 versions: a module merges at most 64"
    );
}

#[test]
fn a_diff_needs_two_names() {
    let dir = version_dir("Shop2021");
    let report = Builder::new()
        .version("Shop", [dir.join("shop.xsd")], None)
        .version("Shop", [dir.join("shop.xsd")], None)
        .diff();
    assert_eq!(
        report.unwrap_err().to_string(),
        "both versions are called Shop: name them apart (`--old-name`, `--new-name`)"
    );
    // Names that would make no constant are fine for a diff.
    let report = Builder::new()
        .version("2019", [version_dir("Shop2019").join("shop.xsd")], None)
        .version("2021", [dir.join("shop.xsd")], None)
        .diff()
        .unwrap();
    assert!(
        report.starts_with("What changed from 2019 to 2021\n"),
        "{report}"
    );
}

#[test]
fn a_version_whose_schema_is_missing_names_the_file() {
    let missing = version_dir("Shop2019").join("absent.xsd");
    let error = Builder::new()
        .version("Shop2019", [&missing], None)
        .generate()
        .unwrap_err()
        .to_string();
    assert!(error.contains("absent.xsd"), "{error}");
}

#[test]
fn codegen_toml_lists_versions_relative_to_itself() {
    let dir = std::env::temp_dir().join(format!("ews-um-versions-config-{}", std::process::id()));
    let mut tables = String::from("[[module]]\noutput = \"shop.rs\"\n");
    for name in VERSIONS {
        let copy = dir.join(name);
        std::fs::create_dir_all(&copy).unwrap();
        for file in ["shop.xsd", "shop.wsdl"] {
            std::fs::copy(version_dir(name).join(file), copy.join(file)).unwrap();
        }
        tables += &format!(
            "\n[[module.versions]]\nname = \"{name}\"\n\
             schemas = [\"{name}/shop.xsd\"]\nwsdl = \"{name}/shop.wsdl\"\n"
        );
    }
    std::fs::write(dir.join("codegen.toml"), tables).unwrap();
    let config = ConfigFile::read(&dir.join("codegen.toml")).unwrap();
    let [(path, builder)] = config.builders().try_into().ok().unwrap();
    assert_eq!(path, dir.join("shop.rs"));
    let code = builder.generate().unwrap();
    let header = "// @generated by ews-um-codegen from \
                  Shop2019/shop.xsd, Shop2021/shop.xsd, Shop2023/shop.xsd.\n";
    assert!(code.starts_with(header), "{}", &code[..200]);
    // The same module as from the fixtures themselves, but for the header.
    let body = |code: &str| code.split_once('\n').unwrap().1.to_owned();
    assert_eq!(body(&code), body(&shop(&VERSIONS).generate().unwrap()));
    std::fs::remove_dir_all(dir).unwrap();
}
