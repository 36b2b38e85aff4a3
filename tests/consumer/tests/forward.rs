//! Reading what a newer version of a schema writes, with the types of this
//! one (`tests/fixtures/constructs/forward.xsd`): forward-compatible
//! decoding skips the elements a type does not declare (`forward`), or
//! keeps them and writes them back (`forward_kept`, generated with
//! `keep_unknown_elements`); an open choice keeps an element none of its
//! alternatives is; an unknown `xsi:type` is read as the declared type.
//! Strict decoding refuses all of these; both refuse what is not
//! well-formed, a known element in another namespace, a missing required
//! element and a value its type cannot hold.
//!
//! Documents are written on the second line of their envelope, so error
//! positions read `2:<column in the document>`.

mod common;

use std::fmt::Debug;

use common::*;
use ews_um::xml::{Payload, RawXml, UnknownType};
use ews_um::{DecodeErrorKind, Envelope};
use ews_um_consumer::constructs::{forward, forward_kept};

const NS: &str = "urn:example:forward";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// A `Mailbox` whose owner is Ada, holding `inner` after the owner.
fn mailbox(inner: &str) -> String {
    format!(
        "<Mailbox xmlns=\"{NS}\" xmlns:c=\"{NS}\" xmlns:xsi=\"{XSI}\"><Owner><Name>Ada</Name></Owner>{inner}</Mailbox>"
    )
}

/// Where `needle` starts in `body`, as an error gives it: `2:<column>`.
fn at(body: &str, needle: &str) -> String {
    let column = body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in {body}"))
        + 1;
    format!("2:{column}")
}

/// The same error, as text, in both modes.
fn error_either_way<B: Payload + Debug>(body: &str) -> String {
    let lenient = error::<B>(body, false);
    assert_eq!(
        lenient,
        error::<B>(body, true),
        "the modes differ on {body}"
    );
    lenient.to_string()
}

/// `xml` kept as decoding keeps it inside an element of namespace `NS`.
fn kept(xml: &str) -> RawXml {
    RawXml::from_parts(&[(String::new(), NS.to_owned())], xml).unwrap()
}

// ---------------------------------------------------------------------------
// Elements a sequence does not declare.

mod sequences {
    use super::*;
    use forward::{Contact, Mailbox};

    fn contact(name: &str, phone: &[&str], manager: Option<Contact>) -> Contact {
        Contact {
            id: None,
            name: name.into(),
            phone: phone.iter().map(|&p| p.into()).collect(),
            manager: manager.map(Box::new),
        }
    }

    /// An undeclared element at the start, in the middle, at the end, and
    /// nested deep: each skipped whole, with all it holds.
    #[test]
    fn undeclared_elements_are_skipped_wherever_they_are() {
        let body = format!(
            "<Contact xmlns=\"{NS}\"><Title>Dr<Abbr>Dr.</Abbr></Title><Name>Ada</Name><Phone>1</Phone><Mobile/><Phone>2</Phone>\
             <Manager><Name>Bo</Name><Manager><Name>Cy</Name><Manager><Name>Di</Name><Badge n=\"7\">x</Badge></Manager></Manager></Manager>\
             <Since>1815</Since></Contact>"
        );
        let expected = contact(
            "Ada",
            &["1", "2"],
            Some(contact(
                "Bo",
                &[],
                Some(contact("Cy", &[], Some(contact("Di", &[], None)))),
            )),
        );
        assert_eq!(round_trip::<Contact>(&body), expected);
        // Each refused where it stands when strict: the first one left.
        let mut left = body.clone();
        for (element, path) in [
            (
                "<Title>Dr<Abbr>Dr.</Abbr></Title>",
                "/Envelope/Body/Contact",
            ),
            ("<Mobile/>", "/Envelope/Body/Contact"),
            (
                "<Badge n=\"7\">x</Badge>",
                "/Envelope/Body/Contact/Manager/Manager/Manager",
            ),
            ("<Since>1815</Since>", "/Envelope/Body/Contact"),
        ] {
            let name = &element[1..element.find(['>', '/', ' ']).unwrap()];
            assert_eq!(
                strict_error::<Contact>(&left),
                format!(
                    "{} {path}: unexpected element {{{NS}}}{name}",
                    at(&left, element)
                )
            );
            left = left.replacen(element, "", 1);
        }
        // Without them, strict decoding reads the same value.
        let strict = Envelope::<Contact>::decode_strict(envelope(&left).as_bytes()).unwrap();
        assert_eq!(strict.body, expected);
    }

