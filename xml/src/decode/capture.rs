//! Content kept as written (`xs:any`, fault details): an element's markup
//! captured from the input, checked as decoded content is, with the
//! declarations in scope that it relies on.

use quick_xml::events::Event;

use super::{Decoder, Start, attribute_value, offset, split_qname, unchecked_attributes};
use crate::{DecodeError, RawXml, XSI_NS};

impl Decoder<'_> {
    /// Skips the rest of the current element, whatever it holds (without
    /// recursion; nested no deeper than the decoder allows anywhere).
    pub fn skip(&mut self) -> Result<(), DecodeError> {
        // Skipped content is checked as kept content is: well-formed,
        // prefixes declared, references and characters sound.
        self.read_through(None)
    }

    /// The element `start` whole, kept as written: its markup from start tag
    /// to end tag, and the declarations from outside it that it relies on.
    pub fn raw_element(&mut self, start: &Start<'_>) -> Result<RawXml, DecodeError> {
        // The markup keeps no declarations of its own start tag: those it
        // uses go with the declarations from outside it that it uses, so
        // that the same element kept twice (after being written again) is
        // kept the same way.
        let own_declarations: Vec<(usize, usize)> = start
            .raw
            .attributes()
            .with_checks(false)
            .filter_map(Result::ok)
            .filter(|a| a.key.0 == "xmlns" || a.key.0.starts_with("xmlns:"))
            .filter_map(|a| self.attribute_span(a.key.0, &a.value))
            .collect();
        self.attributes(start).try_for_each(|attr| attr.map(drop))?;
        let mut used = Prefixes {
            outside: self.namespaces.mark(),
            found: Vec::new(),
        };
        self.note_prefixes(start, &mut used);
        self.read_through(Some(&mut used))?;
        // Still inside the element: its declarations are in effect. The
        // default namespace always goes with it (empty for none), so that
        // it keeps meaning the same wherever it is written.
        let mut namespaces = vec![(String::new(), self.lookup("").unwrap_or("").to_owned())];
        for prefix in used.found {
            if let Some(uri) = self.lookup(&prefix) {
                let uri = uri.to_owned();
                namespaces.push((prefix, uri));
            }
        }
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

    /// Notes the prefixes `start` uses that are bound outside the element
    /// being kept: in its name, its attributes' names, and its `xsi:type`
    /// (the one attribute whose value is known to be a qualified name).
    fn note_prefixes(&self, start: &Start<'_>, used: &mut Prefixes) {
        let mut note = |prefix: &str| {
            if !prefix.is_empty()
                && self.namespaces.bound_before(prefix, used.outside)
                && !used.found.iter().any(|p| p == prefix)
            {
                used.found.push(prefix.to_owned());
            }
        };
        note(split_qname(start.raw.name().0).0);
        for attr in unchecked_attributes(&start.raw).filter_map(Result::ok) {
            let key = attr.key.0;
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let (prefix, local) = split_qname(key);
            note(prefix);
            if local == "type"
                && self.lookup(prefix) == Some(XSI_NS)
                && let Ok(value) = attribute_value(&attr)
            {
                note(split_qname(value.trim()).0);
            }
        }
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
    fn read_through(&mut self, mut used: Option<&mut Prefixes>) -> Result<(), DecodeError> {
        let depth = self.frames.len();
        loop {
            let (pos, event) = self.next_event()?;
            match event {
                Event::Start(raw) => {
                    let start = self.enter(pos, raw)?;
                    self.attributes(&start)
                        .try_for_each(|attr| attr.map(drop))?;
                    if let Some(used) = used.as_deref_mut() {
                        self.note_prefixes(&start, used);
                    }
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

/// The prefixes kept markup uses that are declared outside it.
struct Prefixes {
    /// Declarations before this mark are outside the kept element (its
    /// own start tag's included: those are taken out of the markup).
    outside: usize,
    found: Vec<String>,
}
