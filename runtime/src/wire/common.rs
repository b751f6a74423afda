//! The four fields every object of the code/requestId dialect carries
//! (`code`, `message`, `requestId`, `codeDesc`): reading them, with their
//! rules, and writing them.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;

use super::{Field, ForResource, FromText, Slot, TextSeed, reject_repeat, skip_value};
use crate::Code;
use crate::code::CodeSeed;

/// The message of the error for a success without a request id.
pub(crate) const REQUEST_ID_REQUIRED: &str = "requestId is required when code is 0";

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

/// The four fields common to every object of the dialect, as read so far;
/// `T` is how text is kept (see [`FromText`]).
pub(crate) struct Header<T = String> {
    code: Option<Code>,
    message: Slot<T>,
    request_id: Slot<T>,
    code_desc: Slot<T>,
}

impl<T> Default for Header<T> {
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
pub(crate) struct HeaderFields<T = String> {
    pub(crate) code: Code,
    pub(crate) message: T,
    pub(crate) request_id: Option<T>,
    pub(crate) code_desc: Option<T>,
}

impl<T> HeaderFields<T> {
    /// Whether these fields describe a success: code 0 and a request id.
    #[inline]
    pub(crate) fn counts_as_success(&self) -> bool {
        self.code.is_success() && self.request_id.is_some()
    }
}

impl<T: Default> Header<T> {
    /// Reads the value of `key` when it is one of the four common fields and
    /// returns `true`; returns `false` (leaving the value unread) otherwise.
    #[inline]
    pub(crate) fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: Key,
        map: &mut A,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<bool, A::Error>
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
        })
    }
}

fn read_text<'de, A: MapAccess<'de>, T: FromText<'de>>(
    slot: &mut Slot<T>,
    map: &mut A,
    field: Field<'_>,
) -> Result<(), A::Error> {
    reject_repeat(slot.is_seen(), field)?;
    slot.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
    Ok(())
}

/// Reads the common fields of a task object, skipping every other key.
pub(crate) fn read_fields<'de, A: MapAccess<'de>, T: FromText<'de>>(
    mut map: A,
    resource: Option<&dyn fmt::Display>,
) -> Result<HeaderFields<T>, A::Error> {
    let mut header = Header::<T>::default();
    while let Some(key) = map.next_key()? {
        if !header.read(key, &mut map, resource)? {
            skip_value(&mut map)?;
        }
    }
    header.finish(resource)
}

/// Parses a task object: the common reply, or one entry of a batch's
/// `detail` (then `resource` names the entry's id in every error). A success
/// without a request id is refused.
pub(crate) struct TaskSeed<'a, T = String> {
    resource: Option<&'a dyn fmt::Display>,
    text: PhantomData<fn() -> T>,
}

impl<'a, T> TaskSeed<'a, T> {
    pub(crate) fn new(resource: Option<&'a dyn fmt::Display>) -> Self {
        TaskSeed {
            resource,
            text: PhantomData,
        }
    }
}

impl<'de, T: FromText<'de>> DeserializeSeed<'de> for TaskSeed<'_, T> {
    type Value = HeaderFields<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: FromText<'de>> Visitor<'de> for TaskSeed<'_, T> {
    type Value = HeaderFields<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.resource {
            Some(_) => write!(
                f,
                "the entry{} to be an object with `code`, `message` and `requestId`",
                ForResource(self.resource)
            ),
            None => f.write_str("a task reply: an object with `code`, `message` and `requestId`"),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let fields = read_fields(map, self.resource)?;
        if fields.code.is_success() && fields.request_id.is_none() {
            return Err(de::Error::custom(format_args!(
                "{REQUEST_ID_REQUIRED}{}",
                ForResource(self.resource)
            )));
        }
        Ok(fields)
    }
}

/// The common fields of an object to be written.
#[derive(Clone, Copy)]
pub(crate) struct HeaderRef<'a> {
    pub(crate) code: Code,
    pub(crate) message: &'a str,
    pub(crate) request_id: Option<&'a str>,
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

    /// Writes the fields as one object.
    pub(crate) fn write_object<S: serde::Serializer>(
        self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        self.write(&mut map)?;
        map.end()
    }

    /// Writes a task object, refusing a success without a request id (it
    /// would not parse back), naming `resource` if there is one.
    pub(crate) fn write_task<S: serde::Serializer>(
        self,
        serializer: S,
        resource: Option<&dyn fmt::Display>,
    ) -> Result<S::Ok, S::Error> {
        self.require_request_id(resource)?;
        self.write_object(serializer)
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
