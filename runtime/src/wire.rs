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
mod numbered;
mod payload;
mod seeds;
mod skip;

pub(crate) use common::{Header, HeaderFields, HeaderRef, Key, read_fields};
pub(crate) use context::{Field, ForResource};
pub(crate) use flatten::{payload_len, write_payload};
pub(crate) use key_text::KeyText;
pub(crate) use numbered::{Numbered, NumberedSeed};
pub(crate) use payload::{Claim, read_object};
pub(crate) use seeds::{FromText, Name, NullOr, Slot, TextSeed, reject_repeat, skip_value};

/// The most items reserved up front from a size hint (a format's, or an
/// iterator's), so a hostile hint cannot make us allocate before any item
/// has been read or given: beyond it, collections grow as items come.
pub(crate) const MAX_PREALLOCATED: usize = 4096;

/// What to reserve for a hint of `hint` items (see [`MAX_PREALLOCATED`]).
#[inline]
pub(crate) fn capacity(hint: Option<usize>) -> usize {
    hint.unwrap_or(0).min(MAX_PREALLOCATED)
}
