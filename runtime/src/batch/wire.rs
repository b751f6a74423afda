//! Reading and writing [`BatchResponse`] with hand-written visitors: no
//! intermediate `Value`, no buffering, one pass over the input.

use core::fmt;
use core::marker::PhantomData;

use indexmap::IndexMap;
use indexmap::map::Entry;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::BatchResponse;
use crate::task::TaskSeed;
use crate::text::IdText;
use crate::wire::{Field, Header, HeaderRef, Key, NullOr, Slot, reject_repeat, skip_value};
use crate::{Resource, TaskResponse};

/// The most entries reserved up front from a format's size hint, so a hostile
/// hint cannot make us allocate before any entry has been read.
const MAX_PREALLOCATED_ENTRIES: usize = 4096;

impl<'de, R: Resource> Deserialize<'de> for BatchResponse<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BatchVisitor(PhantomData))
    }
}

struct BatchVisitor<R>(PhantomData<R>);

impl<'de, R: Resource> Visitor<'de> for BatchVisitor<R> {
    type Value = BatchResponse<R>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch reply: an object with `code`, `message` and `detail`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut header = Header::default();
        let mut detail: Slot<Detail<R>> = Slot::Absent;
        while let Some(key) = map.next_key()? {
            if key == Key::Detail {
                reject_repeat(detail.is_seen(), Field::named("detail", None))?;
                detail.fill(map.next_value_seed(NullOr(DetailSeed(PhantomData)))?);
            } else if !header.read(key, &mut map, None)? {
                skip_value(&mut map)?;
            }
        }
        let fields = header.finish(None)?;
        let Detail { entries, failed } = match detail.into_option() {
            Some(detail) => detail,
            None if fields.code.is_success() => {
                return Err(de::Error::custom(
                    "missing field `detail` (required when code is 0)",
                ));
            }
            None => Detail::default(),
        };
        Ok(BatchResponse {
            code: fields.code,
            message: fields.message,
            request_id: fields.request_id,
            code_desc: fields.code_desc,
            detail: entries,
            failed,
        })
    }
}

/// The parsed `detail` map with its count of failed entries.
struct Detail<R: Resource> {
    entries: IndexMap<R::Id, TaskResponse>,
    failed: usize,
}

impl<R: Resource> Default for Detail<R> {
    fn default() -> Self {
        Detail {
            entries: IndexMap::new(),
            failed: 0,
        }
    }
}

/// Parses `detail`.
struct DetailSeed<R>(PhantomData<R>);

impl<'de, R: Resource> DeserializeSeed<'de> for DetailSeed<R> {
    type Value = Detail<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, R: Resource> Visitor<'de> for DetailSeed<R> {
    type Value = Detail<R>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`detail` to be an object keyed by resource id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let capacity = map.size_hint().unwrap_or(0).min(MAX_PREALLOCATED_ENTRIES);
        let mut entries: IndexMap<R::Id, TaskResponse> = IndexMap::with_capacity(capacity);
        let mut failed = 0;
        while let Some(id) = map.next_key::<R::Id>()? {
            match entries.entry(id) {
                Entry::Occupied(taken) => {
                    return Err(de::Error::custom(format_args!(
                        "duplicate resource id {} in `detail`",
                        IdText(taken.key())
                    )));
                }
                Entry::Vacant(slot) => {
                    let task = map.next_value_seed(TaskSeed {
                        resource: Some(slot.key()),
                    })?;
                    failed += usize::from(!task.counts_as_success());
                    slot.insert(task);
                }
            }
        }
        Ok(Detail { entries, failed })
    }
}

impl<R: Resource> Serialize for BatchResponse<R> {
    /// Writes `code`, `message`, `requestId` and `codeDesc` when present, then
    /// `detail` in order. A rejection (no entries, non-zero code) is written
    /// without `detail`, as the provider sends it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let header = HeaderRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref(),
            code_desc: self.code_desc.as_deref(),
        };
        // Everything but a rejection (no entries, non-zero code) has `detail`.
        let write_detail = !self.detail.is_empty() || self.code.is_success();
        let mut map = serializer.serialize_map(Some(header.len() + usize::from(write_detail)))?;
        header.write(&mut map)?;
        if write_detail {
            map.serialize_entry("detail", &DetailRef::<R>(&self.detail))?;
        }
        map.end()
    }
}

struct DetailRef<'a, R: Resource>(&'a IndexMap<R::Id, TaskResponse>);

impl<R: Resource> Serialize for DetailRef<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, task) in self.0 {
            map.serialize_entry(id, &EntryRef { id, task })?;
        }
        map.end()
    }
}

struct EntryRef<'a, Id> {
    id: &'a Id,
    task: &'a TaskResponse,
}

impl<Id: fmt::Display> Serialize for EntryRef<'_, Id> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.task.serialize_for(serializer, Some(self.id))
    }
}
