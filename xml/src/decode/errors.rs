//! The decoder's errors: each located at the markup it is about (line,
//! column and element path) and of a kind a caller can match.

use super::{Decoder, Start};
use crate::error::{line_column, write_path};
use crate::{DecodeError, DecodeErrorKind};

impl Decoder<'_> {
    /// An error at byte `pos` of the input, inside the first `depth` open
    /// elements.
    pub(crate) fn error_at(
        &self,
        kind: DecodeErrorKind,
        pos: usize,
        depth: usize,
        message: impl Into<String>,
    ) -> DecodeError {
        let (line, column) = line_column(self.text.as_bytes(), pos);
        let mut path = String::new();
        let names = self.frames.iter().take(depth).map(|f| &*f.local);
        write_path(&mut path, names).expect("writing to a String cannot fail");
        DecodeError {
            kind,
            line,
            column,
            path,
            message: message.into(),
        }
    }

    /// An error of `kind` about the element `start` itself.
    pub fn error(&self, kind: DecodeErrorKind, start: &Start<'_>, reason: &str) -> DecodeError {
        self.error_at(kind, start.pos, start.depth, reason)
    }

    /// An error about the value of the element `start` (its text or
    /// attributes).
    pub fn invalid(&self, start: &Start<'_>, reason: &str) -> DecodeError {
        self.error(DecodeErrorKind::Value, start, reason)
    }

    /// The error for a child element the current element does not allow.
    pub fn unexpected(&self, start: &Start<'_>) -> DecodeError {
        self.error_at(
            DecodeErrorKind::Unexpected,
            start.pos,
            start.depth - 1,
            format!("unexpected element {}", start.expanded_name()),
        )
    }

    /// The error for a child element whose local name the current element
    /// declares in the namespace `expected`, and which is in another: it is
    /// not one a newer schema added, but a mistake.
    pub fn wrong_namespace(&self, start: &Start<'_>, expected: &str) -> DecodeError {
        let expected = if expected.is_empty() {
            "in no namespace".to_owned()
        } else {
            format!("in namespace {expected}")
        };
        self.error_at(
            DecodeErrorKind::Unexpected,
            start.pos,
            start.depth - 1,
            format!(
                "unexpected element {}: {} is expected {expected}",
                start.expanded_name(),
                start.local
            ),
        )
    }

    /// The error for a second occurrence of a child element allowed once.
    pub fn duplicate(&self, start: &Start<'_>) -> DecodeError {
        self.error_at(
            DecodeErrorKind::Occurrence,
            start.pos,
            start.depth - 1,
            format!("element {} appears more than once", start.local),
        )
    }

    /// The error for a second element of a choice allowed once: `expected`
    /// names its elements.
    pub fn another_of(&self, start: &Start<'_>, expected: &str) -> DecodeError {
        self.error_at(
            DecodeErrorKind::Occurrence,
            start.pos,
            start.depth - 1,
            format!(
                "element {} is a second one of {expected}, where one is allowed",
                start.local
            ),
        )
    }

    /// The value of a required child element, or an error naming it.
    pub fn required<T>(&self, slot: Option<T>, name: &str) -> Result<T, DecodeError> {
        slot.ok_or_else(|| self.missing(name))
    }

    /// The error for a required child element the current element lacks.
    pub fn missing(&self, name: &str) -> DecodeError {
        let (pos, depth) = self.current();
        let message = format!("missing required element {name}");
        self.error_at(DecodeErrorKind::Missing, pos, depth, message)
    }

    /// The value of a required attribute of `start`, or an error naming it.
    pub fn required_attr<T>(
        &self,
        slot: Option<T>,
        start: &Start<'_>,
        name: &str,
    ) -> Result<T, DecodeError> {
        slot.ok_or_else(|| {
            let message = format!("missing required attribute {name}");
            self.error(DecodeErrorKind::Missing, start, &message)
        })
    }

    /// A repeated child element's values, if there are `min` to `max` of them.
    pub fn occurs<T>(
        &self,
        items: Vec<T>,
        name: &str,
        min: usize,
        max: Option<usize>,
    ) -> Result<Vec<T>, DecodeError> {
        let n = items.len();
        if n >= min && max.is_none_or(|max| n <= max) {
            return Ok(items);
        }
        let (pos, depth) = self.current();
        let bounds = match max {
            Some(max) => format!("{min} to {max}"),
            None => format!("at least {min}"),
        };
        let message = format!("element {name} occurs {n} times, expected {bounds}");
        Err(self.error_at(DecodeErrorKind::Occurrence, pos, depth, message))
    }

    /// The error for an element whose `xsi:type` is not its declared type
    /// or one derived from it.
    pub fn unknown_type(
        &self,
        start: &Start<'_>,
        ns: &str,
        local: &str,
        declared: &str,
    ) -> DecodeError {
        let name = if ns.is_empty() {
            local.to_owned()
        } else {
            format!("{{{ns}}}{local}")
        };
        self.invalid(
            start,
            &format!("xsi:type {name} is not {declared} or a type derived from it"),
        )
    }

    pub(super) fn unexpected_eof(&self, pos: usize) -> DecodeError {
        self.error_at(
            DecodeErrorKind::Syntax,
            pos,
            self.frames.len(),
            "unexpected end of input: the element is not closed",
        )
    }

    /// The start of the innermost open element, and the depth inside it.
    fn current(&self) -> (usize, usize) {
        self.frames
            .last()
            .map_or((0, 0), |f| (f.pos, self.frames.len()))
    }
}
