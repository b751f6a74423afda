//! Seeds and helpers that any object of either dialect is read with: text
//! fields, `null`-or-value fields, fields seen once, and names by index.

use core::fmt;
use core::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};

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

impl Numbers for String {
    type Numbered = crate::RequestId;
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
/// [`NullOr`] would look at the value twice); a compact format reads back
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

/// A field of an object being parsed: not seen yet, seen as `null`, or seen
/// with a value. Telling "not seen" from `null` lets a repeated key be refused
/// even when its first value was `null`.
#[derive(Default)]
pub(crate) enum Slot<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<T> Slot<T> {
    pub(crate) fn is_seen(&self) -> bool {
        !matches!(self, Slot::Absent)
    }

    /// Stores what a `null`-aware seed read.
    pub(crate) fn fill(&mut self, value: Option<T>) {
        *self = value.map_or(Slot::Null, Slot::Value);
    }

    /// The value; absent and `null` alike give `None`.
    pub(crate) fn into_option(self) -> Option<T> {
        match self {
            Slot::Value(value) => Some(value),
            Slot::Absent | Slot::Null => None,
        }
    }
}

/// Refuses a key that was already seen.
pub(crate) fn reject_repeat<E: de::Error>(seen: bool, field: Field<'_>) -> Result<(), E> {
    if seen {
        Err(E::custom(format_args!("duplicate field {field}")))
    } else {
        Ok(())
    }
}

/// Skips the value of a key this crate does not know, at a bounded depth
/// (see [`Skip`](super::skip::Skip)).
pub(crate) fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value_seed(super::skip::Skip::default())
}

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
pub(crate) struct Name {
    names: &'static [&'static str],
    is_variant: bool,
}

impl Name {
    pub(crate) const fn variant(names: &'static [&'static str]) -> Self {
        Name {
            names,
            is_variant: true,
        }
    }

    pub(crate) const fn field(names: &'static [&'static str]) -> Self {
        Name {
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

impl<'de> DeserializeSeed<'de> for Name {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Name {
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

/// The `visit_*` methods of a visitor that takes no string or bytes: what it
/// was given is refused with a bounded error (see
/// [`found_text`](crate::text::found_text)) rather than `serde`'s default,
/// which repeats the whole value.
macro_rules! refuse_text {
    () => {
        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
            Err(crate::text::found_text(value, &self))
        }

        fn visit_string<E: serde::de::Error>(
            self,
            value: std::string::String,
        ) -> Result<Self::Value, E> {
            Err(crate::text::found_text(&value, &self))
        }

        fn visit_bytes<E: serde::de::Error>(self, value: &[u8]) -> Result<Self::Value, E> {
            Err(crate::text::found_bytes(value, &self))
        }

        fn visit_byte_buf<E: serde::de::Error>(self, value: Vec<u8>) -> Result<Self::Value, E> {
            Err(crate::text::found_bytes(&value, &self))
        }
    };
}

pub(crate) use refuse_text;
