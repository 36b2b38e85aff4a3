//! `xs:base64Binary`: binary data kept as the base64 text it was read as,
//! and decoded to bytes only when asked.
//!
//! Messages carry attachments, photos and other binary data as base64 of
//! megabytes. Decoding them while reading would hold both the text and
//! the bytes, and writing them back would encode them again, perhaps not
//! as they were written (line breaks, say). So a [`Base64`] keeps the text:
//! checked once, in one fast pass, when it is read; written back exactly as
//! read; decoded when the bytes are wanted.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use ::base64::Engine as _;
use ::base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use crate::{ParseResult, SimpleType, is_white_space};

/// Binary data (`xs:base64Binary`) as its base64 text: the standard
/// alphabet, `=` padding, and any XML white space (the line breaks of MIME
/// base64) between characters.
///
/// The text is checked when a value is made ([`SimpleType::parse`],
/// [`FromStr`], [`TryFrom<String>`], deserializing), so [`decode`] cannot
/// fail; it is written back as it was read. Equality and hashing are of the
/// text, as they were when such values were `String`s: the same bytes with
/// other line breaks are another value.
///
/// It is the size of a `String`, as the members it replaces were: the
/// number of bytes is counted again when asked for, in one pass over the
/// text.
///
/// [`decode`]: Base64::decode
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Base64 {
    text: String,
}

impl Base64 {
    /// The base64 of `bytes`: the standard alphabet, padded, on one line.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Self {
            text: ::base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    /// The bytes the text stands for, white space ignored.
    pub fn decode(&self) -> Vec<u8> {
        let text = self.text.as_bytes();
        let count = Count::of(text);
        let mut bytes = vec![0; count.decoded_len()];
        if count.significant == text.len() {
            // No white space: all in one call.
            decode_into(text, &mut bytes);
            return bytes;
        }
        // Line by line, through a small buffer, rather than a copy of the
        // whole text without its white space: a group of 4 characters may
        // be broken across lines, and the buffer holds whole groups (4096
        // is a multiple of 4), so only the last one decoded is padded.
        let mut chunk = [0u8; 4096];
        let (mut filled, mut written) = (0, 0);
        for mut run in text.split(|&b| is_white_space(b)) {
            while !run.is_empty() {
                let n = run.len().min(chunk.len() - filled);
                chunk[filled..filled + n].copy_from_slice(&run[..n]);
                (filled, run) = (filled + n, &run[n..]);
                if filled == chunk.len() {
                    written += decode_into(&chunk, &mut bytes[written..]);
                    filled = 0;
                }
            }
        }
        decode_into(&chunk[..filled], &mut bytes[written..]);
        bytes
    }

    /// The number of bytes [`decode`](Self::decode) gives, without
    /// decoding.
    pub fn decoded_len(&self) -> usize {
        Count::of(self.text.as_bytes()).decoded_len()
    }

    /// Whether it stands for no bytes (the text is empty, or white space).
    pub fn is_empty(&self) -> bool {
        self.text.bytes().all(is_white_space)
    }

    /// The base64 text, as read or made.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The base64 text, without a copy.
    pub fn into_string(self) -> String {
        self.text
    }

    /// Checks `text`, which becomes the value.
    fn checked(text: Cow<'_, str>) -> Result<Self, Base64Error> {
        check(text.as_bytes()).map_err(Base64Error)?;
        Ok(Self {
            text: text.into_owned(),
        })
    }
}

/// The decoder of checked text. Bits of the last character that no byte
/// takes (`QR==` where `QQ==` is canonical) are dropped rather than
/// refused: they carry nothing, and refusing them would refuse a whole
/// message that other base64 decoders read.
const DECODER: GeneralPurpose = GeneralPurpose::new(
    &::base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
);

/// Decodes checked text without white space, in whole groups of 4, into
/// `out`; the number of bytes written.
fn decode_into(text: &[u8], out: &mut [u8]) -> usize {
    DECODER
        .decode_slice(text, out)
        .expect("checked base64 decodes into its counted length")
}

/// What one pass over base64 text finds.
struct Count {
    /// Base64 characters, padding included.
    significant: usize,
    /// Padding characters (`=`).
    padding: usize,
    /// Whether any byte is neither those nor white space.
    other: bool,
}

impl Count {
    /// Counts the characters of `text`: branch-free over blocks of 64
    /// bytes, which the compiler vectorises (the text may be megabytes).
    fn of(text: &[u8]) -> Self {
        let (mut significant, mut padding, mut other) = (0usize, 0usize, 0u8);
        for block in text.chunks(64) {
            let (mut s, mut p, mut o) = (0u8, 0u8, 0u8);
            for &b in block {
                let letter = (b.wrapping_sub(b'A') < 26)
                    | (b.wrapping_sub(b'a') < 26)
                    | (b.wrapping_sub(b'0') < 10)
                    | (b == b'+')
                    | (b == b'/');
                let pad = b == b'=';
                let space = (b == b' ') | (b == b'\t') | (b == b'\n') | (b == b'\r');
                s += u8::from(letter | pad);
                p += u8::from(pad);
                o |= u8::from(!(letter | pad | space));
            }
            significant += usize::from(s);
            padding += usize::from(p);
            other |= o;
        }
        Self {
            significant,
            padding,
            other: other != 0,
        }
    }

