//! A GetAttachment response carrying a 10 MiB file attachment, decoded with
//! the types generated from Microsoft's EWS schema (when it is at hand: see
//! `build.rs`). The attachment's bytes are generated (pseudo-random, so
//! that nothing compresses or repeats) and written in base64 as Exchange
//! and MIME write it: lines of 76 characters ending in CRLF.

use crate::microsoft;
#[cfg(ews_schema)]
use crate::microsoft::ews;

/// The size of the attachment: 10 MiB.
pub const ATTACHMENT_BYTES: usize = 10 << 20;

/// `len` pseudo-random bytes, the same on every run (SplitMix64 from a
/// fixed seed).
pub fn attachment(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut bytes = Vec::with_capacity(len + 8);
    while bytes.len() < len {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        bytes.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

/// `bytes` in base64 (RFC 4648, padded), in lines of 76 characters each
/// ending in CRLF (RFC 2045), the last one too.
pub fn base64_lines(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(base64_lines_len(bytes.len()));
    // 57 bytes make one line of 76 characters.
    for line in bytes.chunks(57) {
        out.push_str(ews_um::xml::Base64::from_bytes(line).as_str());
        out.push_str("\r\n");
    }
    out
}

/// A GetAttachment response envelope, in the shape Exchange sends, whose
/// one file attachment holds `content` (base64 text).
pub fn response_with(content: &str) -> Vec<u8> {
    let mut xml = String::with_capacity(content.len() + 2048);
    xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="utf-8"?>"#,
        "\n",
        r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507"
        MinorBuildNumber="23" Version="V2016_10_10"
        xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"
        xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>
  </s:Header>
  <s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <m:GetAttachmentResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
                             xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
      <m:ResponseMessages>
        <m:GetAttachmentResponseMessage ResponseClass="Success">
          <m:ResponseCode>NoError</m:ResponseCode>
          <m:Attachments>
            <t:FileAttachment>
              <t:AttachmentId Id="AAMkADRmMmQ5YzYxLThiM2UtNGE3ZC1iMGMyLTVlOTFmM2E2ZDg3NABGAAAAAAAAUvImZaYMEtKJGF2VDuiBNgcACRZvaxE9F41sD9OQH/I5oaCV8g+TlQAAZQz5OAuO2yJKaySKHpJOj9CuLhqUkgABEgAQAJ8x3BTvNT5OuEb9RxLqmmc=" />
              <t:Name>Q3 budget.xlsx</t:Name>
              <t:ContentType>application/vnd.openxmlformats-officedocument.spreadsheetml.sheet</t:ContentType>
              <t:Content>"#
    ));
    xml.push_str(content);
    xml.push_str(
        r#"</t:Content>
            </t:FileAttachment>
          </m:Attachments>
        </m:GetAttachmentResponseMessage>
      </m:ResponseMessages>
    </m:GetAttachmentResponse>
  </s:Body>
</s:Envelope>
"#,
    );
    xml.into_bytes()
}

/// The GetAttachment response of a 10 MiB attachment.
pub fn get_attachment_response() -> Vec<u8> {
    response_with(&base64_lines(&attachment(ATTACHMENT_BYTES)))
}

/// The length of the text [`base64_lines`] writes for `bytes` bytes.
pub fn base64_lines_len(bytes: usize) -> usize {
    bytes.div_ceil(3) * 4 + 2 * bytes.div_ceil(57)
}

/// The decoded response, as the benchmarks keep it.
#[cfg(ews_schema)]
pub type Decoded = microsoft::Response<ews::GetAttachmentResponse>;
/// Nothing: Microsoft's schema was not at hand.
#[cfg(not(ews_schema))]
pub type Decoded = ();

/// Decodes a GetAttachment response; `None` without Microsoft's schema.
pub fn decode(xml: &[u8]) -> Option<Decoded> {
    microsoft::decode(xml)
}

/// The content of the file attachments of a decoded response, over all
/// its messages: the one place that reads `t:Content`.
#[cfg(ews_schema)]
pub fn contents(response: &Decoded) -> Vec<&ews_um::xml::Base64> {
    use ews::array_of_attachments_type::Attachment;
    use ews::array_of_response_messages_type::ResponseMessage as Message;
    microsoft::messages(&response.body.base_response_message)
        .iter()
        .filter_map(|message| match message {
            Message::GetAttachmentResponseMessage(info) => Some(&info.attachments.attachments),
            _ => None,
        })
        .flatten()
        .filter_map(|attachment| match attachment {
            Attachment::FileAttachment(file) => file.content.as_ref(),
            _ => None,
        })
        .collect()
}
/// Nothing to read without Microsoft's schema.
#[cfg(not(ews_schema))]
pub fn contents(response: &Decoded) -> Vec<&ews_um::xml::Base64> {
    let () = response;
    Vec::new()
}

/// Decodes a GetAttachment response and gives the length of its content's
/// text: what the benchmark times (the bytes are decoded on demand, not by
/// reading the message). `None` without Microsoft's schema.
pub fn decode_and_read(xml: &[u8]) -> Option<usize> {
    decode(xml).map(|response| contents(&response).iter().map(|c| c.as_str().len()).sum())
}

/// Decodes a GetAttachment response and gives the number of bytes its
/// content holds, for the checks. `None` without Microsoft's schema.
pub fn decode_and_measure(xml: &[u8]) -> Option<usize> {
    decode(xml).map(|response| contents(&response).iter().map(|c| c.decoded_len()).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648_in_lines_of_76() {
        assert_eq!(base64_lines(b"Man"), "TWFu\r\n");
        assert_eq!(base64_lines(b"Ma"), "TWE=\r\n");
        assert_eq!(base64_lines(b"M"), "TQ==\r\n");
        let text = base64_lines(&attachment(1000));
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 1000usize.div_ceil(57));
        assert!(lines[..lines.len() - 1].iter().all(|l| l.len() == 76));
        assert_eq!(text.len(), base64_lines_len(1000));
    }

    #[test]
    fn the_attachment_is_the_same_on_every_run_and_does_not_repeat() {
        let bytes = attachment(4096);
        assert_eq!(bytes, attachment(4096));
        assert_ne!(bytes[..2048], bytes[2048..]);
        assert_eq!(attachment(ATTACHMENT_BYTES).len(), ATTACHMENT_BYTES);
    }
}
