//! Reading [`JobStatus`] with hand-written visitors. The job and each sub-job
//! share their fields; `entities` is keyed by the resource's id field, known
//! only at run time (see [`super::entity_id`]).

mod entities;
mod job_fields;

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use self::entities::{EntitiesSeed, SubJobSeed};
use self::job_fields::{Common, ENTITIES, JOB_FIELDS, field, note_entities};
use super::{JobEntities, JobStatus, Nulls, SubJob};
use crate::any_value::KeptSeed;
use crate::job::error::body::ErrorBody;
use crate::job::keys::{BODY_KEYS, FAULT_NAMES};
use crate::wire::{self, Claim, Field, NullOr, Slot, reject_repeat};
use crate::{AnyValue, BatchTarget};

/// The envelope of a job status: the job's fields, and, to judge a reply
/// without `status`, the fields an error body is read from.
struct StatusFields<R: BatchTarget> {
    common: Common,
    entities: Slot<JobEntities<R>>,
    /// A status query that failed answers with an error body instead.
    body: ErrorBody,
}

/// A key the status claims: a field of the job, or one of an error body.
#[derive(Clone, Copy)]
enum StatusKey {
    Job(usize),
    Body(&'static str),
}

impl<'de, R: BatchTarget> Claim<'de> for StatusFields<R> {
    type Key = StatusKey;

    const READS_REST: bool = true;

    fn claim(name: &str) -> Option<StatusKey> {
        if let Some(index) = JOB_FIELDS.iter().position(|known| *known == name) {
            return Some(StatusKey::Job(index));
        }
        BODY_KEYS
            .iter()
            .chain(FAULT_NAMES)
            .find(|known| **known == name)
            .map(|known| StatusKey::Body(known))
    }

    fn read<A: MapAccess<'de>>(&mut self, key: StatusKey, map: &mut A) -> Result<(), A::Error> {
        match key {
            StatusKey::Job(ENTITIES) => {
                reject_repeat(self.entities.is_seen(), field("entities", None))?;
                let seed = EntitiesSeed::<R>::top();
                let read = map.next_value_seed(NullOr(seed))?;
                self.entities.fill(read.map(|read| read.entities));
                Ok(())
            }
            StatusKey::Job(index) => self.common.read(index, map, None),
            StatusKey::Body(name) => self.rest(name.to_owned(), map),
        }
    }

    /// Kept leniently (no key is refused here, as the job's status would
    /// not be); only a body without `status` is judged.
    fn rest<A: MapAccess<'de>>(&mut self, name: String, map: &mut A) -> Result<(), A::Error> {
        let value = map.next_value_seed(KeptSeed(Field::named(&name, None)))?;
        self.body.add(name, value);
        Ok(())
    }
}

impl<'de, R: BatchTarget, P: Deserialize<'de>> Deserialize<'de> for JobStatus<R, P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, JobVisitor(PhantomData))
    }
}

struct JobVisitor<R, P>(PhantomData<fn() -> (R, P)>);

impl<'de, R: BatchTarget, P: Deserialize<'de>> Visitor<'de> for JobVisitor<R, P> {
    type Value = JobStatus<R, P>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a job status: an object with `status`, `job_id` and `entities`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JobStatus<R, P>, A::Error> {
        let mut envelope = StatusFields::<R> {
            common: Common::default(),
            entities: Slot::Absent,
            body: ErrorBody::default(),
        };
        let read = wire::read_object::<A, _, P>(&mut map, &mut envelope)?;
        let StatusFields {
            common,
            entities,
            mut body,
        } = envelope;
        if common.status.is_none() {
            if let Some(Slot::Value(code)) = common.texts.get(3) {
                body.add("error_code".to_owned(), AnyValue::String(code.clone()));
            }
            if let Some(error) = body.finish::<A::Error>()? {
                return Err(de::Error::custom(format_args!(
                    "the job status query failed: {}",
                    crate::text::Cut(&error, crate::text::QUOTED_ERROR_LIMIT)
                )));
            }
        }
        let mut nulls = Nulls::default();
        let common = common.finish(None, &mut nulls)?;
        note_entities(&entities, &mut nulls);
        let payload = read.into_payload(true)?;
        Ok(JobStatus {
            status: common.status,
            job_id: common.job_id,
            job_type: common.job_type,
            begin_time: common.begin_time,
            end_time: common.end_time,
            error_code: common.error_code,
            fail_reason: common.fail_reason,
            entities: entities.into_option().unwrap_or_default(),
            payload,
            nulls,
        })
    }
}

impl<'de, R: BatchTarget> Deserialize<'de> for SubJob<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SubJobSeed {
            index: 0,
            resource: PhantomData,
        }
        .deserialize(deserializer)
    }
}

impl<'de, R: BatchTarget> Deserialize<'de> for JobEntities<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EntitiesSeed::top()
            .deserialize(deserializer)
            .map(|read| read.entities)
    }
}
