//! Reading [`TaskResponse`] (its payload streamed beside the envelope) and
//! [`TaskError`].

use core::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use super::{TaskError, TaskResponse};
use crate::wire::{self, Claim, Key, TaskFieldsReader};

impl<'de, P: Deserialize<'de>> Deserialize<'de> for TaskResponse<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, TaskVisitor(core::marker::PhantomData))
    }
}

struct TaskVisitor<P>(core::marker::PhantomData<fn() -> P>);

impl<'de, P: Deserialize<'de>> Visitor<'de> for TaskVisitor<P> {
    type Value = TaskResponse<P>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a task reply: an object with `code`, `message` and `requestId`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut claim = CommonFields(TaskFieldsReader::<String>::default());
        let read = wire::read_object::<A, _, P>(&mut map, &mut claim)?;
        let fields = claim.0.finish(None)?;
        let payload = read.into_payload(crate::rule::succeeded(fields.code))?;
        Ok(TaskResponse::from(fields).with_payload_option(payload))
    }
}

/// The envelope of the common reply: it claims the four common fields.
struct CommonFields(TaskFieldsReader<String>);

impl<'de> Claim<'de> for CommonFields {
    type Key = Key;

    #[inline]
    fn claim(name: &str) -> Option<Key> {
        Key::common(name)
    }

    #[inline]
    fn read<A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        self.0.read(key, map, None)
    }
}

impl<'de> Deserialize<'de> for TaskError {
    /// Reads the shape of the common reply, whatever the code (an error with
    /// code 0 and no request id is read as it is).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, ErrorVisitor)
    }
}

struct ErrorVisitor;

impl<'de> Visitor<'de> for ErrorVisitor {
    type Value = TaskError;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a task error: an object with `code` and `message`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TaskError, A::Error> {
        wire::read_task_fields::<A, String>(map, None)
            .map(|fields| TaskError::from(TaskResponse::from(fields)))
    }
}
