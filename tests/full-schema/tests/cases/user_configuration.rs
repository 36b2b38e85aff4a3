//! The user-configuration operations (Create, Get, Update, Delete), whose
//! `UserConfigurationName` extends `TargetFolderIdType` (a choice of folder
//! ids) with only a `Name` attribute, sent with the headers each operation
//! takes and answered with response messages checked by `Response`.

use std::time::Duration;

use crate::common::*;
use crate::schema::*;
use ews_um::xml::{Base64, List};
use ews_um::{Reply, Request, Response, ResponseMessage};

const CALL_ROUTING: &str = "Contoso.CallRouting";
/// The `XmlData` the configurations hold: base64 in the messages.
const ROUTING: &[u8] = br#"<routing version="2"/>"#;
const ROOT_ID: &str = "AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NAAuAAAAAABS8iZlpgwS0okYXZUO6IE2AQD4uaYahr/vI2/83zHT3zYHQDZKgD3AAAA=";

/// The headers of the requests: the version they ask for, by name.
fn exchange_2013() -> GetUserConfigurationHeaders {
    GetUserConfigurationHeaders {
        request_server_version: requesting(ExchangeVersionType::Exchange2013),
        ..Default::default()
    }
}

/// The headers of the responses.
fn answered() -> ServerVersionInfoHeaders {
    ServerVersionInfoHeaders {
        server_version_info: exchange_2016(),
    }
}

/// The configuration's name, in the folder `id` names.
fn name(id: target_folder_id_type::Id) -> UserConfigurationNameType {
    UserConfigurationNameType {
        target_folder_id: TargetFolderIdType { id },
        name: CALL_ROUTING.into(),
    }
}

fn distinguished(id: DistinguishedFolderIdNameType) -> target_folder_id_type::Id {
    target_folder_id_type::Id::DistinguishedFolderId(Box::new(DistinguishedFolderIdType {
        id,
        change_key: None,
        mailbox: None,
    }))
}

fn folder(id: &str, change_key: Option<&str>) -> target_folder_id_type::Id {
    target_folder_id_type::Id::FolderId(Box::new(FolderIdType {
        id: id.into(),
        change_key: change_key.map(Into::into),
    }))
}

/// A dictionary entry from a string key to a value of `kind`; no values
/// stand for `xsi:nil`.
fn entry(
    key: &str,
    kind: UserConfigurationDictionaryObjectTypesType,
    values: &[&str],
) -> UserConfigurationDictionaryEntryType {
    let object = |kind, values: &[&str]| UserConfigurationDictionaryObjectType {
        type_: kind,
        value: values.iter().map(|v| v.to_string()).collect(),
    };
    UserConfigurationDictionaryEntryType {
        dictionary_key: object(UserConfigurationDictionaryObjectTypesType::String, &[key]),
        dictionary_value: (!values.is_empty()).then(|| object(kind, values)),
    }
}

fn dictionary(
    entries: Vec<UserConfigurationDictionaryEntryType>,
) -> UserConfigurationDictionaryType {
    UserConfigurationDictionaryType {
        dictionary_entry: entries,
    }
}

/// The outcome of the only response message of a response.
fn only_message<R: Response>(response: &R) -> &R::Outcome {
    let messages: Vec<_> = response.outcomes().collect();
    match messages.as_slice() {
        [message] => message,
        other => panic!("expected one response message, got {}", other.len()),
    }
}

use UserConfigurationDictionaryObjectTypesType as Kind;

#[test]
fn create_request_sends_a_dictionary_of_several_kinds_and_data() {
    let name_ = "create_user_configuration_request";
    let request: Request<CreateUserConfiguration> = decode(name_);
    let expected = Request::<CreateUserConfiguration>::with_header(
        exchange_2013(),
        CreateUserConfiguration {
            user_configuration: UserConfigurationType {
                user_configuration_name: name(distinguished(DistinguishedFolderIdNameType::Root)),
                item_id: None,
                dictionary: Some(dictionary(vec![
                    entry("ForwardTo", Kind::String, &["+44 20 7946 0321"]),
                    entry("RingSeconds", Kind::Integer32, &["25"]),
                    entry("QuietHours", Kind::StringArray, &["22:00", "07:00"]),
                    entry("Voicemail", Kind::String, &[]),
                ])),
                xml_data: Some(Base64::from_bytes(ROUTING)),
                binary_data: Some(Base64::from_bytes(&[1, 2, 3, 4])),
            },
        },
    );
    assert_eq!(request, expected);
    assert_round_trip(name_, &request);
}

#[test]
fn create_response_succeeds() {
    let name_ = "create_user_configuration_response";
    let reply: Reply<CreateUserConfiguration> = decode(name_);
    assert_eq!(reply.header, answered());
    assert_eq!(only_message(&reply.body), &success());
    assert!(reply.body.check().is_ok());
    assert_round_trip(name_, &reply);
}

#[test]
fn get_request_names_the_configuration_and_the_properties_wanted() {
    let name_ = "get_user_configuration_request";
    let request: Request<GetUserConfiguration> = decode(name_);
    let expected = Request::<GetUserConfiguration>::with_header(
        exchange_2013(),
        GetUserConfiguration {
            user_configuration_name: name(distinguished(DistinguishedFolderIdNameType::Root)),
            user_configuration_properties: List(vec![
                UserConfigurationPropertyItem::Id,
                UserConfigurationPropertyItem::Dictionary,
                UserConfigurationPropertyItem::XmlData,
            ]),
        },
    );
    assert_eq!(request, expected);
    assert_round_trip(name_, &request);
}

