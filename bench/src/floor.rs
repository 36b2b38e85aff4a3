//! The floor: what reading the bytes costs with quick-xml, resolving every
//! start element's namespace and reading every text node, building nothing.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

/// Reads `xml` through; returns a number that depends on everything read,
/// so that nothing is optimised away.
pub fn read(xml: &[u8]) -> usize {
    let mut reader = NsReader::from_reader(xml);
    let mut seen = 0;
    loop {
        match reader.read_resolved_event() {
            Ok((ResolveResult::Bound(ns), Event::Start(e) | Event::Empty(e))) => {
                seen += ns.as_ref().len() + e.local_name().as_ref().len();
            }
            Ok((_, Event::Start(e) | Event::Empty(e))) => seen += e.local_name().as_ref().len(),
            Ok((_, Event::Text(t))) => seen += t.xml10_content().len(),
            Ok((_, Event::Eof)) => return seen,
            Ok(_) => {}
            Err(e) => panic!("the floor reads well-formed input only: {e}"),
        }
    }
}
