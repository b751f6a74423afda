//! The four fields every object of the code/requestId dialect carries
//! (`code`, `message`, `requestId`, `codeDesc`): reading them, with their
//! rules, and writing them.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;

use super::{Field, FromText, Numbered, NumberedSeed, Numbers, Slot, TextSeed, reject_repeat};
use crate::any_value::KeptSeed;
use crate::code::CodeSeed;
use crate::{AnyValue, Code, OtherFields};

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
    /// The key of a common field (`code`, `message`, `requestId`,
    /// `codeDesc`), else `None`.
    #[inline]
    pub(crate) fn common(name: &str) -> Option<Key> {
        match Key::from_name(name.as_bytes()) {
            Key::Detail | Key::Other => None,
            key => Some(key),
        }
    }

    /// Whether a payload field named `name` would clash with a common field.
    pub(crate) fn is_common(name: &str) -> bool {
        Key::common(name).is_some()
    }

    #[allow(clippy::inline_always)] // see `read_fields`
    #[inline(always)]
    pub(crate) fn from_name(name: &[u8]) -> Key {
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

/// The four fields common to every object of the dialect, as read so far;
/// `T` is how text is kept (see [`FromText`]).
pub(crate) struct Header<T: Numbers = String> {
    code: Option<Code>,
    message: Slot<T>,
    request_id: Slot<<T as Numbers>::Numbered>,
    code_desc: Slot<T>,
}

impl<T: Numbers> Default for Header<T> {
    fn default() -> Self {
        Header {
            code: None,
            message: Slot::Absent,
            request_id: Slot::Absent,
            code_desc: Slot::Absent,
        }
    }
}

/// The fields of a [`Header`] once parsing is complete.
pub(crate) struct HeaderFields<T: Numbers = String> {
    pub(crate) code: Code,
    pub(crate) message: T,
    pub(crate) request_id: Option<T::Numbered>,
    pub(crate) code_desc: Option<T>,
    /// The object's other fields (kept for a `detail` entry).
    pub(crate) other: OtherFields,
}

impl<T: Numbers> HeaderFields<T> {
    /// Whether these fields describe a success: code 0 (see [`crate::rule`]).
    #[inline]
    pub(crate) fn counts_as_success(&self) -> bool {
        crate::rule::succeeded(self.code)
    }
}

impl<T: Default + Numbers> Header<T> {
    /// Reads the value of `key`, one of the four common fields (the value of
    /// any other key is skipped: callers claim only these).
    #[allow(clippy::inline_always)] // see `read_fields`
    #[inline(always)]
    pub(crate) fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: Key,
        map: &mut A,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<(), A::Error>
    where
        T: FromText<'de>,
    {
        match key {
            Key::Code => {
                let field = Field::named("code", resource);
                reject_repeat(self.code.is_some(), field)?;
                self.code = Some(map.next_value_seed(CodeSeed(field))?);
            }
            Key::Message => read_text(&mut self.message, map, Field::named("message", resource))?,
            Key::RequestId => {
                let field = Field::named("requestId", resource);
                reject_repeat(self.request_id.is_seen(), field)?;
                self.request_id
                    .fill(map.next_value_seed(NumberedSeed::nullable(field))?);
            }
            Key::CodeDesc => {
                read_text(&mut self.code_desc, map, Field::named("codeDesc", resource))?;
            }
            Key::Detail | Key::Other => super::skip_value(map)?,
        }
        Ok(())
    }

    /// Checks that `code` was present and returns the fields, absent and
    /// `null` ones alike as `None` (an absent message as `""`).
    #[allow(clippy::inline_always)] // see `read_fields`
    #[inline(always)]
    pub(crate) fn finish<E: de::Error>(
        self,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<HeaderFields<T>, E> {
        let Some(code) = self.code else {
            return Err(E::custom(format_args!(
                "missing field {}",
                Field::named("code", resource)
            )));
        };
        Ok(HeaderFields {
            code,
            message: self.message.into_option().unwrap_or_default(),
            request_id: self.request_id.into_option(),
            code_desc: self.code_desc.into_option(),
            other: OtherFields::new(),
        })
    }
}

#[allow(clippy::inline_always)] // see `read_fields`
#[inline(always)]
fn read_text<'de, A: MapAccess<'de>, T: FromText<'de>>(
    slot: &mut Slot<T>,
    map: &mut A,
    field: Field<'_>,
) -> Result<(), A::Error> {
    reject_repeat(slot.is_seen(), field)?;
    slot.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
    Ok(())
}

/// Reads a task object: its common fields, and every other field kept as
/// it came.
///
/// The pieces it calls (`Key::from_name`, `Header::read`, `Header::finish`)
/// are `#[inline(always)]`: the compiler kept them out of line otherwise,
/// and inlining them takes 7% of the instructions of a batch parse away
/// (callgrind, 10 000 entries: 2 541 to 2 364 per entry).
pub(crate) fn read_fields<'de, A: MapAccess<'de>, T: FromText<'de>>(
    mut map: A,
    resource: Option<&dyn fmt::Display>,
) -> Result<HeaderFields<T>, A::Error> {
    let mut header = Header::<T>::default();
    let mut other = OtherFields::new();
    while let Some(key) = map.next_key_seed(EntryKey)? {
        match key {
            EntryKeyRead::Known(key) => {
                header.read(key, &mut map, resource)?;
            }
            EntryKeyRead::Other(name) => {
                let value = map.next_value_seed(KeptSeed(Field::named(&name, resource)))?;
                other.push(name, value);
            }
        }
    }
    let mut fields = header.finish(resource)?;
    fields.other = other;
    Ok(fields)
}

/// A key of a task object: one of the common fields, or another, named.
enum EntryKeyRead {
    Known(Key),
    Other(String),
}

/// Reads a key of a task object as a string (which every format that writes
/// maps can give), allocating only for a key this crate does not know.
struct EntryKey;

impl<'de> DeserializeSeed<'de> for EntryKey {
    type Value = EntryKeyRead;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<EntryKeyRead, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for EntryKey {
    type Value = EntryKeyRead;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, name: &str) -> Result<EntryKeyRead, E> {
        Ok(match Key::common(name) {
            Some(key) => EntryKeyRead::Known(key),
            None => EntryKeyRead::Other(name.to_owned()),
        })
    }
}

/// The common fields of an object to be written.
#[derive(Clone, Copy)]
pub(crate) struct HeaderRef<'a> {
    pub(crate) code: Code,
    pub(crate) message: &'a str,
    pub(crate) request_id: Option<Numbered<&'a str>>,
    pub(crate) code_desc: Option<&'a str>,
    /// Fields beyond the common ones, written after them (a `detail` entry's).
    pub(crate) other: &'a [(String, AnyValue)],
}

impl HeaderRef<'_> {
    /// How many map entries [`HeaderRef::write`] writes.
    pub(crate) fn len(&self) -> usize {
        2 + usize::from(self.request_id.is_some())
            + usize::from(self.code_desc.is_some())
            + self.other.len()
    }

    /// Writes `code`, `message`, then `requestId` and `codeDesc` when present.
    pub(crate) fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", self.message)?;
        if let Some(request_id) = &self.request_id {
            map.serialize_entry("requestId", request_id)?;
        }
        if let Some(code_desc) = self.code_desc {
            map.serialize_entry("codeDesc", code_desc)?;
        }
        for (key, value) in self.other {
            map.serialize_entry(key, value)?;
        }
        Ok(())
    }

    /// Writes the fields as one object.
    pub(crate) fn write_object<S: serde::Serializer>(
        self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        self.write(&mut map)?;
        map.end()
    }
}
