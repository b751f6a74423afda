//! Building [`JobStatus`], [`JobEntities`] and [`SubJob`] (constructors and
//! setters), and reading the fields of `entities` they keep as they came.

use super::{JobEntities, JobStatus, Nulls, SubJob};
use crate::{AnyValue, BatchTarget, JobId, JobState};

impl<R: BatchTarget> JobStatus<R> {
    /// A status with its state and id, no other field, empty `entities`
    /// and no payload; add the rest with the `with_*` methods or the public
    /// fields.
    ///
    /// ```
    /// # use task_envelope::{JobEntities, JobState, JobStatus, SubJob};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Server { #[resource(id)] server_id: String }
    /// let status = JobStatus::<Server>::new(JobState::Fail, "j-1")
    ///     .with_job_type("batchStartServers")
    ///     .with_entities(JobEntities::new().with_sub_jobs(vec![
    ///         SubJob::new(JobState::Fail, "j-1a")
    ///             .with_resource_id("s-1".to_owned())
    ///             .with_errorcode_message("locked"),
    ///     ]));
    /// assert_eq!(
    ///     serde_json::to_string(&status).unwrap(),
    ///     r#"{"status":"FAIL","job_id":"j-1","job_type":"batchStartServers","entities":{"sub_jobs_total":1,"sub_jobs":[{"status":"FAIL","job_id":"j-1a","entities":{"server_id":"s-1","errorcode_message":"locked"}}]}}"#,
    /// );
    /// ```
    #[must_use]
    pub fn new(status: JobState, job_id: impl Into<JobId>) -> Self {
        JobStatus {
            status,
            job_id: job_id.into(),
            job_type: None,
            begin_time: None,
            end_time: None,
            error_code: None,
            fail_reason: None,
            entities: JobEntities::new(),
            payload: None,
            nulls: Nulls::built(),
        }
    }
}

impl<R: BatchTarget, P> JobStatus<R, P> {
    /// The same status around another payload.
    ///
    /// ```
    /// # use std::collections::BTreeMap;
    /// # use task_envelope::{JobState, JobStatus};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Server { #[resource(id)] server_id: String }
    /// let status = JobStatus::<Server>::new(JobState::Running, "j")
    ///     .with_payload(BTreeMap::from([("progress", 40)]));
    /// assert_eq!(
    ///     serde_json::to_string(&status).unwrap(),
    ///     r#"{"status":"RUNNING","job_id":"j","entities":{},"progress":40}"#,
    /// );
    /// ```
    #[must_use]
    pub fn with_payload<Q>(self, payload: Q) -> JobStatus<R, Q> {
        JobStatus {
            status: self.status,
            job_id: self.job_id,
            job_type: self.job_type,
            begin_time: self.begin_time,
            end_time: self.end_time,
            error_code: self.error_code,
            fail_reason: self.fail_reason,
            entities: self.entities,
            payload: Some(payload),
            nulls: self.nulls,
        }
    }

    /// Sets the entities.
    #[must_use]
    pub fn with_entities(mut self, entities: JobEntities<R>) -> Self {
        self.entities = entities;
        self
    }
}

/// The `with_*` setters of the text fields a job and a sub-job share.
macro_rules! text_setters {
    (impl [$($generics:tt)*] $ty:ty) => {
        impl<$($generics)*> $ty {
            /// Sets `job_type`.
            #[must_use]
            pub fn with_job_type(mut self, job_type: impl Into<String>) -> Self {
                self.job_type = Some(job_type.into());
                self
            }

            /// Sets `begin_time`, as it is to be written.
            #[must_use]
            pub fn with_begin_time(mut self, begin_time: impl Into<String>) -> Self {
                self.begin_time = Some(begin_time.into());
                self
            }

            /// Sets `end_time`, as it is to be written.
            #[must_use]
            pub fn with_end_time(mut self, end_time: impl Into<String>) -> Self {
                self.end_time = Some(end_time.into());
                self
            }

            /// Sets `error_code`.
            #[must_use]
            pub fn with_error_code(mut self, error_code: impl Into<String>) -> Self {
                self.error_code = Some(error_code.into());
                self
            }

            /// Sets `fail_reason`.
            #[must_use]
            pub fn with_fail_reason(mut self, fail_reason: impl Into<String>) -> Self {
                self.fail_reason = Some(fail_reason.into());
                self
            }
        }
    };
}

text_setters!(impl [R: BatchTarget, P] JobStatus<R, P>);
text_setters!(impl [R: BatchTarget] SubJob<R>);

impl<R: BatchTarget> JobEntities<R> {
    /// Empty entities: no resource, no sub-jobs, no other field.
    #[must_use]
    pub fn new() -> Self {
        JobEntities {
            resource_id: None,
            sub_jobs_total: None,
            sub_jobs: Vec::new(),
            others: Vec::new(),
            nulls: Nulls::default(),
        }
    }

    /// Sets the resource of a single-resource job.
    #[must_use]
    pub fn with_resource_id(mut self, id: R::Id) -> Self {
        self.resource_id = Some(id);
        self
    }

