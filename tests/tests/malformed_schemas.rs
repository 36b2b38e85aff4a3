//! Schema text the loader cannot read is an error naming the file and the
//! line, never a panic: among them what fuzzing the generator found (a file
//! whose root is not `xs:schema`, a top-level type without a name, on which
//! xsd-parser stops with `unreachable!`).

use std::path::PathBuf;

/// The error `ews-um-codegen` gives for `text` as the one schema file
/// (written to a scratch file named `name`), with the file's path
/// replaced by `FILE`.
fn error(name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("malformed-schemas");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let builder = ews_um_codegen::Builder::new().schema(&path);
    let result = builder
        .load()
        .and_then(|schemas| builder.lower(&schemas))
        .and_then(|module| module.source());
    match result {
        Ok(_) => panic!("{name}: expected an error"),
        Err(e) => e.to_string().replace(&*path.to_string_lossy(), "FILE"),
    }
}

const XS: &str = "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"";

#[test]
fn a_file_that_is_not_a_schema_is_refused_at_its_root() {
    assert_eq!(
        error("root.xsd", "<chema><complexType/></chema>"),
        "FILE:1: the root element is chema, not xs:schema (http://www.w3.org/2001/XMLSchema)"
    );
}

#[test]
fn a_top_level_declaration_without_a_name_is_refused_at_its_line() {
    let text = format!(
        "<xs:schema {XS}>\n  <xs:element name=\"A\"/>\n  <xs:complexType abstract=\"true\"/>\n</xs:schema>"
    );
    assert_eq!(
        error("unnamed.xsd", &text),
        "FILE:3: a top-level xs:complexType without a name"
    );
}

#[test]
fn what_does_not_parse_is_located_by_line() {
    let text = format!(
        "<xs:schema {XS}>\n  <xs:element name=\"A\">\n    <xs:complexType><xs:sequence>\n      <xs:element name=\"b\" maxOccurs=\"x\"/>\n    </xs:sequence></xs:complexType>\n  </xs:element>\n</xs:schema>"
    );
    let message = error("occurs.xsd", &text);
    assert!(message.starts_with("FILE:4: "), "{message}");
    assert!(message.contains("value = x"), "{message}");

    let message = error(
        "truncated.xsd",
        &format!("<xs:schema {XS}>\n<xs:element name=\"A\""),
    );
    assert!(message.starts_with("FILE:"), "{message}");
    assert!(
        message.contains("not found before end of input"),
        "{message}"
    );
}

#[test]
fn an_unknown_type_is_located_where_it_is_referred_to() {
    let text = format!(
        "<xs:schema {XS}>\n  <xs:simpleType name=\"Known\"><xs:restriction base=\"xs:string\"/></xs:simpleType>\n  <xs:element name=\"A\" type=\"xs:foo\"/>\n</xs:schema>"
    );
    let message = error("unknown.xsd", &text);
    assert!(
        message.starts_with("FILE:3: the schema loader (xsd-parser) refuses it: Unknown type"),
        "{message}"
    );
}
