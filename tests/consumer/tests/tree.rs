//! A recursive type, and members named like the decoder's variables.

use ews_um::{Envelope, SOAP_NS};
use ews_um_consumer::tree::{Message, Node, Tree};

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
