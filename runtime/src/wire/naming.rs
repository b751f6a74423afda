//! Naming the field in an error that a compact format raises itself.
//!
//! A compact format is asked for the type that was written (an integer, a
//! string, a map), and refuses anything else before any visitor of this
//! crate runs: ciborium's `invalid type: string, expected integer` for a
//! quoted code, bincode's `AnyNotSupported`. Such an error says nothing of
//! where. [`naming`] watches whether the visitor ran, and gives an error
//! raised before it did the name of the field; the visitor's own errors
//! already name it.

use core::cell::Cell;
use core::fmt;

use serde::de::{self, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

/// Asks `deserializer` for a value with `ask` and `visitor`; an error the
/// format raised before calling the visitor is prefixed with `place`.
pub(crate) fn naming<'de, D, V>(
    place: &dyn fmt::Display,
    deserializer: D,
    visitor: V,
    ask: impl FnOnce(D, Noted<'_, V>) -> Result<V::Value, D::Error>,
) -> Result<V::Value, D::Error>
where
    D: Deserializer<'de>,
    V: Visitor<'de>,
{
    let ran = Cell::new(false);
    ask(deserializer, Noted { visitor, ran: &ran }).map_err(|error| {
        if ran.get() {
            error
        } else {
            de::Error::custom(format_args!("{place}: {error}"))
        }
    })
}

/// A visitor that notes it was called, and hands every value on.
pub(crate) struct Noted<'c, V> {
    visitor: V,
    ran: &'c Cell<bool>,
}

impl<V> Noted<'_, V> {
    fn inner(self) -> V {
        self.ran.set(true);
        self.visitor
    }
}

/// `visit_*` methods handed on to the inner visitor.
macro_rules! hand_on {
    ($($method:ident($ty:ty),)*) => {
        $(
            fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
                self.inner().$method(value)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Noted<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    hand_on! {
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner().visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner().visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.inner().visit_some(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.inner().visit_newtype_struct(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.inner().visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.inner().visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.inner().visit_enum(data)
    }
}
