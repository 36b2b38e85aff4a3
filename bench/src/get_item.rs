//! A GetItem response of 100 messages with HTML bodies of about 4 KB each,
//! decoded with the types generated from Microsoft's EWS schema (when it is
//! at hand: see `build.rs`). Bodies are most of what a client fetches with
//! GetItem; FindItem does not return them.

use crate::microsoft;
#[cfg(ews_schema)]
use crate::microsoft::ews;

/// The GetItem fixture (a message, then an error for an item not found),
/// its message's plain-text body replaced by [`html_body`] and the message
/// repeated until there are `count` of them.
///
/// The message's second category is left out: the `ews` crate (0.1.2)
/// reads `t:Categories` as one `t:String` per `t:Categories` element, and
/// fails on the fixture's two ("duplicate field `String`"). It reads the
/// rest, the error message included.
pub fn get_item_response(count: usize) -> Vec<u8> {
    let fixture = include_str!("../../tests/fixtures/ews-full/get_item_mixed_response.xml");
    let second_category = "\n                <t:String>Follow up</t:String>";
    assert!(
        fixture.contains(second_category),
        "the fixture has two categories"
    );
    let fixture = fixture.replacen(second_category, "", 1);
    let open = "<t:Body BodyType=\"Text\" IsTruncated=\"false\">";
    let start = fixture
        .find(open)
        .expect("the fixture's message has a body");
    let end = start + fixture[start..].find("</t:Body>").expect("the body closes");
    let body = format!(
        "<t:Body BodyType=\"HTML\" IsTruncated=\"false\">{}",
        escape(&html_body())
    );
    let fixture = format!("{}{body}{}", &fixture[..start], &fixture[end..]);
    crate::repeat::children(&fixture, "<m:Items>", "</m:Items>", count).into_bytes()
}

/// The HTML of a message body of about 4 KB, as Outlook writes one: a head
/// with a style sheet, then paragraphs with inline markup, entities and a
/// signature.
pub fn html_body() -> String {
    let mut html = String::from(
        "<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n\
         <style type=\"text/css\" style=\"display:none;\"> P {margin-top:0;margin-bottom:0;} </style>\r\n\
         </head>\r\n<body dir=\"ltr\">\r\n",
    );
    let paragraph = "<div style=\"font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);\">\
        Hi Dana,<br>Numbers for Q3 are attached &amp; the headcount stays at 14 &lt;= plan. \
        The <b>travel</b> line is 8&nbsp;% over, mostly the Oslo offsite; see \
        <a href=\"https://contoso.sharepoint.com/sites/finance/Q3?view=summary&amp;tab=2\">the summary</a>.</div>\r\n";
    while html.len() < 3800 {
        html.push_str(paragraph);
    }
    html.push_str(
        "<div id=\"Signature\"><p>Rui Okafor<br>Finance, Contoso Ltd.<br>+1 425 555 0100</p></div>\r\n</body>\r\n</html>\r\n",
    );
    html
}

/// `text` as XML character data, as Exchange writes a body.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The decoded response, as the benchmarks keep it.
#[cfg(ews_schema)]
pub type Decoded = microsoft::Response<ews::GetItemResponse>;
/// Nothing: Microsoft's schema was not at hand.
#[cfg(not(ews_schema))]
pub type Decoded = ();

/// Decodes a GetItem response; `None` without Microsoft's schema.
pub fn decode(xml: &[u8]) -> Option<Decoded> {
    microsoft::decode(xml)
}

/// The items of a decoded response, over all its messages.
#[cfg(ews_schema)]
pub fn count(response: &Decoded) -> usize {
    use ews::array_of_response_messages_type::ResponseMessage as Message;
    microsoft::messages(&response.body.base_response_message)
        .iter()
        .map(|message| match message {
            Message::GetItemResponseMessage(info) => {
                AsRef::<ews::ItemInfoResponseMessageType>::as_ref(info)
                    .items
                    .items
                    .len()
            }
            _ => 0,
        })
        .sum()
}
/// Nothing to count without Microsoft's schema.
#[cfg(not(ews_schema))]
pub fn count(response: &Decoded) -> usize {
    let () = response;
    0
}

/// Decodes a GetItem response and counts its items: what the benchmark
/// times. `None` without Microsoft's schema.
pub fn decode_and_count(xml: &[u8]) -> Option<usize> {
    decode(xml).map(|response| count(&response))
}
