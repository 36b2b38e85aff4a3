//! Properties of `xml::Base64`, the type of `xs:base64Binary` values: any
//! bytes, with line breaks anywhere, read back as themselves; any text is
//! accepted exactly when it is base64, as a plain reading of the rules
//! says, never with a panic; JSON carries it as its text.

use std::borrow::Cow;

use ews_um::xml::{Base64, SimpleType};
use proptest::prelude::*;

/// XML white space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Whether `text` is base64 as `xs:base64Binary` has it, read plainly:
/// white space aside, groups of 4 characters of the alphabet, the last
/// of which may end in one or two `=`.
fn is_base64(text: &str) -> bool {
    let chars: Vec<char> = text.chars().filter(|&c| !is_space(c)).collect();
    let letter = |c: char| c.is_ascii_alphanumeric() || c == '+' || c == '/';
    let padding = chars.iter().rev().take_while(|&&c| c == '=').count();
    chars.len().is_multiple_of(4)
        && padding <= 2
        && chars[..chars.len() - padding].iter().all(|&c| letter(c))
}

/// Base64 with white space in it, often with one character changed,
/// added or taken out: valid and invalid values both come up often.
fn near_base64() -> impl Strategy<Value = String> {
    let any_char = prop_oneof![
        8 => proptest::sample::select(b"AQgw+/=9 \n\r\t".to_vec()).prop_map(char::from),
        1 => any::<char>(),
    ];
    (
        proptest::collection::vec(any::<u8>(), 0..40),
        1usize..12,
        proptest::option::weighted(0.7, (any::<prop::sample::Index>(), 0..3u8, any_char)),
    )
        .prop_map(|(bytes, width, edit)| {
            let text = Base64::from_bytes(&bytes).into_string();
            let mut chars: Vec<char> = text.chars().collect();
            for at in (width..chars.len()).step_by(width).rev() {
                chars.insert(at, '\n');
            }
            let len = chars.len();
            match edit {
                Some((at, 0, c)) => chars.insert(at.index(len + 1), c),
                Some((at, 1, c)) if len > 0 => chars[at.index(len)] = c,
                Some((at, _, _)) if len > 0 => drop(chars.remove(at.index(len))),
                _ => {}
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #[test]
    fn bytes_broken_into_lines_decode_back(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        width in 1usize..80,
        line_end in proptest::sample::select(vec!["\r\n", "\n", " ", "\t "]),
    ) {
        let one_line = Base64::from_bytes(&bytes);
        prop_assert_eq!(one_line.decode(), bytes.clone());
        let broken: String = one_line
            .as_str()
            .as_bytes()
            .chunks(width)
            .map(|line| format!("{}{line_end}", String::from_utf8_lossy(line)))
            .collect();
        let read = Base64::parse(Cow::Borrowed(&broken)).unwrap();
        prop_assert_eq!(read.as_str(), broken.as_str());
        prop_assert_eq!(read.decoded_len(), bytes.len());
        prop_assert_eq!(read.decode(), bytes);
    }

    #[test]
    fn text_is_accepted_exactly_when_it_is_base64(text in near_base64()) {
        match text.parse::<Base64>() {
            Ok(value) => {
                prop_assert!(is_base64(&text), "accepted {:?}", text);
                prop_assert_eq!(value.decode().len(), value.decoded_len());
                prop_assert_eq!(value.as_str(), text.as_str());
                // The bytes encode to the text, white space aside, but for
                // unused bits of the last character.
                let again = Base64::from_bytes(&value.decode());
                prop_assert_eq!(again.decode(), value.decode());
            }
            Err(error) => {
                prop_assert!(!is_base64(&text), "refused {:?}: {}", text, error);
                prop_assert!(error.to_string().starts_with("invalid base64Binary"));
            }
        }
    }

    #[test]
    fn json_carries_the_text(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
        let value = Base64::from_bytes(&bytes);
        let json = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(&json, &format!("\"{}\"", value.as_str()));
        let back: Base64 = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, value);
    }
}

#[test]
fn json_that_is_not_base64_is_refused() {
    let error = serde_json::from_str::<Base64>("\"QQ=\"").unwrap_err();
    assert!(error.to_string().contains("not a multiple of 4"), "{error}");
}
