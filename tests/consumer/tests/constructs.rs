//! What the code generated for each XSD construct does with documents: one
//! section per schema of `tests/fixtures/constructs/` (whose generated code
//! is reviewed as snapshots in `tests/tests/constructs.rs`). Each decodes a
//! small document, compares it with the value written in Rust, and checks
//! that encoding it and decoding the result gives the same value.
//!
//! Documents are written on the second line of their envelope, so error
//! positions read `2:<column in the document>`.

mod common;

use common::*;
use ews_um::Envelope;
use ews_um::xml::{AnyAttribute, Base64, List, RawXml};
use ews_um_consumer::constructs;

const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

// ---------------------------------------------------------------------------
// sequence: required (`T`), optional (`Option`) and repeated (`Vec`, bounds
// checked) elements; a type containing itself is boxed when single.

mod sequence {
    use super::*;
    use constructs::sequence::{Contact, Message};

    fn contact(name: &str, phone: &str) -> Contact {
        Contact {
            name: name.into(),
            age: None,
            phone: vec![phone.into()],
            score: None,
            friend: vec![],
            manager: None,
        }
    }

    #[test]
    fn required_optional_and_repeated_elements() {
        let Message::Contact(ada) = round_trip::<Message>(
            r#"<Contact xmlns="urn:example:sequence">
              <Name>Ada</Name><Age>36</Age><Phone>1</Phone><Phone>2</Phone><Score>0.5</Score>
              <Friend><Name>Bob</Name><Phone>3</Phone></Friend>
              <Friend><Name>Cy</Name><Phone>4</Phone></Friend>
              <Manager><Name>Di</Name><Phone>5</Phone></Manager>
            </Contact>"#,
        );
        assert_eq!(
            ada,
            Contact {
                name: "Ada".into(),
                age: Some(36),
                phone: vec!["1".into(), "2".into()],
                score: Some(0.5),
                friend: vec![contact("Bob", "3"), contact("Cy", "4")],
                manager: Some(Box::new(contact("Di", "5"))),
            }
        );
    }

    #[test]
    fn optional_elements_left_out() {
        let ada: Contact = round_trip(
            r#"<Contact xmlns="urn:example:sequence"><Name>Ada</Name><Phone>1</Phone></Contact>"#,
        );
        assert_eq!(ada, contact("Ada", "1"));
    }

    #[test]
    fn occurrences_out_of_bounds_are_errors() {
        assert_eq!(
            decode_error::<Contact>(
                r#"<Contact xmlns="urn:example:sequence"><Name>Ada</Name></Contact>"#
            ),
            "2:1 /Envelope/Body/Contact: element Phone occurs 0 times, expected 1 to 3"
        );
        assert_eq!(
            decode_error::<Contact>(
                r#"<Contact xmlns="urn:example:sequence"><Name>Ada</Name><Phone>1</Phone><Phone>2</Phone><Phone>3</Phone><Phone>4</Phone></Contact>"#
            ),
            "2:1 /Envelope/Body/Contact: element Phone occurs 4 times, expected 1 to 3"
        );
        // What decoding refuses is not written either.
        let mut too_many = contact("Ada", "1");
        too_many.phone = vec!["1".into(); 4];
        assert_eq!(
            ews_um::Envelope::new(too_many)
                .encode()
                .unwrap_err()
                .to_string(),
            "/Envelope/Body/Contact: element Phone given 4 times, where the schema allows 1 to 3"
        );
        assert_eq!(
            decode_error::<Contact>(
                r#"<Contact xmlns="urn:example:sequence"><Name>Ada</Name><Age>300</Age><Phone>1</Phone></Contact>"#
            ),
            "2:55 /Envelope/Body/Contact/Age: invalid unsignedByte \"300\": expected an integer from 0 to 255"
        );
    }

    /// Decoding is forgiving (README, "XML Schema support"): children may
    /// come in any order; encoding writes them in the schema's.
    #[test]
    fn children_out_of_order_are_accepted() {
        let ada: Contact = round_trip(
            r#"<Contact xmlns="urn:example:sequence"><Phone>1</Phone><Name>Ada</Name></Contact>"#,
        );
        assert_eq!(ada, contact("Ada", "1"));
        assert!(encode(ada).contains("<Name>Ada</Name><Phone>1</Phone>"));
    }
}

// ---------------------------------------------------------------------------
// all: each element at most once, in any order.

mod all {
    use super::*;
    use constructs::all::{Message, Settings};

    #[test]
    fn children_in_either_order() {
        let settings = Settings {
            volume: 7,
            muted: Some(true),
        };
        let first: Settings = round_trip(
            r#"<Settings xmlns="urn:example:all"><Volume>7</Volume><Muted>true</Muted></Settings>"#,
        );
        assert_eq!(first, settings);
        let Message::Settings(second) = round_trip::<Message>(
            r#"<Settings xmlns="urn:example:all"><Muted>1</Muted><Volume>7</Volume></Settings>"#,
        );
        assert_eq!(second, settings);
    }

    #[test]
    fn optional_member_left_out() {
        let settings: Settings =
            round_trip(r#"<Settings xmlns="urn:example:all"><Volume>-1</Volume></Settings>"#);
        assert_eq!(
            settings,
            Settings {
                volume: -1,
                muted: None
            }
        );
    }

    #[test]
    fn missing_or_repeated_members_are_errors() {
        assert_eq!(
            decode_error::<Settings>(
                r#"<Settings xmlns="urn:example:all"><Muted>false</Muted></Settings>"#
            ),
            "2:1 /Envelope/Body/Settings: missing required element Volume"
        );
        assert_eq!(
            decode_error::<Settings>(
                r#"<Settings xmlns="urn:example:all"><Volume>1</Volume><Muted>false</Muted><Volume>2</Volume></Settings>"#
            ),
            "2:73 /Envelope/Body/Settings: element Volume appears more than once"
        );
    }
}

// ---------------------------------------------------------------------------
// choice: an enum of the alternative elements, held once (`T`), optionally
// (`Option`) or repeated (`Vec`, in document order); a choice of a single
// `xs:any` is a sequence of it.

mod choice {
    use super::*;
    use constructs::choice::alias::NickOrFull;
    use constructs::choice::log::CallOrMissed;
    use constructs::choice::reach::{PagerOrFax, PhoneOrMail};
    use constructs::choice::{Alias, Either, Log, Message, Reach};

    const NS: &str = "urn:example:choice";

    #[test]
    fn each_alternative() {
        let phone: Reach = round_trip(
            r#"<Reach xmlns="urn:example:choice"><Name>Ada</Name><Phone>123</Phone></Reach>"#,
        );
        assert_eq!(
            phone,
            Reach {
                name: "Ada".into(),
                phone_or_mail: PhoneOrMail::Phone("123".into()),
                pager_or_fax: None,
            }
        );
        let mail: Reach = round_trip(
            r#"<Reach xmlns="urn:example:choice"><Name>Ada</Name><Mail>a@example.com</Mail><Pager>9</Pager></Reach>"#,
        );
        assert_eq!(
            mail,
            Reach {
                name: "Ada".into(),
                phone_or_mail: PhoneOrMail::Mail("a@example.com".into()),
                pager_or_fax: Some(PagerOrFax::Pager("9".into())),
            }
        );
        let Message::Reach(fax) = round_trip::<Message>(
            r#"<Reach xmlns="urn:example:choice"><Name>Ada</Name><Phone>1</Phone><Fax>2</Fax></Reach>"#,
        ) else {
            panic!("not a Reach")
        };
        assert_eq!(fax.pager_or_fax, Some(PagerOrFax::Fax("2".into())));
    }

