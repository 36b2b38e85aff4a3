//! Large messages built from the repository's fixtures: the children of one
//! element repeated, in turn, until there are as many as asked for. The
//! rest of the fixture (envelope, header, response message) stays as it is.

/// `fixture` with the children of its first `open` … `close` element
/// repeated in turn until there are `count` of them.
pub fn children(fixture: &str, open: &str, close: &str, count: usize) -> String {
    let start = fixture.find(open).expect("the fixture has the element") + open.len();
    let end = start + fixture[start..].find(close).expect("the element closes");
    let children = split(&fixture[start..end]);
    assert!(!children.is_empty(), "{open} has children to repeat");
    let mut out = String::with_capacity(fixture.len() + count * (end - start) / children.len());
    out.push_str(&fixture[..start]);
    for child in children.iter().cycle().take(count) {
        out.push_str(child);
    }
    out.push_str(&fixture[end..]);
    out
}

/// The top-level elements of `content`, each with the white space before it.
fn split(content: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut from, mut at) = (0usize, 0, 0);
    let bytes = content.as_bytes();
    while let Some(offset) = content[at..].find('<') {
        let tag = at + offset;
        let end = tag + content[tag..].find('>').expect("tags close");
        let self_closing = bytes[end - 1] == b'/';
        if bytes[tag + 1] == b'/' {
            depth -= 1;
            if depth == 0 {
                items.push(&content[from..=end]);
                from = end + 1;
            }
        } else if !matches!(bytes[tag + 1], b'!' | b'?') && !self_closing {
            depth += 1;
        } else if self_closing && depth == 0 {
            items.push(&content[from..=end]);
            from = end + 1;
        }
        at = end + 1;
    }
    items
}

#[cfg(test)]
mod tests {
    #[test]
    fn repeats_the_children_in_turn_and_keeps_the_rest() {
        let fixture = "<r><a>\n <x/>\n <y><z/></y>\n</a></r>";
        let out = super::children(fixture, "<a>", "</a>", 5);
        assert_eq!(
            out,
            "<r><a>\n <x/>\n <y><z/></y>\n <x/>\n <y><z/></y>\n <x/></a></r>"
        );
    }
}
