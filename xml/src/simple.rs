//! Text forms of the XML Schema built-in types the generator maps to Rust
//! primitives.

use std::borrow::Cow;

use super::SimpleType;

/// The value with XML Schema's `collapse` white-space rule applied to its
/// ends (inner runs are left alone: no built-in token type has them).
/// Empty values are an error: no enumeration, boolean or number is empty.
pub fn collapse(text: &str) -> Result<&str, String> {
    let trimmed = text.trim_matches([' ', '\t', '\n', '\r']);
    if trimmed.is_empty() {
        Err("empty value".to_owned())
    } else {
        Ok(trimmed)
    }
}

/// Whether `value`, kept by an open enumeration as a value it does not
/// list, reads back as itself: not empty, no white space at its ends (both
/// of which reading drops), and none of the `listed` values (which read
/// back as their own variants).
pub fn check_unlisted(value: &str, listed: &[&str]) -> Result<(), String> {
    match collapse(value) {
        Err(_) => Err("an empty value cannot be written: it does not read back".to_owned()),
        Ok(trimmed) if trimmed != value => Err(format!(
            "{value:?} cannot be written: reading drops the white space at its ends"
        )),
        Ok(_) if listed.contains(&value) => Err(format!(
            "{value:?} is a listed value, not an unlisted one: it reads back as its own variant"
        )),
        Ok(_) => Ok(()),
    }
}

impl SimpleType for String {
    fn parse(text: Cow<'_, str>) -> Result<Self, String> {
        Ok(text.into_owned())
    }

    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl SimpleType for bool {
    fn parse(text: Cow<'_, str>) -> Result<Self, String> {
        match collapse(&text)? {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            other => Err(format!(
                "invalid boolean {other:?}: expected true, false, 1 or 0"
            )),
        }
    }

    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

macro_rules! integer {
    ($($ty:ty => $xsd:literal),* $(,)?) => {$(
        impl SimpleType for $ty {
            fn parse(text: Cow<'_, str>) -> Result<Self, String> {
                let value = collapse(&text)?;
                value.parse().map_err(|_| format!(
                    concat!("invalid ", $xsd, " {:?}: expected an integer from {} to {}"),
                    value, <$ty>::MIN, <$ty>::MAX,
                ))
            }

            fn text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}

integer!(i8 => "byte", i16 => "short", i32 => "int", i64 => "long",
         u8 => "unsignedByte", u16 => "unsignedShort", u32 => "unsignedInt", u64 => "unsignedLong");

macro_rules! float {
    ($($ty:ty => $xsd:literal),* $(,)?) => {$(
        impl SimpleType for $ty {
            fn parse(text: Cow<'_, str>) -> Result<Self, String> {
                match collapse(&text)? {
                    "INF" | "+INF" => Ok(<$ty>::INFINITY),
                    "-INF" => Ok(<$ty>::NEG_INFINITY),
                    "NaN" => Ok(<$ty>::NAN),
                    // Rust also reads "inf" and "infinity"; XML Schema does not.
                    value if value.bytes().any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E') => {
                        Err(format!(concat!("invalid ", $xsd, " {:?}"), value))
                    }
                    value => value
                        .parse()
                        .map_err(|_| format!(concat!("invalid ", $xsd, " {:?}"), value)),
                }
            }

            fn text(&self) -> Cow<'_, str> {
                Cow::Owned(if self.is_nan() {
                    "NaN".to_owned()
                } else if self.is_infinite() {
                    if *self > 0.0 { "INF" } else { "-INF" }.to_owned()
                } else {
                    self.to_string()
                })
            }
        }
    )*};
}

float!(f32 => "float", f64 => "double");

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<T: SimpleType>(text: &str) -> Result<T, String> {
        T::parse(Cow::Borrowed(text))
    }

    #[test]
    fn booleans_take_the_four_lexical_forms() {
        assert_eq!(parse::<bool>(" true\n"), Ok(true));
        assert_eq!(parse::<bool>("1"), Ok(true));
        assert_eq!(parse::<bool>("false"), Ok(false));
        assert_eq!(parse::<bool>("0"), Ok(false));
        assert!(
            parse::<bool>("TRUE")
                .unwrap_err()
                .contains("invalid boolean")
        );
        assert_eq!(parse::<bool>("  ").unwrap_err(), "empty value");
    }

    #[test]
    fn integers_are_range_checked() {
        assert_eq!(parse::<i32>("+42"), Ok(42));
        assert!(
            parse::<i32>("2147483648")
                .unwrap_err()
                .contains("invalid int")
        );
        assert!(parse::<u8>("-1").is_err());
    }

    #[test]
    fn unlisted_values_must_read_back_as_themselves() {
        let listed = ["Idle", "Connected"];
        assert_eq!(check_unlisted("Ringing", &listed), Ok(()));
        assert_eq!(check_unlisted("Two words", &listed), Ok(()));
        for bad in ["", " ", "Idle ", "\tRinging", "Idle"] {
            assert!(check_unlisted(bad, &listed).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn floats_use_the_schema_spelling_of_infinity() {
        assert_eq!(parse::<f64>("-INF"), Ok(f64::NEG_INFINITY));
        assert!(parse::<f64>("inf").is_err());
        assert_eq!(f64::INFINITY.text(), "INF");
        assert_eq!(parse::<f64>("1.5e3"), Ok(1500.0));
    }
}
