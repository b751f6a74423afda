//! Field-level reading and writing shared by the common reply, its error, and
//! the batch reply (whose top level and whose `detail` entries carry the same
//! `code` / `message` / `requestId` / `codeDesc` fields).
//!
//! Errors produced here name the field and, inside `detail`, the resource id:
//! ``invalid type: boolean `true`, expected `code` of resource `ins-1` to be an
//! integer or a string of digits``. The format adds the position.

use core::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, Visitor,
};
use serde::ser::SerializeMap;

use crate::code::CodeSeed;
use crate::text::IdText;
use crate::{Code, RequestId};

/// What an error message calls the value being parsed: a wire field such as
/// `` `code` ``, optionally inside the entry of one resource (`` `code` of
/// resource `ins-1` ``) or at a path (`` `code` in `error.details[1]` ``).
#[derive(Clone, Copy)]
pub(crate) struct Field<'a> {
    name: &'static str,
    /// `name` is a description ("the code"), not a wire field name.
    standalone: bool,
    within: Within<'a>,
}

#[derive(Clone, Copy)]
enum Within<'a> {
    Top,
    Resource(&'a dyn fmt::Display),
    Path(&'a dyn fmt::Display),
}

impl<'a> Field<'a> {
    /// A value parsed on its own, described as `description`.
    #[inline]
    pub(crate) const fn standalone(description: &'static str) -> Self {
        Field {
            name: description,
            standalone: true,
            within: Within::Top,
        }
    }

    /// The wire field `name`, inside the entry of `resource` when there is one.
    #[inline]
    pub(crate) const fn named(name: &'static str, resource: Option<&'a dyn fmt::Display>) -> Self {
        Field {
            name,
            standalone: false,
            within: match resource {
                Some(id) => Within::Resource(id),
                None => Within::Top,
            },
        }
    }

    /// The wire field `name` of the object at `path`, such as `error.details[1]`.
    #[inline]
    pub(crate) const fn at(name: &'static str, path: &'a dyn fmt::Display) -> Self {
        Field {
            name,
            standalone: false,
            within: Within::Path(path),
        }
    }
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.standalone {
            f.write_str(self.name)?;
        } else {
            write!(f, "`{}`", self.name)?;
        }
        match self.within {
            Within::Top => Ok(()),
            Within::Resource(id) => write!(f, " of resource {}", IdText(id)),
            Within::Path(path) => write!(f, " in `{path}`"),
        }
    }
}

/// Displays `for resource` and the quoted id when there is a resource, and
/// nothing otherwise.
pub(crate) struct ForResource<'a>(pub(crate) Option<&'a dyn fmt::Display>);

impl fmt::Display for ForResource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, " for resource {}", IdText(id)),
            None => Ok(()),
        }
    }
}

/// The message of the error for a success without a request id.
pub(crate) const REQUEST_ID_REQUIRED: &str = "requestId is required when code is 0";

/// Deserialises a string, naming the field in the error when it is not one.
///
/// An error code of the `job_id`/`error` dialect may also be an integer (the
/// published sample writes it unquoted): [`TextSeed::code`] accepts one and
/// keeps its decimal text.
#[derive(Clone, Copy)]
pub(crate) struct TextSeed<'a> {
    field: Field<'a>,
    numbers: bool,
}

impl<'a> TextSeed<'a> {
    /// A string.
    pub(crate) const fn text(field: Field<'a>) -> Self {
        TextSeed {
            field,
            numbers: false,
        }
    }

    /// A string or an integer, kept as text.
    pub(crate) const fn code(field: Field<'a>) -> Self {
        TextSeed {
            field,
            numbers: true,
        }
    }

    /// The same, reading `null` as `None` in self-describing formats.
    pub(crate) const fn nullable(self) -> NullOr<Self> {
        NullOr(self)
    }
}

impl<'de> DeserializeSeed<'de> for TextSeed<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        if self.numbers && deserializer.is_human_readable() {
            deserializer.deserialize_any(self)
        } else {
            deserializer.deserialize_string(self)
        }
    }
}

