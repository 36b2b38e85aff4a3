//! XML names: what a document's element and attribute names (and
//! namespace prefixes) may be. quick-xml does not check them; what is not
//! an XML name could not be written back.

/// What an ASCII byte may be in a name: the first of a name (or of its
/// local part), a later one, or the colon between prefix and local part.
const FIRST: u8 = 1;
const LATER: u8 = 2;
const COLON: u8 = 4;

/// Each byte's place in a name; 0 for none (non-ASCII bytes are checked
/// by `char`).
const CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        classes[b] = if c.is_ascii_alphabetic() || c == b'_' {
            FIRST | LATER
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            LATER
        } else if c == b':' {
            LATER | COLON
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// Whether `name` is a qualified XML name: `local` or `prefix:local`.
#[inline]
pub(crate) fn is_qname(name: &str) -> bool {
    let bytes = name.as_bytes();
    // One pass without branches (names are short, and almost always good),
    // then where the parts start.
    let (all, colons) = bytes.iter().fold((LATER, 0u32), |(all, colons), &b| {
        let class = CLASSES[b as usize];
        (all & class, colons + u32::from(class >> 2))
    });
    let starts = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&b| CLASSES[b as usize] & FIRST != 0)
    };
    let ascii = all != 0
        && starts(0)
        && match colons {
            0 => true,
            1 => bytes
                .iter()
                .position(|&b| b == b':')
                .is_some_and(|at| starts(at + 1)),
            _ => false,
        };
    ascii || (!name.is_ascii() && is_unicode_qname(name))
}

/// Whether `name` is an XML name without `:` (a prefix, or a local name).
pub fn is_ncname(name: &str) -> bool {
    !name.contains(':') && is_qname(name)
}

/// `is_qname` by `char`, for names beyond ASCII.
fn is_unicode_qname(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, local)) => is_unicode_ncname(prefix) && is_unicode_ncname(local),
        None => is_unicode_ncname(name),
    }
}

/// `is_ncname` by `char`, for names beyond ASCII: the name characters of
/// XML 1.0 (fifth edition), without `:`.
fn is_unicode_ncname(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// `NameStartChar` of XML 1.0, but `:`.
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// `NameChar` of XML 1.0, but `:`.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        // Decomposed `é`, a connector punctuation, a supplementary-plane
        // letter: name characters too.
        for name in [
            "a",
            "_x",
            "t:Item",
            "xmlns:t",
            "a-b.c_1",
            "été",
            "x·y",
            "e\u{301}t",
            "a\u{203F}b",
            "\u{10400}",
        ] {
            assert!(is_qname(name), "{name}");
        }
        for name in [
            "", "1a", "-a", ".a", "a b", "a:b:c", ":a", "a:", "a=b", "a\"", "é\u{2}", "a²",
            "\u{301}e", "é×",
        ] {
            assert!(!is_qname(name), "{name:?}");
        }
        assert!(is_ncname("Item") && is_ncname("été"));
        assert!(!is_ncname("t:Item") && !is_ncname("ét:é"));
    }
}
