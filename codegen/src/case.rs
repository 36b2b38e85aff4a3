//! The case of every Rust name the generator emits, after the Rust API
//! guidelines: acronyms are words (`UMCallInfo` → `UmCallInfo`,
//! `SIPResponseCode` → `sip_response_code`). Which name each item gets is
//! the naming pass's business (`passes/naming.rs`).

/// Splits an XML name into words: at `_`, `-`, `.` and spaces, before an
/// upper-case letter that follows a lower-case letter or digit, and before
/// the last capital of an acronym that starts a new word (`UMCall` →
/// `UM`, `Call`). Digits stay with the word before them (`base64Folder`).
pub fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if c.is_uppercase() && !current.is_empty() {
            let prev = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_uppercase() && next_is_lower)
            {
                words.push(std::mem::take(&mut current));
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `UpperCamelCase`, for types: never a name that generated code uses
/// unqualified.
pub fn type_name(name: &str) -> String {
    let mut out = variant_name(name);
    if RESERVED_TYPE_NAMES.contains(&out.as_str()) {
        out.push_str("Type");
    }
    out
}

/// `UpperCamelCase`, for enum variants (always written qualified).
pub fn variant_name(name: &str) -> String {
    let mut out = String::new();
    for word in words(name) {
        // `2016_10` stays apart: `V2016_10_10`, which Rust's lint accepts.
        if out.ends_with(|c: char| c.is_ascii_digit())
            && word.starts_with(|c: char| c.is_ascii_digit())
        {
            out.push('_');
        }
        let mut cs = word.chars();
        out.extend(cs.next().into_iter().flat_map(char::to_uppercase));
        out.push_str(&cs.as_str().to_lowercase());
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if out == "Self" {
        out.push_str("Value");
    }
    out
}

/// `snake_case`, for fields.
pub fn field_name(name: &str) -> String {
    let mut out = words(name)
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// The plural of a `snake_case` name, by its last word: `item` → `items`,
/// `address` → `addresses`, `entry` → `entries`; words whose plural is
/// themselves (`data`, `info`) and words already plural (`changes`) stay
/// as they are.
pub fn plural(name: &str) -> String {
    let last = name.rsplit('_').next().unwrap_or(name);
    let keep = ["data", "info", "information", "metadata", "series", "news"];
    let already = last.ends_with('s') && !["ss", "us", "is"].iter().any(|end| last.ends_with(end));
    if keep.contains(&last) || already || last.is_empty() {
        return name.to_owned();
    }
    let before_y = last
        .len()
        .checked_sub(2)
        .and_then(|i| last.as_bytes().get(i));
    if last.ends_with('y') && !before_y.is_some_and(|b| b"aeiou".contains(b)) {
        return format!("{}ies", &name[..name.len() - 1]);
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| last.ends_with(end))
    {
        return format!("{name}es");
    }
    format!("{name}s")
}

/// `SCREAMING_SNAKE_CASE`, for constants.
pub fn const_name(name: &str) -> String {
    field_name(name).trim_end_matches('_').to_uppercase()
}

/// Rust keywords, strict and reserved, that a field cannot be named.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override",
    "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Names generated code uses unqualified (prelude items, `Self`), which a
/// generated type must not shadow.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Self",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Eq",
    "PartialEq",
    "Hash",
    "Send",
    "Sync",
    "Sized",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_follow_the_api_guidelines() {
        assert_eq!(type_name("UMCallInfo"), "UmCallInfo");
        assert_eq!(
            type_name("GetUMPropertiesResponse"),
            "GetUmPropertiesResponse"
        );
        assert_eq!(type_name("ResetPIN"), "ResetPin");
        assert_eq!(type_name("IsUMEnabled"), "IsUmEnabled");
        assert_eq!(type_name("V2016_10_10"), "V2016_10_10");
        assert_eq!(type_name("Exchange2010_SP1"), "Exchange2010Sp1");
        assert_eq!(type_name("String"), "StringType");
        assert_eq!(type_name("phone-call"), "PhoneCall");
        assert_eq!(variant_name("None"), "None");
        assert_eq!(variant_name("self"), "SelfValue");
        assert_eq!(variant_name("2nd"), "V2nd");
    }

    #[test]
    fn plurals_of_the_last_word() {
        assert_eq!(plural("item"), "items");
        assert_eq!(plural("response_message"), "response_messages");
        assert_eq!(plural("field_uri"), "field_uris");
        assert_eq!(plural("address"), "addresses");
        assert_eq!(plural("search_expression"), "search_expressions");
        assert_eq!(plural("entry"), "entries");
        assert_eq!(plural("changes"), "changes");
        assert_eq!(plural("items_or_groups"), "items_or_groups");
        assert_eq!(plural("status"), "statuses");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("attendee_conflict_data"), "attendee_conflict_data");
    }

    #[test]
    fn fields_follow_the_api_guidelines() {
        assert_eq!(field_name("SIPResponseCode"), "sip_response_code");
        assert_eq!(field_name("CallId"), "call_id");
        assert_eq!(field_name("base64FolderId"), "base64_folder_id");
        assert_eq!(field_name("dialString"), "dial_string");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("ItemID"), "item_id");
        assert_eq!(const_name("t"), "T");
    }
}
