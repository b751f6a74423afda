//! Writing [`JobStatus`], [`SubJob`] and [`JobEntities`]: every field, with
//! absent optional ones left out so that compact formats read back exactly
//! what was written.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::status::{JobEntities, JobStatus, SubJob};
use crate::{JobId, JobState, Resource};

/// The fields a job and a sub-job share, to be written.
struct CommonRef<'a> {
    status: &'a JobState,
    job_id: &'a JobId,
    job_type: &'a str,
    begin_time: &'a str,
    end_time: &'a str,
    error_code: Option<&'a str>,
    fail_reason: Option<&'a str>,
}

impl CommonRef<'_> {
    fn len(&self) -> usize {
        5 + usize::from(self.error_code.is_some()) + usize::from(self.fail_reason.is_some())
    }

    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("status", self.status)?;
        map.serialize_entry("job_id", self.job_id)?;
        map.serialize_entry("job_type", self.job_type)?;
        map.serialize_entry("begin_time", self.begin_time)?;
        map.serialize_entry("end_time", self.end_time)?;
        if let Some(error_code) = self.error_code {
            map.serialize_entry("error_code", error_code)?;
        }
        if let Some(fail_reason) = self.fail_reason {
            map.serialize_entry("fail_reason", fail_reason)?;
        }
        Ok(())
    }
}

/// The [`CommonRef`] of a [`JobStatus`] or a [`SubJob`], which name their
/// shared fields alike.
macro_rules! common_ref {
    ($job:expr) => {
        CommonRef {
            status: &$job.status,
            job_id: &$job.job_id,
            job_type: &$job.job_type,
            begin_time: &$job.begin_time,
            end_time: &$job.end_time,
            error_code: $job.error_code.as_deref(),
            fail_reason: $job.fail_reason.as_deref(),
        }
    };
}

/// Writes the common fields and then `entities`.
fn write_job<S: Serializer, E: Serialize>(
    serializer: S,
    common: &CommonRef<'_>,
    entities: &E,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(common.len() + 1))?;
    common.write(&mut map)?;
    map.serialize_entry("entities", entities)?;
    map.end()
}

impl<R: Resource> Serialize for JobStatus<R> {
    /// Writes every field; `error_code` and `fail_reason` only when present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let common = common_ref!(self);
        write_job(serializer, &common, &self.entities)
    }
}

impl<R: Resource> Serialize for SubJob<R> {
    /// Writes every field; `error_code`, `fail_reason` and the resource id
    /// only when present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let common = common_ref!(self);
        write_job(serializer, &common, &IdOnly::<R>(self.resource_id.as_ref()))
    }
}

/// A sub-job's `entities`: its resource id, when known.
struct IdOnly<'a, R: Resource>(Option<&'a R::Id>);

impl<R: Resource> Serialize for IdOnly<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(usize::from(self.0.is_some())))?;
        if let Some(id) = self.0 {
            map.serialize_entry(R::ID_FIELD, id)?;
        }
        map.end()
    }
}

impl<R: Resource> Serialize for JobEntities<R> {
    /// Writes the resource id, `sub_jobs_total` and `sub_jobs`, each only when
    /// present (`sub_jobs` when not empty).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.resource_id.is_some())
            + usize::from(self.sub_jobs_total.is_some())
            + usize::from(!self.sub_jobs.is_empty());
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(id) = &self.resource_id {
            map.serialize_entry(R::ID_FIELD, id)?;
        }
        if let Some(total) = self.sub_jobs_total {
            map.serialize_entry("sub_jobs_total", &total)?;
        }
        if !self.sub_jobs.is_empty() {
            map.serialize_entry("sub_jobs", &self.sub_jobs)?;
        }
        map.end()
    }
}