    /// The number of bytes checked text decodes to: 3 for each group of 4
    /// characters, less one for each `=`.
    fn decoded_len(&self) -> usize {
        (self.significant / 4 * 3).saturating_sub(self.padding)
    }
}

/// Checks base64 text: the reason it is not base64, if it is not. What is
/// wrong is looked for only after one pass over it has found something.
fn check(text: &[u8]) -> Result<(), String> {
    let Count {
        significant,
        padding,
        other,
    } = Count::of(text);
    if other {
        return Err(not_in_alphabet(text));
    }
    if padding > 0 {
        // Padding ends the text: the last characters, white space aside.
        let trailing = text
            .iter()
            .rev()
            .filter(|&&b| !is_white_space(b))
            .take_while(|&&b| b == b'=')
            .count();
        if trailing != padding {
            let at = text.iter().position(|&b| b == b'=').unwrap_or(0);
            return Err(format!(
                "invalid base64Binary: padding ('=') at byte {at} is followed by base64 \
                 characters; padding may only end the data"
            ));
        }
        if padding > 2 {
            return Err(format!(
                "invalid base64Binary: it ends in {padding} padding characters ('='); at most \
                 2 pad the last group of 4 characters"
            ));
        }
    }
    if !significant.is_multiple_of(4) {
        return Err(format!(
            "invalid base64Binary: it has {significant} base64 characters (white space \
             aside), not a multiple of 4: is the data cut short, or its padding ('=') left out?"
        ));
    }
    Ok(())
}

/// The reason text is not base64, when a byte of it is neither a base64
/// character nor white space: the first such character and where it is.
#[cold]
fn not_in_alphabet(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    let found = text.char_indices().find(|&(_, c)| {
        !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | ' ' | '\t' | '\n' | '\r'))
    });
    match found {
        Some((at, c)) => format!(
            "invalid base64Binary: {c:?} at byte {at} is not a base64 character \
             (A-Z, a-z, 0-9, '+', '/', '=' padding) or white space"
        ),
        None => "invalid base64Binary".to_owned(),
    }
}

/// Text that is not base64, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Base64Error(String);

impl SimpleType for Base64 {
    fn parse(text: Cow<'_, str>) -> ParseResult<Self> {
        Self::checked(text).map_err(|e| e.0)
    }

    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.text)
    }
}

impl FromStr for Base64 {
    type Err = Base64Error;

    fn from_str(text: &str) -> Result<Self, Base64Error> {
        Self::checked(Cow::Borrowed(text))
    }
}

impl TryFrom<String> for Base64 {
    type Error = Base64Error;

    fn try_from(text: String) -> Result<Self, Base64Error> {
        Self::checked(Cow::Owned(text))
    }
}

impl From<Base64> for String {
    fn from(value: Base64) -> Self {
        value.text
    }
}

impl AsRef<str> for Base64 {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The byte count and the start of the text: a value may be megabytes.
impl fmt::Debug for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 32;
        // The text is ASCII: any byte index is a character boundary.
        let text = match self.text.get(..SHOWN) {
            Some(start) if self.text.len() > SHOWN => format!("{start}…"),
            _ => self.text.clone(),
        };
        f.debug_struct("Base64")
            .field("bytes", &self.decoded_len())
            .field("text", &text)
            .finish()
    }
}

