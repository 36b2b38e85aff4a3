//! A recursive type, and members named like the decoder's variables.

use ews_um::{Envelope, SOAP_NS};
use ews_um_consumer::tree::{AnyLabelled, Labelled, Message, Node, Section, Tree};

#[test]
fn recursive_types_round_trip() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><Tree xmlns="urn:example:tree">
        <Root attr="1" start="3"><d>top</d>
          <child attr="false"><d>inner</d><child attr="true"><d>deepest</d></child></child>
          <children attr="0"><d>first</d></children><children attr="0"><d>second</d></children>
        </Root></Tree></s:Body></s:Envelope>"#
    );
    let tree = Envelope::<Tree>::decode(xml.as_bytes()).unwrap().body;
    let root: &Node = &tree.root;
    assert_eq!(
        (root.d.as_str(), root.start, root.attr),
        ("top", Some(3), true)
    );
    let inner = root.child.as_deref().unwrap();
    assert_eq!((inner.d.as_str(), inner.attr), ("inner", false));
    assert_eq!(inner.child.as_ref().unwrap().d, "deepest");
    assert_eq!(
        root.children
            .iter()
            .map(|c| c.d.as_str())
            .collect::<Vec<_>>(),
        ["first", "second"]
    );

    let encoded = Envelope::new(tree.clone()).encode().unwrap();
    assert_eq!(Envelope::<Tree>::decode(&encoded).unwrap().body, tree);
}

#[test]
fn elements_of_included_files_are_generated() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><Leaf xmlns="urn:example:tree">green</Leaf></s:Body></s:Envelope>"#
    );
    let Message::Leaf(leaf) = Envelope::<Message>::decode(xml.as_bytes()).unwrap().body else {
        panic!("not a leaf")
    };
    assert_eq!(leaf.0, "green");
}

#[test]
fn extensions_of_recursive_bases_keep_their_own_required_members() {
    let xml = format!(
        r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><Section xmlns="urn:example:tree">
        <Label>1</Label><Next><Label>1.1</Label></Next><Body>text</Body></Section></s:Body></s:Envelope>"#
    );
    let section: Section = Envelope::<Section>::decode(xml.as_bytes()).unwrap().body;
    let next = Labelled {
        label: Some("1.1".into()),
        next: None,
    };
    assert_eq!(
        section.labelled,
        Labelled {
            label: Some("1".into()),
            // `Next` may hold a `Section` too (by xsi:type): a value of the base itself here.
            next: Some(AnyLabelled::Labelled(Box::new(next)))
        }
    );
    // The base's optional sequence does not make the extension's own member optional.
    assert_eq!(section.body, "text");
    let encoded = Envelope::new(section.clone()).encode().unwrap();
    assert_eq!(Envelope::<Section>::decode(&encoded).unwrap().body, section);
}