    /// Skipping reads the element through: it must be well-formed, and is
    /// nested no deeper than the decoder's limit allows anywhere.
    #[test]
    fn skipped_elements_are_checked_and_bounded() {
        let contact =
            |inner: &str| format!("<Contact xmlns=\"{NS}\"><Name>Ada</Name>{inner}</Contact>");
        let body = contact("<New><x:Old/></New>");
        let e = error::<Contact>(&body, false);
        assert_eq!(e.kind, DecodeErrorKind::Namespace);
        assert_eq!(
            e.to_string(),
            format!(
                "{} /Envelope/Body/Contact/New/Old: namespace prefix \"x\" is not declared",
                at(&body, "<x:Old")
            )
        );
        let body = contact("<New><Old></New></Old>");
        assert_eq!(error::<Contact>(&body, false).kind, DecodeErrorKind::Syntax);
        let body = contact("<New>&unknown;</New>");
        assert_eq!(error::<Contact>(&body, false).kind, DecodeErrorKind::Syntax);
        let deep = contact(&format!("{}{}", "<New>".repeat(200), "</New>".repeat(200)));
        let e = error::<Contact>(&deep, false);
        assert_eq!(e.kind, DecodeErrorKind::Limit, "{e}");
        assert!(e.message.contains("nested deeper than 128"), "{e}");
    }

    /// A local name the type declares, in another namespace, is a mistake
    /// rather than something new: refused either way, saying which
    /// namespace was expected. The type's choices and bases count.
    #[test]
    fn a_known_element_in_another_namespace_is_an_error_either_way() {
        let body =
            format!("<Contact xmlns=\"{NS}\"><Name xmlns=\"urn:other\">Ada</Name></Contact>");
        assert_eq!(
            error_either_way::<Contact>(&body),
            format!(
                "{} /Envelope/Body/Contact: unexpected element {{urn:other}}Name: Name is expected in namespace {NS}",
                at(&body, "<Name")
            )
        );
        let body = mailbox(
            "<Folder><Items><Message xmlns=\"\"><Subject>s</Subject><From>f</From></Message></Items></Folder>",
        );
        assert_eq!(
            error_either_way::<Mailbox>(&body),
            format!(
                "{} /Envelope/Body/Mailbox/Folder/Items: unexpected element Message: Message is expected in namespace {NS}",
                at(&body, "<Message")
            )
        );
        let body = mailbox(
            "<Pinned xsi:type=\"c:Message\"><Subject xmlns=\"urn:other\">s</Subject><From>f</From></Pinned>",
        );
        assert_eq!(
            error_either_way::<Mailbox>(&body),
            format!(
                "{} /Envelope/Body/Mailbox/Pinned: unexpected element {{urn:other}}Subject: Subject is expected in namespace {NS}",
                at(&body, "<Subject")
            )
        );
    }

    /// What forward compatibility does not excuse, with where it is.
    #[test]
    fn what_stays_an_error_either_way() {
        let cases = [
            (
                mailbox("<Size>big</Size>"),
                "<Size",
                "/Envelope/Body/Mailbox/Size: invalid int \"big\": expected an integer from -2147483648 to 2147483647",
                DecodeErrorKind::Value,
            ),
            (
                mailbox("<Folder Total=\"many\"><Items/></Folder>"),
                "<Folder",
                "/Envelope/Body/Mailbox/Folder: attribute Total: invalid int \"many\": expected an integer from -2147483648 to 2147483647",
                DecodeErrorKind::Value,
            ),
            (
                mailbox("<Shape><New/></Shape><Pinned/>"),
                "<Pinned",
                "/Envelope/Body/Mailbox/Pinned: missing required element Subject",
                DecodeErrorKind::Missing,
            ),
            (
                mailbox("<New><Old></New>"),
                "</New>",
                "/Envelope/Body/Mailbox/New/Old: malformed XML: ill-formed document: expected `</Old>`, but `</New>` was found",
                DecodeErrorKind::Syntax,
            ),
        ];
        for (body, needle, message, kind) in cases {
            let lenient = error::<Mailbox>(&body, false);
            let strict = error::<Mailbox>(&body, true);
            // A strict reader may stop earlier, at what is new.
            let wanted = format!("{} {message}", at(&body, needle));
            assert_eq!(lenient.to_string(), wanted);
            assert_eq!(lenient.kind, kind);
            if !body.contains("<New") {
                assert_eq!(strict, lenient);
            } else {
                assert_eq!(strict.kind, DecodeErrorKind::Unexpected, "{strict}");
            }
        }
    }

