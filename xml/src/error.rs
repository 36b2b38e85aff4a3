//! The errors of decoding and encoding.

use std::fmt;

/// A decoding failure, located in the input.
///
/// Displays as `line:column /element/path: message`, for example
/// `3:9 /Envelope/Body/GetCallInfoResponse/GetCallInfoResponse: missing
/// required element CallState`; [`kind`](Self::kind) says what sort of
/// failure it is, for code that acts on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column} {path}: {message}")]
pub struct DecodeError {
    /// What sort of failure it is.
    pub kind: DecodeErrorKind,
    /// 1-based line of the offending markup.
    pub line: u32,
    /// 1-based column, in characters, of the offending markup.
    pub column: u32,
    /// Local names of the enclosing elements, from the root: `/Envelope/Body/...`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// What sort of decoding failure a [`DecodeError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The input is not well-formed XML: malformed markup, invalid UTF-8,
    /// a character or reference XML does not allow, an element not closed.
    Syntax,
    /// A prefix no declaration in scope binds.
    Namespace,
    /// Something the decoder refuses whatever the schema says: a DOCTYPE
    /// declaration, or nesting, attributes or namespace declarations
    /// beyond its limits.
    Limit,
    /// An element (or text) that is not allowed where it is.
    Unexpected,
    /// A required element or attribute is absent.
    Missing,
    /// An element occurs more often, or less often, than allowed.
    Occurrence,
    /// A value (text, attribute or `xsi:type`) that its type does not accept.
    Value,
}

/// An encoding failure: a value XML cannot carry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct EncodeError {
    /// Local names of the elements being written, from the root.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// The 1-based line and column (in characters) of byte `offset` in `input`.
pub(crate) fn line_column(input: &[u8], offset: usize) -> (u32, u32) {
    let before = &input[..offset.min(input.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Count characters, not bytes: continuation bytes do not start a character.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    (saturate(line), saturate(column))
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Writes `/a/b/c` for the names given, or `/` for none.
pub(crate) fn write_path<'n>(
    out: &mut String,
    names: impl IntoIterator<Item = &'n str>,
) -> fmt::Result {
    use fmt::Write;
    let mut empty = true;
    for name in names {
        write!(out, "/{name}")?;
        empty = false;
    }
    if empty {
        out.push('/');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let input = "ab\ncé<x".as_bytes();
        assert_eq!(line_column(input, 0), (1, 1));
        assert_eq!(line_column(input, 3), (2, 1));
        assert_eq!(line_column(input, input.len() - 2), (2, 3));
    }
}