    /// Sets the sub-jobs, and `sub_jobs_total` to their number.
    #[must_use]
    pub fn with_sub_jobs(mut self, sub_jobs: Vec<SubJob<R>>) -> Self {
        self.sub_jobs_total = u64::try_from(sub_jobs.len()).ok();
        self.sub_jobs = sub_jobs;
        self
    }

    /// Adds a field after the others.
    #[must_use]
    pub fn with_other_field(mut self, name: impl Into<String>, value: AnyValue) -> Self {
        self.others.push((name.into(), value));
        self
    }

    /// The fields of `entities` other than the resource id,
    /// `sub_jobs_total` and `sub_jobs` (`image_name`, `backup_id`, ...), as
    /// they came, in wire order (a repeated key is kept twice, as
    /// [`AnyValue`] keeps object keys).
    ///
    /// ```
    /// # use task_envelope::{AnyValue, JobStatus};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Volume { #[resource(id)] volume_id: String }
    /// let status: JobStatus<Volume> = serde_json::from_str(r#"{"status": "SUCCESS",
    ///     "job_id": "j", "entities": {"backup_id": "b-1", "volume_id": "v-1", "size": 40}}"#)?;
    /// let names: Vec<&str> =
    ///     status.entities.other_fields().iter().map(|(name, _)| name.as_str()).collect();
    /// assert_eq!(names, ["backup_id", "size"]);
    /// assert_eq!(status.entities.get("size"), Some(&AnyValue::UInt(40)));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn other_fields(&self) -> &[(String, AnyValue)] {
        &self.others
    }

    /// The other fields, to change them.
    pub fn other_fields_mut(&mut self) -> &mut Vec<(String, AnyValue)> {
        &mut self.others
    }

    /// The first other field named `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&AnyValue> {
        find(&self.others, name)
    }

    /// Whether it holds nothing, and nothing that came as `null`.
    pub(crate) fn is_blank(&self) -> bool {
        self.resource_id.is_none()
            && self.sub_jobs_total.is_none()
            && self.sub_jobs.is_empty()
            && self.others.is_empty()
            && self.nulls == Nulls::default()
    }
}

impl<R: BatchTarget> SubJob<R> {
    /// A sub-job with its state and id, and no other field.
    #[must_use]
    pub fn new(status: JobState, job_id: impl Into<JobId>) -> Self {
        SubJob {
            status,
            job_id: job_id.into(),
            job_type: None,
            begin_time: None,
            end_time: None,
            error_code: None,
            fail_reason: None,
            resource_id: None,
            errorcode_message: None,
            others: Vec::new(),
            nulls: Nulls::built(),
        }
    }

    /// Sets the resource it worked on.
    #[must_use]
    pub fn with_resource_id(mut self, id: R::Id) -> Self {
        self.resource_id = Some(id);
        self
    }

    /// Sets `entities.errorcode_message`.
    #[must_use]
    pub fn with_errorcode_message(mut self, message: impl Into<String>) -> Self {
        self.errorcode_message = Some(message.into());
        self
    }

    /// Adds a field of its `entities` after the others.
    #[must_use]
    pub fn with_other_entity(mut self, name: impl Into<String>, value: AnyValue) -> Self {
        self.others.push((name.into(), value));
        self
    }

    /// The fields of its `entities` other than the resource id and
    /// `errorcode_message` (`nic_id`, `image_name`, ...), as they came, in
    /// wire order.
    ///
    /// ```
    /// # use task_envelope::JobStatus;
    /// # #[derive(task_envelope::Resource)]
    /// # struct Server { #[resource(id)] server_id: String }
    /// let status: JobStatus<Server> = serde_json::from_str(r#"{"status": "FAIL", "job_id": "j",
    ///     "entities": {"sub_jobs": [{"status": "FAIL", "job_id": "a",
    ///         "entities": {"server_id": "s-1", "nic_id": "n-1"}}]}}"#)?;
    /// let sub_job = &status.entities.sub_jobs[0];
    /// assert_eq!(sub_job.other_entities()[0].0, "nic_id");
    /// assert_eq!(sub_job.entity("nic_id").and_then(|v| v.as_str()), Some("n-1"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn other_entities(&self) -> &[(String, AnyValue)] {
        &self.others
    }

    /// The other fields of its `entities`, to change them.
    pub fn other_entities_mut(&mut self) -> &mut Vec<(String, AnyValue)> {
        &mut self.others
    }

    /// The first other field of its `entities` named `name`.
    #[must_use]
    pub fn entity(&self, name: &str) -> Option<&AnyValue> {
        find(&self.others, name)
    }

    /// Why it failed: `fail_reason`, else `errorcode_message`.
    pub(crate) fn reason(&self) -> Option<&str> {
        self.fail_reason
            .as_deref()
            .or(self.errorcode_message.as_deref())
    }
}

fn find<'a>(fields: &'a [(String, AnyValue)], name: &str) -> Option<&'a AnyValue> {
    fields
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}
