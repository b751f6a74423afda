//! Reading an object's key as one of the names a type knows, or as the
//! text of a key it does not (to be kept as it came).

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// A key: the index of a known name, or any other key's text.
pub(crate) enum Key {
    Known(usize),
    Other(String),
}

/// Reads a [`Key`] against `names`. Keys are read as strings
/// (`deserialize_str`), as every format gives the keys of a map written with
/// `serialize_map`: `deserialize_identifier` is for the names of struct
/// fields and enum variants, and bincode, postcard and RON refuse it (or
/// expect a bare word) for a map's string keys. An index (a format that
/// writes one for a key) is still read as one.
#[derive(Clone, Copy)]
pub(crate) struct KeySeed(pub(crate) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        // A `String`, which every format gives however long the key
        // (serde_json lends it all the same).
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name.to_owned()),
        })
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name),
        })
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Key, E> {
        Ok(match usize::try_from(index) {
            Ok(index) if index < self.0.len() => Key::Known(index),
            _ => Key::Other(index.to_string()),
        })
    }
}

/// The keys of a body that the shapes read; each may appear once.
pub(crate) const BODY_KEYS: &[&str] = &[
    "error",
    "error_code",
    "error_msg",
    "errorCode",
    "errorMsg",
    "request_id",
    "requestId",
    "code",
    "message",
    "details",
];

/// The names OpenStack-style services give the object of a fault
/// (`{"badRequest": {"message": "...", "code": 400}}`), by status: what an
/// envelope claims so that its payload never hides a fault.
pub(crate) const FAULT_NAMES: &[&str] = &[
    "badRequest",
    "unauthorized",
    "forbidden",
    "itemNotFound",
    "badMethod",
    "conflictingRequest",
    "overLimit",
    "badMediaType",
    "notImplemented",
    "serviceUnavailable",
    "computeFault",
];

/// The fields of the `error` object and of a detail.
pub(crate) const WRAPPED_KEYS: &[&str] = &["code", "message", "details"];
