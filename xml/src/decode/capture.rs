//! Content kept as written (`xs:any`, fault details): an element's markup
//! captured from the input, checked as decoded content is, with the
//! declarations in scope that it relies on.

use quick_xml::events::Event;

use super::{Decoder, Start, offset};
use crate::{DecodeError, RawXml};

impl Decoder<'_> {
    /// Skips the rest of the current element, whatever it holds (without
    /// recursion; nested no deeper than the decoder allows anywhere).
    pub fn skip(&mut self) -> Result<(), DecodeError> {
        // Skipped content is checked as kept content is: well-formed,
        // prefixes declared, references and characters sound.
        self.read_through()
    }

    /// The element `start` whole, kept as written: its markup from start tag
    /// to end tag, and the declarations in scope that it does not make itself.
    pub fn raw_element(&mut self, start: &Start<'_>) -> Result<RawXml, DecodeError> {
        // The declarations in effect, the element's own included, go with
        // the markup; the markup keeps no declarations of its own. So the
        // same element kept twice (after being written again) is kept the
        // same way.
        let namespaces = self.namespaces.in_scope();
        let own_declarations: Vec<(usize, usize)> = start
            .raw
            .attributes()
            .with_checks(false)
            .filter_map(Result::ok)
            .filter(|a| a.key.0 == "xmlns" || a.key.0.starts_with("xmlns:"))
            .filter_map(|a| self.attribute_span(a.key.0, &a.value))
            .collect();
        self.attributes(start).try_for_each(|attr| attr.map(drop))?;
        self.read_through()?;
        let end = offset(self.reader.buffer_position());
        let mut xml = String::with_capacity(end.saturating_sub(start.pos));
        let mut from = start.pos;
        for (span_start, span_end) in own_declarations {
            xml.push_str(self.text.get(from..span_start).unwrap_or(""));
            from = span_end;
        }
        xml.push_str(self.text.get(from..end).unwrap_or(""));
        Ok(RawXml::new(namespaces, &xml))
    }

    /// Where the attribute whose key and value are these slices of the
    /// input stands, with the white space before it: `( key="value")`.
    fn attribute_span(&self, key: &str, value: &str) -> Option<(usize, usize)> {
        let base = self.text.as_ptr() as usize;
        let key_at = (key.as_ptr() as usize).checked_sub(base)?;
        let value_end = (value.as_ptr() as usize).checked_sub(base)? + value.len();
        let before = self.text.get(..key_at)?;
        let start = before.trim_end_matches([' ', '\t', '\r', '\n']).len();
        // The closing quote follows the value.
        (value_end < self.text.len()).then_some((start, value_end + 1))
    }

    /// Reads the rest of the current element as decoding reads what it
    /// keeps: every element's prefixes resolved, every attribute read, every
    /// reference and character checked. Content kept as written is written
    /// again later, so it must be sound.
    fn read_through(&mut self) -> Result<(), DecodeError> {
        let depth = self.frames.len();
        loop {
            let (pos, event) = self.next_event()?;
            match event {
                Event::Start(raw) => {
                    let start = self.enter(pos, raw)?;
                    self.attributes(&start)
                        .try_for_each(|attr| attr.map(drop))?;
                }
                Event::End(_) => {
                    self.ended = true;
                    if self.frames.len() == depth {
                        return Ok(());
                    }
                }
                Event::Eof => return Err(self.unexpected_eof(pos)),
                // Text is read to be checked, then dropped.
                other => drop(self.text_piece(pos, other)?),
            }
        }
    }
}
