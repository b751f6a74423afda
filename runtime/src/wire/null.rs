//! Fields that may be `null`: reading them ([`NullOr`]), and writing them
//! so that every format reads them back ([`Present`], [`Null`]).
//!
//! JSON and YAML write `Some(value)` as the value and `None` as `null`, so
//! their output is what it was; RON writes `Some(value)` and `None`, the
//! only forms its `deserialize_option` takes (a bare value or `()` is
//! refused there). Compact formats read back the value itself (a `null` is
//! left out of them altogether, by the caller), so they get it bare.

use core::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};

/// A present value of a field that may be `null`.
pub(crate) struct Present<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Serialize + ?Sized> Serialize for Present<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_some(self.0)
        } else {
            self.0.serialize(serializer)
        }
    }
}

/// A field that came as `null`, written as `None` (`null` in JSON and YAML,
/// `None` in RON). Only human-readable formats get it: a compact format
/// reads back the value itself, so the caller leaves the field out there.
pub(crate) struct Null;

impl Serialize for Null {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_none()
    }
}

/// Reads `null` as `None` and anything else with the inner seed.
///
/// Only self-describing (human-readable) formats can carry `null` here: a
/// compact format reads the value itself, since absent values are not written
/// at all. A format that answers `deserialize_option` with the value itself
/// (rather than through `visit_some`) has it handed on to the inner seed, so
/// the inner seed's error, which names the field, is the one reported.
#[derive(Clone, Copy)]
pub(crate) struct NullOr<S>(pub(crate) S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for NullOr<S> {
    type Value = Option<S::Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_option(self)
        } else {
            self.0.deserialize(deserializer).map(Some)
        }
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for NullOr<S> {
    type Value = Option<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(deserializer).map(Some)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        self.0.deserialize(value.into_deserializer()).map(Some)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        self.0.deserialize(value.into_deserializer()).map(Some)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        self.0.deserialize(value.into_deserializer()).map(Some)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        self.0.deserialize(value.into_deserializer()).map(Some)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        self.0.deserialize(value.into_deserializer()).map(Some)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        self.0.deserialize(value.into_deserializer()).map(Some)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0
            .deserialize(SeqAccessDeserializer::new(seq))
            .map(Some)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0
            .deserialize(MapAccessDeserializer::new(map))
            .map(Some)
    }
}
