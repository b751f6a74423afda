//! Reading [`BatchResponse`] (through the shared parser of
//! [`super::parse`]) and writing it.

use core::fmt;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::BatchResponse;
use super::parse::{BatchParts, deserialize_batch};
use crate::wire::HeaderRef;
use crate::{BatchTarget, RequestId, TaskResponse};

impl<'de, R: BatchTarget> Deserialize<'de> for BatchResponse<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let parts: BatchParts<R::Id, TaskResponse, String> = deserialize_batch(deserializer)?;
        Ok(BatchResponse::from_parts(
            parts.fields.code,
            parts.fields.message,
            parts.fields.request_id.map(RequestId::from),
            parts.fields.code_desc,
            parts.detail,
            parts.failed,
        ))
    }
}

impl<R: BatchTarget> Serialize for BatchResponse<R> {
    /// Writes `code`, `message`, `requestId` and `codeDesc` when present, then
    /// `detail` in order. A rejection (no entries, non-zero code) is written
    /// without `detail`, as the provider sends it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let header = HeaderRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::as_str),
            code_desc: self.code_desc.as_deref(),
        };
        let entries = self.detail.iter().map(|(id, task)| (id, task.header()));
        write_batch(serializer, header, entries)
    }
}

/// Writes a batch reply: `header`, then `detail` from `entries` in order
/// (left out for a rejection: no entries and a non-zero code). An entry with
/// code 0 and no request id is refused, naming its resource id.
pub(crate) fn write_batch<'a, S, K, I>(
    serializer: S,
    header: HeaderRef<'_>,
    entries: I,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize + fmt::Display + 'a,
    I: ExactSizeIterator<Item = (&'a K, HeaderRef<'a>)> + Clone,
{
    let write_detail = entries.len() > 0 || header.code.is_success();
    let mut map = serializer.serialize_map(Some(header.len() + usize::from(write_detail)))?;
    header.write(&mut map)?;
    if write_detail {
        map.serialize_entry("detail", &Detail(entries))?;
    }
    map.end()
}

/// `detail`, written from an iterator that can be walked again.
struct Detail<I>(I);

impl<'a, K, I> Serialize for Detail<I>
where
    K: Serialize + fmt::Display + 'a,
    I: ExactSizeIterator<Item = (&'a K, HeaderRef<'a>)> + Clone,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, task) in self.0.clone() {
            map.serialize_entry(id, &Entry { id, task })?;
        }
        map.end()
    }
}

/// One entry of `detail`, which names its resource if it cannot be written.
struct Entry<'a, K> {
    id: &'a K,
    task: HeaderRef<'a>,
}

impl<K: fmt::Display> Serialize for Entry<'_, K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.task.write_task(serializer, Some(self.id))
    }
}
