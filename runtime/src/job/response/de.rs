//! Reading [`JobResponse`]: the envelope claims `job_id` and the keys of an
//! error body, the payload `P` the rest, in one pass.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::JobResponse;
use crate::JobId;
use crate::job::error::body::{ErrorBody, SHAPES};
use crate::job::keys::{JOB_ID, Key};
use crate::wire::{self, Claim, Field, TextSeed, reject_repeat};

impl<'de, P: Deserialize<'de>> Deserialize<'de> for JobResponse<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, JobVisitor(PhantomData))
    }
}

struct JobVisitor<P>(PhantomData<fn() -> P>);

impl<'de, P: Deserialize<'de>> Visitor<'de> for JobVisitor<P> {
    type Value = JobResponse<P>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a job reply: an object with `job_id` or an error")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JobResponse<P>, A::Error> {
        let mut envelope = ResponseFields::default();
        let read = wire::read_object::<A, _, P>(&mut map, &mut envelope)?;
        let ResponseFields { job_id, body } = envelope;
        match job_id {
            Some(job_id) => match body.stated() {
                Some(error) => Err(de::Error::custom(format_args!(
                    "a job reply cannot have both `job_id` and `{error}`"
                ))),
                None => Ok(JobResponse::Accepted {
                    job_id: JobId::from(job_id),
                    payload: read.into_payload(true)?,
                }),
            },
            None => match body.finish()? {
                Some(error) => Ok(JobResponse::Rejected(error)),
                None => Err(de::Error::custom(format_args!(
                    "a job reply needs `job_id` (accepted) or an error (rejected): {SHAPES}"
                ))),
            },
        }
    }
}

/// The envelope of a job reply: `job_id`, and an error body's fields.
#[derive(Default)]
struct ResponseFields {
    job_id: Option<String>,
    body: ErrorBody,
}

impl<'de> Claim<'de> for ResponseFields {
    type Key = Key;

    const READS_REST: bool = true;

    /// `job_id`, and the keys of an error body.
    fn claim(name: &str) -> Option<Key> {
        Key::from_name(name).filter(|key| *key == Key::JobId || key.is_error_key())
    }

    fn read<A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        if key == Key::JobId {
            let field = Field::named(JOB_ID, None);
            reject_repeat(self.job_id.is_some(), field)?;
            self.job_id = Some(map.next_value_seed(TextSeed::text(field))?);
            Ok(())
        } else {
            self.body.read(key.name().to_owned(), map)
        }
    }

    /// With a payload that keeps nothing, every other key may be a fault.
    fn rest<A: MapAccess<'de>>(&mut self, name: String, map: &mut A) -> Result<(), A::Error> {
        self.body.read(name, map)
    }
}
