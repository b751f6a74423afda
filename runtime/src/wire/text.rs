//! Reading text fields: how a parse keeps text ([`FromText`]: owned, or
//! borrowed from the input), and the seeds that read a string, a string or
//! an integer kept as text, or either of them or `null`.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use super::Field;

/// Text as a parse keeps it: `String` copies every string; the borrowed view's
/// [`Text`](crate::Text) borrows from the input when the string has no escapes.
/// `Default` is the text of an absent `message`.
pub(crate) trait FromText<'de>:
    Default + Numbers<Numbered: super::FromNumbered<'de>>
{
    /// Whether this text borrows from the input when it can. Compact formats
    /// are then asked for a `str` (which they lend); otherwise for a
    /// `String`, which a format that cannot lend a long string (CBOR's
    /// reader, past its 4 KiB scratch buffer) still gives.
    const BORROWS: bool;

    /// A string that lives as long as the input.
    fn borrowed(text: &'de str) -> Self;
    /// A string that does not (it was unescaped into a scratch buffer).
    fn copied(text: &str) -> Self;
    /// A string already owned.
    fn owned(text: String) -> Self;
}

/// What a parse that keeps text as `Self` keeps a string-or-integer field
/// (a `requestId`) as.
pub(crate) trait Numbers {
    type Numbered;
}

impl FromText<'_> for String {
    const BORROWS: bool = false;

    #[inline]
    fn borrowed(text: &str) -> Self {
        text.to_owned()
    }

    #[inline]
    fn copied(text: &str) -> Self {
        text.to_owned()
    }

    #[inline]
    fn owned(text: String) -> Self {
        text
    }
}

/// Deserialises a string, naming the field in the error when it is not one.
///
/// An error code of the `job_id`/`error` dialect may also be an integer (the
/// published sample writes it unquoted): [`TextSeed::code`] accepts one and
/// keeps its decimal text.
pub(crate) struct TextSeed<'a, T = String> {
    field: Field<'a>,
    numbers: bool,
    text: PhantomData<fn() -> T>,
}

impl<T> Clone for TextSeed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for TextSeed<'_, T> {}

impl<'a, T> TextSeed<'a, T> {
    /// A string.
    pub(crate) const fn text(field: Field<'a>) -> Self {
        TextSeed {
            field,
            numbers: false,
            text: PhantomData,
        }
    }

    /// A string or an integer, kept as text.
    pub(crate) const fn code(field: Field<'a>) -> Self {
        TextSeed {
            field,
            numbers: true,
            text: PhantomData,
        }
    }

    /// The same, reading `null` as `None` in self-describing formats.
    pub(crate) const fn nullable(self) -> NullableText<'a, T> {
        NullableText(self)
    }
}

/// A text field that may be `null`, read in one step: in a self-describing
/// format one `deserialize_any` sees either the string or the `null` (where
/// [`NullOr`](super::NullOr) would look at the value twice); a compact format reads back
/// the string that was written. Errors are [`TextSeed`]'s.
pub(crate) struct NullableText<'a, T>(TextSeed<'a, T>);

impl<T> Clone for NullableText<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for NullableText<'_, T> {}

impl<'de, T: FromText<'de>> DeserializeSeed<'de> for NullableText<'_, T> {
    type Value = Option<T>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(self)
        } else {
            self.0.deserialize(deserializer).map(Some)
        }
    }
}

impl<'de, T: FromText<'de>> Visitor<'de> for NullableText<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
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

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        self.0.visit_borrowed_str(value).map(Some)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        self.0.visit_str(value).map(Some)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        self.0.visit_string(value).map(Some)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        self.0.visit_i64(value).map(Some)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        self.0.visit_u64(value).map(Some)
    }
}

impl<'de, T: FromText<'de>> DeserializeSeed<'de> for TextSeed<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        if self.numbers && deserializer.is_human_readable() {
            deserializer.deserialize_any(self)
        } else if deserializer.is_human_readable() {
            deserializer.deserialize_str(self)
        } else {
            // A compact format's own refusal is given the field.
            let field = self.field;
            if T::BORROWS {
                super::naming(&field, deserializer, self, |d, v| d.deserialize_str(v))
            } else {
                super::naming(&field, deserializer, self, |d, v| d.deserialize_string(v))
            }
        }
    }
}

impl<'de, T: FromText<'de>> Visitor<'de> for TextSeed<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.numbers {
            write!(f, "{} to be a string or an integer", self.field)
        } else {
            write!(f, "{} to be a string", self.field)
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<T, E> {
        Ok(T::borrowed(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::copied(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<T, E> {
        Ok(T::owned(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        if self.numbers {
            Ok(T::owned(value.to_string()))
        } else {
            Err(E::invalid_type(de::Unexpected::Signed(value), &self))
        }
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        if self.numbers {
            Ok(T::owned(value.to_string()))
        } else {
            Err(E::invalid_type(de::Unexpected::Unsigned(value), &self))
        }
    }
}
