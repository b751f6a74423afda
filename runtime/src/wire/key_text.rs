//! A map key already read as text, handed to a key type's `Deserialize` the
//! way a self-describing format hands it a map key: as a string, or as the
//! number or boolean it spells when the type asks for one (a `u32` id reads
//! `"7"`, as `serde_json` lets it).

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};
use serde::forward_to_deserialize_any;

/// The text of a key: borrowed from the input for `'de`, or only for now.
pub(crate) enum KeyText<'a, 'de, E> {
    Borrowed(&'de str, PhantomData<E>),
    Transient(&'a str),
}

impl<'de, E> KeyText<'_, 'de, E> {
    pub(crate) fn borrowed(text: &'de str) -> Self {
        KeyText::Borrowed(text, PhantomData)
    }

    fn text(&self) -> &str {
        match self {
            KeyText::Borrowed(text, _) | KeyText::Transient(text) => text,
        }
    }

    fn parse<T: core::str::FromStr, V: Visitor<'de>>(&self, visitor: &V) -> Result<T, E>
    where
        E: de::Error,
    {
        self.text()
            .parse()
            .map_err(|_| crate::text::found_text(self.text(), visitor))
    }
}

/// Integer methods that parse the key's text.
macro_rules! numeric {
    ($($method:ident => $visit:ident($ty:ty),)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
                let value: $ty = self.parse(&visitor)?;
                visitor.$visit(value)
            }
        )*
    };
}

impl<'de, E: de::Error> Deserializer<'de> for KeyText<'_, 'de, E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self {
            KeyText::Borrowed(text, _) => visitor.visit_borrowed_str(text),
            KeyText::Transient(text) => visitor.visit_str(text),
        }
    }

    numeric! {
        deserialize_i8 => visit_i8(i8),
        deserialize_i16 => visit_i16(i16),
        deserialize_i32 => visit_i32(i32),
        deserialize_i64 => visit_i64(i64),
        deserialize_i128 => visit_i128(i128),
        deserialize_u8 => visit_u8(u8),
        deserialize_u16 => visit_u16(u16),
        deserialize_u32 => visit_u32(u32),
        deserialize_u64 => visit_u64(u64),
        deserialize_u128 => visit_u128(u128),
        deserialize_bool => visit_bool(bool),
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<E> fmt::Debug for KeyText<'_, '_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.text(), f)
    }
}
