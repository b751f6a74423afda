//! Writing the fields that are read back with [`NullOr`](super::NullOr):
//! as serde writes an `Option`, so that every format reads them back with
//! `deserialize_option`.
//!
//! JSON and YAML write `Some(value)` as the value and `None` as `null`, so
//! their output is what it was; RON writes `Some(value)` and `None`, the
//! only forms its `deserialize_option` takes (a bare value or `()` is
//! refused there). Compact formats read back the value itself (a `null` is
//! left out of them altogether, by the caller), so they get it bare.

use serde::ser::{Serialize, Serializer};

/// A present value of a field that may be `null`.
pub(crate) struct Present<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Serialize + ?Sized> Serialize for Present<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_some(self.0)
        } else {
            self.0.serialize(serializer)
        }
    }
}

/// A field that came as `null`, written as `None` (`null` in JSON and YAML,
/// `None` in RON). Only human-readable formats get it: a compact format
/// reads back the value itself, so the caller leaves the field out there.
pub(crate) struct Null;

impl Serialize for Null {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_none()
    }
}
