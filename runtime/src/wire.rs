//! Field-level reading and writing shared by every reply type.
//!
//! Errors produced here name the field and where it is: inside `detail`, the
//! resource id (``invalid type: boolean `true`, expected `code` of resource
//! `ins-1` to be an integer or a string of digits``); inside a job, the path
//! (`` `code` in `error.details[1]` ``). The format adds the position.

mod common;
mod context;
mod seeds;

pub(crate) use common::{
    Header, HeaderFields, HeaderRef, Key, REQUEST_ID_REQUIRED, TaskSeed, read_fields,
};
pub(crate) use context::{Field, ForResource};
pub(crate) use seeds::{FromText, Name, NullOr, Slot, TextSeed, reject_repeat, skip_value};
