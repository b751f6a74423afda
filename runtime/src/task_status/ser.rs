//! Writing a [`TaskStatus`] as the provider sends it.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::wire;
use crate::{AnyValue, Code, RequestId};

use super::{Data, TaskStatus, status_key};

impl<P: Serialize> Serialize for TaskStatus<P> {
    /// As it was read: the common fields, `data` (when it came), then the
    /// payload's fields.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = wire::TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::wire),
            code_desc: self.code_desc.as_deref(),
            other: &[],
        };
        // A `null` `data` is left out of a compact format, which reads the
        // object itself.
        let readable = serializer.is_human_readable();
        let writes_data = match self.data {
            Data::Absent => false,
            Data::Null => readable,
            Data::Object { .. } => true,
        };
        let own = fields.len() + usize::from(writes_data);
        let payload = self.payload.as_ref();
        let mut map = serializer.serialize_map(wire::payload_len(payload).map(|n| n + own))?;
        fields.write(&mut map)?;
        match &self.data {
            Data::Null if readable => map.serialize_entry("data", &wire::Null)?,
            Data::Absent | Data::Null => {}
            Data::Object { status, extras } => map.serialize_entry(
                "data",
                &wire::Present(&DataRef {
                    status: status.as_ref(),
                    extras,
                }),
            )?,
        }
        if let Some(payload) = payload {
            wire::write_payload(&mut map, payload, |name| status_key(name).is_some())?;
        }
        map.end()
    }
}

struct DataRef<'a> {
    status: Option<&'a Code>,
    extras: &'a [(String, AnyValue)],
}

impl Serialize for DataRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.status.is_some()) + self.extras.len();
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(status) = self.status {
            map.serialize_entry("status", status)?;
        }
        for (key, value) in self.extras {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}
