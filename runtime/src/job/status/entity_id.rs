//! The resource id in a job's `entities`: under which key it sits, and
//! which kind it is, through the hidden hooks of [`BatchTarget`] (one key
//! for a [`Resource`](crate::Resource), one per variant for a task-chain
//! enum).

use core::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer};

use crate::BatchTarget;

/// The kind whose id sits under `name`, if any.
pub(super) fn key<R: BatchTarget>(name: &str) -> Option<usize> {
    R::__entity_id_key(name)
}

/// The key of kind `kind`'s id.
pub(super) fn key_name<R: BatchTarget>(kind: usize) -> &'static str {
    R::__entity_id_key_name(kind)
}

/// The key under which `id` is written.
pub(super) fn key_of<R: BatchTarget>(id: &R::Id) -> &'static str {
    R::__entity_id_key_of(id)
}

/// Reads the id of kind `kind`.
pub(super) struct IdSeed<R> {
    kind: usize,
    resource: PhantomData<fn() -> R>,
}

impl<R> IdSeed<R> {
    pub(super) fn new(kind: usize) -> Self {
        IdSeed {
            kind,
            resource: PhantomData,
        }
    }
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for IdSeed<R> {
    type Value = R::Id;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<R::Id, D::Error> {
        R::__deserialize_entity_id(self.kind, deserializer)
    }
}
