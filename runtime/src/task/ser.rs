//! Writing [`TaskResponse`] (the envelope's fields, then the payload's) and
//! [`TaskError`].

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{TaskError, TaskResponse};
use crate::wire::{self, Key};

impl<P: Serialize> Serialize for TaskResponse<P> {
    /// The envelope's fields, then the payload's.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.wire_fields();
        let payload = self.payload.as_ref();
        let len = wire::payload_len(payload).map(|n| n + fields.len());
        let mut map = serializer.serialize_map(len)?;
        fields.write(&mut map)?;
        if let Some(payload) = payload {
            wire::write_payload(&mut map, payload, Key::is_common)?;
        }
        map.end()
    }
}

impl Serialize for TaskError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.wire_fields().write_object(serializer)
    }
}