    #[test]
    fn missing_required_choice_names_the_alternatives() {
        assert_eq!(
            decode_error::<Reach>(r#"<Reach xmlns="urn:example:choice"><Name>Ada</Name></Reach>"#),
            "2:1 /Envelope/Body/Reach: missing required element Phone or Mail"
        );
        // An alternative of the other, optional, choice does not do.
        assert_eq!(
            decode_error::<Reach>(
                r#"<Reach xmlns="urn:example:choice"><Name>Ada</Name><Pager>9</Pager></Reach>"#
            ),
            "2:1 /Envelope/Body/Reach: missing required element Phone or Mail"
        );
    }

    const TWO_ALTERNATIVES: &str = r#"<Reach xmlns="urn:example:choice"><Name>Ada</Name><Phone>1</Phone><Mail>m</Mail></Reach>"#;

    #[test]
    fn two_alternatives_of_a_single_choice_are_an_error_naming_the_choice() {
        assert_eq!(
            decode_error::<Reach>(TWO_ALTERNATIVES),
            "2:67 /Envelope/Body/Reach: element Mail is a second one of Phone or Mail, where one is allowed"
        );
    }

    #[test]
    fn repeated_choice_keeps_document_order() {
        let Message::Log(log) = round_trip::<Message>(
            r#"<Log xmlns="urn:example:choice"><Call>a</Call><Missed>2</Missed><Call>b</Call><Missed>1</Missed></Log>"#,
        ) else {
            panic!("not a Log")
        };
        assert_eq!(
            log,
            Log {
                call_or_missed: vec![
                    CallOrMissed::Call("a".into()),
                    CallOrMissed::Missed(2),
                    CallOrMissed::Call("b".into()),
                    CallOrMissed::Missed(1),
                ]
            }
        );
        let encoded = encode(log);
        assert!(
            encoded.contains("<Call>a</Call><Missed>2</Missed><Call>b</Call><Missed>1</Missed>"),
            "{encoded}"
        );
    }

    #[test]
    fn repeated_choice_needs_one() {
        assert_eq!(
            decode_error::<Log>(r#"<Log xmlns="urn:example:choice"></Log>"#),
            "2:1 /Envelope/Body/Log: element Call or Missed occurs 0 times, expected at least 1"
        );
        assert_eq!(
            ews_um::Envelope::new(Log {
                call_or_missed: vec![]
            })
            .encode()
            .unwrap_err()
            .to_string(),
            "/Envelope/Body/Log: element Call or Missed given 0 times, where the schema allows at least 1"
        );
    }

    #[test]
    fn choice_of_a_wildcard_keeps_the_elements() {
        let either: Either = round_trip(
            r#"<Either xmlns="urn:example:choice"><x:A xmlns:x="urn:x">1</x:A><B/></Either>"#,
        );
        assert_eq!(
            either,
            Either {
                any: vec![
                    // The element's own declarations are among its namespaces.
                    RawXml {
                        namespaces: vec![("".into(), NS.into()), ("x".into(), "urn:x".into())],
                        xml: "<x:A>1</x:A>".into(),
                    },
                    RawXml {
                        namespaces: vec![("".into(), NS.into())],
                        xml: "<B/>".into(),
                    },
                ]
            }
        );
        let empty: Either = round_trip(r#"<Either xmlns="urn:example:choice"/>"#);
        assert_eq!(empty, Either { any: vec![] });
    }

    /// An alternative that may be absent makes the whole choice optional.
    #[test]
    fn an_optional_alternative_makes_the_choice_optional() {
        let Message::Alias(alias) = round_trip::<Message>(r#"<Alias xmlns="urn:example:choice"/>"#)
        else {
            panic!("not an Alias")
        };
        assert_eq!(alias, Alias { nick_or_full: None });
        let Message::Alias(alias) = round_trip::<Message>(
            r#"<Alias xmlns="urn:example:choice"><Full>Ada L.</Full></Alias>"#,
        ) else {
            panic!("not an Alias")
        };
        assert_eq!(
            alias.nick_or_full,
            Some(Box::new(NickOrFull::Full("Ada L.".into())))
        );
    }
}

// ---------------------------------------------------------------------------
// group: a named choice group is one enum, shared by the types referring to
// it; a sequence group wrapping a choice is that choice; an optional nested
// sequence makes its elements optional; a repeated sequence of one element
// is that element repeated.

mod group {
    use super::*;
    use constructs::group::{Message, Pattern, RangeTypes, Recurrence, TaskRecurrence, Zones};

    #[test]
    fn named_groups_in_a_sequence() {
        let recurrence: Recurrence = round_trip(
            r#"<Recurrence xmlns="urn:example:group"><Daily>2</Daily><EndDate>2024-12-31</EndDate><Start>08:00</Start><Zone>UTC</Zone></Recurrence>"#,
        );
        assert_eq!(
            recurrence,
            Recurrence {
                pattern: Pattern::Daily(2),
                range_types: RangeTypes::EndDate("2024-12-31".into()),
                start: Some("08:00".into()),
                zone: Some("UTC".into()),
            }
        );
        let open_ended: Recurrence = round_trip(
            r#"<Recurrence xmlns="urn:example:group"><Weekly>Monday</Weekly><NoEnd/></Recurrence>"#,
        );
        assert_eq!(
            open_ended,
            Recurrence {
                pattern: Pattern::Weekly("Monday".into()),
                range_types: RangeTypes::NoEnd(String::new()),
                start: None,
                zone: None,
            }
        );
    }

    #[test]
    fn the_shared_group_enum_is_used_by_both_types() {
        let Message::TaskRecurrence(task) = round_trip::<Message>(
            r#"<TaskRecurrence xmlns="urn:example:group"><Weekly>Friday</Weekly></TaskRecurrence>"#,
        ) else {
            panic!("not a TaskRecurrence")
        };
        assert_eq!(
            task,
            TaskRecurrence {
                pattern: Pattern::Weekly("Friday".into())
            }
        );
        // The same `Pattern` value moves from one type to the other.
        let recurrence = Recurrence {
            pattern: task.pattern,
            range_types: RangeTypes::NoEnd(String::new()),
            start: None,
            zone: None,
        };
        let encoded = encode(recurrence.clone());
        assert!(
            encoded.contains("<Weekly>Friday</Weekly><NoEnd></NoEnd>"),
            "{encoded}"
        );
        assert_eq!(
            Envelope::<Recurrence>::decode(encoded.as_bytes())
                .unwrap()
                .body,
            recurrence
        );
    }

    #[test]
    fn missing_or_doubled_group_choice_is_an_error() {
        assert_eq!(
            decode_error::<TaskRecurrence>(
                r#"<TaskRecurrence xmlns="urn:example:group"></TaskRecurrence>"#
            ),
            "2:1 /Envelope/Body/TaskRecurrence: missing required element Daily or Weekly"
        );
        let error = decode_error::<Recurrence>(
            r#"<Recurrence xmlns="urn:example:group"><Daily>1</Daily><Weekly>x</Weekly><NoEnd/></Recurrence>"#,
        );
        assert!(
            error.starts_with("2:55 /Envelope/Body/Recurrence: "),
            "{error}"
        );
    }

    /// A limitation the README lists: the elements of an optional nested
    /// sequence become optional fields each, so one without the other is
    /// accepted (and could be written).
    #[test]
    fn an_optional_sequence_is_not_all_or_nothing() {
        let Message::Recurrence(recurrence) = decode::<Message>(
            r#"<Recurrence xmlns="urn:example:group"><Daily>1</Daily><NoEnd/><Start>s</Start></Recurrence>"#,
        ) else {
            panic!("not a Recurrence")
        };
        assert_eq!(recurrence.start.as_deref(), Some("s"));
        assert_eq!(recurrence.zone, None);
    }

    #[test]
    fn repeated_sequence() {
        let Message::Zones(zones) = round_trip::<Message>(
            r#"<Zones xmlns="urn:example:group"><Zone>UTC</Zone><Zone>CET</Zone></Zones>"#,
        ) else {
            panic!("not Zones")
        };
        assert_eq!(
            zones,
            Zones {
                zone: vec!["UTC".into(), "CET".into()]
            }
        );
        assert_eq!(
            decode_error::<Zones>(r#"<Zones xmlns="urn:example:group"></Zones>"#),
            "2:1 /Envelope/Body/Zones: element Zone occurs 0 times, expected at least 1"
        );
    }
}

// ---------------------------------------------------------------------------
// extension: the base's members in a `#[xml(base)]` field named after it,
// then the type's own; attributes of the base and of the extension.

mod extension {
    use super::*;
    use constructs::extension::{CallResponse, Message, Response, TransferResponse};

    #[test]
    fn base_members_first_then_own() {
        let Message::TransferResponse(response) = round_trip::<Message>(
            r#"<TransferResponse xmlns="urn:example:extension" Class="Success" Retry="false">
              <Code>OK</Code><CallId>c-1</CallId><Target>sip:bob</Target></TransferResponse>"#,
        );
        assert_eq!(
            response,
            TransferResponse {
                call_response: CallResponse {
                    response: Response {
                        class: "Success".into(),
                        code: "OK".into(),
                    },
                    retry: Some(false),
                    call_id: "c-1".into(),
                },
                target: "sip:bob".into(),
            }
        );
        let encoded = encode(response);
        assert!(
            encoded.contains(
                r#"<TransferResponse xmlns="urn:example:extension" Class="Success" Retry="false"><Code>OK</Code><CallId>c-1</CallId><Target>sip:bob</Target></TransferResponse>"#
            ),
            "{encoded}"
        );
    }

    #[test]
    fn optional_attribute_of_the_extension_left_out() {
        let response: TransferResponse = round_trip(
            r#"<TransferResponse xmlns="urn:example:extension" Class="Error"><Code>E</Code><CallId>c</CallId><Target>t</Target></TransferResponse>"#,
        );
        assert_eq!(response.call_response.retry, None);
        assert_eq!(response.call_response.response.class, "Error");
        assert!(!encode(response).contains("Retry"));
    }

    /// Decoding is forgiving about order (README); encoding writes the
    /// base's members first.
    #[test]
    fn own_members_before_the_base_are_accepted_and_written_after_it() {
        let response: TransferResponse = round_trip(
            r#"<TransferResponse xmlns="urn:example:extension" Class="x"><Target>t</Target><CallId>c</CallId><Code>OK</Code></TransferResponse>"#,
        );
        assert_eq!(response.call_response.response.code, "OK");
        let encoded = encode(response);
        assert!(
            encoded.contains("<Code>OK</Code><CallId>c</CallId><Target>t</Target>"),
            "{encoded}"
        );
    }

    #[test]
    fn required_members_of_base_and_extension() {
        assert_eq!(
            decode_error::<TransferResponse>(
                r#"<TransferResponse xmlns="urn:example:extension"><Code>OK</Code><CallId>c</CallId><Target>t</Target></TransferResponse>"#
            ),
            "2:1 /Envelope/Body/TransferResponse: missing required attribute Class"
        );
        assert_eq!(
            decode_error::<TransferResponse>(
                r#"<TransferResponse xmlns="urn:example:extension" Class="x"><CallId>c</CallId><Target>t</Target></TransferResponse>"#
            ),
            "2:1 /Envelope/Body/TransferResponse: missing required element Code"
        );
        assert_eq!(
            decode_error::<TransferResponse>(
                r#"<TransferResponse xmlns="urn:example:extension" Class="x"><Code>OK</Code><CallId>c</CallId></TransferResponse>"#
            ),
            "2:1 /Envelope/Body/TransferResponse: missing required element Target"
        );
    }
}

// ---------------------------------------------------------------------------
// extension of a base whose content is a choice: the choice is the base's,
// decoded and written once.

mod extension_of_choice {
    use super::*;
    use constructs::extension_of_choice::{Message, Named, Target, target::AOrB};

    #[test]
    fn the_base_choice_once() {
        let Message::Named(named) =
            round_trip::<Message>(r#"<Named xmlns="urn:t" Name="x"><A>1</A></Named>"#);
        assert_eq!(
            named,
            Named {
                target: Target { a_or_b: AOrB::A(1) },
                name: "x".into(),
            }
        );
        let encoded = encode(named);
        assert!(
            encoded.contains(r#"<Named xmlns="urn:t" Name="x"><A>1</A></Named>"#),
            "{encoded}"
        );
    }

    #[test]
    fn the_other_alternative_and_none() {
        let named: Named = round_trip(r#"<Named xmlns="urn:t" Name="y"><B>b</B></Named>"#);
        assert_eq!(named.target.a_or_b, AOrB::B("b".into()));
        assert_eq!(
            decode_error::<Named>(r#"<Named xmlns="urn:t" Name="y"/>"#),
            "2:1 /Envelope/Body/Named: missing required element A or B"
        );
    }
}

// ---------------------------------------------------------------------------
// restriction: the restricted type has only what it declares.

mod restriction {
    use super::*;
    use constructs::restriction::{Message, ShortReply};

    #[test]
    fn declared_members_only() {
        let Message::ShortReply(reply) = round_trip::<Message>(
            r#"<ShortReply xmlns="urn:example:restriction"><Subject>Re: hi</Subject></ShortReply>"#,
        );
        assert_eq!(
            reply,
            ShortReply {
                subject: Some("Re: hi".into())
            }
        );
        let empty: ShortReply = round_trip(r#"<ShortReply xmlns="urn:example:restriction"/>"#);
        assert_eq!(empty, ShortReply { subject: None });
    }

    #[test]
    fn element_the_restriction_dropped_is_refused_when_strict() {
        let body = r#"<ShortReply xmlns="urn:example:restriction"><Subject>s</Subject><Body>b</Body></ShortReply>"#;
        assert_eq!(
            strict_error::<ShortReply>(body),
            "2:65 /Envelope/Body/ShortReply: unexpected element {urn:example:restriction}Body"
        );
        // An element the type does not declare, skipped otherwise.
        assert_eq!(
            decode::<ShortReply>(body),
            ShortReply {
                subject: Some("s".into())
            }
        );
    }

    #[test]
    fn prohibited_attribute_has_no_field() {
        // Like any undeclared attribute without `xs:anyAttribute`, it is
        // not kept.
        let reply: ShortReply =
            round_trip(r#"<ShortReply xmlns="urn:example:restriction" ObjectName="x"/>"#);
        assert_eq!(reply, ShortReply { subject: None });
        assert!(!encode(reply).contains("ObjectName"));
    }
}

// ---------------------------------------------------------------------------
// compact: an optional member larger than a `String` is boxed (alone, in a
// nillable `Option`); small, required and repeated members are not.

mod compact {
    use super::*;
    use constructs::compact::contact::PostalOrEmail;
    use constructs::compact::{Address, Contact, Flag, Message, Name};

    fn address(street: &str, city: Option<&str>) -> Address {
        Address {
            city: city.map(Into::into),
            ..Address::new(street.into())
        }
    }

    #[test]
    fn boxed_members_read_and_write_as_the_others() {
        let Message::Contact(contact) = round_trip::<Message>(
            r#"<Contact xmlns="urn:example:compact"><Owner><Street>1 Main St</Street></Owner><Flag><Set>true</Set></Flag><Nickname><Text>Al</Text></Nickname><Home><Street>2 Elm St</Street><City>Springfield</City></Home><Work xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/><Other><Street>3 Oak St</Street></Other><Postal><Street>PO Box 4</Street></Postal></Contact>"#,
        );
        assert_eq!(
            contact,
            Contact {
                owner: address("1 Main St", None),
                flag: Some(Flag { set: true }),
                nickname: Some(Name { text: "Al".into() }),
                home: Some(Box::new(address("2 Elm St", Some("Springfield")))),
                work: Some(None),
                other: vec![address("3 Oak St", None)],
                postal_or_email: Some(PostalOrEmail::Postal(Box::new(address("PO Box 4", None)))),
            }
        );
    }

    #[test]
    fn absent_boxed_members_take_a_word() {
        let Message::Contact(contact) = round_trip::<Message>(
            r#"<Contact xmlns="urn:example:compact"><Owner><Street>1 Main St</Street></Owner><Work><Street>5 Pine St</Street></Work></Contact>"#,
        );
        assert_eq!(contact.home, None);
        assert_eq!(
            contact.work,
            Some(Some(Box::new(address("5 Pine St", None))))
        );
        assert_eq!(
            std::mem::size_of_val(&contact.home),
            std::mem::size_of::<usize>()
        );
        assert!(std::mem::size_of::<Address>() > std::mem::size_of::<usize>() * 3);
    }
}

// ---------------------------------------------------------------------------
// simple-content: the text in `value`, of its simple type, with attributes.

mod simple_content {
    use super::*;
    use constructs::simple_content::{Body, BodyKind, Message, Note, Size};

    #[test]
    fn text_and_attributes() {
        let Message::Note(note) = round_trip::<Message>(
            r#"<Note xmlns="urn:example:simple-content"><Body BodyType="HTML" IsTruncated="true">&lt;b&gt;hi&lt;/b&gt; </Body><Size Unit="MB">12</Size></Note>"#,
        );
        assert_eq!(
            note,
            Note {
                body: Body {
                    body_type: BodyKind::Html,
                    is_truncated: Some(true),
                    value: "<b>hi</b> ".into(),
                },
                size: Some(Box::new(Size {
                    unit: Some("MB".into()),
                    value: 12,
                })),
            }
        );
        let encoded = encode(note);
        assert!(
            encoded.contains(r#"<Body BodyType="HTML" IsTruncated="true">&lt;b&gt;hi&lt;/b&gt; </Body><Size Unit="MB">12</Size>"#),
            "{encoded}"
        );
    }

    #[test]
    fn default_attribute_not_filled_in_and_empty_text() {
        let note: Note = round_trip(
            r#"<Note xmlns="urn:example:simple-content"><Body BodyType="Text"/><Size> 3 </Size></Note>"#,
        );
        assert_eq!(
            note,
            Note {
                body: Body {
                    body_type: BodyKind::Text,
                    is_truncated: None,
                    value: String::new(),
                },
                // `Unit` defaults to `KB` in the schema: absent, it stays `None`.
                size: Some(Box::new(Size {
                    unit: None,
                    value: 3
                })),
            }
        );
    }

    #[test]
    fn unknown_attribute_value_kept() {
        let note: Note = round_trip(
            r#"<Note xmlns="urn:example:simple-content"><Body BodyType="RTF">x</Body></Note>"#,
        );
        assert_eq!(note.body.body_type, BodyKind::Unknown("RTF".into()));
        assert!(encode(note).contains(r#"<Body BodyType="RTF">x</Body>"#));
    }

    #[test]
    fn bad_text_missing_attribute_and_child_elements_are_errors() {
        assert_eq!(
            decode_error::<Note>(
                r#"<Note xmlns="urn:example:simple-content"><Body BodyType="Text">x</Body><Size>big</Size></Note>"#
            ),
            "2:72 /Envelope/Body/Note/Size: invalid int \"big\": expected an integer from -2147483648 to 2147483647"
        );
        assert_eq!(
            decode_error::<Note>(
                r#"<Note xmlns="urn:example:simple-content"><Body>x</Body></Note>"#
            ),
            "2:42 /Envelope/Body/Note/Body: missing required attribute BodyType"
        );
        assert_eq!(
            decode_error::<Note>(
                r#"<Note xmlns="urn:example:simple-content"><Body BodyType="Text">x<b/></Body></Note>"#
            ),
            "2:65 /Envelope/Body/Note/Body: element b is not allowed here: the element has text content only"
        );
    }
}

// ---------------------------------------------------------------------------
// attributes: required, optional, defaulted (not filled in), from an
// attribute group, xml:lang, and undeclared ones kept by `xs:anyAttribute`.

mod attributes {
    use super::*;
    use constructs::attributes::{Message, Server};

    #[test]
    fn declared_and_undeclared_attributes() {
        let Message::Server(server) = round_trip::<Message>(
            r#"<Server xmlns="urn:example:attributes" xmlns:x="urn:x" Version="1.2" Build="42" Region="US" xml:lang="en-GB" Rack="7" x:Owner="a&amp;b"/>"#,
        );
        assert_eq!(
            server,
            Server {
                version: "1.2".into(),
                build: Some(42),
                region: Some("US".into()),
                lang: Some("en-GB".into()),
                any_attribute: vec![
                    AnyAttribute {
                        namespace: String::new(),
                        name: "Rack".into(),
                        value: "7".into(),
                    },
                    AnyAttribute {
                        namespace: "urn:x".into(),
                        name: "Owner".into(),
                        value: "a&b".into(),
                    },
                ],
            }
        );
        let encoded = encode(server);
        assert!(
            encoded.contains(r#"<Server xmlns="urn:example:attributes" Version="1.2" Build="42" Region="US" xml:lang="en-GB""#),
            "{encoded}"
        );
        assert!(encoded.contains(r#" Rack="7""#), "{encoded}");
        // The namespace of `Owner` is declared with a prefix of the encoder's choosing.
        assert!(encoded.contains(r#"="urn:x""#), "{encoded}");
        assert!(encoded.contains(r#":Owner="a&amp;b""#), "{encoded}");
    }

    #[test]
    fn default_not_filled_in() {
        let server: Server = round_trip(r#"<Server xmlns="urn:example:attributes" Version="1"/>"#);
        assert_eq!(
            server,
            Server {
                version: "1".into(),
                build: None,
                // The schema's default, `EU`, applies; it is not made up.
                region: None,
                lang: None,
                any_attribute: vec![],
            }
        );
        assert!(!encode(server).contains("Region"));
    }

    #[test]
    fn missing_or_bad_attributes_are_errors() {
        assert_eq!(
            decode_error::<Server>(r#"<Server xmlns="urn:example:attributes" Build="1"/>"#),
            "2:1 /Envelope/Body/Server: missing required attribute Version"
        );
        assert_eq!(
            decode_error::<Server>(
                r#"<Server xmlns="urn:example:attributes" Version="1" Build="one"/>"#
            ),
            "2:1 /Envelope/Body/Server: attribute Build: invalid int \"one\": expected an integer from -2147483648 to 2147483647"
        );
    }
}

// ---------------------------------------------------------------------------
// any: elements the schema leaves open kept as `RawXml`, with the
// namespaces they use, and written back.

mod any {
    use super::*;
    use constructs::any::{Envelope as Open, Message};

    #[test]
    fn foreign_elements_kept_and_written_back() {
        let Message::Envelope(open) = round_trip::<Message>(
            r#"<Envelope xmlns="urn:example:any" xmlns:t="urn:trace"><Id>e-1</Id><t:Trace at="1">first<t:Hop/></t:Trace><Extra xmlns="urn:extra">2</Extra></Envelope>"#,
        );
        assert_eq!(
            open,
            Open {
                id: "e-1".into(),
                any: vec![
                    RawXml {
                        namespaces: vec![
                            ("".into(), "urn:example:any".into()),
                            ("t".into(), "urn:trace".into())
                        ],
                        xml: r#"<t:Trace at="1">first<t:Hop/></t:Trace>"#.into(),
                    },
                    RawXml {
                        namespaces: vec![("".into(), "urn:extra".into())],
                        xml: "<Extra>2</Extra>".into(),
                    },
                ],
            }
        );
        let encoded = encode(open);
        assert!(
            encoded.contains(
                r#"<Id>e-1</Id><t:Trace xmlns:t="urn:trace" at="1">first<t:Hop/></t:Trace>"#
            ),
            "{encoded}"
        );
        assert!(
            encoded.contains(r#"<Extra xmlns="urn:extra">2</Extra></Envelope>"#),
            "{encoded}"
        );
    }

    #[test]
    fn no_foreign_elements() {
        let open: Open = round_trip(r#"<Envelope xmlns="urn:example:any"><Id>e</Id></Envelope>"#);
        assert_eq!(
            open,
            Open {
                id: "e".into(),
                any: vec![]
            }
        );
    }

    /// The wildcard's `namespace="##other"` is not checked (README): an
    /// undeclared element of the schema's own namespace is kept too.
    #[test]
    fn wildcard_namespace_constraint_is_not_checked() {
        let open: Open =
            round_trip(r#"<Envelope xmlns="urn:example:any"><Id>e</Id><Other/></Envelope>"#);
        assert_eq!(
            open.any,
            [RawXml {
                namespaces: vec![("".into(), "urn:example:any".into())],
                xml: "<Other/>".into(),
            }]
        );
        // A declared element is not taken by the wildcard.
        assert_eq!(
            decode_error::<Open>(
                r#"<Envelope xmlns="urn:example:any"><Id>e</Id><Id>f</Id></Envelope>"#
            ),
            "2:45 /Envelope/Body/Envelope: element Id appears more than once"
        );
    }
}

// ---------------------------------------------------------------------------
// simple-types: open enumerations, restrictions of built-in types (the base
// type, facets not enforced), built-in types (`dateTime` kept as text).

mod simple_types {
    use super::*;
    use constructs::simple_types::{Color, Lamp, Message};

    fn lamp(color: Color, level: i32) -> Lamp {
        Lamp {
            color,
            level,
            label: "desk".into(),
            on: true,
            watts: 4.5,
            since: "2024-01-02T03:04:05Z".into(),
            serial: -9_000_000_000,
            photo: None,
            firmware: None,
            key: None,
        }
    }

    fn document(color: &str, level: &str) -> String {
        format!(
            "<Lamp xmlns=\"urn:example:simple-types\"><Color>{color}</Color><Level>{level}</Level><Label>desk</Label>\
             <On>true</On><Watts>4.5</Watts><Since>2024-01-02T03:04:05Z</Since><Serial>-9000000000</Serial></Lamp>"
        )
    }

    #[test]
    fn enumerations_and_built_in_types() {
        let Message::Lamp(red) = round_trip::<Message>(&document("Red", "50"));
        assert_eq!(red, lamp(Color::Red, 50));
        let green: Lamp = round_trip(&document("light-green", "0"));
        assert_eq!(green, lamp(Color::LightGreen, 0));
        assert!(encode(green).contains("<Color>light-green</Color>"));
    }

    #[test]
    fn unknown_enumeration_value_kept() {
        let blue: Lamp = round_trip(&document("Blue", "1"));
        assert_eq!(blue, lamp(Color::Unknown("Blue".into()), 1));
        assert!(encode(blue).contains("<Color>Blue</Color>"));
    }

    #[test]
    fn facets_are_not_enforced() {
        let bright: Lamp = round_trip(&document("Red", "150"));
        assert_eq!(bright.level, 150);
    }

    #[test]
    fn value_not_of_the_base_type_is_an_error() {
        assert_eq!(
            decode_error::<Lamp>(&document("Red", "half")),
            "2:58 /Envelope/Body/Lamp/Level: invalid int \"half\": expected an integer from -2147483648 to 2147483647"
        );
    }

    /// The lamp of `document("Red", "50")`, with `photo` and `key` in it.
    fn with_binary(photo: &str, key: &str) -> String {
        document("Red", "50")
            .replace("<Lamp ", &format!("<Lamp Key=\"{key}\" "))
            .replace(
                "</Serial>",
                &format!("</Serial><Photo>{photo}</Photo><Firmware>0A1b</Firmware>"),
            )
    }

    #[test]
    fn base64_is_checked_decoded_on_demand_and_written_back_as_read() {
        // MIME line breaks, and a group of 4 broken across them.
        let photo = "iVBORw0K\n  GgoAAAAN\r\n  SUhEUg==\n";
        let lamp: Lamp = round_trip(&with_binary(photo, "AQID"));
        let read = lamp.photo.as_ref().expect("Photo");
        assert_eq!(read.decode(), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!(read.decoded_len(), 16);
        assert_eq!(lamp.key.as_ref().map(|k| k.decode()), Some(vec![1, 2, 3]));
        // hexBinary stays text.
        assert_eq!(lamp.firmware.as_deref(), Some("0A1b"));
        // As read: XML reads the line end CRLF as LF.
        let written = encode(lamp.clone());
        assert!(
            written.contains("<Photo>iVBORw0K\n  GgoAAAAN\n  SUhEUg==\n</Photo>"),
            "{written}"
        );

        let made = Lamp {
            photo: Some(Base64::from_bytes(b"\x89PNG")),
            ..lamp
        };
        assert!(encode(made).contains("<Photo>iVBORw==</Photo>"));
    }

    #[test]
    fn text_that_is_not_base64_is_an_error() {
        assert_eq!(
            decode_error::<Lamp>(&with_binary("iVBORw0K-GgoA", "AQID")),
            "2:199 /Envelope/Body/Lamp/Photo: invalid base64Binary: '-' at byte 8 is not a base64 \
             character (A-Z, a-z, 0-9, '+', '/', '=' padding) or white space"
        );
        assert_eq!(
            decode_error::<Lamp>(&with_binary("iVBORw0KGgoA", "AQ")),
            "2:1 /Envelope/Body/Lamp: attribute Key: invalid base64Binary: it has 2 base64 \
             characters (white space aside), not a multiple of 4: is the data cut short, or its \
             padding ('=') left out?"
        );
    }
}

// ---------------------------------------------------------------------------
// list: white-space separated values in an `xml::List`, in an element and
// in an attribute.

mod list {
    use super::*;
    use constructs::list::{Day, Message, Schedule};

    #[test]
    fn several_items() {
        let Message::Schedule(schedule) = round_trip::<Message>(
            "<Schedule xmlns=\"urn:example:list\" Hours=\" 8  12\t17 \"><Days>Monday\n  Friday Sunday</Days></Schedule>",
        );
        assert_eq!(
            schedule,
            Schedule {
                hours: Some(List(vec![8, 12, 17])),
                days: List(vec![
                    Day::Monday,
                    Day::Friday,
                    Day::Unknown("Sunday".into())
                ]),
            }
        );
        let encoded = encode(schedule);
        assert!(
            encoded.contains(r#"Hours="8 12 17"><Days>Monday Friday Sunday</Days>"#),
            "{encoded}"
        );
    }

    #[test]
    fn empty_list() {
        let schedule: Schedule =
            round_trip(r#"<Schedule xmlns="urn:example:list"><Days/></Schedule>"#);
        assert_eq!(
            schedule,
            Schedule {
                hours: None,
                days: List(vec![]),
            }
        );
        let blank: Schedule =
            round_trip(r#"<Schedule xmlns="urn:example:list" Hours=" "><Days> </Days></Schedule>"#);
        assert_eq!(
            blank,
            Schedule {
                hours: Some(List(vec![])),
                days: List(vec![]),
            }
        );
    }

    #[test]
    fn bad_item_is_an_error() {
        assert_eq!(
            decode_error::<Schedule>(
                r#"<Schedule xmlns="urn:example:list" Hours="8 noon"><Days/></Schedule>"#
            ),
            "2:1 /Envelope/Body/Schedule: attribute Hours: invalid int \"noon\": expected an integer from -2147483648 to 2147483647"
        );
    }
}

// ---------------------------------------------------------------------------
// union: an enum of the member types, the first that accepts the value.

mod union {
    use super::*;
    use constructs::union::{Message, Minutes, MinutesElement, Reminder};

    #[test]
    fn int_member() {
        let Message::Reminder(reminder) = round_trip::<Message>(
            r#"<Reminder xmlns="urn:example:union"><Before> 15 </Before></Reminder>"#,
        );
        assert_eq!(
            reminder,
            Reminder {
                before: Minutes::I32(15)
            }
        );
        assert!(encode(reminder).contains("<Before>15</Before>"));
    }

    #[test]
    fn enumeration_member() {
        let reminder: Reminder =
            round_trip(r#"<Reminder xmlns="urn:example:union"><Before>Never</Before></Reminder>"#);
        assert_eq!(
            reminder,
            Reminder {
                before: Minutes::MinutesElement(MinutesElement::Never)
            }
        );
        assert!(encode(reminder).contains("<Before>Never</Before>"));
    }

    #[test]
    fn values_the_int_refuses_go_to_the_open_enumeration() {
        let soon: Reminder =
            round_trip(r#"<Reminder xmlns="urn:example:union"><Before>soon</Before></Reminder>"#);
        assert_eq!(
            soon.before,
            Minutes::MinutesElement(MinutesElement::Unknown("soon".into()))
        );
        // Out of the int's range too.
        let big: Reminder = round_trip(
            r#"<Reminder xmlns="urn:example:union"><Before>99999999999</Before></Reminder>"#,
        );
        assert_eq!(
            big.before,
            Minutes::MinutesElement(MinutesElement::Unknown("99999999999".into()))
        );
    }

    #[test]
    fn value_no_member_accepts_is_an_error() {
        assert_eq!(
            decode_error::<Reminder>(r#"<Reminder xmlns="urn:example:union"><Before/></Reminder>"#),
            "2:37 /Envelope/Body/Reminder/Before: no member type of the union accepts it: empty value; empty value"
        );
    }
}

// ---------------------------------------------------------------------------
// substitution: the members of an abstract head's group, an enum chosen by
// element name.

mod substitution {
    use super::*;
    use constructs::substitution::{
        AnyExpression, Exists, ExpressionElement, ExpressionType, FieldPath, IndexedPath, Message,
        Path, Shape,
    };

    #[test]
    fn each_member_in_document_order() {
        let Message::Shape(shape) = round_trip::<Message>(
            r#"<Shape xmlns="urn:example:substitution"><FieldURI FieldURI="item:Subject"/><IndexedFieldURI FieldURI="item:To" FieldIndex="0"/><FieldURI FieldURI="item:Body"/></Shape>"#,
        ) else {
            panic!("not a Shape")
        };
        assert_eq!(
            shape,
            Shape {
                // Complex alternatives of a choice are boxed.
                path: vec![
                    Path::FieldUri(Box::new(FieldPath {
                        field_uri: "item:Subject".into()
                    })),
                    Path::IndexedFieldUri(Box::new(IndexedPath {
                        field_uri: "item:To".into(),
                        field_index: "0".into(),
                    })),
                    Path::FieldUri(Box::new(FieldPath {
                        field_uri: "item:Body".into()
                    })),
                ]
            }
        );
        let encoded = encode(shape);
        assert!(
            encoded.contains(r#"<FieldURI FieldURI="item:Subject"/><IndexedFieldURI FieldURI="item:To" FieldIndex="0"/><FieldURI FieldURI="item:Body"/>"#),
            "{encoded}"
        );
    }

    #[test]
    fn members_are_top_level_elements() {
        let message: Message = round_trip(
            r#"<IndexedFieldURI xmlns="urn:example:substitution" FieldURI="f" FieldIndex="1"/>"#,
        );
        assert_eq!(
            message,
            Message::IndexedFieldUri(IndexedPath {
                field_uri: "f".into(),
                field_index: "1".into(),
            })
        );
        let field: FieldPath =
            round_trip(r#"<FieldURI xmlns="urn:example:substitution" FieldURI="f"/>"#);
        assert_eq!(
            field,
            FieldPath {
                field_uri: "f".into()
            }
        );
    }

    #[test]
    fn abstract_head_and_empty_group_are_errors() {
        let abstract_head = r#"<Shape xmlns="urn:example:substitution"><Path/></Shape>"#;
        assert_eq!(
            strict_error::<Shape>(abstract_head),
            "2:41 /Envelope/Body/Shape: unexpected element {urn:example:substitution}Path"
        );
        // The group is all a `Shape` holds: an element none of its members
        // is keeps its place, as one a newer schema added would.
        let shape: Shape = round_trip(abstract_head);
        assert!(matches!(shape.path.as_slice(), [Path::Unknown(kept)] if kept.xml == "<Path/>"));
        assert_eq!(
            decode_error::<Shape>(r#"<Shape xmlns="urn:example:substitution"/>"#),
            "2:1 /Envelope/Body/Shape: element FieldURI or IndexedFieldURI occurs 0 times, expected at least 1"
        );
    }

    /// A head that is an element of its own is one of the alternatives;
    /// a member heading a group of its own brings its members; a nillable
    /// member may be `xsi:nil`.
    #[test]
    fn a_head_of_its_own_a_nested_group_and_a_nillable_member() {
        let Message::Filter(filter) = round_trip::<Message>(&format!(
            r#"<Filter xmlns="urn:example:substitution" xmlns:xsi="{XSI}"><Expression Field="a"/><Exists Field="b"/><ExistsNow Field="c"/><Nothing xsi:nil="true"/></Filter>"#
        )) else {
            panic!("not a Filter")
        };
        let field = |name: &str| ExpressionType {
            field: Some(name.into()),
        };
        assert_eq!(
            filter.expression,
            vec![
                ExpressionElement::Expression(AnyExpression::ExpressionType(Box::new(field("a")))),
                ExpressionElement::Exists(Box::new(Exists {
                    expression: field("b")
                })),
                ExpressionElement::ExistsNow(Box::new(Exists {
                    expression: field("c")
                })),
                ExpressionElement::Nothing(None),
            ]
        );
    }
}

// ---------------------------------------------------------------------------
// xsi-type: an `Any*` enum of a type and the types derived from it, chosen
// by `xsi:type` (no variant for an abstract type itself), written back
// with `xsi:type`.

mod xsi_type {
    use super::*;
    use constructs::xsi_type::{
        AnyItem, AnyMessage, AnyRecurrence, Daily, Folder, Item, Message, Recurrence, Weekly,
    };

    /// A Folder holding `inner`, which starts at 2:123.
    fn folder(inner: &str) -> String {
        format!(
            "<Folder xmlns=\"urn:example:xsi-type\" xmlns:c=\"urn:example:xsi-type\" xmlns:xsi=\"{XSI}\">{inner}</Folder>"
        )
    }

    fn item(subject: &str) -> AnyItem {
        AnyItem::Item(Box::new(Item {
            subject: subject.into(),
        }))
    }

    #[test]
    fn base_without_xsi_type_and_derived_with_it() {
        let AnyMessage::Folder(folder) = round_trip::<AnyMessage>(&folder(
            r#"<Pattern xsi:type="c:Weekly"><Interval>2</Interval><Day>Monday</Day></Pattern>
               <Item><Subject>plain</Subject></Item>
               <Item xsi:type="c:Message"><Subject>mail</Subject><From>ada</From></Item>"#,
        ));
        assert_eq!(
            folder,
            Folder {
                pattern: Some(AnyRecurrence::Weekly(Box::new(Weekly {
                    recurrence: Recurrence { interval: 2 },
                    day: "Monday".into(),
                }))),
                item: vec![
                    item("plain"),
                    AnyItem::Message(Box::new(Message {
                        item: Item {
                            subject: "mail".into()
                        },
                        from: "ada".into(),
                    })),
                ],
            }
        );
        let encoded = encode(folder);
        assert!(
            encoded.contains(&format!(
                r#"<Pattern xmlns:xsi="{XSI}" xsi:type="Weekly"><Interval>2</Interval><Day>Monday</Day></Pattern>"#
            )),
            "{encoded}"
        );
        assert!(
            encoded.contains("<Item><Subject>plain</Subject></Item>"),
            "{encoded}"
        );
        assert!(
            encoded.contains(&format!(
                r#"<Item xmlns:xsi="{XSI}" xsi:type="Message"><Subject>mail</Subject><From>ada</From></Item>"#
            )),
            "{encoded}"
        );
    }

    /// What every value has, whichever type it is: the declared type's
    /// members, through `AsRef` (the abstract `Recurrence` too).
    #[test]
    fn the_declared_type_of_every_value() {
        let folder: Folder = decode(&folder(
            r#"<Pattern xsi:type="c:Daily"><Interval>3</Interval></Pattern>
               <Item><Subject>plain</Subject></Item>
               <Item xsi:type="c:Message"><Subject>mail</Subject><From>ada</From></Item>"#,
        ));
        let subjects: Vec<&str> = folder
            .item
            .iter()
            .map(|item| AsRef::<Item>::as_ref(item).subject.as_str())
            .collect();
        assert_eq!(subjects, ["plain", "mail"]);
        let pattern: &Recurrence = folder.pattern.as_ref().unwrap().as_ref();
        assert_eq!(pattern.interval, 3);
    }

    #[test]
    fn xsi_type_names_resolve_by_namespace() {
        // Any prefix, or the default namespace, naming the same type.
        let folder: Folder = round_trip(&folder(
            r#"<Pattern xmlns:other="urn:example:xsi-type" xsi:type="other:Daily"><Interval>1</Interval></Pattern>
               <Item xsi:type="Message"><Subject>s</Subject><From>f</From></Item>
               <Item xsi:type="c:Item"><Subject>base</Subject></Item>"#,
        ));
        assert_eq!(
            folder,
            Folder {
                pattern: Some(AnyRecurrence::Daily(Box::new(Daily {
                    recurrence: Recurrence { interval: 1 }
                }))),
                item: vec![
                    AnyItem::Message(Box::new(Message {
                        item: Item {
                            subject: "s".into()
                        },
                        from: "f".into(),
                    })),
                    // Naming the declared type is the same as not naming one.
                    item("base"),
                ],
            }
        );
    }

    #[test]
    fn members_of_a_derived_type_need_its_xsi_type() {
        let body = folder("<Item><Subject>s</Subject><From>f</From></Item>");
        assert_eq!(
            strict_error::<Folder>(&body),
            "2:149 /Envelope/Body/Folder/Item: unexpected element {urn:example:xsi-type}From"
        );
        // Read as the type it says it is, without them.
        assert_eq!(decode::<Folder>(&body).item, [item("s")]);
    }

    #[test]
    fn abstract_type_without_xsi_type_is_an_error() {
        assert_eq!(
            decode_error::<Folder>(&folder(
                "<Pattern><Interval>1</Interval></Pattern><Item><Subject>s</Subject></Item>"
            )),
            "2:123 /Envelope/Body/Folder/Pattern: the type Recurrence is abstract: xsi:type must name a type derived from it"
        );
    }

    const ABSTRACT_BY_NAME: &str = r#"<Pattern xsi:type="c:Recurrence"><Interval>1</Interval></Pattern><Item><Subject>s</Subject></Item>"#;

    #[test]
    fn abstract_type_named_by_xsi_type_is_reported_as_abstract() {
        assert_eq!(
            decode_error::<Folder>(&folder(ABSTRACT_BY_NAME)),
            "2:123 /Envelope/Body/Folder/Pattern: the type Recurrence is abstract: xsi:type must name a type derived from it"
        );
    }

    #[test]
    fn unknown_or_unrelated_xsi_type_is_an_error_when_strict() {
        assert_eq!(
            strict_error::<Folder>(&folder(
                r#"<Item xsi:type="c:Meeting"><Subject>s</Subject></Item>"#
            )),
            "2:123 /Envelope/Body/Folder/Item: xsi:type {urn:example:xsi-type}Meeting is not Item or a type derived from it"
        );
        assert_eq!(
            strict_error::<Folder>(&folder(
                r#"<Item xsi:type="c:Weekly"><Subject>s</Subject></Item>"#
            )),
            "2:123 /Envelope/Body/Folder/Item: xsi:type {urn:example:xsi-type}Weekly is not Item or a type derived from it"
        );
        // Read as the declared type otherwise, the name kept.
        let meeting: Folder = round_trip(&folder(
            r#"<Item xsi:type="c:Meeting"><Subject>s</Subject></Item>"#,
        ));
        let [AnyItem::Unknown(unknown)] = meeting.item.as_slice() else {
            panic!("{meeting:?}");
        };
        assert_eq!(unknown.name, "Meeting");
        assert_eq!(
            decode_error::<Folder>(&folder(
                r#"<Item xsi:type="zz:Message"><Subject>s</Subject></Item>"#
            )),
            "2:123 /Envelope/Body/Folder/Item: prefix \"zz\" of \"zz:Message\" is not declared"
        );
    }
}

// ---------------------------------------------------------------------------
// nillable: `Option<T>` where `None` is `xsi:nil="true"`; an optional
// nillable element is `Option<Option<T>>`, a repeated one `Vec<Option<T>>`.

mod nillable {
    use super::*;
    use constructs::nillable::{Availability, Message};

    /// An Availability holding `inner`, which starts at 2:98.
    fn availability(inner: &str) -> String {
        format!(
            "<Availability xmlns=\"urn:example:nillable\" xmlns:xsi=\"{XSI}\">{inner}</Availability>"
        )
    }

    #[test]
    fn values() {
        let Message::Availability(values) = round_trip::<Message>(&availability(
            r#"<Status>Busy</Status><Note xsi:nil="false">lunch</Note><Slot>1</Slot><Slot>2</Slot>"#,
        ));
        assert_eq!(
            values,
            Availability {
                status: Some("Busy".into()),
                note: Some(Some("lunch".into())),
                slot: vec![Some(1), Some(2)],
                next: None,
            }
        );
    }

    #[test]
    fn nil_required_optional_and_repeated() {
        let nil: Availability = round_trip(&availability(
            r#"<Status xsi:nil="true"/><Note xsi:nil="1"></Note><Slot>1</Slot><Slot xsi:nil="true"/><Slot>3</Slot>"#,
        ));
        assert_eq!(
            nil,
            Availability {
                status: None,
                note: Some(None),
                slot: vec![Some(1), None, Some(3)],
                next: None,
            }
        );
        // An optional element left out is not one that is nil.
        let absent: Availability = round_trip(&availability(r#"<Status xsi:nil="true"/>"#));
        assert_eq!(
            absent,
            Availability {
                status: None,
                note: None,
                slot: vec![],
                next: None,
            }
        );
    }

    #[test]
    fn encoding_writes_xsi_nil() {
        let encoded = encode(Availability {
            status: None,
            note: Some(None),
            slot: vec![None, Some(2)],
            next: None,
        });
        let nil = format!(r#"xmlns:xsi="{XSI}" xsi:nil="true"/>"#);
        assert!(
            encoded.contains(&format!(
                "<Status {nil}<Note {nil}<Slot {nil}<Slot>2</Slot></Availability>"
            )),
            "{encoded}"
        );
        let without_note = encode(Availability {
            status: Some("Free".into()),
            note: None,
            slot: vec![],
            next: None,
        });
        assert!(
            without_note.contains(
                r#"<Availability xmlns="urn:example:nillable"><Status>Free</Status></Availability>"#
            ),
            "{without_note}"
        );
    }

    #[test]
    fn missing_required_nillable_element_and_bad_nil_are_errors() {
        assert_eq!(
            decode_error::<Availability>(&availability("<Note>n</Note>")),
            "2:1 /Envelope/Body/Availability: missing required element Status"
        );
        assert_eq!(
            decode_error::<Availability>(&availability(r#"<Status xsi:nil="true">text</Status>"#)),
            "2:121 /Envelope/Body/Availability/Status: text is not allowed here: the element has element-only content"
        );
        assert_eq!(
            decode_error::<Availability>(&availability(r#"<Status xsi:nil="maybe"/>"#)),
            "2:98 /Envelope/Body/Availability/Status: attribute nil: invalid boolean \"maybe\": expected true, false, 1 or 0"
        );
        assert_eq!(
            decode_error::<Availability>(&availability(
                r#"<Status>a</Status><Note xsi:nil="true"/><Note>b</Note>"#
            )),
            "2:138 /Envelope/Body/Availability: element Note appears more than once"
        );
    }

    #[test]
    fn a_recursive_nillable_element_is_boxed() {
        let Message::Availability(outer) = round_trip::<Message>(&availability(
            r#"<Status>Free</Status><Next><Status>Busy</Status><Next xsi:nil="true"/></Next>"#,
        ));
        let inner = Availability {
            status: Some("Busy".into()),
            note: None,
            slot: vec![],
            next: Some(None),
        };
        assert_eq!(outer.next, Some(Some(Box::new(inner))));
    }
}

// ---------------------------------------------------------------------------
// elements: each top-level element gets a type; two sharing a named type
// get wrappers of their own around it, as does one of a built-in type.

mod elements {
    use super::*;
    use constructs::elements::{Count, FolderId, Id, ItemId, Lookup, Message};

    fn id(value: &str) -> Id {
        Id {
            value: value.into(),
        }
    }

    #[test]
    fn elements_sharing_a_type_decode_into_their_own_wrappers() {
        let item: Message = round_trip(r#"<ItemId xmlns="urn:example:elements" Value="i-1"/>"#);
        assert_eq!(item, Message::ItemId(ItemId(id("i-1"))));
        let folder: Message = round_trip(r#"<FolderId xmlns="urn:example:elements" Value="f-1"/>"#);
        assert_eq!(folder, Message::FolderId(FolderId(id("f-1"))));

        let folder_id: FolderId =
            round_trip(r#"<FolderId xmlns="urn:example:elements" Value="f-2"/>"#);
        assert_eq!(folder_id, FolderId(id("f-2")));
        // Each wrapper is its own element only.
        assert_eq!(
            decode_error::<ItemId>(r#"<FolderId xmlns="urn:example:elements" Value="f"/>"#),
            "2:1 /Envelope/Body/FolderId: unexpected payload {urn:example:elements}FolderId"
        );
        let encoded = encode(ItemId(id("x")));
        assert!(
            encoded.contains(r#"<ItemId xmlns="urn:example:elements" Value="x"/>"#),
            "{encoded}"
        );
    }

    #[test]
    fn top_level_element_of_a_built_in_type() {
        let count: Message = round_trip(r#"<Count xmlns="urn:example:elements">42</Count>"#);
        assert_eq!(count, Message::Count(Count(42)));
        let encoded = encode(Count(-1));
        assert!(
            encoded.contains(r#"<Count xmlns="urn:example:elements">-1</Count>"#),
            "{encoded}"
        );
        assert_eq!(
            decode_error::<Count>(r#"<Count xmlns="urn:example:elements">many</Count>"#),
            "2:1 /Envelope/Body/Count: invalid int \"many\": expected an integer from -2147483648 to 2147483647"
        );
    }

    #[test]
    fn anonymous_type_referring_to_a_top_level_element() {
        let Message::Lookup(lookup) = round_trip::<Message>(
            r#"<Lookup xmlns="urn:example:elements"><ItemId Value="i-9"/></Lookup>"#,
        ) else {
            panic!("not a Lookup")
        };
        // Inside another type the element holds its type itself.
        assert_eq!(lookup, Lookup { item_id: id("i-9") });
        let other = r#"<Lookup xmlns="urn:example:elements"><FolderId Value="i-9"/></Lookup>"#;
        assert_eq!(
            strict_error::<Lookup>(other),
            "2:38 /Envelope/Body/Lookup: unexpected element {urn:example:elements}FolderId"
        );
        // Skipped otherwise: what the type requires is still required.
        assert_eq!(
            decode_error::<Lookup>(other),
            "2:1 /Envelope/Body/Lookup: missing required element ItemId"
        );
    }
}
