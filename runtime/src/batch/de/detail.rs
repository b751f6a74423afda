//! Reading `detail`: each key as a resource id (or kept as text when it is
//! not one), each value as that resource's entry (or kept as it came when it
//! is not an object), duplicates refused, failures counted.

use core::fmt;
use core::marker::PhantomData;

use indexmap::map::{Entry, VacantEntry};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::DetailKey;
use crate::batch::DetailMap;
use crate::text::IdText;
use crate::wire::{
    self, AnySeed, DETAIL, Field, ForResource, FromText, KeptSeed, KeyText, Numbers, TaskFields,
};
use crate::{AnyValue, rule};

/// The parsed `detail` map: its entries, how many failed, and the values
/// that are not entries.
pub(super) struct Detail<K, V> {
    pub(super) entries: DetailMap<K, V>,
    pub(super) failed: usize,
    pub(super) extras: Vec<(String, AnyValue)>,
}

impl<K, V> Default for Detail<K, V> {
    fn default() -> Self {
        Detail {
            entries: DetailMap::default(),
            failed: 0,
            extras: Vec::new(),
        }
    }
}

/// Parses `detail`.
pub(super) struct DetailSeed<K, V, T>(pub(super) Makes<K, V, T>);

/// What `detail` is made of, without owning one: ids `K`, entries `V`, text `T`.
pub(super) type Makes<K, V, T> = PhantomData<fn() -> (K, V, T)>;

impl<'de, K, V, T> DeserializeSeed<'de> for DetailSeed<K, V, T>
where
    K: DetailKey<'de>,
    V: From<TaskFields<T>>,
    T: FromText<'de>,
{
    type Value = Detail<K, V>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de, K, V, T> Visitor<'de> for DetailSeed<K, V, T>
where
    K: DetailKey<'de>,
    V: From<TaskFields<T>>,
    T: FromText<'de>,
{
    type Value = Detail<K, V>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`detail` to be an object keyed by resource id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let capacity = wire::capacity(map.size_hint());
        let mut detail = Detail {
            entries: crate::batch::with_capacity(capacity),
            failed: 0,
            extras: Vec::new(),
        };
        let seed = || KeySeed::<K> {
            borrows: T::BORROWS,
            key: PhantomData,
        };
        while let Some(key) = map.next_key_seed(seed())? {
            let place = match key {
                DetailKeyRead::Id(id) => match detail.entries.entry(id) {
                    Entry::Occupied(taken) => {
                        return Err(de::Error::custom(format_args!(
                            "duplicate resource id {} in `detail`",
                            IdText(taken.key())
                        )));
                    }
                    Entry::Vacant(slot) => Place::Id(slot),
                },
                DetailKeyRead::NotId { text, error } => Place::NotId { text, error },
            };
            map.next_value_seed(EntrySeed::<K, V, T> {
                place,
                failed: &mut detail.failed,
                extras: &mut detail.extras,
                text: PhantomData,
            })?;
        }
        Ok(detail)
    }
}

/// A key of `detail`: a resource id, or a key that is not one (kept with
/// why, which is the error if its value turns out to be an entry).
enum DetailKeyRead<K> {
    Id(K),
    NotId { text: String, error: String },
}

/// Reads a key of `detail` as `K`, keeping the text of one that is not a
/// valid `K`.
/// `borrows`: ask a compact format for a `str` it lends (the borrowed view),
/// else for a `String`, which every format gives however long.
struct KeySeed<K> {
    borrows: bool,
    key: PhantomData<fn() -> K>,
}

impl<'de, K: DetailKey<'de>> DeserializeSeed<'de> for KeySeed<K> {
    type Value = DetailKeyRead<K>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        if self.borrows || deserializer.is_human_readable() {
            deserializer.deserialize_str(self)
        } else {
            deserializer.deserialize_string(self)
        }
    }
}

impl<'de, K: DetailKey<'de>> Visitor<'de> for KeySeed<K> {
    type Value = DetailKeyRead<K>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a resource id")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(key_or_text(
            K::deserialize(KeyText::<E>::borrowed(text)),
            text,
        ))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(key_or_text(
            K::deserialize(KeyText::<E>::Transient(&text)),
            &text,
        ))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(key_or_text(
            K::deserialize(KeyText::<E>::Transient(text)),
            text,
        ))
    }
}

#[inline]
fn key_or_text<K, E: fmt::Display>(read: Result<K, E>, text: &str) -> DetailKeyRead<K> {
    match read {
        Ok(id) => DetailKeyRead::Id(id),
        Err(error) => DetailKeyRead::NotId {
            text: text.to_owned(),
            error: error.to_string(),
        },
    }
}

/// Where a value of `detail` goes: the free slot of its resource id, or,
/// under a key that is not one, the extras (with why the key is not an id,
/// which is the error if the value turns out to be an entry).
enum Place<'s, K, V> {
    Id(VacantEntry<'s, K, V>),
    NotId { text: String, error: String },
}

