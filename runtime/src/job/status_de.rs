//! Reading [`JobStatus`] with hand-written visitors. The job and each sub-job
//! share their fields; `entities` is keyed by the resource's
//! [`ID_FIELD`](Resource::ID_FIELD), known only at run time.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::state::JobStateSeed;
use super::status::{JobEntities, JobStatus, SubJob};
use super::{ErrorBody, Key, KeySeed};
use crate::any_value::AnySeed;
use crate::wire::{Field, NullOr, Slot, TextSeed, reject_repeat, skip_value};
use crate::{AnyValue, JobId, JobState, Resource};

const JOB_FIELDS: &[&str] = &[
    "status",
    "job_id",
    "job_type",
    "begin_time",
    "end_time",
    "error_code",
    "fail_reason",
    "entities",
];
const ENTITIES: usize = 7;

/// Where a field is: the job itself (`None`) or a sub-job's path.
type Place<'a> = Option<&'a dyn fmt::Display>;

fn field<'a>(name: &'static str, place: Place<'a>) -> Field<'a> {
    match place {
        Some(path) => Field::at(name, path),
        None => Field::named(name, None),
    }
}

/// Displays `entities.sub_jobs[index]`.
struct SubJobPath(usize);

impl fmt::Display for SubJobPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entities.sub_jobs[{}]", self.0)
    }
}

/// The fields a job and a sub-job share, as read so far.
#[derive(Default)]
struct Common {
    status: Option<JobState>,
    job_id: Option<String>,
    job_type: Slot<String>,
    begin_time: Slot<String>,
    end_time: Slot<String>,
    error_code: Slot<String>,
    fail_reason: Slot<String>,
}

impl Common {
    /// Reads the value of the field `index` of [`JOB_FIELDS`] (not `entities`).
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        place: Place<'_>,
    ) -> Result<(), A::Error> {
        let name = JOB_FIELDS.get(index).copied().unwrap_or("?");
        let field = field(name, place);
        let text = match index {
            0 => {
                reject_repeat(self.status.is_some(), field)?;
                self.status = Some(map.next_value_seed(JobStateSeed(field))?);
                return Ok(());
            }
            1 => {
                reject_repeat(self.job_id.is_some(), field)?;
                self.job_id = Some(map.next_value_seed(TextSeed::text(field))?);
                return Ok(());
            }
            2 => &mut self.job_type,
            3 => &mut self.begin_time,
            4 => &mut self.end_time,
            5 => &mut self.error_code,
            _ => &mut self.fail_reason,
        };
        reject_repeat(text.is_seen(), field)?;
        let seed = if index == 5 {
            TextSeed::code(field)
        } else {
            TextSeed::text(field)
        };
        text.fill(map.next_value_seed(seed.nullable())?);
        Ok(())
    }

    fn finish<E: de::Error>(self, place: Place<'_>) -> Result<CommonFields, E> {
        let missing = |name| E::custom(format_args!("missing field {}", field(name, place)));
        Ok(CommonFields {
            status: self.status.ok_or_else(|| missing("status"))?,
            job_id: JobId::from(self.job_id.ok_or_else(|| missing("job_id"))?),
            job_type: self.job_type.into_option().unwrap_or_default(),
            begin_time: self.begin_time.into_option().unwrap_or_default(),
            end_time: self.end_time.into_option().unwrap_or_default(),
            error_code: self.error_code.into_option(),
            fail_reason: self.fail_reason.into_option(),
        })
    }
}

struct CommonFields {
    status: JobState,
    job_id: JobId,
    job_type: String,
    begin_time: String,
    end_time: String,
    error_code: Option<String>,
    fail_reason: Option<String>,
}

/// Reads a job or sub-job object: its common fields and its `entities`.
fn read_job<'de, A: MapAccess<'de>, R: Resource>(
    mut map: A,
    sub_job: Option<usize>,
) -> Result<(CommonFields, JobEntities<R>), A::Error> {
    let path = sub_job.map(SubJobPath);
    let place: Place<'_> = path.as_ref().map(|path| path as &dyn fmt::Display);
    let mut common = Common::default();
    let mut entities: Slot<JobEntities<R>> = Slot::Absent;
    // The job's other fields, read as an error body: a status query that
    // failed answers with one instead of a status.
    let mut body = ErrorBody::default();
    while let Some(key) = map.next_key_seed(KeySeed(JOB_FIELDS))? {
        match key {
            Key::Known(ENTITIES) => {
                reject_repeat(entities.is_seen(), field("entities", place))?;
                let seed = EntitiesSeed {
                    sub_job,
                    resource: PhantomData,
                };
                entities.fill(map.next_value_seed(NullOr(seed))?);
            }
            Key::Known(index) => common.read(index, &mut map, place)?,
            // Kept leniently (no key is refused here, as the job's status
            // would not be); only a body without `status` is judged.
            Key::Other(key) if sub_job.is_none() => {
                body.add(key, map.next_value_seed(AnySeed { depth: 0 })?);
            }
            Key::Other(_) => skip_value(&mut map)?,
        }
    }
    if sub_job.is_none() && common.status.is_none() {
        if let Slot::Value(code) = &common.error_code {
            body.add("error_code".to_owned(), AnyValue::String(code.clone()));
        }
        if let Some(error) = body.finish::<A::Error>()? {
            return Err(de::Error::custom(format_args!(
                "the job status query failed: {error}"
            )));
        }
    }
    Ok((
        common.finish(place)?,
        entities.into_option().unwrap_or_default(),
    ))
}

impl<'de, R: Resource> Deserialize<'de> for JobStatus<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(JobVisitor(PhantomData))
    }
}

struct JobVisitor<R>(PhantomData<R>);

