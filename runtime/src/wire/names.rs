//! Names read as their index in a fixed list: the variants and fields of
//! the small types this crate writes as enums and structs (outcomes, errors).

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// `one of ["A", "B"]`, for an error about a name.
struct ExpectedNames(&'static [&'static str]);

impl de::Expected for ExpectedNames {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {:?}", self.0)
    }
}

/// Reads a variant or field name as its index in `names`, by name (JSON) or
/// by index (compact formats). An unknown variant is an error; an unknown
/// field is `None`, to be skipped.
pub(crate) struct NameIndex {
    names: &'static [&'static str],
    is_variant: bool,
}

impl NameIndex {
    pub(crate) const fn variant(names: &'static [&'static str]) -> Self {
        NameIndex {
            names,
            is_variant: true,
        }
    }

    pub(crate) const fn field(names: &'static [&'static str]) -> Self {
        NameIndex {
            names,
            is_variant: false,
        }
    }

    fn unknown<E: de::Error>(&self, name: &str) -> Result<Option<usize>, E> {
        if self.is_variant {
            // The name the input gave is cut like any found string.
            Err(crate::text::with_found_text(name, |found| match found {
                de::Unexpected::Str(name) => E::unknown_variant(name, self.names),
                other => E::invalid_value(other, &self.expected_variant()),
            }))
        } else {
            Ok(None)
        }
    }

    fn expected_variant(&self) -> impl de::Expected + '_ {
        ExpectedNames(self.names)
    }
}

impl<'de> DeserializeSeed<'de> for NameIndex {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for NameIndex {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {:?}", self.names)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        match self.names.iter().position(|known| *known == name) {
            Some(index) => Ok(Some(index)),
            None => self.unknown(name),
        }
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Self::Value, E> {
        match usize::try_from(index) {
            Ok(index) if index < self.names.len() => Ok(Some(index)),
            _ => self.unknown(&index.to_string()),
        }
    }
}
