//! Reading a [`Code`]: an integer, or a string of digits whose form is
//! kept; every error names the field.

use core::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, Unexpected, Visitor};

use super::Field;
use crate::Code;
use crate::text::with_found_text;

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CodeSeed(Field::standalone("the code")).deserialize(deserializer)
    }
}

/// Deserialises a [`Code`], naming `field` in every error.
pub(crate) struct CodeSeed<'a>(pub(crate) Field<'a>);

impl<'de> DeserializeSeed<'de> for CodeSeed<'_> {
    type Value = Code;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Code, D::Error> {
        if deserializer.is_human_readable() {
            // Self-describing formats may carry either an integer or a quoted one.
            deserializer.deserialize_any(self)
        } else {
            // Compact formats (bincode, postcard) cannot say which; we always
            // write an integer, so read one. One that can say and finds a
            // string (CBOR) refuses it itself: its error is given the field.
            let field = self.0;
            crate::wire::naming(&field, deserializer, self, |d, v| d.deserialize_i64(v))
        }
    }
}

impl Visitor<'_> for CodeSeed<'_> {
    type Value = Code;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to be an integer or a string of digits", self.0)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Code, E> {
        Ok(Code::new(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Code, E> {
        i64::try_from(value)
            .map(Code::new)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &OutOfRange(self.0)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Code, E> {
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(with_found_text(value, |found| {
                E::invalid_value(found, &self)
            }));
        }
        let parsed: Result<i64, _> = value.parse();
        match (parsed, u32::try_from(value.len())) {
            (Ok(code), Ok(width)) => Ok(Code::from_digits(code, width)),
            _ => Err(with_found_text(value, |found| {
                E::invalid_value(found, &OutOfRange(self.0))
            })),
        }
    }
}

/// The `expected` half of an out-of-range error.
struct OutOfRange<'a>(Field<'a>);

impl de::Expected for OutOfRange<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to fit in a 64-bit signed integer", self.0)
    }
}