    /// Attributes the type does not declare are skipped, or kept where it
    /// has `xs:anyAttribute`: the same whatever the mode.
    #[test]
    fn undeclared_attributes_are_skipped_or_kept_either_way() {
        let body = mailbox("").replace(
            "<Mailbox ",
            "<Mailbox Version=\"2\" xmlns:n=\"urn:newer\" n:Flag=\"on\" ",
        );
        let body = body.replace("<Owner>", "<Owner Id=\"a1\" Nick=\"ada\" n:Since=\"1815\">");
        for strict in [false, true] {
            let xml = envelope(&body);
            let mailbox = if strict {
                Envelope::<Mailbox>::decode_strict(xml.as_bytes())
            } else {
                Envelope::<Mailbox>::decode(xml.as_bytes())
            }
            .unwrap()
            .body;
            let kept: Vec<(&str, &str, &str)> = mailbox
                .any_attribute
                .iter()
                .map(|a| (a.namespace.as_str(), a.name.as_str(), a.value.as_str()))
                .collect();
            assert_eq!(kept, [("", "Version", "2"), ("urn:newer", "Flag", "on")]);
            assert_eq!(
                mailbox.owner,
                Contact {
                    id: Some("a1".into()),
                    ..Contact::new("Ada".into())
                }
            );
        }
        let encoded = encode(decode::<Mailbox>(&body));
        assert!(encoded.contains("Version=\"2\""), "{encoded}");
        assert!(!encoded.contains("Nick"), "{encoded}");
    }
}

// ---------------------------------------------------------------------------
// Choices that are all their type holds: an element none of their
// alternatives is keeps its place.

mod choices {
    use super::*;
    use forward::folder::ItemsOrGroups;
    use forward::{FieldPath, Folder, Item, Items, Mailbox, Path, Paths, items};

    fn subject(item: &items::Item) -> String {
        match item {
            items::Item::Item(item) => AsRef::<Item>::as_ref(item).subject.clone(),
            items::Item::Message(message) => message.item.subject.clone(),
            items::Item::Unknown(kept) => kept.xml.clone(),
        }
    }

    /// A list of one repeated choice keeps its length and order, and is
    /// written back as it was.
    #[test]
    fn a_list_keeps_the_elements_of_kinds_it_does_not_know() {
        let body = format!(
            "<Items xmlns=\"{NS}\"><Item><Subject>a</Subject></Item><Task><Subject>b</Subject></Task>\
             <Message><Subject>c</Subject><From>f</From></Message><Note/></Items>"
        );
        let items: Items = round_trip(&body);
        let subjects: Vec<String> = items.items.iter().map(subject).collect();
        assert_eq!(
            subjects,
            ["a", "<Task><Subject>b</Subject></Task>", "c", "<Note/>"]
        );
        let encoded = encode(items);
        assert!(
            encoded.contains(&format!(
                "<Items xmlns=\"{NS}\"><Item><Subject>a</Subject></Item><Task><Subject>b</Subject></Task><Message><Subject>c</Subject><From>f</From></Message><Note/></Items>"
            )),
            "{encoded}"
        );
        assert_eq!(
            strict_error::<Items>(&body),
            format!(
                "{} /Envelope/Body/Items: unexpected element {{{NS}}}Task",
                at(&body, "<Task")
            )
        );
    }

