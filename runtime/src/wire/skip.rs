//! Skipping values nothing keeps, with a bounded depth in every format.
//!
//! `serde::de::IgnoredAny` recurses once per level of nesting; a format
//! that hands nested values to the visitor (CBOR, `MessagePack`) can then be
//! driven to overflow the stack by a deep enough unknown field, whatever
//! its own limits were set to. [`Skip`] counts the levels and refuses past
//! [`MAX_DEPTH`] (past [`MAX_COMPACT_DEPTH`] in a compact format, which
//! spends more stack on each level), while `serde_json`, which skips an
//! ignored value with a loop of its own and never calls the visitor for its
//! parts, still skips any depth.

use core::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// How deep [`AnyValue`](crate::AnyValue)s may nest: an array or object at this depth may
/// hold scalars but no further array or object.
pub(crate) const MAX_DEPTH: usize = 128;

/// How deep values of unknown shape may nest in a compact format (CBOR,
/// `MessagePack`), whose decoders hand each level to the visitor and spend
/// several KiB of stack on it in a debug build: 32 levels fit a 256 KiB
/// stack with room to spare (the test `format_depth` checks it), where 128
/// would not. Human-readable formats keep [`MAX_DEPTH`] (`serde_json` and
/// RON stop at 128 levels themselves).
pub(crate) const MAX_COMPACT_DEPTH: usize = 32;

/// The nesting limit for a value read from `deserializer`.
#[inline]
pub(crate) fn depth_limit<'de, D: Deserializer<'de>>(deserializer: &D) -> usize {
    if deserializer.is_human_readable() {
        MAX_DEPTH
    } else {
        MAX_COMPACT_DEPTH
    }
}

/// Skips one value, at `depth` levels of nesting.
#[derive(Clone, Copy)]
pub(crate) struct Skip {
    depth: usize,
    /// The deepest level allowed, set by the format at the outermost value.
    limit: usize,
}

impl Default for Skip {
    fn default() -> Self {
        Skip {
            depth: 0,
            limit: MAX_DEPTH,
        }
    }
}

impl Skip {
    /// The seed for a value inside this one, or the error past the limit.
    fn inner<E: de::Error>(self) -> Result<Skip, E> {
        if self.depth >= self.limit {
            Err(E::custom(format_args!(
                "a value nests deeper than {} levels",
                self.limit
            )))
        } else {
            Ok(Skip {
                depth: self.depth + 1,
                ..self
            })
        }
    }
}

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let seed = if self.depth == 0 {
            Skip {
                limit: depth_limit(&deserializer),
                ..self
            }
        } else {
            self
        };
        deserializer.deserialize_ignored_any(seed)
    }
}

/// Defines `visit_*` methods that accept a scalar.
macro_rules! accept {
    ($($method:ident($ty:ty),)*) => {
        $(
            #[inline]
            fn $method<E: de::Error>(self, _: $ty) -> Result<(), E> {
                Ok(())
            }
        )*
    };
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    accept! {
        visit_bool(bool),
        visit_i64(i64),
        visit_i128(i128),
        visit_u64(u64),
        visit_u128(u128),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_bytes(&[u8]),
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.inner()?.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.inner()?.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = self.inner()?;
        while seq.next_element_seed(inner)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.inner()?;
        while map.next_key_seed(inner)?.is_some() {
            map.next_value_seed(inner)?;
        }
        Ok(())
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let inner = self.inner()?;
        let ((), variant) = data.variant_seed(inner)?;
        variant.newtype_variant_seed(inner)
    }
}

/// Skips a map key: a string in every format that writes maps as this
/// crate does (`deserialize_str`, which compact formats support where they
/// refuse `deserialize_ignored_any`).
#[derive(Clone, Copy)]
pub(crate) struct SkipKey;

impl<'de> DeserializeSeed<'de> for SkipKey {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_string(Skip::default())
    }
}

/// Skips the value of a key this crate does not know, at a bounded depth
/// (see [`Skip`]).
pub(crate) fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value_seed(super::skip::Skip::default())
}

#[cfg(test)]
mod tests {
    use serde::de::value::Error;
    use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
    use serde::forward_to_deserialize_any;

    use super::{MAX_DEPTH, Skip};

    /// `0` levels of nested one-element sequences, handed to the visitor a
    /// level at a time, as CBOR and `MessagePack` do.
    struct Nested(usize);

    impl<'de> Deserializer<'de> for Nested {
        type Error = Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                0 => visitor.visit_unit(),
                n => visitor.visit_seq(Once(Some(Nested(n - 1)))),
            }
        }

        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct enum identifier ignored_any
        }
    }

    struct Once(Option<Nested>);

    impl<'de> SeqAccess<'de> for Once {
        type Error = Error;

        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, Error> {
            self.0
                .take()
                .map(|inner| seed.deserialize(inner))
                .transpose()
        }
    }

    #[test]
    fn the_depth_is_counted_and_bounded() {
        assert!(Skip::default().deserialize(Nested(MAX_DEPTH)).is_ok());
        let error = Skip::default().deserialize(Nested(100_000)).unwrap_err();
        assert_eq!(error.to_string(), "a value nests deeper than 128 levels");
    }
}
