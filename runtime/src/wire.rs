//! The wire layer: reading and writing the fields of both dialects' objects,
//! beneath the reply types (`batch/`, `task/`, `job/`, ...), which say what
//! an object holds. One job per file:
//!
//! | file | what it holds |
//! |---|---|
//! | `keys.rs` | the code/requestId dialect's field names and their [`Key`] |
//! | `task_fields.rs` | the four fields of a task object: read with their rules, written |
//! | `code.rs` | reading a [`Code`](crate::Code) |
//! | `any_value.rs` | reading an [`AnyValue`](crate::AnyValue), at a bounded depth |
//! | `numbered.rs` | text sent as a string or an integer (`requestId`) |
//! | `text.rs` | text fields, owned or borrowed ([`FromText`]) |
//! | `null.rs` | fields that may be `null`, read and written |
//! | `field_state.rs` | a field not seen, seen as `null`, or seen with a value |
//! | `names.rs` | names read as their index in a fixed list |
//! | `key_text.rs` | a map key already read, handed to a key type |
//! | `payload.rs` | an action's own fields, read into and written from the payload |
//! | `skip.rs` | skipping unknown values at a bounded depth |
//! | `place.rs`, `naming.rs` | how an error names the place of a bad value |
//! | `refuse.rs` | bounded refusals of text a visitor does not take |
//!
//! Errors produced here name the field and where it is: inside `detail`, the
//! resource id (``invalid type: boolean `true`, expected `code` of resource
//! `ins-1` to be an integer or a string of digits``); inside a job, the path
//! (`` `code` in `error.details[1]` ``). The format adds the position.

mod any_value;
mod code;
mod field_state;
mod key_text;
mod keys;
mod names;
mod naming;
mod null;
mod numbered;
mod payload;
mod place;
mod refuse;
pub(crate) mod skip;
mod task_fields;
mod text;

pub(crate) use any_value::{AnySeed, KeptSeed};
pub(crate) use code::CodeSeed;
pub(crate) use field_state::{FieldState, reject_repeat};
pub(crate) use key_text::KeyText;
pub(crate) use keys::{CODE, CODE_DESC, DETAIL, Key, MESSAGE, REQUEST_ID};
pub(crate) use names::NameIndex;
pub(crate) use naming::naming;
pub(crate) use null::{Null, NullOr, Present};
pub(crate) use numbered::{FromNumbered, Numbered, NumberedSeed};
pub(crate) use payload::de::{Claim, read_object};
pub(crate) use payload::ser::{payload_len, write_payload};
pub(crate) use place::{Field, ForResource};
pub(crate) use refuse::refuse_text;
pub(crate) use skip::skip_value;
pub(crate) use task_fields::{TaskFields, TaskFieldsReader, TaskFieldsRef, read_task_fields};
pub(crate) use text::{FromText, Numbers, TextSeed};

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