impl<K: fmt::Display, V> Place<'_, K, V> {
    /// The key, for errors.
    fn key(&self) -> &dyn fmt::Display {
        match self {
            Place::Id(slot) => slot.key(),
            Place::NotId { text, .. } => text,
        }
    }
}

/// Reads a value of `detail` and puts it where it goes: an object is the
/// entry of its resource, inserted in its slot and counted (under a key that
/// is not a resource id, it is an error); anything else is kept as it came,
/// in self-describing formats. Storing the entry here, rather than handing
/// it back through the format's frames, keeps the parse from copying it
/// several times over.
struct EntrySeed<'s, K, V, T> {
    place: Place<'s, K, V>,
    failed: &'s mut usize,
    extras: &'s mut Vec<(String, AnyValue)>,
    text: PhantomData<fn() -> T>,
}

impl<K: fmt::Display, V, T> EntrySeed<'_, K, V, T> {
    /// Keeps a value that is not an entry.
    fn keep(self, value: AnyValue) {
        let key = match self.place {
            Place::Id(slot) => slot.key().to_string(),
            Place::NotId { text, .. } => text,
        };
        self.extras.push((key, value));
    }
}

/// Stores the entry read for `slot`, and counts it if it failed.
#[inline]
fn store<K, V: From<TaskFields<T>>, T: Numbers>(
    slot: VacantEntry<'_, K, V>,
    failed: &mut usize,
    fields: TaskFields<T>,
) {
    *failed += usize::from(!rule::succeeded(fields.code));
    slot.insert(V::from(fields));
}

impl<'de, K, V, T> DeserializeSeed<'de> for EntrySeed<'_, K, V, T>
where
    K: fmt::Display,
    V: From<TaskFields<T>>,
    T: FromText<'de>,
{
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        // A self-describing format says what stands there: an object is an
        // entry, anything else is kept.
        if deserializer.is_human_readable() {
            return deserializer.deserialize_any(self);
        }
        // A compact format is asked for what was written: under a key that
        // is no resource id, a value kept as it came (which takes a
        // self-describing format, such as CBOR); else an entry. Its own
        // refusal is given the place.
        match self.place {
            Place::NotId { text, .. } => {
                let value = KeptSeed(Field::at(&text, &DETAIL)).deserialize(deserializer)?;
                self.extras.push((text, value));
            }
            Place::Id(slot) => {
                let resource = slot.key();
                let visitor = FieldsVisitor::<T> {
                    resource,
                    text: PhantomData,
                };
                let fields =
                    crate::wire::naming(&EntryPlace(resource), deserializer, visitor, |d, v| {
                        d.deserialize_map(v)
                    })?;
                store(slot, self.failed, fields);
            }
        }
        Ok(())
    }
}

/// `the entry for resource "id"`, for an error of a compact format.
struct EntryPlace<'a>(&'a dyn fmt::Display);

impl fmt::Display for EntryPlace<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the entry{}", ForResource(Some(self.0)))
    }
}

/// What an entry is expected to be, for `resource`.
fn expecting_entry(resource: &dyn fmt::Display, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(
        f,
        "the entry{} to be an object with `code`, `message` and `requestId`",
        ForResource(Some(resource))
    )
}

/// Reads the fields of an entry, in a compact format (which is asked for a
/// map).
struct FieldsVisitor<'a, T> {
    resource: &'a dyn fmt::Display,
    text: PhantomData<fn() -> T>,
}

impl<'de, T: FromText<'de>> Visitor<'de> for FieldsVisitor<'_, T> {
    type Value = TaskFields<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expecting_entry(self.resource, f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        wire::read_task_fields(map, Some(self.resource))
    }
}

/// Defines the `visit_*` methods that keep a scalar as an extra value.
macro_rules! keep_scalar {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method<E: de::Error>(self, value: $ty) -> Result<(), E> {
                let value = AnySeed::new().$method(value)?;
                self.keep(value);
                Ok(())
            }
        )*
    };
}

impl<'de, K, V, T> Visitor<'de> for EntrySeed<'_, K, V, T>
where
    K: fmt::Display,
    V: From<TaskFields<T>>,
    T: FromText<'de>,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expecting_entry(self.place.key(), f)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        match self.place {
            Place::Id(slot) => {
                let fields = wire::read_task_fields(map, Some(slot.key()))?;
                store(slot, self.failed, fields);
                Ok(())
            }
            // An entry under a key that is not a resource id: why it is not.
            Place::NotId { error, .. } => Err(de::Error::custom(error)),
        }
    }

    keep_scalar! {
        visit_bool(bool);
        visit_i64(i64);
        visit_u64(u64);
        visit_f64(f64);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.keep(AnyValue::Null);
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.keep(AnyValue::Null);
        Ok(())
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let value = AnySeed::new().visit_seq(seq)?;
        self.keep(value);
        Ok(())
    }
}
