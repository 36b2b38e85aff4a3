//! `Response` wherever a response keeps its messages: GetMailTips' is a
//! response message itself and holds one more per recipient, and
//! `check()` sees every one.

use crate::common::*;
use crate::schema::*;
use ews_um::{Reply, Response, ResponseMessage};

#[test]
fn get_mail_tips_checks_the_message_of_every_recipient() {
    let name = "get_mail_tips_response";
    let reply: Reply<GetMailTips> = decode(name);
    // The operation's own message is the response itself...
    let messages: Vec<&GetMailTipsResponseMessageType> = reply.body.messages().collect();
    assert_eq!(messages, [&reply.body]);
    // ...and its outcome comes first among the recipients'.
    let outcomes: Vec<(&str, Option<&ResponseCodeType>)> = reply
        .body
        .outcomes()
        .map(|m| (m.class(), m.code()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("Success", Some(&ResponseCodeType::NoError)),
            ("Success", Some(&ResponseCodeType::NoError)),
            ("Error", Some(&ResponseCodeType::ErrorInvalidSmtpAddress)),
        ]
    );
    let error = reply.body.check().unwrap_err();
    assert_eq!(
        error.to_string(),
        "ErrorInvalidSmtpAddress: The SMTP address has no mailbox associated with it."
    );
    let tips = reply.body.response_messages.as_ref().unwrap();
    let first = tips.mail_tips_response_message_type[0]
        .mail_tips
        .as_ref()
        .unwrap();
    assert_eq!(
        first.custom_mail_tip.as_deref(),
        Some("Out until Monday; Dana covers budget questions.")
    );
    assert!(first.pending_mail_tips.0.is_empty());
    assert_round_trip(name, &reply);
}