    /// A substitution group's list (as EWS's `t:Path`s are) likewise.
    #[test]
    fn a_substitution_group_keeps_members_it_does_not_know() {
        let body = mailbox(
            "<Shape><FieldURI FieldURI=\"a\"/><ExtendedFieldURI PropertyTag=\"0x1000\"/><FieldURI FieldURI=\"b\"/></Shape>",
        );
        let shape = round_trip::<Mailbox>(&body).shape.unwrap();
        let path = |uri: &str| {
            Path::FieldUri(Box::new(FieldPath {
                field_uri: uri.into(),
            }))
        };
        assert_eq!(
            shape,
            Paths {
                path: vec![
                    path("a"),
                    Path::Unknown(kept("<ExtendedFieldURI PropertyTag=\"0x1000\"/>")),
                    path("b"),
                ]
            }
        );
        assert!(
            strict_error::<Mailbox>(&body)
                .ends_with("unexpected element {urn:example:forward}ExtendedFieldURI")
        );
    }

    /// A choice of one: an unknown alternative takes its place when it is
    /// empty; any other undeclared element is skipped, and an unknown
    /// alternative gives way to a known one.
    #[test]
    fn a_choice_of_one_keeps_an_unknown_alternative_in_its_place() {
        let folder = |inner: &str| mailbox(&format!("<Folder Total=\"3\">{inner}</Folder>"));
        let read = |inner: &str| *round_trip::<Mailbox>(&folder(inner)).folder.unwrap();
        let conversations = read("<Conversations><Conversation/></Conversations>");
        assert_eq!(
            conversations,
            Folder {
                total: Some(3),
                items_or_groups: ItemsOrGroups::Unknown(kept(
                    "<Conversations><Conversation/></Conversations>"
                )),
            }
        );
        let items = Folder {
            total: Some(3),
            items_or_groups: ItemsOrGroups::Items(Box::default()),
        };
        assert_eq!(read("<Items/><Conversations/>"), items);
        assert_eq!(read("<Conversations/><Items/>"), items);
        assert!(
            strict_error::<Mailbox>(&folder("<Conversations/>"))
                .ends_with("unexpected element {urn:example:forward}Conversations")
        );
        // A second known alternative is still one too many.
        assert!(
            error::<Mailbox>(&folder("<Items/><Groups><Group/></Groups>"), false)
                .message
                .contains("is a second one of Items or Groups")
        );
    }

    /// What would not read back as the unknown alternative is not written.
    #[test]
    fn an_unknown_alternative_the_choice_declares_is_not_written() {
        let items = Items {
            items: vec![items::Item::Unknown(kept(
                "<Message><Subject>s</Subject></Message>",
            ))],
        };
        let error = Envelope::new(items).encode().unwrap_err().to_string();
        assert!(
            error.contains("kept element Message cannot be written"),
            "{error}"
        );
    }
}

// ---------------------------------------------------------------------------
// Types `xsi:type` names that the schema does not know.

mod xsi_types {
    use super::*;
    use forward::{AnyEvent, AnyItem, Event, Item, Mailbox};

    /// Read as the declared type (a concrete one, and an abstract one with
    /// members), the name kept and written back; its members the declared
    /// type does not have are undeclared elements, skipped.
    #[test]
    fn an_unknown_type_is_read_as_the_declared_type() {
        let body = mailbox(
            "<Pinned xsi:type=\"c:Task\"><Subject>s</Subject><Due>today</Due></Pinned>\
             <Next xmlns:n=\"urn:newer\" xsi:type=\"n:Appointment\"><Start>9</Start><Place>here</Place></Next>",
        );
        let mailbox: Mailbox = round_trip(&body);
        assert_eq!(
            mailbox.pinned,
            [AnyItem::Unknown(Box::new(UnknownType {
                namespace: NS.into(),
                name: "Task".into(),
                value: Item {
                    subject: "s".into()
                },
            }))]
        );
        assert_eq!(AsRef::<Item>::as_ref(&mailbox.pinned[0]).subject, "s");
        let next = mailbox.next.clone().unwrap();
        assert_eq!(
            next,
            AnyEvent::Unknown(Box::new(UnknownType {
                namespace: "urn:newer".into(),
                name: "Appointment".into(),
                value: Event { start: "9".into() },
            }))
        );
        assert_eq!(AsRef::<Event>::as_ref(&next).start, "9");
        let encoded = encode(mailbox);
        assert!(
            encoded.contains(&format!(
                "<Pinned xmlns:xsi=\"{XSI}\" xsi:type=\"Task\"><Subject>s</Subject></Pinned>"
            )),
            "{encoded}"
        );
        assert!(
            encoded.contains(&format!(
                "<Next xmlns:xsi=\"{XSI}\" xmlns:xt=\"urn:newer\" xsi:type=\"xt:Appointment\"><Start>9</Start></Next>"
            )),
            "{encoded}"
        );
        assert_eq!(
            strict_error::<Mailbox>(&body),
            format!(
                "{} /Envelope/Body/Mailbox/Pinned: xsi:type {{{NS}}}Task is not Item or a type derived from it",
                at(&body, "<Pinned")
            )
        );
    }