impl<'de, R: Resource> Visitor<'de> for JobVisitor<R> {
    type Value = JobStatus<R>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a job status: an object with `status`, `job_id` and `entities`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JobStatus<R>, A::Error> {
        let (common, entities) = read_job(map, None)?;
        Ok(JobStatus {
            status: common.status,
            job_id: common.job_id,
            job_type: common.job_type,
            begin_time: common.begin_time,
            end_time: common.end_time,
            error_code: common.error_code,
            fail_reason: common.fail_reason,
            entities,
        })
    }
}

impl<'de, R: Resource> Deserialize<'de> for SubJob<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SubJobSeed {
            index: 0,
            resource: PhantomData,
        }
        .deserialize(deserializer)
    }
}

/// Parses sub-job `index`, naming it `entities.sub_jobs[index]` in errors.
struct SubJobSeed<R> {
    index: usize,
    resource: PhantomData<R>,
}

impl<'de, R: Resource> DeserializeSeed<'de> for SubJobSeed<R> {
    type Value = SubJob<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<SubJob<R>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, R: Resource> Visitor<'de> for SubJobSeed<R> {
    type Value = SubJob<R>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an object", SubJobPath(self.index))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SubJob<R>, A::Error> {
        let (common, entities) = read_job::<A, R>(map, Some(self.index))?;
        Ok(SubJob {
            status: common.status,
            job_id: common.job_id,
            job_type: common.job_type,
            begin_time: common.begin_time,
            end_time: common.end_time,
            error_code: common.error_code,
            fail_reason: common.fail_reason,
            resource_id: entities.resource_id,
        })
    }
}

/// The keys of `entities`: the resource's id field, and for the job itself
/// `sub_jobs_total` and `sub_jobs`.
enum EntityKey {
    Id,
    Total,
    SubJobs,
    Other,
}

struct EntityKeySeed {
    id_field: &'static str,
    top: bool,
}

impl<'de> DeserializeSeed<'de> for EntityKeySeed {
    type Value = EntityKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<EntityKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for EntityKeySeed {
    type Value = EntityKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<EntityKey, E> {
        Ok(if name == self.id_field {
            EntityKey::Id
        } else if self.top && name == "sub_jobs_total" {
            EntityKey::Total
        } else if self.top && name == "sub_jobs" {
            EntityKey::SubJobs
        } else {
            EntityKey::Other
        })
    }
}

/// Parses `entities` of the job (`sub_job: None`) or of sub-job `index`.
struct EntitiesSeed<R> {
    sub_job: Option<usize>,
    resource: PhantomData<R>,
}

impl<'de, R: Resource> DeserializeSeed<'de> for EntitiesSeed<R> {
    type Value = JobEntities<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, R: Resource> Visitor<'de> for EntitiesSeed<R> {
    type Value = JobEntities<R>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub_job {
            Some(index) => write!(f, "`entities` in `{}` to be an object", SubJobPath(index)),
            None => f.write_str("`entities` to be an object"),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let key_seed = || EntityKeySeed {
            id_field: R::ID_FIELD,
            top: self.sub_job.is_none(),
        };
        let mut id: Slot<R::Id> = Slot::Absent;
        let mut total: Slot<u64> = Slot::Absent;
        let mut sub_jobs: Slot<Vec<SubJob<R>>> = Slot::Absent;
        while let Some(key) = map.next_key_seed(key_seed())? {
            match key {
                EntityKey::Id => {
                    if id.is_seen() {
                        return Err(de::Error::custom(format_args!(
                            "duplicate field `{}` in `entities`",
                            R::ID_FIELD
                        )));
                    }
                    id.fill(map.next_value_seed(NullOr(PhantomData::<R::Id>))?);
                }
                EntityKey::Total => {
                    let field = Field::at("sub_jobs_total", &"entities");
                    reject_repeat(total.is_seen(), field)?;
                    total.fill(map.next_value_seed(NullOr(CountSeed(field)))?);
                }
                EntityKey::SubJobs => {
                    reject_repeat(sub_jobs.is_seen(), Field::at("sub_jobs", &"entities"))?;
                    sub_jobs.fill(map.next_value_seed(NullOr(SubJobsSeed(PhantomData)))?);
                }
                EntityKey::Other => skip_value(&mut map)?,
            }
        }
        Ok(JobEntities {
            resource_id: id.into_option(),
            sub_jobs_total: total.into_option(),
            sub_jobs: sub_jobs.into_option().unwrap_or_default(),
        })
    }
}

/// Reads `sub_jobs_total`: a non-negative integer.
struct CountSeed<'a>(Field<'a>);

impl<'de> DeserializeSeed<'de> for CountSeed<'_> {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_u64(self)
    }
}

impl Visitor<'_> for CountSeed<'_> {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to be a non-negative integer", self.0)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<u64, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<u64, E> {
        u64::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
    }
}

/// Reads `sub_jobs`, numbering each sub-job for its errors.
struct SubJobsSeed<R>(PhantomData<R>);

impl<'de, R: Resource> DeserializeSeed<'de> for SubJobsSeed<R> {
    type Value = Vec<SubJob<R>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, R: Resource> Visitor<'de> for SubJobsSeed<R> {
    type Value = Vec<SubJob<R>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`sub_jobs` in `entities` to be an array of sub-jobs")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut sub_jobs = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(sub_job) = seq.next_element_seed(SubJobSeed {
            index: sub_jobs.len(),
            resource: PhantomData,
        })? {
            sub_jobs.push(sub_job);
        }
        Ok(sub_jobs)
    }
}

impl<'de, R: Resource> Deserialize<'de> for JobEntities<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EntitiesSeed {
            sub_job: None,
            resource: PhantomData,
        }
        .deserialize(deserializer)
    }
}
