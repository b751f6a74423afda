//! Field-level reading and writing shared by every reply type.
//!
//! Errors produced here name the field and where it is: inside `detail`, the
//! resource id (``invalid type: boolean `true`, expected `code` of resource
//! `ins-1` to be an integer or a string of digits``); inside a job, the path
//! (`` `code` in `error.details[1]` ``). The format adds the position.

mod common;
mod context;
mod flatten;
mod key_text;
mod noted;
mod numbered;
mod option;
mod payload;
mod seeds;
mod skip;

pub(crate) use common::{Header, HeaderFields, HeaderRef, Key, read_fields};
pub(crate) use context::{Field, ForResource};
pub(crate) use flatten::{payload_len, write_payload};
pub(crate) use key_text::KeyText;
pub(crate) use noted::naming;
pub(crate) use numbered::{FromNumbered, Numbered, NumberedSeed};
pub(crate) use option::{Null, Present};
pub(crate) use payload::{Claim, read_object};
pub(crate) use seeds::{
    FromText, Name, NullOr, Numbers, Slot, TextSeed, refuse_text, reject_repeat, skip_value,
};

/// The most items reserved up front from a size hint (a format's, or an
/// iterator's), so a hostile hint cannot make us allocate before any item
/// has been read or given: beyond it, collections grow as items come.
pub(crate) const MAX_PREALLOCATED: usize = 4096;

/// What to reserve for a hint of `hint` items (see [`MAX_PREALLOCATED`]).
#[inline]
pub(crate) fn capacity(hint: Option<usize>) -> usize {
    hint.unwrap_or(0).min(MAX_PREALLOCATED)
}

/// Reads an object (a map) with `visitor`. Self-describing formats are asked
/// for any value, so that what stands there instead reaches the visitor,
/// whose error is bounded ([`refuse_text`]); asked for a map, `serde_json`
/// writes the whole string it found into its own error.
#[inline]
pub(crate) fn deserialize_object<'de, D, V>(
    deserializer: D,
    visitor: V,
) -> Result<V::Value, D::Error>
where
    D: serde::Deserializer<'de>,
    V: serde::de::Visitor<'de>,
{
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_map(visitor)
    }
}

/// Reads a list (a sequence) with `visitor`, as [`deserialize_object`] does
/// an object.
#[inline]
pub(crate) fn deserialize_list<'de, D, V>(deserializer: D, visitor: V) -> Result<V::Value, D::Error>
where
    D: serde::Deserializer<'de>,
    V: serde::de::Visitor<'de>,
{
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_seq(visitor)
    }
}
