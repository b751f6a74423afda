//! Reading [`ApiError`] (a whole error body, in any shape) and
//! [`ErrorDetail`] on their own.

use core::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::body::{ErrorBody, SHAPES};
use super::wrapped::DetailSeed;
use super::{ApiError, ErrorDetail};
use crate::job::keys::KeySeed;

impl<'de> Deserialize<'de> for ApiError {
    /// Reads a whole error body, in any shape; see [`ApiError`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, BodyVisitor)
    }
}

struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = ApiError;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body: an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ApiError, A::Error> {
        let mut body = ErrorBody::default();
        // Every key's text: the body tells its keys apart itself.
        while let Some(key) = map.next_key_seed(KeySeed(&[]))? {
            body.read(key.into_name(), &mut map)?;
        }
        body.finish()?.ok_or_else(|| {
            de::Error::custom(format_args!("no error in the body: expected {SHAPES}"))
        })
    }
}

impl<'de> Deserialize<'de> for ErrorDetail {
    /// Reads one detail; an integer code is kept as text (and written back
    /// as a string: only an [`ApiError`] remembers its details' forms).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        DetailSeed { index: None }
            .deserialize(deserializer)
            .map(|(detail, _)| detail)
    }
}