    /// Without `xsi:type`, an abstract type is still an error.
    #[test]
    fn an_abstract_type_still_needs_an_xsi_type() {
        let body = mailbox("<Next><Start>9</Start></Next>");
        assert!(
            error_either_way::<Mailbox>(&body)
                .ends_with("the type Event is abstract: xsi:type must name a type derived from it")
        );
    }

    /// A name that would read back as a known type, or is no name, is not
    /// written.
    #[test]
    fn names_that_would_not_read_back_are_not_written() {
        let unknown = |namespace: &str, name: &str| {
            let mut mailbox = Mailbox::new(forward::Contact::new("Ada".into()));
            mailbox.pinned = vec![AnyItem::Unknown(Box::new(UnknownType {
                namespace: namespace.into(),
                name: name.into(),
                value: Item {
                    subject: "s".into(),
                },
            }))];
            Envelope::new(mailbox).encode().map_err(|e| e.to_string())
        };
        assert!(unknown("urn:newer", "Task").is_ok());
        let refused = [
            (NS, "Message", "is a type the enum knows"),
            (NS, "Item", "is a type the enum knows"),
            ("urn:newer", "not a name", "is not an XML name"),
            ("", "Task", "has no namespace"),
            (
                "http://www.w3.org/2000/xmlns/",
                "Task",
                "no prefix can be bound",
            ),
        ];
        for (namespace, name, why) in refused {
            let error = unknown(namespace, name).unwrap_err();
            assert!(error.contains(why), "{namespace} {name}: {error}");
        }
    }
}

// ---------------------------------------------------------------------------
// Types generated with `keep_unknown_elements`: what they do not declare is
// kept as sent, and written back after their own content.

mod kept {
    use super::*;
    use forward_kept::folder::ItemsOrGroups;
    use forward_kept::{AnyItem, Contact, Folder, Item, Mailbox, Message};

    #[test]
    fn undeclared_elements_are_kept_and_written_back_after_the_others() {
        let body = format!(
            "<Contact xmlns=\"{NS}\"><Title>Dr<Abbr>Dr.</Abbr></Title><Name>Ada</Name><Phone>1</Phone><Mobile/><Phone>2</Phone>\
             <Manager><Name>Bo</Name><Manager><Name>Cy</Name><Badge xmlns:n=\"urn:newer\" n:at=\"7\">x</Badge></Manager></Manager>\
             <Since>1815</Since></Contact>"
        );
        let contact: Contact = round_trip(&body);
        let kept_xml = |c: &Contact| -> Vec<String> {
            c.unknown_elements.iter().map(|k| k.xml.clone()).collect()
        };
        assert_eq!(
            kept_xml(&contact),
            [
                "<Title>Dr<Abbr>Dr.</Abbr></Title>",
                "<Mobile/>",
                "<Since>1815</Since>"
            ]
        );
        let deepest = contact.manager.as_ref().unwrap().manager.as_ref().unwrap();
        assert_eq!(
            deepest.unknown_elements,
            [RawXml::from_parts(
                &[
                    (String::new(), NS.to_owned()),
                    ("n".to_owned(), "urn:newer".to_owned())
                ],
                "<Badge n:at=\"7\">x</Badge>"
            )
            .unwrap()]
        );
        assert_eq!(contact.phone, ["1", "2"]);
        // Written after the type's own members, in the order read.
        let encoded = encode(contact.clone());
        assert!(
            encoded.contains(&format!(
                "<Contact xmlns=\"{NS}\"><Name>Ada</Name><Phone>1</Phone><Phone>2</Phone>\
                 <Manager><Name>Bo</Name><Manager><Name>Cy</Name><Badge xmlns:n=\"urn:newer\" n:at=\"7\">x</Badge></Manager></Manager>\
                 <Title>Dr<Abbr>Dr.</Abbr></Title><Mobile/><Since>1815</Since></Contact>"
            )),
            "{encoded}"
        );
        // Strict decoding still refuses them.
        assert!(
            strict_error::<Contact>(&body)
                .ends_with("/Envelope/Body/Contact: unexpected element {urn:example:forward}Title")
        );
    }

