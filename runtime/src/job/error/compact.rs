//! Reading an error body's fields in a compact format.
//!
//! [`ErrorBody`](super::body::ErrorBody) keeps every field of a body as
//! an [`AnyValue`] until it knows the shape, which takes `deserialize_any`:
//! bincode and postcard refuse it. A compact format reads back what an
//! [`ApiError`](crate::ApiError) wrote there, whose types the key tells:
//! every code, message and request id is a string (compact formats get no
//! integer code and no `null`), `details` is a list of objects, and a fault
//! object (`badRequest`) holds those. Only the fields no shape reads are
//! values of unknown shape, named in the error of a format that cannot read
//! them.

use core::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::ErrorDetail;
use super::wrapped::DetailsSeed;
use crate::AnyValue;
use crate::job::keys::{CODE, Key, MESSAGE};
use crate::wire::{AnySeed, KeptSeed};
use crate::wire::{Field, TextSeed};

/// Reads the value of the body's field `key` (inside the fault object
/// `within`, when there is one).
pub(super) struct BodyValueSeed<'a> {
    pub(super) key: &'a str,
    pub(super) within: Option<&'a str>,
}

impl BodyValueSeed<'_> {
    fn field(&self) -> Field<'_> {
        match &self.within {
            Some(name) => Field::at(self.key, name),
            None => Field::named(self.key, None),
        }
    }
}

impl<'de> DeserializeSeed<'de> for BodyValueSeed<'_> {
    type Value = AnyValue;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<AnyValue, D::Error> {
        if deserializer.is_human_readable() {
            // A self-describing format says what stands there.
            return AnySeed::new().deserialize(deserializer);
        }
        match Key::from_name(self.key) {
            Some(
                Key::ErrorCode
                | Key::ErrorMsg
                | Key::ErrorCodeCamel
                | Key::ErrorMsgCamel
                | Key::RequestId
                | Key::RequestIdCamel
                | Key::Code
                | Key::Message,
            ) => TextSeed::<String>::text(self.field())
                .deserialize(deserializer)
                .map(AnyValue::String),
            Some(Key::Details) => DetailsSeed
                .deserialize(deserializer)
                .map(|details| AnyValue::Array(details.into_iter().map(detail_value).collect())),
            Some(Key::Fault(name)) if self.within.is_none() => {
                let field = self.field();
                crate::wire::naming(&field, deserializer, FaultVisitor(name), |d, v| {
                    d.deserialize_map(v)
                })
            }
            _ => KeptSeed(self.field()).deserialize(deserializer),
        }
    }
}

/// A detail as the flat shapes read it: an object with `message` and `code`.
fn detail_value((detail, _): (ErrorDetail, bool)) -> AnyValue {
    let fields = [(MESSAGE, detail.message), (CODE, detail.code)]
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_owned(), AnyValue::String(value?))))
        .collect();
    AnyValue::Object(fields)
}

/// A fault object (`{"badRequest": {...}}`), each field read by its key.
struct FaultVisitor<'a>(&'a str);

impl<'de> Visitor<'de> for FaultVisitor<'_> {
    type Value = AnyValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an object", self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyValue, A::Error> {
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(BodyValueSeed {
                key: &key,
                within: Some(self.0),
            })?;
            fields.push((key, value));
        }
        Ok(AnyValue::Object(fields))
    }
}
