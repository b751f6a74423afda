//! Reading [`JobStatus`], [`SubJob`] and [`JobEntities`] with hand-written
//! visitors: here the entry points and the job's envelope (its fields, the
//! payload's, and the error body of a failed query); the fields a job and a
//! sub-job share in `job_fields.rs`; `entities` and the sub-jobs in
//! `entities.rs`.

mod entities;
mod job_fields;

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use self::entities::{EntitiesSeed, SubJobSeed};
use self::job_fields::{JobFields, field, note_entities};
use super::{JobEntities, JobStatus, Nulls, SubJob};
use crate::job::error::body::ErrorBody;
use crate::job::keys::{ENTITIES, ERROR_CODE, Key};
use crate::wire::KeptSeed;
use crate::wire::{self, Claim, Field, FieldState, NullOr, reject_repeat};
use crate::{AnyValue, BatchTarget};

/// The envelope of a job status: the job's fields, and, to judge a reply
/// without `status`, the fields an error body is read from.
struct StatusFields<R: BatchTarget> {
    job: JobFields,
    entities: FieldState<JobEntities<R>>,
    /// A status query that failed answers with an error body instead.
    body: ErrorBody,
}

impl<'de, R: BatchTarget> Claim<'de> for StatusFields<R> {
    type Key = Key;

    const READS_REST: bool = true;

    /// The fields of the job, and the keys of an error body (`error_code`
    /// is the job's).
    fn claim(name: &str) -> Option<Key> {
        Key::from_name(name).filter(|key| key.is_job_field() || key.is_error_key())
    }

    fn read<A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        match key {
            Key::Entities => {
                reject_repeat(self.entities.is_seen(), field(ENTITIES, None))?;
                let seed = EntitiesSeed::<R>::of_job();
                let read = map.next_value_seed(NullOr(seed))?;
                self.entities.fill(read.map(|read| read.entities));
                Ok(())
            }
            key if key.is_job_field() => self.job.read(key, map, None),
            key => self.rest(key.name().to_owned(), map),
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
            job: JobFields::default(),
            entities: FieldState::Absent,
            body: ErrorBody::default(),
        };
        let read = wire::read_object::<A, _, P>(&mut map, &mut envelope)?;
        let StatusFields {
            job,
            entities,
            mut body,
        } = envelope;
        if job.status.is_none() {
            if let FieldState::Value(code) = &job.error_code {
                body.add(ERROR_CODE.to_owned(), AnyValue::String(code.clone()));
            }
            if let Some(error) = body.finish::<A::Error>()? {
                return Err(de::Error::custom(format_args!(
                    "the job status query failed: {}",
                    crate::text::Cut(&error, crate::text::QUOTED_ERROR_LIMIT)
                )));
            }
        }
        let mut nulls = Nulls::default();
        let job = job.finish(None, &mut nulls)?;
        note_entities(&entities, &mut nulls);
        let payload = read.into_payload(true)?;
        Ok(JobStatus {
            status: job.status,
            job_id: job.job_id,
            job_type: job.job_type,
            begin_time: job.begin_time,
            end_time: job.end_time,
            error_code: job.error_code,
            fail_reason: job.fail_reason,
            entities: entities.into_option().unwrap_or_default(),
            payload,
            nulls,
        })
    }
}

impl<'de, R: BatchTarget> Deserialize<'de> for SubJob<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SubJobSeed::alone().deserialize(deserializer)
    }
}

impl<'de, R: BatchTarget> Deserialize<'de> for JobEntities<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EntitiesSeed::of_job()
            .deserialize(deserializer)
            .map(|read| read.entities)
    }
}
