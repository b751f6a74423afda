//! What a parse knows of one field so far: not seen, seen as `null`, or seen
//! with a value; and the refusal of a field seen twice.

use serde::de;

use super::Field;

/// A field of an object being parsed: not seen yet, seen as `null`, or seen
/// with a value. Telling "not seen" from `null` lets a repeated key be refused
/// even when its first value was `null`.
#[derive(Default)]
pub(crate) enum FieldState<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<T> FieldState<T> {
    pub(crate) fn is_seen(&self) -> bool {
        !matches!(self, FieldState::Absent)
    }

    /// Stores what a `null`-aware seed read.
    pub(crate) fn fill(&mut self, value: Option<T>) {
        *self = value.map_or(FieldState::Null, FieldState::Value);
    }

    /// The value; absent and `null` alike give `None`.
    pub(crate) fn into_option(self) -> Option<T> {
        match self {
            FieldState::Value(value) => Some(value),
            FieldState::Absent | FieldState::Null => None,
        }
    }
}

/// Refuses a key that was already seen.
pub(crate) fn reject_repeat<E: de::Error>(seen: bool, field: Field<'_>) -> Result<(), E> {
    if seen {
        Err(E::custom(format_args!("duplicate field {field}")))
    } else {
        Ok(())
    }
}
