//! Writing [`JobStatus`], [`SubJob`] and [`JobEntities`]: every field that is
//! present, a field that came as `null` as `null` (in a human-readable
//! format; a compact one reads back the value itself, so it is left out
//! there), and nothing else, so that a parsed status is written back as the
//! same JSON value and every format reads back exactly what was written.
//! The fields read back with `NullOr` (`entities`, the resource id,
//! `sub_jobs_total`, `sub_jobs`) are written as an `Option`'s `Some` (see
//! [`wire::Present`]).

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::entity_id;
use super::{JobEntities, JobStatus, Nulls, SubJob};
use crate::job::keys::{
    BEGIN_TIME, END_TIME, ENTITIES, ERROR_CODE, ERRORCODE_MESSAGE, FAIL_REASON, JOB_ID, JOB_TYPE,
    Key, STATUS, SUB_JOBS, SUB_JOBS_TOTAL,
};
use crate::{AnyValue, BatchTarget, JobId, JobState, wire};

/// An optional field as it is written: its value, `null`, or nothing.
enum Entry<'a, T: ?Sized> {
    Value(&'a T),
    Null,
    Skip,
}

impl<'a, T: ?Sized> Entry<'a, T> {
    fn of(value: Option<&'a T>, nulls: Nulls, flag: u16, readable: bool) -> Self {
        match value {
            Some(value) => Entry::Value(value),
            None if readable && nulls.has(flag) => Entry::Null,
            None => Entry::Skip,
        }
    }

    fn counts(&self) -> usize {
        usize::from(!matches!(self, Entry::Skip))
    }
}

impl<T: Serialize + ?Sized> Entry<'_, T> {
    fn write<M: SerializeMap>(&self, map: &mut M, name: &str) -> Result<(), M::Error> {
        match self {
            Entry::Value(value) => map.serialize_entry(name, value),
            Entry::Null => map.serialize_entry(name, &wire::Null),
            Entry::Skip => Ok(()),
        }
    }

    /// Writes a field read back with `NullOr`: its value as an `Option`'s.
    fn write_present<M: SerializeMap>(&self, map: &mut M, name: &str) -> Result<(), M::Error> {
        match self {
            Entry::Value(value) => map.serialize_entry(name, &wire::Present(*value)),
            Entry::Null => map.serialize_entry(name, &wire::Null),
            Entry::Skip => Ok(()),
        }
    }
}

/// The fields a job and a sub-job share, to be written.
struct CommonRef<'a> {
    status: &'a JobState,
    job_id: &'a JobId,
    texts: [(&'static str, Entry<'a, str>); 5],
}

impl<'a> CommonRef<'a> {
    fn new(
        status: &'a JobState,
        job_id: &'a JobId,
        texts: [&'a Option<String>; 5],
        nulls: Nulls,
        readable: bool,
    ) -> Self {
        let [job_type, begin_time, end_time, error_code, fail_reason] = texts;
        let entry =
            |text: &'a Option<String>, flag| Entry::of(text.as_deref(), nulls, flag, readable);
        CommonRef {
            status,
            job_id,
            texts: [
                (JOB_TYPE, entry(job_type, Nulls::JOB_TYPE)),
                (BEGIN_TIME, entry(begin_time, Nulls::BEGIN_TIME)),
                (END_TIME, entry(end_time, Nulls::END_TIME)),
                (ERROR_CODE, entry(error_code, Nulls::ERROR_CODE)),
                (FAIL_REASON, entry(fail_reason, Nulls::FAIL_REASON)),
            ],
        }
    }

    fn len(&self) -> usize {
        2 + self
            .texts
            .iter()
            .map(|(_, entry)| entry.counts())
            .sum::<usize>()
    }

    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(STATUS, self.status)?;
        map.serialize_entry(JOB_ID, self.job_id)?;
        for (name, entry) in &self.texts {
            entry.write(map, name)?;
        }
        Ok(())
    }
}

/// The [`CommonRef`] of a [`JobStatus`] or a [`SubJob`], which name their
/// shared fields alike.
macro_rules! common_ref {
    ($job:expr, $readable:expr) => {
        CommonRef::new(
            &$job.status,
            &$job.job_id,
            [
                &$job.job_type,
                &$job.begin_time,
                &$job.end_time,
                &$job.error_code,
                &$job.fail_reason,
            ],
            $job.nulls,
            $readable,
        )
    };
}

/// How `entities` is written: an object when it holds something, else as
/// it came (`null`, `{}`, or not at all).
fn entities_entry<E>(entities: &E, blank: bool, nulls: Nulls, readable: bool) -> Entry<'_, E> {
    if !blank || nulls.has(Nulls::ENTITIES_SENT) {
        Entry::Value(entities)
    } else if readable && nulls.has(Nulls::ENTITIES_NULL) {
        Entry::Null
    } else {
        Entry::Skip
    }
}

