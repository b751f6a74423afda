//! The one parser of the batch reply, shared by [`BatchResponse`] (owned ids
//! and text) and [`BatchResponseRef`] (ids and text borrowed from the input):
//! hand-written visitors, no intermediate `Value`, no buffering, one pass;
//! and [`BatchResponse`]'s `Deserialize`, made with it.
//!
//! [`BatchResponse`]: crate::BatchResponse
//! [`BatchResponseRef`]: crate::BatchResponseRef

mod detail;

use core::fmt;
use core::hash::Hash;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::{BatchResponse, DetailMap, Parts};
use crate::wire::{
    self, Claim, DETAIL, Field, FieldState, FromText, Key, NullOr, Numbers, TaskFields,
    TaskFieldsReader, reject_repeat,
};
use crate::{AnyValue, BatchTarget, TaskResponse, rule};
use detail::{Detail, DetailSeed};

/// What a `detail` key must be: read from the format, hashed and compared
/// to refuse duplicates, and shown in the error that names a duplicate.
pub(crate) trait DetailKey<'de>: Deserialize<'de> + Hash + Eq + fmt::Display {}

impl<'de, K: Deserialize<'de> + Hash + Eq + fmt::Display> DetailKey<'de> for K {}

/// A batch reply as parsed: its top-level fields, its entries keyed by `K`
/// (each a `V` made from its fields), how many of them failed, the values
/// of `detail` that are not entries, and the payload.
pub(crate) struct BatchParts<K, V, T: Numbers, P> {
    pub(crate) fields: TaskFields<T>,
    pub(crate) detail: DetailMap<K, V>,
    pub(crate) failed: usize,
    pub(crate) extras: Vec<(String, AnyValue)>,
    /// Whether the reply carried `detail`, even empty.
    pub(crate) detail_sent: bool,
    pub(crate) payload: Option<P>,
}

/// Parses a batch reply. `K` reads a resource id, `T` keeps text, `V` is an
/// entry made from its [`TaskFields`], and `P` reads the fields the
/// envelope does not claim.
pub(crate) fn deserialize_batch<'de, D, K, V, T, P>(
    deserializer: D,
) -> Result<BatchParts<K, V, T, P>, D::Error>
where
    D: Deserializer<'de>,
    K: DetailKey<'de>,
    V: From<TaskFields<T>>,
    T: FromText<'de>,
    P: Deserialize<'de>,
{
    crate::wire::deserialize_object(deserializer, BatchVisitor(PhantomData))
}

impl<'de, R: BatchTarget, P: Deserialize<'de>> Deserialize<'de> for BatchResponse<R, P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let parts: BatchParts<R::Id, TaskResponse, String, P> = deserialize_batch(deserializer)?;
        Ok(BatchResponse::from_parts(Parts {
            code: parts.fields.code,
            message: parts.fields.message,
            request_id: parts.fields.request_id,
            code_desc: parts.fields.code_desc,
            detail: parts.detail,
            failed: parts.failed,
            extras: parts.extras,
            detail_sent: parts.detail_sent,
            payload: parts.payload,
        }))
    }
}

/// What a parse produces, without owning one.
type Output<K, V, T, P> = PhantomData<fn() -> (K, V, T, P)>;

struct BatchVisitor<K, V, T, P>(Output<K, V, T, P>);

impl<'de, K, V, T, P> Visitor<'de> for BatchVisitor<K, V, T, P>
where
    K: DetailKey<'de>,
    V: From<TaskFields<T>>,
    T: FromText<'de>,
    P: Deserialize<'de>,
{
    type Value = BatchParts<K, V, T, P>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch reply: an object with `code`, `message` and `detail`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut envelope = BatchFields::<K, V, T> {
            reader: TaskFieldsReader::default(),
            detail: FieldState::Absent,
        };
        let read = wire::read_object::<A, _, P>(&mut map, &mut envelope)?;
        let fields = envelope.reader.finish(None)?;
        let (detail, detail_sent) = match envelope.detail.into_option() {
            // Only a rejection is written without `detail`: remember one
            // that came with it.
            Some(detail) => {
                let sent = rule::is_rejection(fields.code, detail.entries.len())
                    && detail.extras.is_empty();
                (detail, sent)
            }
            None if rule::succeeded(fields.code) => {
                return Err(de::Error::custom(
                    "missing field `detail` (required when code is 0)",
                ));
            }
            None => (Detail::default(), false),
        };
        let payload = read.into_payload(rule::succeeded(fields.code))?;
        Ok(BatchParts {
            fields,
            detail: detail.entries,
            failed: detail.failed,
            extras: detail.extras,
            detail_sent,
            payload,
        })
    }
}

/// The envelope of a batch reply: the common fields and `detail`.
struct BatchFields<K, V, T: Numbers> {
    reader: TaskFieldsReader<T>,
    detail: FieldState<Detail<K, V>>,
}

impl<'de, K, V, T> Claim<'de> for BatchFields<K, V, T>
where
    K: DetailKey<'de>,
    V: From<TaskFields<T>>,
    T: FromText<'de>,
{
    type Key = Key;

    #[inline]
    fn claim(name: &str) -> Option<Key> {
        match Key::from_name(name) {
            Key::Other => None,
            key => Some(key),
        }
    }

    fn read<A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        if key == Key::Detail {
            reject_repeat(self.detail.is_seen(), Field::named(DETAIL, None))?;
            let seed = DetailSeed::<K, V, T>(PhantomData);
            self.detail.fill(map.next_value_seed(NullOr(seed))?);
            Ok(())
        } else {
            self.reader.read(key, map, None)
        }
    }
}

/// Whether a payload field named `name` would clash with a batch's own.
pub(crate) fn is_batch_key(name: &str) -> bool {
    Key::from_name(name) != Key::Other
}
