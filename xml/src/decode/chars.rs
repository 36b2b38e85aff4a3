//! The characters of a document, checked once, up front: UTF-8 and the
//! characters XML forbids (control characters other than tab and line
//! ends, U+FFFE, U+FFFF) in one pass over the bytes, so that text read
//! afterwards needs no second look.

/// Bytes looked at together. Most runs of a document are printable
/// ASCII, which one comparison per byte tells (sixteen at a time in SSE2);
/// a block with line ends or tabs in it gets an exact look, and one with
/// other scripts or a forbidden character a character-by-character one.
const RUN: usize = 256;
const BLOCK: usize = 64;

/// A character XML forbids, and its byte offset.
pub(crate) type Forbidden = (usize, char);

/// `bytes` as text and the first character XML forbids in it, if any; or
/// the offset of the first byte that is not UTF-8. Nothing of such a
/// document is read, while one with a forbidden character reads up to it,
/// so that the error can name the element it is in.
pub(crate) fn scan(bytes: &[u8]) -> Result<(&str, Option<Forbidden>), usize> {
    let mut forbidden = None;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(run) = bytes.get(at..at + RUN)
            && run
                .iter()
                .fold(0u8, |seen, &b| seen | below_space_or_not_ascii(b))
                == 0
        {
            at += RUN;
            continue;
        }
        // Block by block to the end of the run.
        let run_end = (at + RUN).min(bytes.len());
        while at < run_end {
            let end = (at + BLOCK).min(bytes.len());
            let block = &bytes[at..end];
            // The same fold twice: over a block of known length, the
            // compiler unrolls it into vector instructions.
            let suspect = match <&[u8; BLOCK]>::try_from(block) {
                Ok(block) => block.iter().fold(0u8, |seen, &b| seen | suspect(b)),
                Err(_) => block.iter().fold(0u8, |seen, &b| seen | suspect(b)),
            };
            if suspect == 0 {
                at = end;
                continue;
            }
            // The block and the rest of a character that crosses its end.
            let mut end = end;
            while end < bytes.len() && end - at < BLOCK + 3 && is_continuation(bytes[end]) {
                end += 1;
            }
            let text = std::str::from_utf8(&bytes[at..end]).map_err(|e| at + e.valid_up_to())?;
            if forbidden.is_none() {
                forbidden = first_forbidden(text).map(|(offset, ch)| (at + offset, ch));
            }
            at = end;
        }
    }
    // SAFETY: every block was either ASCII or checked by `from_utf8`, and
    // blocks were cut at characters' boundaries.
    let text = unsafe { std::str::from_utf8_unchecked(bytes) };
    Ok((text, forbidden))
}

/// Non-zero for a byte outside 0x20..=0x7F: as a signed byte, one above
/// 0x7F is negative.
fn below_space_or_not_ascii(b: u8) -> u8 {
    u8::from((b as i8) < 0x20)
}

/// Non-zero for a byte that is not ASCII or is a character XML forbids.
fn suspect(b: u8) -> u8 {
    below_space_or_not_ascii(b) & u8::from((b != b'\t') & (b != b'\n') & (b != b'\r'))
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn first_forbidden(text: &str) -> Option<Forbidden> {
    text.char_indices().find(|&(_, c)| crate::is_forbidden(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forbidden(bytes: &[u8]) -> Option<Forbidden> {
        scan(bytes).unwrap().1
    }

    #[test]
    fn ascii_and_other_scripts_pass() {
        let mut text = "<a>\tline\r\nnext</a>".repeat(20);
        text.push_str("<b>Grüße, 東京, 🎉</b>");
        assert_eq!(scan(text.as_bytes()).unwrap(), (text.as_str(), None));
    }

    #[test]
    fn invalid_utf8_is_found_in_any_block() {
        for at in [0, 5, 63, 64, 65, 200] {
            let mut bytes = vec![b'a'; 300];
            bytes[at] = 0xFF;
            assert_eq!(scan(&bytes).unwrap_err(), at, "at {at}");
        }
        // A character cut off by the end of the input.
        let mut bytes = vec![b'a'; 63];
        bytes.extend_from_slice(&"é".as_bytes()[..1]);
        assert_eq!(scan(&bytes).unwrap_err(), 63);
    }

    #[test]
    fn long_runs_are_checked_too() {
        let mut bytes = b"printable ascii; ".repeat(60);
        assert_eq!(scan(&bytes).unwrap().1, None);
        bytes[700] = 0x0B;
        assert_eq!(scan(&bytes).unwrap().1, Some((700, '\u{B}')));
        bytes[900] = 0xC3;
        assert_eq!(scan(&bytes).unwrap_err(), 900);
    }

    #[test]
    fn characters_across_block_ends_are_whole() {
        for pad in 60..68 {
            let text = format!("{}€🎉{}", "a".repeat(pad), "b".repeat(70));
            assert_eq!(forbidden(text.as_bytes()), None, "pad {pad}");
        }
    }

    #[test]
    fn the_first_forbidden_character_is_found() {
        for (text, offset, ch) in [
            ("ab\u{1}cd\u{2}", 2, '\u{1}'),
            ("é\u{FFFE}", 2, '\u{FFFE}'),
            ("\u{FFFF}", 0, '\u{FFFF}'),
            ("\u{0}", 0, '\u{0}'),
        ] {
            let padded = format!("{}{text}", "x".repeat(100));
            assert_eq!(forbidden(padded.as_bytes()), Some((100 + offset, ch)));
        }
        // U+FFFD and U+E000 are allowed.
        assert_eq!(forbidden("\u{FFFD}\u{E000}".as_bytes()), None);
    }

    #[test]
    fn a_bad_byte_after_a_forbidden_character_is_still_an_error() {
        let bytes = b"a\x01b\xFF";
        assert_eq!(scan(bytes).unwrap_err(), 3);
    }
}