    /// The members of a type derived from one this schema knows, and of
    /// one it does not: kept by the struct that declares the members read.
    #[test]
    fn members_of_derived_and_unknown_types_are_kept() {
        let body = mailbox(
            "<Pinned xsi:type=\"c:Message\"><Subject>s</Subject><Importance>High</Importance><From>f</From></Pinned>\
             <Pinned xsi:type=\"c:Task\"><Subject>t</Subject><Due>today</Due></Pinned>",
        );
        let mailbox: Mailbox = round_trip(&body);
        let AnyItem::Message(message) = &mailbox.pinned[0] else {
            panic!("{:?}", mailbox.pinned);
        };
        assert_eq!(
            message.item.unknown_elements,
            [kept("<Importance>High</Importance>")]
        );
        let AnyItem::Unknown(task) = &mailbox.pinned[1] else {
            panic!("{:?}", mailbox.pinned);
        };
        assert_eq!(task.name, "Task");
        assert_eq!(task.value.unknown_elements, [kept("<Due>today</Due>")]);
        let encoded = encode(mailbox.clone());
        assert!(
            encoded.contains(
                "<Subject>s</Subject><From>f</From><Importance>High</Importance></Pinned>"
            ),
            "{encoded}"
        );
        assert!(
            encoded.contains("xsi:type=\"Task\"><Subject>t</Subject><Due>today</Due></Pinned>"),
            "{encoded}"
        );
    }

    /// An unknown alternative of a choice of one gives way to a known
    /// one, and is kept among the type's elements.
    #[test]
    fn an_unknown_alternative_that_gives_way_is_kept() {
        let body = mailbox("<Folder><Conversations/><Items/><Extra/></Folder>");
        let folder = *round_trip::<Mailbox>(&body).folder.unwrap();
        assert_eq!(
            folder,
            Folder {
                total: None,
                items_or_groups: ItemsOrGroups::Items(Box::default()),
                unknown_elements: vec![kept("<Conversations/>"), kept("<Extra/>")],
            }
        );
        let body = mailbox("<Folder><Conversations/><Extra/></Folder>");
        let folder = round_trip::<Mailbox>(&body).folder.unwrap();
        assert_eq!(
            folder.items_or_groups,
            ItemsOrGroups::Unknown(kept("<Conversations/>"))
        );
        assert_eq!(folder.unknown_elements, [kept("<Extra/>")]);
    }

    /// A kept element the type declares would read back as that member:
    /// refused, in the type and in a base it extends.
    #[test]
    fn a_kept_element_the_type_declares_is_not_written() {
        let mut contact = Contact::new("Ada".into());
        contact.unknown_elements = vec![kept("<Phone>1</Phone>")];
        let error = Envelope::new(contact).encode().unwrap_err().to_string();
        assert!(
            error.contains("kept element Phone cannot be written"),
            "{error}"
        );
        let message = Message {
            item: Item {
                subject: "s".into(),
                unknown_elements: vec![kept("<From>f</From>")],
            },
            from: "f".into(),
        };
        let mut mailbox = Mailbox::new(Contact::new("Ada".into()));
        mailbox.pinned = vec![AnyItem::Message(Box::new(message))];
        let error = Envelope::new(mailbox).encode().unwrap_err().to_string();
        assert!(
            error.contains("kept element From cannot be written"),
            "{error}"
        );
    }
}
