//! Writing a batch reply: [`BatchResponse`]'s `Serialize`, and the writer
//! the borrowed view shares.

use core::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::BatchResponse;
use super::de::is_batch_key;
use crate::wire::{self, DETAIL, TaskFieldsRef};
use crate::{AnyValue, BatchTarget, RequestId, rule};

impl<R: BatchTarget, P: Serialize> Serialize for BatchResponse<R, P> {
    /// Writes `code`, `message`, `requestId` and `codeDesc` when present,
    /// `detail` in order (its entries, then its values that are not
    /// entries), then the payload's fields. A rejection (no entries, a
    /// non-zero code) is written without `detail`, as providers send it,
    /// unless it was read with an empty one (`"detail": {}`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::wire),
            code_desc: self.code_desc.as_deref(),
            other: &[],
        };
        let entries = self
            .detail
            .iter()
            .map(|(id, task)| (id, task.wire_fields()));
        write_batch(
            serializer,
            fields,
            DetailRef {
                entries,
                extras: &self.extras,
                sent: self.detail_sent,
            },
            self.payload.as_ref(),
        )
    }
}

/// What `detail` holds, to be written: the entries, and the values that are
/// not entries.
pub(crate) struct DetailRef<'a, I> {
    pub(crate) entries: I,
    pub(crate) extras: &'a [(String, AnyValue)],
    /// Whether the reply carried `detail`, even empty.
    pub(crate) sent: bool,
}

/// Writes a batch reply: `header`, then `detail` (left out for a
/// rejection: no entries, no extras and a non-zero code), then `payload`.
pub(crate) fn write_batch<'a, S, K, I, P>(
    serializer: S,
    fields: TaskFieldsRef<'_>,
    detail: DetailRef<'a, I>,
    payload: Option<&P>,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize + fmt::Display + 'a,
    I: ExactSizeIterator<Item = (&'a K, TaskFieldsRef<'a>)> + Clone,
    P: Serialize,
{
    let write_detail = detail.sent
        || !(rule::is_rejection(fields.code, detail.entries.len()) && detail.extras.is_empty());
    let len = wire::payload_len(payload).map(|n| n + fields.len() + usize::from(write_detail));
    let mut map = serializer.serialize_map(len)?;
    fields.write(&mut map)?;
    if write_detail {
        map.serialize_entry(DETAIL, &wire::Present(&Detail(detail)))?;
    }
    if let Some(payload) = payload {
        wire::write_payload(&mut map, payload, is_batch_key)?;
    }
    map.end()
}

/// `detail`, written from an iterator that can be walked again.
struct Detail<'a, I>(DetailRef<'a, I>);

impl<'a, K, I> Serialize for Detail<'a, I>
where
    K: Serialize + fmt::Display + 'a,
    I: ExactSizeIterator<Item = (&'a K, TaskFieldsRef<'a>)> + Clone,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let detail = &self.0;
        let mut map = serializer.serialize_map(Some(detail.entries.len() + detail.extras.len()))?;
        for (id, task) in detail.entries.clone() {
            map.serialize_entry(id, &Entry(task))?;
        }
        for (key, value) in detail.extras {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// One entry of `detail`.
struct Entry<'a>(TaskFieldsRef<'a>);

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write_object(serializer)
    }
}