/// Names the keys a job status writes itself, which its payload must not.
fn is_status_key(name: &str) -> bool {
    Key::from_name(name).is_some_and(Key::is_job_field)
}

impl<R: BatchTarget, P: Serialize> Serialize for JobStatus<R, P> {
    /// The envelope's fields (see [`JobStatus`]), then the payload's.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let readable = serializer.is_human_readable();
        let common = common_ref!(self, readable);
        let entities = entities_entry(
            &self.entities,
            self.entities.is_blank(),
            self.nulls,
            readable,
        );
        let payload = self.payload.as_ref();
        let len = wire::payload_len(payload).map(|n| n + common.len() + entities.counts());
        let mut map = serializer.serialize_map(len)?;
        common.write(&mut map)?;
        entities.write_present(&mut map, ENTITIES)?;
        if let Some(payload) = payload {
            wire::write_payload(&mut map, payload, is_status_key)?;
        }
        map.end()
    }
}

impl<R: BatchTarget> Serialize for SubJob<R> {
    /// The fields that are present, and those that came as `null`; its
    /// `entities`: the resource id, `errorcode_message`, the other fields.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let readable = serializer.is_human_readable();
        let common = common_ref!(self, readable);
        let own = SubEntities(self, readable);
        let entities = entities_entry(&own, own.is_blank(), self.nulls, readable);
        let mut map = serializer.serialize_map(Some(common.len() + entities.counts()))?;
        common.write(&mut map)?;
        entities.write_present(&mut map, ENTITIES)?;
        map.end()
    }
}

/// A sub-job's `entities`, and whether the format is human-readable.
struct SubEntities<'a, R: BatchTarget>(&'a SubJob<R>, bool);

impl<R: BatchTarget> SubEntities<'_, R> {
    fn id(&self) -> Entry<'_, R::Id> {
        Entry::of(self.0.resource_id.as_ref(), self.0.nulls, Nulls::ID, self.1)
    }

    fn message(&self) -> Entry<'_, str> {
        let sub_job = self.0;
        Entry::of(
            sub_job.errorcode_message.as_deref(),
            sub_job.nulls,
            Nulls::ERRORCODE_MESSAGE,
            self.1,
        )
    }

    fn is_blank(&self) -> bool {
        self.id().counts() + self.message().counts() + self.0.others.len() == 0
    }
}

impl<R: BatchTarget> Serialize for SubEntities<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (id, message) = (self.id(), self.message());
        let len = id.counts() + message.counts() + self.0.others.len();
        let mut map = serializer.serialize_map(Some(len))?;
        id_write::<R, _>(&id, &mut map, self.0.nulls.id_kind)?;
        message.write(&mut map, ERRORCODE_MESSAGE)?;
        write_others(&mut map, &self.0.others)?;
        map.end()
    }
}

/// Writes the resource id under its key (for `null`, the key of `kind`).
fn id_write<R: BatchTarget, M: SerializeMap>(
    id: &Entry<'_, R::Id>,
    map: &mut M,
    kind: usize,
) -> Result<(), M::Error> {
    match id {
        Entry::Value(id) => map.serialize_entry(entity_id::key_of::<R>(id), &wire::Present(*id)),
        Entry::Null => map.serialize_entry(entity_id::key_name::<R>(kind), &wire::Null),
        Entry::Skip => Ok(()),
    }
}

fn write_others<M: SerializeMap>(
    map: &mut M,
    others: &[(String, AnyValue)],
) -> Result<(), M::Error> {
    for (name, value) in others {
        map.serialize_entry(name, value)?;
    }
    Ok(())
}

impl<R: BatchTarget> Serialize for JobEntities<R> {
    /// The resource id, `sub_jobs_total` and `sub_jobs`, each when present
    /// (or as it came: `null`, or `sub_jobs` as `[]`), then the other
    /// fields in wire order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let readable = serializer.is_human_readable();
        let id = Entry::of(self.resource_id.as_ref(), self.nulls, Nulls::ID, readable);
        let total = Entry::of(
            self.sub_jobs_total.as_ref(),
            self.nulls,
            Nulls::TOTAL,
            readable,
        );
        let sub_jobs = if !self.sub_jobs.is_empty() || self.nulls.has(Nulls::SUB_JOBS_SENT) {
            Entry::Value(&self.sub_jobs)
        } else {
            Entry::of(None, self.nulls, Nulls::SUB_JOBS_NULL, readable)
        };
        let len = id.counts() + total.counts() + sub_jobs.counts() + self.others.len();
        let mut map = serializer.serialize_map(Some(len))?;
        id_write::<R, _>(&id, &mut map, self.nulls.id_kind)?;
        total.write_present(&mut map, SUB_JOBS_TOTAL)?;
        sub_jobs.write_present(&mut map, SUB_JOBS)?;
        write_others(&mut map, &self.others)?;
        map.end()
    }
}
