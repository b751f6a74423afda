//! Writing a synchronous batch reply as the provider sends it.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::BatchTarget;
use crate::wire::{self};

use super::{INTERNAL_ERROR, RESPONSE, SyncBatchResponse, SyncFailure};

/// `{"id": ...}`, an entry of `response`.
struct IdEntry<'a, I>(&'a I);

impl<I: Serialize> Serialize for IdEntry<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A map, as every object of a reply is written and read (a struct
        // would be a bare tuple in bincode and postcard).
        let mut entry = serializer.serialize_map(Some(1))?;
        entry.serialize_entry("id", self.0)?;
        entry.end()
    }
}

/// The entries of `response`.
struct IdEntries<'a, I>(&'a [I]);

impl<I: Serialize> Serialize for IdEntries<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(IdEntry))
    }
}

impl<R: BatchTarget> Serialize for SyncFailure<R> {
    /// `{"id", "error_code", "error_message"}`, the last two when present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len =
            1 + usize::from(self.error_code.is_some()) + usize::from(self.error_message.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("id", &self.id)?;
        if let Some(code) = &self.error_code {
            map.serialize_entry("error_code", code)?;
        }
        if let Some(message) = &self.error_message {
            map.serialize_entry("error_message", message)?;
        }
        map.end()
    }
}

impl<R: BatchTarget> Serialize for SyncBatchResponse<R> {
    /// `response`, the error body's fields, `internalError`, each when
    /// present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error_len = match &self.error {
            Some(error) => wire::payload_len(Some(error)),
            None => Some(0),
        };
        let len = error_len.map(|n| {
            n + usize::from(self.response.is_some()) + usize::from(self.internal_error.is_some())
        });
        let mut map = serializer.serialize_map(len)?;
        if let Some(response) = &self.response {
            map.serialize_entry(RESPONSE, &wire::Present(&IdEntries(response)))?;
        }
        if let Some(error) = &self.error {
            wire::write_payload(&mut map, error, |name| {
                name == RESPONSE || name == INTERNAL_ERROR
            })?;
        }
        if let Some(failures) = &self.internal_error {
            map.serialize_entry(INTERNAL_ERROR, &wire::Present(failures))?;
        }
        map.end()
    }
}