#[test]
fn get_response_returns_the_configuration_where_it_lives() {
    let name_ = "get_user_configuration_response";
    let reply: Reply<GetUserConfiguration> = decode(name_);
    assert!(reply.body.check().is_ok());
    assert_eq!(only_message(&reply.body).class(), "Success");
    // The operation's own messages, typed.
    let messages: Vec<&GetUserConfigurationResponseMessageType> = reply.body.messages().collect();
    let [message] = messages.as_slice() else {
        panic!("{:?}", reply.body);
    };
    let expected = UserConfigurationType {
        user_configuration_name: name(folder(ROOT_ID, Some("AQAAABYAAAD4uaYahr/vI2/83zHT3zYHAAAEp0Kw"))),
        item_id: Some(AnyItemIdType::ItemIdType(Box::new(ItemIdType {
            id: "AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NABGAAAAAABS8iZlpgwS0okYXZUO6IE2BwD4uaYahr/vI2/83zHT3zYHAAAAAAEaAAD4uaYahr/vI2/83zHT3zYHAAAEp1IaAAA=".into(),
            change_key: Some("CQAAABYAAAD4uaYahr/vI2/83zHT3zYHAAAEp0Kz".into()),
        }))),
        dictionary: Some(dictionary(vec![
            entry("ForwardTo", Kind::String, &["+44 20 7946 0321"]),
            entry("LastChanged", Kind::DateTime, &["2024-05-02T16:20:00Z"]),
            entry("Voicemail", Kind::String, &[]),
        ])),
        xml_data: Some(Base64::from_bytes(ROUTING)),
        binary_data: None,
    };
    assert_eq!(message.response_message, success());
    assert_eq!(message.user_configuration.as_deref(), Some(&expected));
    assert_round_trip(name_, &reply);
}

#[test]
fn update_request_names_the_folder_by_id() {
    let name_ = "update_user_configuration_request";
    let request: Request<UpdateUserConfiguration> = decode(name_);
    let configuration = &request.body.user_configuration;
    assert_eq!(
        configuration.user_configuration_name,
        name(folder(ROOT_ID, None))
    );
    assert_eq!(
        configuration.dictionary,
        Some(dictionary(vec![entry(
            "RingSeconds",
            Kind::Integer32,
            &["30"]
        )]))
    );
    assert_eq!(
        request.header.request_server_version,
        exchange_2013().request_server_version
    );
    assert_round_trip(name_, &request);
}

/// Exchange throttles: the error carries how long to wait, in `MessageXml`
/// whose content uses a prefix declared, with others, on an ancestor.
#[test]
fn update_response_from_a_busy_server_says_how_long_to_back_off() {
    let name_ = "update_user_configuration_busy_response";
    let reply: Reply<UpdateUserConfiguration> = decode(name_);
    let message = only_message(&reply.body);
    assert_eq!(message.code(), Some(&ResponseCodeType::ErrorServerBusy));
    assert_eq!(message.back_off(), Some(Duration::from_millis(29250)));
    let details = message.details_xml();
    assert_eq!(details.len(), 2);
    // Each piece keeps the declarations it relies on, and only those.
    let types = "http://schemas.microsoft.com/exchange/services/2006/types";
    let messages = "http://schemas.microsoft.com/exchange/services/2006/messages";
    assert_eq!(
        details[0].namespaces,
        [
            ("".to_owned(), messages.to_owned()),
            ("t".to_owned(), types.to_owned())
        ]
    );
    assert_eq!(
        details[0].xml,
        r#"<t:Value Name="BackOffMilliseconds">29250</t:Value>"#
    );

    let error = reply.body.check().unwrap_err();
    assert_eq!(error.code, Some(ResponseCodeType::ErrorServerBusy));
    assert_eq!(
        error.text.as_deref(),
        Some("The server cannot service this request right now. Try again later.")
    );
    assert_eq!(error.back_off, Some(Duration::from_millis(29250)));
    assert_eq!(error.details.as_ref().map(|d| d.any.len()), Some(2));
    assert_eq!(
        error.to_string(),
        "ErrorServerBusy: The server cannot service this request right now. Try again later."
    );
    assert_round_trip(name_, &reply);
}

#[test]
fn delete_request_names_a_folder_of_another_mailbox() {
    let name_ = "delete_user_configuration_request";
    let request: Request<DeleteUserConfiguration> = decode(name_);
    let target_folder_id_type::Id::DistinguishedFolderId(folder) =
        &request.body.user_configuration_name.target_folder_id.id
    else {
        panic!("{:?}", request.body);
    };
    assert_eq!(folder.id, DistinguishedFolderIdNameType::Root);
    let Some(AnyEmailAddressType::EmailAddressType(mailbox)) = &folder.mailbox else {
        panic!("{folder:?}");
    };
    assert_eq!(
        mailbox.email_address.as_deref(),
        Some("dana.whitfield@contoso.com")
    );
    assert_eq!(request.body.user_configuration_name.name, CALL_ROUTING);
    assert_round_trip(name_, &request);
}

#[test]
fn delete_response_of_a_missing_configuration_is_an_error_without_back_off() {
    let name_ = "delete_user_configuration_response";
    let reply: Reply<DeleteUserConfiguration> = decode(name_);
    let error = reply.body.check().unwrap_err();
    assert_eq!(error.code, Some(ResponseCodeType::ErrorItemNotFound));
    assert_eq!(error.back_off, None);
    assert_eq!(error.details, None);
    assert_eq!(
        error.to_string(),
        "ErrorItemNotFound: The specified object was not found in the store."
    );
    assert_round_trip(name_, &reply);
}
