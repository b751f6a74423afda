//! Reading a synchronous batch reply: the list of ids started, or an error
//! body and the ids it names.

use core::fmt;
use core::marker::PhantomData;
use std::collections::HashSet;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::BatchTarget;
use crate::job::ErrorBody;
use crate::wire::{self, Field, NullOr, TextSeed, reject_repeat};

use super::{INTERNAL_ERROR, RESPONSE, SyncBatchResponse, SyncFailure};

impl<'de, R: BatchTarget> Deserialize<'de> for SyncBatchResponse<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, ReplyVisitor(PhantomData))
    }
}

struct ReplyVisitor<R>(PhantomData<fn() -> R>);

impl<'de, R: BatchTarget> Visitor<'de> for ReplyVisitor<R> {
    type Value = SyncBatchResponse<R>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a synchronous batch reply: an object with `response` or an error")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut response: Option<Option<Vec<Entry<R>>>> = None;
        let mut internal: Option<Option<Vec<Entry<R>>>> = None;
        let mut body = ErrorBody::default();
        while let Some(key) = map.next_key::<String>()? {
            let list = match key.as_str() {
                RESPONSE => &mut response,
                INTERNAL_ERROR => &mut internal,
                _ => {
                    body.read(key, &mut map)?;
                    continue;
                }
            };
            let name = if key == RESPONSE {
                RESPONSE
            } else {
                INTERNAL_ERROR
            };
            reject_repeat(list.is_some(), Field::named(name, None))?;
            *list = Some(map.next_value_seed(NullOr(ListSeed::<R>::new(name)))?);
        }
        let error = body.finish::<A::Error>()?;
        let (response, internal) = (response.flatten(), internal.flatten());
        if response.is_none() && internal.is_none() && error.is_none() {
            return Err(de::Error::custom(
                "a synchronous batch reply needs `response`, `internalError` or an error",
            ));
        }
        let mut seen = HashSet::new();
        for (name, entries) in [(RESPONSE, &response), (INTERNAL_ERROR, &internal)] {
            for (index, entry) in entries.iter().flatten().enumerate() {
                if !seen.insert(&entry.id) {
                    return Err(de::Error::custom(format_args!(
                        "duplicate resource id {} in `{name}[{index}]`",
                        crate::text::IdText(&entry.id)
                    )));
                }
            }
        }
        Ok(SyncBatchResponse {
            response: response.map(|entries| entries.into_iter().map(|entry| entry.id).collect()),
            error,
            internal_error: internal.map(|entries| {
                entries
                    .into_iter()
                    .map(|entry| SyncFailure {
                        id: entry.id,
                        error_code: entry.code,
                        error_message: entry.message,
                    })
                    .collect()
            }),
        })
    }
}

/// An entry of either list, as read.
struct Entry<R: BatchTarget> {
    id: R::Id,
    code: Option<String>,
    message: Option<String>,
}

/// Reads `response` or `internalError`.
struct ListSeed<R> {
    name: &'static str,
    resource: PhantomData<fn() -> R>,
}

impl<R> ListSeed<R> {
    fn new(name: &'static str) -> Self {
        ListSeed {
            name,
            resource: PhantomData,
        }
    }
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for ListSeed<R> {
    type Value = Vec<Entry<R>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_list(deserializer, self)
    }
}

impl<'de, R: BatchTarget> Visitor<'de> for ListSeed<R> {
    type Value = Vec<Entry<R>>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an array of objects with an `id`", self.name)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::with_capacity(crate::wire::capacity(seq.size_hint()));
        while let Some(entry) = seq.next_element_seed(EntrySeed::<R> {
            path: EntryPath(self.name, entries.len()),
            resource: PhantomData,
        })? {
            entries.push(entry);
        }
        Ok(entries)
    }
}

/// Displays `response[1]`.
struct EntryPath(&'static str, usize);

impl fmt::Display for EntryPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// Reads one entry: `id`, and `error_code` and `error_message`.
struct EntrySeed<R> {
    path: EntryPath,
    resource: PhantomData<fn() -> R>,
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for EntrySeed<R> {
    type Value = Entry<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de, R: BatchTarget> Visitor<'de> for EntrySeed<R> {
    type Value = Entry<R>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an object with an `id`", self.path)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut id: Option<R::Id> = None;
        let mut code: Option<Option<String>> = None;
        let mut message: Option<Option<String>> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => {
                    reject_repeat(id.is_some(), Field::at("id", &self.path))?;
                    id = Some(map.next_value()?);
                }
                "error_code" => {
                    let field = Field::at("error_code", &self.path);
                    reject_repeat(code.is_some(), field)?;
                    code = Some(map.next_value_seed(TextSeed::code(field).nullable())?);
                }
                "error_message" => {
                    let field = Field::at("error_message", &self.path);
                    reject_repeat(message.is_some(), field)?;
                    message = Some(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                _ => wire::skip_value(&mut map)?,
            }
        }
        let id = id.ok_or_else(|| {
            de::Error::custom(format_args!(
                "missing field {}",
                Field::at("id", &self.path)
            ))
        })?;
        Ok(Entry {
            id,
            code: code.flatten(),
            message: message.flatten(),
        })
    }
}
