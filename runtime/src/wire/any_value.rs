//! Reading an [`AnyValue`]: any value, kept as it came, nested at most
//! [`MAX_DEPTH`] levels deep.

use core::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::skip::{MAX_DEPTH, depth_limit};
use crate::AnyValue;

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        AnySeed::new().deserialize(deserializer)
    }
}

/// Reads an [`AnyValue`] at `depth` levels of nesting.
#[derive(Clone, Copy)]
pub(crate) struct AnySeed {
    depth: usize,
    /// The deepest level allowed (see [`depth_limit`]), set by the format
    /// at the outermost value.
    limit: usize,
}

impl AnySeed {
    /// The seed of an outermost value.
    pub(crate) const fn new() -> Self {
        AnySeed {
            depth: 0,
            limit: MAX_DEPTH,
        }
    }

    /// The seed for a value inside an array or object at this depth, or the
    /// error that says the limit was passed.
    fn inner<E: de::Error>(self) -> Result<AnySeed, E> {
        if self.depth >= self.limit {
            Err(E::custom(format_args!(
                "a value nests deeper than {} levels",
                self.limit
            )))
        } else {
            Ok(AnySeed {
                depth: self.depth + 1,
                ..self
            })
        }
    }
}

impl<'de> DeserializeSeed<'de> for AnySeed {
    type Value = AnyValue;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<AnyValue, D::Error> {
        let seed = if self.depth == 0 {
            AnySeed {
                limit: depth_limit(&deserializer),
                ..self
            }
        } else {
            self
        };
        deserializer.deserialize_any(seed)
    }
}

impl<'de> Visitor<'de> for AnySeed {
    type Value = AnyValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<AnyValue, E> {
        Ok(AnyValue::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<AnyValue, E> {
        Ok(u64::try_from(value).map_or(AnyValue::Int(value), AnyValue::UInt))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<AnyValue, E> {
        if let Ok(value) = u64::try_from(value) {
            Ok(AnyValue::UInt(value))
        } else if let Ok(value) = i64::try_from(value) {
            Ok(AnyValue::Int(value))
        } else {
            Err(E::custom(format_args!(
                "integer `{value}` is out of the range of a 64-bit integer"
            )))
        }
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<AnyValue, E> {
        Ok(AnyValue::UInt(value))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<AnyValue, E> {
        u64::try_from(value).map(AnyValue::UInt).map_err(|_| {
            E::custom(format_args!(
                "integer `{value}` is out of the range of a 64-bit integer"
            ))
        })
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<AnyValue, E> {
        Ok(AnyValue::Float(value))
    }

    fn visit_char<E: de::Error>(self, value: char) -> Result<AnyValue, E> {
        Ok(AnyValue::String(value.to_string()))
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<AnyValue, E> {
        Ok(AnyValue::String(value.to_owned()))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<AnyValue, E> {
        Ok(AnyValue::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<AnyValue, E> {
        Ok(AnyValue::String(value))
    }

    fn visit_none<E: de::Error>(self) -> Result<AnyValue, E> {
        Ok(AnyValue::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<AnyValue, E> {
        Ok(AnyValue::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<AnyValue, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<AnyValue, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyValue, A::Error> {
        let inner = self.inner()?;
        let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        while let Some(value) = seq.next_element_seed(inner)? {
            values.push(value);
        }
        Ok(AnyValue::Array(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyValue, A::Error> {
        let inner = self.inner()?;
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(0).min(256));
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(inner)?;
            fields.push((key, value));
        }
        Ok(AnyValue::Object(fields))
    }
}

/// Reads the [`AnyValue`] of the field `.0`, kept as it came.
///
/// A compact format that is not self-describing (bincode, postcard) cannot
/// read a value of unknown shape: it refuses `deserialize_any`, with an
/// error of its own that says nothing of where. In a compact format the
/// error is given the field's name; a human-readable one's error is left as
/// it is (it has its position).
#[derive(Clone, Copy)]
pub(crate) struct KeptSeed<'a>(pub(crate) crate::wire::Field<'a>);

impl<'de> DeserializeSeed<'de> for KeptSeed<'_> {
    type Value = AnyValue;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<AnyValue, D::Error> {
        if deserializer.is_human_readable() {
            return AnySeed::new().deserialize(deserializer);
        }
        AnySeed::new().deserialize(deserializer).map_err(|error| {
            de::Error::custom(format_args!(
                "{}, kept as it came (which takes a self-describing format): {error}",
                self.0
            ))
        })
    }
}

/// Reads an object key as a string (a format may report it as text only).
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key as a string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }
}
