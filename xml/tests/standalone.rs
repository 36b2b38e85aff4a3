//! The runtime stands on its own: types whose derives are pointed at it
//! (`#[xml(crate = ::ews_um_xml)]`), with no `ews-um` in sight, decode and
//! encode as generated code does.

use ews_um_derive::{Choice, ComplexType, SimpleEnum};
use ews_um_xml::{Decode, DecodeErrorKind, Decoder, Encode, Encoder};

const NS: &str = "urn:example:note";

#[derive(Debug, PartialEq, ComplexType)]
#[xml(crate = ::ews_um_xml)]
struct Note {
    #[xml(attribute = "Priority", optional)]
    priority: Option<Priority>,
    #[xml(element = "To", ns = NS, repeated, min = 1)]
    to: Vec<String>,
    #[xml(choice, optional, boxed)]
    body: Option<Box<Body>>,
}

#[derive(Debug, PartialEq, Choice)]
#[xml(crate = ::ews_um_xml)]
enum Body {
    #[xml(element = "Text", ns = NS)]
    Text(String),
    #[xml(element = "Reply", ns = NS, boxed)]
    Reply(Box<Note>),
}

#[derive(Debug, PartialEq, SimpleEnum)]
#[xml(crate = ::ews_um_xml)]
enum Priority {
    Low,
    High,
    #[xml(other)]
    Other(String),
}

fn decode(xml: &str) -> Result<Note, ews_um_xml::DecodeError> {
    let mut d = Decoder::new(xml.as_bytes())?;
    let root = d.root()?;
    let note = Note::decode(&mut d, &root)?;
    d.finish()?;
    Ok(note)
}

#[test]
fn derived_types_decode_and_encode_back() {
    let xml = r#"<n:Note xmlns:n="urn:example:note" Priority="High"><n:To>a</n:To><n:To>b</n:To><n:Reply Priority="Urgent"><n:To>c</n:To><n:Text>hi</n:Text></n:Reply></n:Note>"#;
    let note = decode(xml).unwrap();
    let reply = Note {
        priority: Some(Priority::Other("Urgent".into())),
        to: vec!["c".into()],
        body: Some(Box::new(Body::Text("hi".into()))),
    };
    assert_eq!(
        note,
        Note {
            priority: Some(Priority::High),
            to: vec!["a".into(), "b".into()],
            body: Some(Box::new(Body::Reply(Box::new(reply)))),
        }
    );
    let mut e = Encoder::new();
    note.encode(&mut e, NS, "Note").unwrap();
    let written = String::from_utf8(e.into_bytes()).unwrap();
    assert_eq!(decode(&written).unwrap(), note, "{written}");
}

#[test]
fn what_the_labels_require_is_checked() {
    let error = decode(r#"<Note xmlns="urn:example:note"/>"#).unwrap_err();
    assert_eq!(error.kind, DecodeErrorKind::Occurrence);
    assert_eq!(
        error.to_string(),
        "1:1 /Note: element To occurs 0 times, expected at least 1"
    );
    let error =
        decode(r#"<Note xmlns="urn:example:note"><To>a</To><Text>x</Text><Text>y</Text></Note>"#)
            .unwrap_err();
    assert_eq!(
        error.to_string(),
        "1:56 /Note: element Text is a second one of Text or Reply, where one is allowed"
    );
}
