//! The one parser of the batch reply, shared by [`BatchResponse`] (owned ids
//! and text) and [`BatchResponseRef`] (ids and text borrowed from the input):
//! hand-written visitors, no intermediate `Value`, no buffering, one pass.
//!
//! [`BatchResponse`]: crate::BatchResponse
//! [`BatchResponseRef`]: crate::BatchResponseRef

use core::fmt;
use core::hash::Hash;
use core::marker::PhantomData;

use indexmap::IndexMap;
use indexmap::map::Entry;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use crate::text::IdText;
use crate::wire::{
    Field, FromText, Header, HeaderFields, Key, NullOr, Slot, TaskSeed, reject_repeat, skip_value,
};

/// The most entries reserved up front from a format's size hint, so a hostile
/// hint cannot make us allocate before any entry has been read.
const MAX_PREALLOCATED_ENTRIES: usize = 4096;

/// What a `detail` key must be: read from the format, hashed and compared
/// to refuse duplicates, and shown in the error that names a duplicate.
pub(crate) trait DetailKey<'de>: Deserialize<'de> + Hash + Eq + fmt::Display {}

impl<'de, K: Deserialize<'de> + Hash + Eq + fmt::Display> DetailKey<'de> for K {}

/// A batch reply as parsed: its top-level fields, its entries keyed by `K`
/// (each a `V` made from its fields), and how many of them failed.
pub(crate) struct BatchParts<K, V, T> {
    pub(crate) fields: HeaderFields<T>,
    pub(crate) detail: IndexMap<K, V>,
    pub(crate) failed: usize,
}

/// Parses a batch reply. `K` reads a resource id, `T` keeps text, and `V`
/// is an entry made from its [`HeaderFields`].
pub(crate) fn deserialize_batch<'de, D, K, V, T>(
    deserializer: D,
) -> Result<BatchParts<K, V, T>, D::Error>
where
    D: Deserializer<'de>,
    K: DetailKey<'de>,
    V: From<HeaderFields<T>>,
    T: FromText<'de>,
{
    deserializer.deserialize_map(BatchVisitor(PhantomData))
}

/// What a parse produces, without owning one: ids `K`, entries `V`, text `T`.
type Produces<K, V, T> = PhantomData<fn() -> (K, V, T)>;

struct BatchVisitor<K, V, T>(Produces<K, V, T>);

impl<'de, K, V, T> Visitor<'de> for BatchVisitor<K, V, T>
where
    K: DetailKey<'de>,
    V: From<HeaderFields<T>>,
    T: FromText<'de>,
{
    type Value = BatchParts<K, V, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch reply: an object with `code`, `message` and `detail`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut header = Header::<T>::default();
        let mut detail: Slot<Detail<K, V>> = Slot::Absent;
        while let Some(key) = map.next_key()? {
            if key == Key::Detail {
                reject_repeat(detail.is_seen(), Field::named("detail", None))?;
                let seed = DetailSeed::<K, V, T>(PhantomData);
                detail.fill(map.next_value_seed(NullOr(seed))?);
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
            None => Detail {
                entries: IndexMap::new(),
                failed: 0,
            },
        };
        Ok(BatchParts {
            fields,
            detail: entries,
            failed,
        })
    }
}

/// The parsed `detail` map with its count of failed entries.
struct Detail<K, V> {
    entries: IndexMap<K, V>,
    failed: usize,
}

/// Parses `detail`.
struct DetailSeed<K, V, T>(Produces<K, V, T>);

impl<'de, K, V, T> DeserializeSeed<'de> for DetailSeed<K, V, T>
where
    K: DetailKey<'de>,
    V: From<HeaderFields<T>>,
    T: FromText<'de>,
{
    type Value = Detail<K, V>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, K, V, T> Visitor<'de> for DetailSeed<K, V, T>
where
    K: DetailKey<'de>,
    V: From<HeaderFields<T>>,
    T: FromText<'de>,
{
    type Value = Detail<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`detail` to be an object keyed by resource id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let capacity = map.size_hint().unwrap_or(0).min(MAX_PREALLOCATED_ENTRIES);
        let mut entries: IndexMap<K, V> = IndexMap::with_capacity(capacity);
        let mut failed = 0;
        while let Some(id) = map.next_key::<K>()? {
            match entries.entry(id) {
                Entry::Occupied(taken) => {
                    return Err(de::Error::custom(format_args!(
                        "duplicate resource id {} in `detail`",
                        IdText(taken.key())
                    )));
                }
                Entry::Vacant(slot) => {
                    let fields: HeaderFields<T> =
                        map.next_value_seed(TaskSeed::new(Some(slot.key())))?;
                    failed += usize::from(!fields.counts_as_success());
                    slot.insert(V::from(fields));
                }
            }
        }
        Ok(Detail { entries, failed })
    }
}
