//! Reading [`BatchResponse`] (through the shared parser of
//! [`super::parse`]) and writing it.

use core::fmt;

use indexmap::IndexMap;
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::BatchResponse;
use super::parse::{BatchParts, deserialize_batch};
use crate::wire::HeaderRef;
use crate::{RequestId, Resource, TaskResponse};

impl<'de, R: Resource> Deserialize<'de> for BatchResponse<R> {
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
