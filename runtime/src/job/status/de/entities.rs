//! Reading `entities`: the job's, which lists the sub-jobs, and each
//! sub-job's, which holds its resource id. The two read each other, so they
//! are read here together; `entities` is keyed by the resource's id field,
//! known only at run time (see [`entity_id`]).

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::job_fields::{JobFields, Place, SubJobPath, field, note_entities};
use crate::BatchTarget;
use crate::job::keys::{
    ENTITIES, ERRORCODE_MESSAGE, Key, KeyRead, KeySeed, SUB_JOBS, SUB_JOBS_TOTAL,
};
use crate::job::status::entity_id::{self, IdSeed};
use crate::job::status::{JobEntities, Nulls, SubJob};
use crate::wire::KeptSeed;
use crate::wire::{self, Field, FieldState, NullOr, TextSeed, reject_repeat};

/// Parses a sub-job: sub-job `index` of a job, named
/// `entities.sub_jobs[index]` in errors, or (`index: None`) one parsed on its
/// own, the top-level object, whose fields are named as a job's are.
pub(super) struct SubJobSeed<R> {
    index: Option<usize>,
    resource: PhantomData<fn() -> R>,
}

impl<R> SubJobSeed<R> {
    /// A sub-job parsed on its own.
    pub(super) fn alone() -> Self {
        SubJobSeed {
            index: None,
            resource: PhantomData,
        }
    }

    /// Sub-job `index` of a job's `entities.sub_jobs`.
    fn at(index: usize) -> Self {
        SubJobSeed {
            index: Some(index),
            resource: PhantomData,
        }
    }
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for SubJobSeed<R> {
    type Value = SubJob<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<SubJob<R>, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de, R: BatchTarget> Visitor<'de> for SubJobSeed<R> {
    type Value = SubJob<R>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(index) => write!(f, "`{}` to be an object", SubJobPath(index)),
            None => f.write_str("a sub-job: an object with `status`, `job_id` and `entities`"),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SubJob<R>, A::Error> {
        let path = self.index.map(SubJobPath);
        let place: Place<'_> = path.as_ref().map(|path| path as &dyn fmt::Display);
        let mut job = JobFields::default();
        let mut entities: FieldState<EntitiesRead<R>> = FieldState::Absent;
        while let Some(key) = map.next_key_seed(KeySeed(&Key::JOB))? {
            match key {
                KeyRead::Known(Key::Entities) => {
                    reject_repeat(entities.is_seen(), field(ENTITIES, place))?;
                    let seed = EntitiesSeed::<R>::of(Owner::SubJob(self.index));
                    entities.fill(map.next_value_seed(NullOr(seed))?);
                }
                KeyRead::Known(key) => job.read(key, &mut map, place)?,
                KeyRead::Other(_) => wire::skip_value(&mut map)?,
            }
        }
        let mut nulls = Nulls::default();
        let job = job.finish(place, &mut nulls)?;
        note_entities(&entities, &mut nulls);
        let (entities, errorcode_message) = match entities.into_option() {
            Some(read) => (read.entities, read.errorcode_message),
            None => (JobEntities::new(), None),
        };
        nulls.set(Nulls::ID, entities.nulls.has(Nulls::ID));
        nulls.id_kind = entities.nulls.id_kind;
        nulls.set(
            Nulls::ERRORCODE_MESSAGE,
            entities.nulls.has(Nulls::ERRORCODE_MESSAGE),
        );
        Ok(SubJob {
            status: job.status,
            job_id: job.job_id,
            job_type: job.job_type,
            begin_time: job.begin_time,
            end_time: job.end_time,
            error_code: job.error_code,
            fail_reason: job.fail_reason,
            resource_id: entities.resource_id,
            errorcode_message,
            others: entities.others,
            nulls,
        })
    }
}

/// A key of `entities`: a resource id (by the kind whose key it is, see
/// [`entity_id`]), one of the keys the owner's `entities` read
/// ([`Key::JOB_ENTITIES`] or [`Key::SUB_JOB_ENTITIES`]), or any other key,
/// kept. The id comes first: a resource whose id field is `sub_jobs` has
/// its id read there.
enum EntityKey {
    Id(usize),
    Known(Key),
    Other(String),
}

struct EntityKeySeed<R> {
    keys: &'static [Key],
    resource: PhantomData<fn() -> R>,
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for EntityKeySeed<R> {
    type Value = EntityKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<EntityKey, D::Error> {
        // A key this crate does not know may be long: ask for a `String`,
        // which every format gives (serde_json lends it all the same).
        deserializer.deserialize_string(self)
    }
}

impl<R: BatchTarget> Visitor<'_> for EntityKeySeed<R> {
    type Value = EntityKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<EntityKey, E> {
        if let Some(kind) = entity_id::key::<R>(name) {
            return Ok(EntityKey::Id(kind));
        }
        Ok(
            match Key::from_name(name).filter(|key| self.keys.contains(key)) {
                Some(key) => EntityKey::Known(key),
                None => EntityKey::Other(name.to_owned()),
            },
        )
    }
}

/// Whose `entities` are read: the job's, or a sub-job's (its index in the
/// job's `entities.sub_jobs`, or `None` for a sub-job parsed on its own).
#[derive(Clone, Copy)]
enum Owner {
    Job,
    SubJob(Option<usize>),
}

/// Parses the `entities` of the job or of a sub-job. A sub-job's
/// `errorcode_message` is read into the entities' own slot and moved to the
/// sub-job.
pub(super) struct EntitiesSeed<R> {
    owner: Owner,
    resource: PhantomData<fn() -> R>,
}

impl<R> EntitiesSeed<R> {
    /// The job's `entities`.
    pub(super) fn of_job() -> Self {
        EntitiesSeed::of(Owner::Job)
    }

