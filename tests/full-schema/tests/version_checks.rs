//! Requests checked against the schema versions merged into the union
//! module (`src/union.rs`: Exchange 2010 SP1, 2010 SP2, the 2016 and 2017
//! builds, named by the newest `RequestServerVersion` each lists): an
//! element, an enumeration value, an operation that came later, and an
//! element removed, each named by path with the version that has it.

use ews_full_schema::union::*;
use ews_um::Envelope;
use ews_um::xml::VersionError;
use ews_um_tests::fixture;

const SP1: &str = "Exchange2010_SP1";
const SP2: &str = "Exchange2010_SP2";
const V2016: &str = "V2016_10_10";
const V2017: &str = "V2017_07_11";

/// The documented FindItem request: nothing newer than Exchange 2010 SP1.
fn find_item() -> FindItem {
    let bytes = fixture("ews-full/find_item_request.xml");
    Envelope::<FindItem, Option<RequestServerVersion>>::decode(&bytes)
        .unwrap()
        .body
}

/// `Err` of a check as `(path, item, since, until)`.
/// What a check found lacking: path, item, since, until.
type Lacks = (String, String, Option<&'static str>, Option<&'static str>);

fn lacks(result: Result<(), VersionError>) -> Lacks {
    match result {
        Err(VersionError::Lacks {
            path,
            item,
            since,
            until,
            ..
        }) => (path, item.to_string(), since, until),
        other => panic!("expected a missing item, got {other:?}"),
    }
}

#[test]
fn the_module_knows_its_versions_oldest_first() {
    if VERSIONS.names.len() < 4 {
        eprintln!("skipped: fewer than four schema versions were merged (see .ci/full-schema.sh)");
        return;
    }
    assert_eq!(VERSIONS.names, [SP1, SP2, V2016, V2017]);
}

#[test]
fn a_request_of_2010_features_passes_every_version() {
    for version in VERSIONS.names {
        VERSIONS
            .check(&find_item(), version)
            .unwrap_or_else(|e| panic!("{version}: {e}"));
    }
}

#[test]
fn an_element_added_later_is_named_with_the_version_that_brought_it() {
    if VERSIONS.version(SP1).is_none() {
        return eprintln!("skipped: Exchange 2010 SP1's schema was not merged");
    }
    let mut find = find_item();
    find.item_shape.unique_body_type = Some(BodyTypeResponseType::Text);
    let (path, item, since, until) = lacks(VERSIONS.check(&find, SP1));
    assert_eq!(path, "/FindItem/ItemShape/UniqueBodyType");
    assert_eq!(item, "element UniqueBodyType");
    assert_eq!((since, until), (Some(V2016), None));
    assert_eq!(
        VERSIONS.check(&find, SP2).unwrap_err().to_string(),
        "/FindItem/ItemShape/UniqueBodyType: Exchange2010_SP2 has no element UniqueBodyType \
         (it came with V2016_10_10)"
    );
    VERSIONS.check(&find, V2016).unwrap();
    VERSIONS.check(&find, V2017).unwrap();
}

#[test]
fn an_enumeration_value_added_later_is_named_with_its_attribute() {
    if VERSIONS.version(SP1).is_none() {
        return eprintln!("skipped: Exchange 2010 SP1's schema was not merged");
    }
    let mut find = find_item();
    let [non_empty_array_of_base_folder_ids_type::FolderId::DistinguishedFolderId(folder)] =
        find.parent_folder_ids.folder_ids.as_mut_slice()
    else {
        panic!("the fixture searches one distinguished folder");
    };
    folder.id = DistinguishedFolderIdNameType::Syncissues;
    let (path, item, since, _) = lacks(VERSIONS.check(&find, SP1));
    assert_eq!(path, "/FindItem/ParentFolderIds/DistinguishedFolderId/@Id");
    assert_eq!(item, "value \"syncissues\"");
    assert_eq!(since, Some(V2016));
    VERSIONS.check(&find, V2016).unwrap();
}

#[test]
fn an_operation_added_later_is_refused_as_a_whole() {
    if VERSIONS.version(SP1).is_none() {
        return eprintln!("skipped: Exchange 2010 SP1's schema was not merged");
    }
    let find_people = FindPeople::new(IndexedPageViewType::new(0, IndexBasePointType::Beginning));
    let (path, item, since, _) = lacks(VERSIONS.check(&find_people, SP2));
    assert_eq!(
        (path.as_str(), item.as_str()),
        ("/FindPeople", "element FindPeople")
    );
    assert_eq!(since, Some(V2016));
    VERSIONS.check(&find_people, V2017).unwrap();
}

#[test]
fn an_element_moved_into_a_choice_is_in_every_version_whichever_member_holds_it() {
    if VERSIONS.version(SP1).is_none() {
        return eprintln!("skipped: Exchange 2010 SP1's schema was not merged");
    }
    // FindConversation's paging became a choice of views in 2013: the
    // union holds both members, and either writes what every version takes.
    let inbox = DistinguishedFolderIdType::new(DistinguishedFolderIdNameType::Inbox);
    let folder = target_folder_id_type::Id::DistinguishedFolderId(Box::new(inbox));
    let folder =
        AnyTargetFolderIdType::TargetFolderIdType(Box::new(TargetFolderIdType { id: folder }));
    let mut find = FindConversation::new(folder);
    find.indexed_page_item_view = Some(Box::new(IndexedPageViewType::new(
        0,
        IndexBasePointType::End,
    )));
    for version in VERSIONS.names {
        VERSIONS
            .check(&find, version)
            .unwrap_or_else(|e| panic!("{version}: {e}"));
    }
    // What the choice added in 2013 is checked as such.
    find.indexed_page_item_view = None;
    let seek = SeekToConditionPageViewType::new(IndexBasePointType::Beginning);
    find.page_item_view =
        Some(find_conversation_type::PageItemView::SeekToConditionPageItemView(Box::new(seek)));
    let (path, _, since, _) = lacks(VERSIONS.check(&find, SP2));
    assert_eq!(path, "/FindConversation/SeekToConditionPageItemView");
    assert_eq!(since, Some(V2016));
}

#[test]
fn a_substitution_group_one_version_writes_as_a_choice_is_in_every_version() {
    // 2016 lists FieldURI in an anonymous choice, the others in the `Path`
    // substitution group: the union has both, and either passes all four.
    let mut find = find_item();
    let paths = find.item_shape.additional_properties.as_mut().unwrap();
    assert!(
        !paths.field_uris.is_empty(),
        "the fixture's paths decode here"
    );
    let field = PathToUnindexedFieldType {
        field_uri: UnindexedFieldUriType::ItemSubject,
    };
    paths.field_uris.clear();
    paths.path = vec![Path::FieldUri(Box::new(field))];
    for version in VERSIONS.names {
        VERSIONS
            .check(&find, version)
            .unwrap_or_else(|e| panic!("{version}: {e}"));
    }
}

#[test]
fn a_version_the_module_does_not_have_is_an_error_listing_those_it_has() {
    let error = VERSIONS.check(&find_item(), "Exchange2007").unwrap_err();
    let VersionError::UnknownVersion { target, known } = &error else {
        panic!("expected an unknown version, got {error:?}");
    };
    assert_eq!((target.as_str(), *known), ("Exchange2007", VERSIONS.names));
    assert!(error.to_string().contains(VERSIONS.names[0]), "{error}");
}