/// As its text, a JSON string; read back only if it is base64.
#[cfg(feature = "serde")]
impl serde::Serialize for Base64 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Base64 {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::try_from(text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Base64, String> {
        Base64::parse(Cow::Borrowed(text))
    }

    #[test]
    fn decodes_what_it_reads_and_writes_it_back_as_read() {
        let value = parse("SGVsbG8sIHdvcmxkIQ==").unwrap();
        assert_eq!(value.decode(), b"Hello, world!");
        assert_eq!(value.decoded_len(), 13);
        assert_eq!(value.text(), "SGVsbG8sIHdvcmxkIQ==");
        for (text, bytes) in [
            ("", &b""[..]),
            ("QQ==", b"A"),
            ("QUI=", b"AB"),
            ("QUJD", b"ABC"),
        ] {
            let value = parse(text).unwrap();
            assert_eq!(value.decode(), bytes, "{text:?}");
            assert_eq!(value.decoded_len(), bytes.len(), "{text:?}");
        }
    }

    #[test]
    fn white_space_and_line_breaks_are_ignored_but_kept() {
        let mime = "SGVsbG8s\r\nIHdvcmxk\r\nIQ==\r\n";
        let value = parse(mime).unwrap();
        assert_eq!(value.decode(), b"Hello, world!");
        assert_eq!(value.as_str(), mime);
        // Anywhere: in a group of 4, between the padding characters.
        let value = parse(" \tS GVs\nbG8sIHdvcmxkI Q = =\n").unwrap();
        assert_eq!(value.decode(), b"Hello, world!");
        assert_eq!(value.decoded_len(), 13);
        let blank = parse(" \n ").unwrap();
        assert!(blank.is_empty());
        assert_eq!(blank.decode(), b"");
    }

    #[test]
    fn long_text_with_line_breaks_decodes_across_the_buffer() {
        let bytes: Vec<u8> = (0..30_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let one_line = Base64::from_bytes(&bytes);
        let lines: Vec<&str> = one_line
            .as_str()
            .as_bytes()
            .chunks(76)
            .map(|line| std::str::from_utf8(line).unwrap())
            .collect();
        // Lines of 76 characters, and of 5, which break groups of 4.
        let mime = parse(&lines.join("\r\n")).unwrap();
        assert_eq!(mime.decoded_len(), bytes.len());
        assert_eq!(mime.decode(), bytes);
        let odd: String = one_line
            .as_str()
            .as_bytes()
            .chunks(5)
            .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
            .collect();
        assert_eq!(parse(&odd).unwrap().decode(), bytes);
    }

    #[test]
    fn from_bytes_round_trips_every_length() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let value = Base64::from_bytes(&bytes);
            assert!(!value.as_str().contains(['\n', '\r']));
            assert_eq!(value.decoded_len(), len);
            assert_eq!(value.decode(), bytes);
            let again: Base64 = value.as_str().parse().unwrap();
            assert_eq!(again, value);
            assert_eq!(again.decode().len(), again.decoded_len());
        }
    }

    #[test]
    fn characters_outside_the_alphabet_are_refused_and_named() {
        let error = parse("SGVs bG8-").unwrap_err();
        assert!(error.contains("'-' at byte 8"), "{error}");
        let error = parse("QUJD\u{e9}").unwrap_err();
        assert!(error.contains("'é' at byte 4"), "{error}");
        // URL-safe base64 is another alphabet.
        assert!(parse("a_b-").is_err());
        // White space beyond XML's.
        assert!(parse("QUJD\u{0B}").is_err());
        assert!(parse("QUJD\u{A0}").is_err());
    }

    #[test]
    fn padding_must_end_the_data_and_complete_a_group() {
        let error = parse("QQ==QUJD").unwrap_err();
        assert!(error.contains("padding ('=') at byte 2"), "{error}");
        assert!(parse("QQ=A").is_err());
        let error = parse("Q===").unwrap_err();
        assert!(error.contains("3 padding"), "{error}");
        let error = parse("QQ").unwrap_err();
        assert!(error.contains("not a multiple of 4"), "{error}");
        assert!(parse("QUJDQ").is_err());
        assert!(parse("QQ=").is_err());
        assert!(parse("=").is_err());
        assert!(parse("====").is_err());
    }

    #[test]
    fn unused_bits_of_the_last_character_are_dropped() {
        assert_eq!(parse("QR==").unwrap().decode(), b"A");
        assert_eq!(parse("QUJ=").unwrap().decode(), b"AB");
    }

    #[test]
    fn every_way_to_make_one_checks_the_text() {
        assert_eq!(
            "QUJD".parse::<Base64>().unwrap(),
            Base64::from_bytes(b"ABC")
        );
        assert!("QUJD!".parse::<Base64>().is_err());
        assert!(Base64::try_from("QQ".to_owned()).is_err());
        let value = Base64::try_from("QUJD\n".to_owned()).unwrap();
        assert_eq!(value.to_string(), "QUJD\n");
        assert_eq!(String::from(value.clone()), value.into_string());
        assert_eq!(Base64::default().decode(), b"");
        assert_eq!(Base64::default(), parse("").unwrap());
    }

    #[test]
    fn it_is_the_size_of_the_string_it_replaces() {
        use std::mem::size_of;
        assert_eq!(size_of::<Base64>(), size_of::<String>());
        assert_eq!(size_of::<Option<Base64>>(), size_of::<Option<String>>());
    }

    #[test]
    fn debug_shows_the_size_and_the_start_only() {
        let big = Base64::from_bytes(&[7; 3000]);
        let shown = format!("{big:?}");
        assert!(
            shown.starts_with("Base64 { bytes: 3000, text: \"BwcH"),
            "{shown}"
        );
        assert!(shown.len() < 100, "{shown}");
        assert_eq!(
            format!("{:?}", Base64::from_bytes(b"A")),
            "Base64 { bytes: 1, text: \"QQ==\" }"
        );
    }
}