    fn of(owner: Owner) -> Self {
        EntitiesSeed {
            owner,
            resource: PhantomData,
        }
    }

    /// Where a sub-job's `entities` are, when it is inside a job.
    fn sub_job_path(&self) -> Option<SubJobPath> {
        match self.owner {
            Owner::SubJob(index) => index.map(SubJobPath),
            Owner::Job => None,
        }
    }
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for EntitiesSeed<R> {
    type Value = EntitiesRead<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

/// What `entities` held: the job's [`JobEntities`], and a sub-job's
/// `errorcode_message`.
pub(super) struct EntitiesRead<R: BatchTarget> {
    pub(super) entities: JobEntities<R>,
    pub(super) errorcode_message: Option<String>,
}

impl<'de, R: BatchTarget> Visitor<'de> for EntitiesSeed<R> {
    type Value = EntitiesRead<R>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub_job_path() {
            Some(path) => write!(f, "`entities` in `{path}` to be an object"),
            None => f.write_str("`entities` to be an object"),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let key_seed = || EntityKeySeed::<R> {
            keys: match self.owner {
                Owner::Job => &Key::JOB_ENTITIES,
                Owner::SubJob(_) => &Key::SUB_JOB_ENTITIES,
            },
            resource: PhantomData,
        };
        // The fields of a sub-job's `entities` are named after the sub-job
        // (`` `nic_id` in `entities.sub_jobs[0]` ``), as its own fields are;
        // those of the job's, or of a sub-job's read on its own, after
        // `entities`.
        let path = self.sub_job_path();
        let entities_path: &dyn fmt::Display = match &path {
            Some(path) => path,
            None => &ENTITIES,
        };
        let mut id: FieldState<R::Id> = FieldState::Absent;
        let mut id_key: Option<usize> = None;
        let mut total: FieldState<u64> = FieldState::Absent;
        let mut sub_jobs: FieldState<Vec<SubJob<R>>> = FieldState::Absent;
        let mut message: FieldState<String> = FieldState::Absent;
        let mut others = Vec::new();
        while let Some(key) = map.next_key_seed(key_seed())? {
            match key {
                EntityKey::Id(kind) if id_key.is_none_or(|first| first == kind) => {
                    if id.is_seen() {
                        return Err(de::Error::custom(format_args!(
                            "duplicate field `{}` in `entities`",
                            entity_id::key_name::<R>(kind)
                        )));
                    }
                    id_key = Some(kind);
                    id.fill(map.next_value_seed(NullOr(IdSeed::<R>::new(kind)))?);
                }
                // The id of another kind than the first: kept as it came.
                EntityKey::Id(kind) => {
                    let name = entity_id::key_name::<R>(kind);
                    let value = map.next_value_seed(KeptSeed(Field::at(name, entities_path)))?;
                    others.push((name.to_owned(), value));
                }
                EntityKey::Known(Key::SubJobsTotal) => {
                    let field = Field::at(SUB_JOBS_TOTAL, &ENTITIES);
                    reject_repeat(total.is_seen(), field)?;
                    total.fill(map.next_value_seed(NullOr(CountSeed(field)))?);
                }
                EntityKey::Known(Key::SubJobs) => {
                    reject_repeat(sub_jobs.is_seen(), Field::at(SUB_JOBS, &ENTITIES))?;
                    sub_jobs.fill(map.next_value_seed(NullOr(SubJobsSeed(PhantomData)))?);
                }
                EntityKey::Known(Key::ErrorcodeMessage) => {
                    let field = Field::at(ERRORCODE_MESSAGE, entities_path);
                    reject_repeat(message.is_seen(), field)?;
                    message.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                EntityKey::Known(key) => {
                    let name = key.name();
                    let value = map.next_value_seed(KeptSeed(Field::at(name, entities_path)))?;
                    others.push((name.to_owned(), value));
                }
                EntityKey::Other(name) => {
                    let value = map.next_value_seed(KeptSeed(Field::at(&name, entities_path)))?;
                    others.push((name, value));
                }
            }
        }
        let mut nulls = Nulls::default();
        nulls.set(Nulls::ID, matches!(id, FieldState::Null));
        nulls.id_kind = id_key.unwrap_or(0);
        nulls.set(Nulls::TOTAL, matches!(total, FieldState::Null));
        nulls.set(Nulls::SUB_JOBS_NULL, matches!(sub_jobs, FieldState::Null));
        nulls.set(
            Nulls::SUB_JOBS_SENT,
            matches!(sub_jobs, FieldState::Value(_)),
        );
        nulls.set(
            Nulls::ERRORCODE_MESSAGE,
            matches!(message, FieldState::Null),
        );
        let mut entities = JobEntities::new();
        entities.resource_id = id.into_option();
        entities.sub_jobs_total = total.into_option();
        entities.sub_jobs = sub_jobs.into_option().unwrap_or_default();
        entities.others = others;
        entities.nulls = nulls;
        Ok(EntitiesRead {
            entities,
            errorcode_message: message.into_option(),
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

    crate::wire::refuse_text!();

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
struct SubJobsSeed<R>(PhantomData<fn() -> R>);

impl<'de, R: BatchTarget> DeserializeSeed<'de> for SubJobsSeed<R> {
    type Value = Vec<SubJob<R>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_list(deserializer, self)
    }
}

impl<'de, R: BatchTarget> Visitor<'de> for SubJobsSeed<R> {
    type Value = Vec<SubJob<R>>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`sub_jobs` in `entities` to be an array of sub-jobs")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut sub_jobs = Vec::with_capacity(crate::wire::capacity(seq.size_hint()));
        while let Some(sub_job) = seq.next_element_seed(SubJobSeed::at(sub_jobs.len()))? {
            sub_jobs.push(sub_job);
        }
        Ok(sub_jobs)
    }
}
