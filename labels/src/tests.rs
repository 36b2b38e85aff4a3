//! What the generator writes is what the derives read: every label printed
//! and parsed back is the same label; labels that mean nothing are refused.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Attribute, LitStr, Path, parse_quote};

use crate::{
    ChoiceVariant, DeclaredType, DerivedVariant, Element, EnumVariant, Member, Occurs, TypeLabel,
    VersionRange,
};

fn attrs(tokens: TokenStream) -> Vec<Attribute> {
    let item: syn::ItemStruct = parse_quote!(#tokens struct S;);
    item.attrs
}

fn lit(s: &str) -> LitStr {
    LitStr::new(s, proc_macro2::Span::call_site())
}

fn ns() -> Option<Path> {
    Some(parse_quote!(T_NAMESPACE))
}

fn same(a: &impl ToTokens, b: &impl ToTokens) -> bool {
    a.to_token_stream().to_string() == b.to_token_stream().to_string()
}

#[test]
fn members_print_and_parse_back() {
    let element = |occurs, nillable, boxed| Element {
        name: lit("Item"),
        ns: ns(),
        aliases: vec![lit("item")],
        occurs,
        nillable,
        boxed,
        versions: VersionRange::default(),
    };
    let members = [
        Member::Base,
        Member::Attribute {
            name: lit("Id"),
            ns: None,
            optional: false,
            versions: VersionRange::default(),
        },
        Member::Attribute {
            name: lit("lang"),
            ns: ns(),
            optional: true,
            versions: VersionRange {
                since: Some(parse_quote!(versions::V2)),
                ..VersionRange::default()
            },
        },
        Member::AnyAttribute,
        Member::Element(element(Occurs::Required, false, false)),
        Member::Element(element(Occurs::Optional, true, true)),
        Member::Element(element(
            Occurs::Repeated {
                min: 1,
                max: Some(3),
            },
            false,
            true,
        )),
        Member::Element(element(Occurs::Repeated { min: 0, max: None }, true, false)),
        Member::Choice {
            occurs: Occurs::Optional,
            boxed: false,
            open: false,
        },
        Member::Choice {
            occurs: Occurs::Repeated { min: 2, max: None },
            boxed: true,
            open: true,
        },
        Member::Any {
            occurs: Occurs::Repeated {
                min: 0,
                max: Some(1),
            },
        },
        Member::Text,
        Member::Unknown,
    ];
    for member in members {
        let printed = member.to_token_stream();
        let parsed =
            Member::parse(&attrs(printed.clone())).unwrap_or_else(|e| panic!("{printed}: {e}"));
        assert!(same(&parsed, &member), "{printed}");
    }
}

#[test]
fn the_occurrence_is_read_not_guessed() {
    let parsed = Member::parse(&attrs(quote!(#[xml(element = "A", repeated, max = 3)])));
    let Ok(Member::Element(element)) = parsed else {
        panic!("an element");
    };
    assert_eq!(
        element.occurs,
        Occurs::Repeated {
            min: 0,
            max: Some(3)
        }
    );
    let parsed = Member::parse(&attrs(quote!(#[xml(element = "A")])));
    assert!(matches!(parsed, Ok(Member::Element(e)) if e.occurs == Occurs::Required));
}

#[test]
fn variants_and_types_print_and_parse_back() {
    let alternative = Element {
        name: lit("A"),
        ns: ns(),
        aliases: Vec::new(),
        occurs: Occurs::Required,
        nillable: true,
        boxed: true,
        versions: VersionRange {
            since: Some(parse_quote!(versions::V2)),
            until: Some(parse_quote!(versions::V3)),
            except: Vec::new(),
        },
    };
    let parsed = Element::parse_alternative(&attrs(alternative.to_token_stream())).unwrap();
    assert!(same(&parsed, &alternative));
    for variant in [ChoiceVariant::Element(alternative), ChoiceVariant::Other] {
        let parsed = ChoiceVariant::parse(&attrs(variant.to_token_stream())).unwrap();
        assert!(same(&parsed, &variant));
    }

    for variant in [
        DerivedVariant::Base,
        DerivedVariant::Type {
            name: lit("T"),
            ns: ns(),
            versions: VersionRange {
                since: Some(parse_quote!(versions::V2)),
                ..VersionRange::default()
            },
        },
        DerivedVariant::Other,
    ] {
        let parsed = DerivedVariant::parse(&attrs(variant.to_token_stream())).unwrap();
        assert!(same(&parsed, &variant));
    }
    let until = VersionRange {
        since: None,
        until: Some(parse_quote!(versions::V4)),
        except: vec![parse_quote!(versions::V2), parse_quote!(versions::V3)],
    };
    for variant in [
        EnumVariant::Value(Some(lit("a b")), VersionRange::default()),
        EnumVariant::Value(None, until),
        EnumVariant::Other,
    ] {
        let parsed = EnumVariant::parse(&attrs(variant.to_token_stream())).unwrap();
        assert!(same(&parsed, &variant));
    }
    let declared = DeclaredType {
        name: lit("T"),
        ns: ns(),
        is_abstract: true,
    };
    let label = TypeLabel::parse(&attrs(declared.to_token_stream()), true).unwrap();
    assert!(same(&label.declared.unwrap(), &declared));
    assert_eq!(
        label.runtime.to_token_stream().to_string(),
        ":: ews_um :: xml"
    );
    let label = TypeLabel::parse(&attrs(quote!(#[xml(crate = ::ews_um_xml)])), false).unwrap();
    assert_eq!(label.runtime.to_token_stream().to_string(), ":: ews_um_xml");
}

#[test]
fn labels_that_mean_nothing_are_refused() {
    let refused = |tokens: TokenStream, message: &str| {
        let error = match Member::parse(&attrs(tokens.clone())) {
            Ok(_) => panic!("{tokens} was accepted"),
            Err(error) => error.to_string(),
        };
        assert!(error.contains(message), "{tokens}: {error}");
    };
    refused(
        quote!(#[xml(element = "A", optional, repeated)]),
        "not both",
    );
    refused(
        quote!(#[xml(element = "A", max = 2)]),
        "bounds need `repeated`",
    );
    refused(
        quote!(#[xml(attribute = "A", nillable)]),
        "`nillable` does not apply here",
    );
    refused(quote!(#[xml(any, boxed)]), "`boxed` does not apply here");
    refused(quote!(#[xml(element = "A", choice)]), "one kind of member");
    refused(
        quote!(#[xml(element = "A", ns = X, ns = Y)]),
        "`ns` is given twice",
    );
    refused(quote!(#[xml(elemnt = "A")]), "unknown xml attribute");
    refused(quote!(#[xml(ns = X)]), "expected #[xml(base | attribute");
    refused(
        quote!(#[xml(unknown, repeated)]),
        "`repeated` does not apply here",
    );
    refused(
        quote!(#[xml(element = "A", open)]),
        "`open` does not apply here",
    );
    assert!(Element::parse_alternative(&attrs(quote!(#[xml(element = "A", optional)]))).is_err());
    assert!(Element::parse_alternative(&attrs(quote!(#[xml(other)]))).is_err());
    assert!(ChoiceVariant::parse(&attrs(quote!(#[xml(other, element = "A")]))).is_err());
    assert!(DerivedVariant::parse(&attrs(quote!(#[xml(other, name = "T")]))).is_err());
    assert!(TypeLabel::parse(&attrs(quote!(#[xml(ns = X)])), true).is_err());
    assert!(EnumVariant::parse(&attrs(quote!(#[xml(other, value = "x")]))).is_err());
    assert!(EnumVariant::parse(&attrs(quote!(#[xml(other, since = versions::V2)]))).is_err());
}