impl Visitor<'_> for TextSeed<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.numbers {
            write!(f, "{} to be a string or an integer", self.field)
        } else {
            write!(f, "{} to be a string", self.field)
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
        if self.numbers {
            Ok(value.to_string())
        } else {
            Err(E::invalid_type(de::Unexpected::Signed(value), &self))
        }
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
        if self.numbers {
            Ok(value.to_string())
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

/// The keys this crate knows; every other key is [`Key::Other`] and its value
/// is skipped (forward compatibility).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Key {
    Code,
    Message,
    RequestId,
    CodeDesc,
    Detail,
    Other,
}

impl Key {
    #[inline]
    fn from_name(name: &[u8]) -> Key {
        match name {
            b"code" => Key::Code,
            b"message" => Key::Message,
            b"requestId" => Key::RequestId,
            b"codeDesc" => Key::CodeDesc,
            b"detail" => Key::Detail,
            _ => Key::Other,
        }
    }
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(Key::from_name(name.as_bytes()))
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Key, E> {
        Ok(Key::from_name(name))
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

/// The four fields common to every object of the dialect, as read so far.
#[derive(Default)]
pub(crate) struct Header {
    code: Option<Code>,
    message: Slot<String>,
    request_id: Slot<String>,
    code_desc: Slot<String>,
}

/// The fields of a [`Header`] once parsing is complete.
pub(crate) struct HeaderFields {
    pub(crate) code: Code,
    pub(crate) message: String,
    pub(crate) request_id: Option<RequestId>,
    pub(crate) code_desc: Option<String>,
}

impl Header {
    /// Reads the value of `key` when it is one of the four common fields and
    /// returns `true`; returns `false` (leaving the value unread) otherwise.
    #[inline]
    pub(crate) fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: Key,
        map: &mut A,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<bool, A::Error> {
        match key {
            Key::Code => {
                let field = Field::named("code", resource);
                reject_repeat(self.code.is_some(), field)?;
                self.code = Some(map.next_value_seed(CodeSeed(field))?);
            }
            Key::Message => read_text(&mut self.message, map, Field::named("message", resource))?,
            Key::RequestId => {
                read_text(
                    &mut self.request_id,
                    map,
                    Field::named("requestId", resource),
                )?;
            }
            Key::CodeDesc => {
                read_text(&mut self.code_desc, map, Field::named("codeDesc", resource))?;
            }
            Key::Detail | Key::Other => return Ok(false),
        }
        Ok(true)
    }

    /// Checks that `code` was present and returns the fields, absent and
    /// `null` ones alike as `None` (an absent message as `""`).
    pub(crate) fn finish<E: de::Error>(
        self,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<HeaderFields, E> {
        let Some(code) = self.code else {
            return Err(E::custom(format_args!(
                "missing field {}",
                Field::named("code", resource)
            )));
        };
        Ok(HeaderFields {
            code,
            message: self.message.into_option().unwrap_or_default(),
            request_id: self.request_id.into_option().map(RequestId::from),
            code_desc: self.code_desc.into_option(),
        })
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

fn read_text<'de, A: MapAccess<'de>>(
    slot: &mut Slot<String>,
    map: &mut A,
    field: Field<'_>,
) -> Result<(), A::Error> {
    reject_repeat(slot.is_seen(), field)?;
    slot.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
    Ok(())
}

/// Skips the value of a key this crate does not know.
pub(crate) fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(drop)
}

/// The common fields of an object to be written.
#[derive(Clone, Copy)]
pub(crate) struct HeaderRef<'a> {
    pub(crate) code: Code,
    pub(crate) message: &'a str,
    pub(crate) request_id: Option<&'a RequestId>,
    pub(crate) code_desc: Option<&'a str>,
}

impl HeaderRef<'_> {
    /// How many map entries [`HeaderRef::write`] writes.
    pub(crate) fn len(&self) -> usize {
        2 + usize::from(self.request_id.is_some()) + usize::from(self.code_desc.is_some())
    }

    /// Writes `code`, `message`, then `requestId` and `codeDesc` when present.
    pub(crate) fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", self.message)?;
        if let Some(request_id) = self.request_id {
            map.serialize_entry("requestId", request_id)?;
        }
        if let Some(code_desc) = self.code_desc {
            map.serialize_entry("codeDesc", code_desc)?;
        }
        Ok(())
    }

    /// Refuses to write a success without a request id: it would not parse back.
    pub(crate) fn require_request_id<E: serde::ser::Error>(
        &self,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<(), E> {
        if self.code.is_success() && self.request_id.is_none() {
            Err(E::custom(format_args!(
                "{REQUEST_ID_REQUIRED}{}",
                ForResource(resource)
            )))
        } else {
            Ok(())
        }
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
            Err(E::unknown_variant(name, self.names))
        } else {
            Ok(None)
        }
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
