//! Reading a [`TaskStatus`]: the envelope, `data` and its `status`, and
//! the payload beside them.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use crate::wire::CodeSeed;
use crate::wire::KeptSeed;
use crate::wire::{self, Claim, Field, FieldState, NullOr, TaskFieldsReader, reject_repeat};
use crate::{AnyValue, Code, TaskResponse};

use super::{Data, StatusKey, TaskStatus, status_key};

/// The envelope of a task-result reply.
struct StatusFields {
    reader: TaskFieldsReader<String>,
    data: FieldState<DataRead>,
}

struct DataRead {
    status: Option<Code>,
    extras: Vec<(String, AnyValue)>,
}

impl<'de> Claim<'de> for StatusFields {
    type Key = StatusKey;

    fn claim(name: &str) -> Option<StatusKey> {
        status_key(name)
    }

    fn read<A: MapAccess<'de>>(&mut self, key: StatusKey, map: &mut A) -> Result<(), A::Error> {
        match key {
            StatusKey::Common(key) => self.reader.read(key, map, None),
            StatusKey::Data => {
                reject_repeat(self.data.is_seen(), Field::named("data", None))?;
                self.data.fill(map.next_value_seed(NullOr(DataSeed))?);
                Ok(())
            }
        }
    }
}

/// Reads `data`: its `status` and every other field, kept.
struct DataSeed;

impl<'de> DeserializeSeed<'de> for DataSeed {
    type Value = DataRead;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<DataRead, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de> Visitor<'de> for DataSeed {
    type Value = DataRead;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`data` to be an object with `status`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DataRead, A::Error> {
        let path: &dyn fmt::Display = &"data";
        let mut status = None;
        let mut extras = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if name == "status" {
                let field = Field::at("status", path);
                reject_repeat(status.is_some(), field)?;
                status = Some(map.next_value_seed(CodeSeed(field))?);
            } else {
                let value = map.next_value_seed(KeptSeed(Field::at(&name, path)))?;
                extras.push((name, value));
            }
        }
        Ok(DataRead { status, extras })
    }
}

impl<'de, P: Deserialize<'de>> Deserialize<'de> for TaskStatus<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, StatusVisitor(PhantomData))
    }
}

struct StatusVisitor<P>(PhantomData<fn() -> P>);

impl<'de, P: Deserialize<'de>> Visitor<'de> for StatusVisitor<P> {
    type Value = TaskStatus<P>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a task-result reply: an object with `code` and `data`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut envelope = StatusFields {
            reader: TaskFieldsReader::default(),
            data: FieldState::Absent,
        };
        let read = wire::read_object::<A, _, P>(&mut map, &mut envelope)?;
        let fields = envelope.reader.finish(None)?;
        let success = crate::rule::succeeded(fields.code);
        let data = match envelope.data {
            FieldState::Absent => Data::Absent,
            FieldState::Null => Data::Null,
            FieldState::Value(DataRead { status, extras }) => Data::Object { status, extras },
        };
        if success
            && !matches!(
                data,
                Data::Object {
                    status: Some(_),
                    ..
                }
            )
        {
            return Err(de::Error::custom("missing field `status` in `data`"));
        }
        let payload = read.into_payload(success)?;
        let task = TaskResponse::from(fields);
        Ok(TaskStatus {
            code: task.code,
            message: task.message,
            code_desc: task.code_desc,
            request_id: task.request_id,
            payload,
            data,
        })
    }
}
