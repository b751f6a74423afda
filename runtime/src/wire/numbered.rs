//! Text that providers send as a string or as an integer (a `requestId`),
//! kept as text together with the form it came in, so it is written back
//! the same way.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use super::{Field, FromText};

/// Text `T` and whether it came as a JSON integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Numbered<T> {
    pub(crate) text: T,
    pub(crate) integer: bool,
}

impl Serialize for Numbered<&str> {
    /// The integer it was read as, else the string. Compact formats always
    /// get the string (they read back what they are told to expect).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.integer && serializer.is_human_readable() {
            if let Ok(value) = self.text.parse::<u64>() {
                return serializer.serialize_u64(value);
            }
            if let Ok(value) = self.text.parse::<i64>() {
                return serializer.serialize_i64(value);
            }
        }
        serializer.serialize_str(self.text)
    }
}

/// What a string-or-integer field is read into: the owned [`RequestId`](crate::RequestId)
/// (inline when short), or [`Numbered`] text (the borrowed view's).
pub(crate) trait FromNumbered<'de>: Sized {
    /// Whether this text borrows from the input (see [`FromText::BORROWS`]).
    const BORROWS: bool;

    /// A string that lives as long as the input.
    fn borrowed(text: &'de str) -> Self;
    /// A string that does not.
    fn copied(text: &str) -> Self;
    /// A string already owned.
    fn owned(text: String) -> Self;
    /// An integer.
    fn unsigned(value: u64) -> Self;
    /// A negative integer.
    fn signed(value: i64) -> Self;
}

impl<'de, T: FromText<'de>> FromNumbered<'de> for Numbered<T> {
    const BORROWS: bool = T::BORROWS;

    #[inline]
    fn borrowed(text: &'de str) -> Self {
        self::text(T::borrowed(text))
    }

    #[inline]
    fn copied(text: &str) -> Self {
        self::text(T::copied(text))
    }

    fn owned(text: String) -> Self {
        self::text(T::owned(text))
    }

    fn unsigned(value: u64) -> Self {
        Numbered {
            text: T::owned(value.to_string()),
            integer: true,
        }
    }

    fn signed(value: i64) -> Self {
        Numbered {
            text: T::owned(value.to_string()),
            integer: true,
        }
    }
}

/// Reads a string or an integer (self-describing formats) into `N`, or
/// `null` as `None` when made [`nullable`](NumberedSeed::nullable); errors
/// name the field.
pub(crate) struct NumberedSeed<'a, N> {
    field: Field<'a>,
    nullable: bool,
    text: PhantomData<fn() -> N>,
}

impl<'a, T> NumberedSeed<'a, T> {
    pub(crate) const fn new(field: Field<'a>) -> Self {
        NumberedSeed {
            field,
            nullable: false,
            text: PhantomData,
        }
    }

    /// The same, reading `null` as `None`.
    pub(crate) const fn nullable(field: Field<'a>) -> NullableNumbered<'a, T> {
        NullableNumbered(NumberedSeed {
            field,
            nullable: true,
            text: PhantomData,
        })
    }
}

impl<'de, N: FromNumbered<'de>> DeserializeSeed<'de> for NumberedSeed<'_, N> {
    type Value = N;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let field = self.field;
        match NullableNumbered(self).deserialize(deserializer)? {
            Some(value) => Ok(value),
            None => Err(de::Error::invalid_type(
                de::Unexpected::Unit,
                &Expecting(field),
            )),
        }
    }
}

/// [`NumberedSeed`] that reads `null` as `None`.
pub(crate) struct NullableNumbered<'a, T>(NumberedSeed<'a, T>);

impl<T> Clone for NumberedSeed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for NumberedSeed<'_, T> {}

impl<'de, N: FromNumbered<'de>> DeserializeSeed<'de> for NullableNumbered<'_, N> {
    type Value = Option<N>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(self.0)
        } else {
            // A compact format reads back the string that was written; its
            // own refusal of anything else is given the field.
            let field = self.0.field;
            if N::BORROWS {
                super::naming(&field, deserializer, self.0, |d, v| d.deserialize_str(v))
            } else {
                super::naming(&field, deserializer, self.0, |d, v| d.deserialize_string(v))
            }
        }
    }
}

impl<'de, N: FromNumbered<'de>> Visitor<'de> for NumberedSeed<'_, N> {
    type Value = Option<N>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        de::Expected::fmt(&Expecting(self.field), f)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.null()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.null()
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Some(N::borrowed(value)))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Some(N::copied(value)))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Some(N::owned(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(Some(N::signed(value)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(Some(N::unsigned(value)))
    }
}

impl<N> NumberedSeed<'_, N> {
    fn null<E: de::Error>(self) -> Result<Option<N>, E> {
        if self.nullable {
            Ok(None)
        } else {
            Err(E::invalid_type(
                de::Unexpected::Unit,
                &Expecting(self.field),
            ))
        }
    }
}

/// The `expected` half of an error about a [`NumberedSeed`]'s value.
struct Expecting<'a>(Field<'a>);

impl de::Expected for Expecting<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to be a string or an integer", self.0)
    }
}

fn text<T>(text: T) -> Numbered<T> {
    Numbered {
        text,
        integer: false,
    }
}
