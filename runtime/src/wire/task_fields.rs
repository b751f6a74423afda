//! The four fields every task object of the code/requestId dialect carries
//! (`code`, `message`, `requestId`, `codeDesc`): reading them, with their
//! rules, and writing them.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;

use super::KeptSeed;
use super::{
    CODE, CODE_DESC, CodeSeed, Field, FieldState, FromText, Key, MESSAGE, Numbered, NumberedSeed,
    Numbers, REQUEST_ID, TextSeed, reject_repeat,
};

use crate::{AnyValue, Code, OtherFields};

/// The four fields common to every object of the dialect, as read so far;
/// `T` is how text is kept (see [`FromText`]).
pub(crate) struct TaskFieldsReader<T: Numbers = String> {
    code: Option<Code>,
    message: FieldState<T>,
    request_id: FieldState<<T as Numbers>::Numbered>,
    code_desc: FieldState<T>,
}

impl<T: Numbers> Default for TaskFieldsReader<T> {
    fn default() -> Self {
        TaskFieldsReader {
            code: None,
            message: FieldState::Absent,
            request_id: FieldState::Absent,
            code_desc: FieldState::Absent,
        }
    }
}

/// The fields of a [`TaskFieldsReader`] once parsing is complete.
pub(crate) struct TaskFields<T: Numbers = String> {
    pub(crate) code: Code,
    pub(crate) message: T,
    pub(crate) request_id: Option<T::Numbered>,
    pub(crate) code_desc: Option<T>,
    /// The object's other fields (kept for a `detail` entry).
    pub(crate) other: OtherFields,
}

impl<T: Default + Numbers> TaskFieldsReader<T> {
    /// Reads the value of `key`, one of the four common fields (the value of
    /// any other key is skipped: callers claim only these).
    #[allow(clippy::inline_always)] // see `read_task_fields`
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
                let field = Field::named(CODE, resource);
                reject_repeat(self.code.is_some(), field)?;
                self.code = Some(map.next_value_seed(CodeSeed(field))?);
            }
            Key::Message => read_text(&mut self.message, map, Field::named(MESSAGE, resource))?,
            Key::RequestId => {
                let field = Field::named(REQUEST_ID, resource);
                reject_repeat(self.request_id.is_seen(), field)?;
                self.request_id
                    .fill(map.next_value_seed(NumberedSeed::nullable(field))?);
            }
            Key::CodeDesc => {
                read_text(&mut self.code_desc, map, Field::named(CODE_DESC, resource))?;
            }
            Key::Detail | Key::Other => super::skip_value(map)?,
        }
        Ok(())
    }

    /// Checks that `code` was present and returns the fields, absent and
    /// `null` ones alike as `None` (an absent message as `""`).
    #[allow(clippy::inline_always)] // see `read_task_fields`
    #[inline(always)]
    pub(crate) fn finish<E: de::Error>(
        self,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<TaskFields<T>, E> {
        let Some(code) = self.code else {
            return Err(E::custom(format_args!(
                "missing field {}",
                Field::named(CODE, resource)
            )));
        };
        Ok(TaskFields {
            code,
            message: self.message.into_option().unwrap_or_default(),
            request_id: self.request_id.into_option(),
            code_desc: self.code_desc.into_option(),
            other: OtherFields::new(),
        })
    }
}

#[allow(clippy::inline_always)] // see `read_task_fields`
#[inline(always)]
fn read_text<'de, A: MapAccess<'de>, T: FromText<'de>>(
    slot: &mut FieldState<T>,
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
/// The pieces it calls (`Key::from_name`, `TaskFieldsReader::read`, `TaskFieldsReader::finish`)
/// are `#[inline(always)]`: the compiler kept them out of line otherwise,
/// and inlining them takes 7% of the instructions of a batch parse away
/// (callgrind, 10 000 entries: 2 541 to 2 364 per entry).
pub(crate) fn read_task_fields<'de, A: MapAccess<'de>, T: FromText<'de>>(
    mut map: A,
    resource: Option<&dyn fmt::Display>,
) -> Result<TaskFields<T>, A::Error> {
    let mut reader = TaskFieldsReader::<T>::default();
    let mut other = OtherFields::new();
    while let Some(key) = map.next_key_seed(FieldKey)? {
        match key {
            FieldKeyRead::Known(key) => {
                reader.read(key, &mut map, resource)?;
            }
            FieldKeyRead::Other(name) => {
                let value = map.next_value_seed(KeptSeed(Field::named(&name, resource)))?;
                other.push(name, value);
            }
        }
    }
    let mut fields = reader.finish(resource)?;
    fields.other = other;
    Ok(fields)
}

/// A key of a task object: one of the common fields, or another, named.
enum FieldKeyRead {
    Known(Key),
    Other(String),
}

/// Reads a key of a task object as a string (which every format that writes
/// maps can give), allocating only for a key this crate does not know.
struct FieldKey;

impl<'de> DeserializeSeed<'de> for FieldKey {
    type Value = FieldKeyRead;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<FieldKeyRead, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for FieldKey {
    type Value = FieldKeyRead;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, name: &str) -> Result<FieldKeyRead, E> {
        Ok(match Key::common(name) {
            Some(key) => FieldKeyRead::Known(key),
            None => FieldKeyRead::Other(name.to_owned()),
        })
    }
}

/// The common fields of an object to be written.
#[derive(Clone, Copy)]
pub(crate) struct TaskFieldsRef<'a> {
    pub(crate) code: Code,
    pub(crate) message: &'a str,
    pub(crate) request_id: Option<Numbered<&'a str>>,
    pub(crate) code_desc: Option<&'a str>,
    /// Fields beyond the common ones, written after them (a `detail` entry's).
    pub(crate) other: &'a [(String, AnyValue)],
}

impl TaskFieldsRef<'_> {
    /// How many map entries [`TaskFieldsRef::write`] writes.
    pub(crate) fn len(&self) -> usize {
        2 + usize::from(self.request_id.is_some())
            + usize::from(self.code_desc.is_some())
            + self.other.len()
    }

    /// Writes `code`, `message`, then `requestId` and `codeDesc` when present.
    pub(crate) fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(CODE, &self.code)?;
        map.serialize_entry(MESSAGE, self.message)?;
        if let Some(request_id) = &self.request_id {
            map.serialize_entry(REQUEST_ID, request_id)?;
        }
        if let Some(code_desc) = self.code_desc {
            map.serialize_entry(CODE_DESC, code_desc)?;
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
