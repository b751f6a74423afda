//! [`JobStatus`], [`JobEntities`] and [`SubJob`]: what a job id is polled
//! for, with its sub-jobs tied to their resources; the types, and which of
//! their absent fields came as `null` ([`Nulls`]). Built in `build.rs`,
//! judged in `judge.rs`, read in `de.rs`, written in `ser.rs`.

mod build;
mod de;
mod entity_id;
pub(super) mod judge;
mod ser;

use core::fmt;

use crate::{AnyValue, BatchTarget, JobId, JobState};

/// The status of a job of the `job_id`/`error` dialect, as its status query
/// returns it (field names as the providers' SDKs define them), around the
/// service's own top-level fields `P`.
///
/// ```json
/// {"status": "SUCCESS", "job_id": "j-1", "job_type": "batchStartServers",
///  "begin_time": "2026-11-23T10:00:00Z", "end_time": "2026-11-23T10:01:00Z",
///  "error_code": null, "fail_reason": null,
///  "entities": {"sub_jobs_total": 2, "sub_jobs": [
///     {"status": "SUCCESS", "job_id": "j-1a", "entities": {"server_id": "s-1"}},
///     {"status": "FAIL", "job_id": "j-1b", "error_code": "Ecs.0001",
///      "fail_reason": "locked", "entities": {"server_id": "s-2",
///      "errorcode_message": "the server is locked"}}]}}
/// ```
///
/// Each sub-job is tied to its resource: its id is read from
/// `entities[R::ID_FIELD]` and parsed as `R::Id` (a sub-job whose entities
/// lack it keeps `None`; it is never dropped). `R` may be a task-chain enum
/// (`#[derive(Resource)]` on an enum of resources, see
/// [`BatchTarget`]) for a job whose sub-jobs touch
/// several kinds: the key of the id (`server_id`, `nic_id`: each variant's
/// [`Resource::ID_FIELD`](crate::Resource::ID_FIELD)) chooses the kind, and
/// that kind's id type reads it. When one `entities` holds the ids of two
/// kinds, the first in wire order is the sub-job's resource and the other
/// is kept among its other fields; when two variants share a key, the id
/// enum's prefixes choose. A single-resource job carries
/// its own id the same way, in [`JobEntities::resource_id`]. The other
/// fields of `entities` (`image_name`, `snapshot_id`, `backup_id`, ...) are
/// kept as they came, in wire order ([`JobEntities::other_fields`],
/// [`SubJob::other_entities`]).
///
/// # Parsing rules
///
/// - `status` and `job_id` are required; an unknown status is kept as
///   [`JobState::Unknown`].
/// - `job_type`, `begin_time`, `end_time`, `error_code` and `fail_reason`
///   may be absent or `null` (`None`); `error_code` may be a string or an
///   integer (kept as text).
/// - `entities` may be absent or `null`; a `null` resource id reads as `None`;
///   `sub_jobs_total` may be absent or `null`.
/// - A repeated key of the job is an error; errors name the field and the
///   sub-job (`` `status` in `entities.sub_jobs[2]` ``).
/// - A reply without `status` that is an error body (any shape
///   [`ApiError`](crate::ApiError) reads: `error`, `error_code` with
///   `error_msg`, `errorCode`, `code` with `message`, a fault such as
///   `itemNotFound`) means the status query itself failed: the parse error
///   is that error, one line, `the job status query failed: APIG.0101: API
///   does not exist (request_id r-1)`, not ``missing field `status` ``.
///
/// # The payload
///
/// The job's other top-level fields go to `P`, read in the same pass and
/// written back after the envelope's, as
/// [`TaskResponse`](crate::TaskResponse) does; the default `P = ()` skips
/// them. A status is the query's success: it must carry `P`'s required
/// fields (use `Option` for those some states lack). The keys an error body
/// is read from (`error`, `error_msg`, `errorCode`, `errorMsg`, `code`,
/// `message`, `details`, `request_id`, `requestId`, and the OpenStack-style fault
/// names such as `badRequest`) are the envelope's, so that a failed query is
/// told apart whatever `P` is: `P` never sees them, and a status does not
/// keep them. With `P = ()`, any other key holding a fault object tells a
/// failed query apart too.
///
/// # Writing
///
/// Writing gives back the same JSON value: optional fields only when present,
/// and a field that came as `null` (`"error_code": null`, `"entities": null`,
/// a `null` resource id or `sub_jobs_total`) as `null` again while it is
/// `None`. A status built with [`JobStatus::new`] writes `entities` (as `{}`
/// when empty); a parsed one writes it when it came. Equality compares the
/// values, not how the wire wrote an absent one (`null` or nothing), as
/// [`ApiError`](crate::ApiError)'s does.
///
/// # Judging the job
///
/// [`outcome()`](Self::outcome) is `None` while the job runs; once it is
/// terminal, the 0 / 5100 / 5400 rule is applied to the sub-jobs (a sub-job
/// that did not reach `SUCCESS` counts as failed), and a job without sub-jobs
/// is judged by its own status. [`verify()`](Self::verify) also checks that
/// the job's summary agrees with its sub-jobs.
///
/// ```
/// use task_envelope::{BatchOutcome, JobState, JobStatus, Resource};
///
/// #[derive(Resource)]
/// struct Server {
///     #[resource(id)]
///     server_id: String,
/// }
///
/// let status: JobStatus<Server> = serde_json::from_str(r#"{
///     "status": "FAIL", "job_id": "j-1", "job_type": null,
///     "entities": {"sub_jobs_total": 2, "sub_jobs": [
///         {"status": "SUCCESS", "job_id": "j-1a", "entities": {"server_id": "s-1"}},
///         {"status": "FAIL", "job_id": "j-1b", "error_code": 4001,
///          "entities": {"server_id": "s-2", "errorcode_message": "locked", "nic_id": "n-1"}}
///     ]}
/// }"#).unwrap();
///
/// assert!(status.is_terminal());
/// assert_eq!(status.job_type, None);
/// assert_eq!(status.outcome(), Some(BatchOutcome::PartialFailure));
/// assert_eq!(status.verify(), Ok(Some(BatchOutcome::PartialFailure)));
/// let failed = &status.entities.sub_jobs[1];
/// assert_eq!(failed.resource_id.as_deref(), Some("s-2"));
/// assert_eq!(failed.error_code.as_deref(), Some("4001"));
/// assert_eq!(failed.errorcode_message.as_deref(), Some("locked"));
/// assert_eq!(failed.entity("nic_id").and_then(|v| v.as_str()), Some("n-1"));
///
/// // Written back: `"job_type": null` stays, absent times stay absent.
/// let again = serde_json::to_value(&status).unwrap();
/// assert_eq!(again["job_type"], serde_json::Value::Null);
/// assert!(again.get("begin_time").is_none());
/// ```
pub struct JobStatus<R: BatchTarget, P = ()> {
    /// The job's state.
    pub status: JobState,
    /// The job's id.
    pub job_id: JobId,
    /// The kind of job, such as `"batchStartServers"`.
    pub job_type: Option<String>,
    /// When the job started, as sent.
    pub begin_time: Option<String>,
    /// When the job ended, as sent.
    pub end_time: Option<String>,
    /// The job's error code, as text.
    pub error_code: Option<String>,
    /// Why the job failed.
    pub fail_reason: Option<String>,
    /// The resource and the sub-jobs the job is about.
    pub entities: JobEntities<R>,
    /// The job's other top-level fields: `None` when `P` keeps nothing
    /// (`()`), or on a status built without one.
    pub payload: Option<P>,
    /// Which absent fields came as `null`.
    pub(crate) nulls: Nulls,
}

/// The `entities` of a [`JobStatus`]: the job's resource, its sub-jobs, and
/// every other field as it came.
pub struct JobEntities<R: BatchTarget> {
    /// `entities[R::ID_FIELD]`: the resource of a single-resource job.
    pub resource_id: Option<R::Id>,
    /// `sub_jobs_total`: how many sub-jobs the provider says there are.
    pub sub_jobs_total: Option<u64>,
    /// `sub_jobs`, in wire order.
    pub sub_jobs: Vec<SubJob<R>>,
    /// The other fields, in wire order.
    pub(crate) others: Vec<(String, AnyValue)>,
    /// Which absent fields came as `null`, and whether `sub_jobs` came.
    pub(crate) nulls: Nulls,
}

/// One sub-job of a batch job: one resource's part of the work.
///
/// Its `entities` give the resource ([`resource_id`](Self::resource_id)),
/// the reason it failed ([`errorcode_message`](Self::errorcode_message)),
/// and other fields, kept as they came ([`other_entities`](Self::other_entities)).
///
/// It is read as part of a [`JobStatus`], whose errors name it
/// (`` `status` in `entities.sub_jobs[2]` ``), or on its own, as the
/// top-level object, whose errors name its fields alone:
///
/// ```
/// # use task_envelope::SubJob;
/// # #[derive(task_envelope::Resource)]
/// # struct Server { #[resource(id)] server_id: String }
/// let error = serde_json::from_str::<SubJob<Server>>(r#"{"job_id": "a"}"#).unwrap_err();
/// assert_eq!(error.to_string(), "missing field `status` at line 1 column 15");
/// ```
pub struct SubJob<R: BatchTarget> {
    /// The sub-job's state.
    pub status: JobState,
    /// The sub-job's id.
    pub job_id: JobId,
    /// The kind of sub-job, such as `"createServer"`.
    pub job_type: Option<String>,
    /// When it started, as sent.
    pub begin_time: Option<String>,
    /// When it ended, as sent.
    pub end_time: Option<String>,
    /// Its error code, as text.
    pub error_code: Option<String>,
    /// Why it failed.
    pub fail_reason: Option<String>,
    /// `entities[R::ID_FIELD]`: the resource this sub-job worked on, or
    /// `None` when its entities do not say.
    pub resource_id: Option<R::Id>,
    /// `entities.errorcode_message`: why the sub-job failed, in the words
    /// of the official SDKs ("the reason the sub-job failed"); a failure's
    /// message falls back to it when `fail_reason` is absent.
    pub errorcode_message: Option<String>,
    /// The other fields of its `entities`, in wire order.
    pub(crate) others: Vec<(String, AnyValue)>,
    /// Which absent fields came as `null`, and whether `entities` came.
    pub(crate) nulls: Nulls,
}

/// Which fields of a job, its entities or a sub-job came as `null` (and so
/// are written back as `null` while they are `None`), and which empty
/// containers came (and so are written back empty).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct Nulls {
    flags: u16,
    /// The kind whose id key came as `null` (see [`Nulls::ID`]).
    pub(crate) id_kind: usize,
}

impl Nulls {
    pub(crate) const JOB_TYPE: u16 = 1;
    pub(crate) const BEGIN_TIME: u16 = 1 << 1;
    pub(crate) const END_TIME: u16 = 1 << 2;
    pub(crate) const ERROR_CODE: u16 = 1 << 3;
    pub(crate) const FAIL_REASON: u16 = 1 << 4;
    /// `entities` came as `null`.
    pub(crate) const ENTITIES_NULL: u16 = 1 << 5;
    /// `entities` came as an object (written back, `{}` when empty).
    pub(crate) const ENTITIES_SENT: u16 = 1 << 6;
    /// The resource id came as `null`, under the key of kind `id_kind`.
    pub(crate) const ID: u16 = 1 << 7;
    pub(crate) const TOTAL: u16 = 1 << 8;
    pub(crate) const SUB_JOBS_NULL: u16 = 1 << 9;
    /// `sub_jobs` came as an array (written back, `[]` when empty).
    pub(crate) const SUB_JOBS_SENT: u16 = 1 << 10;
    pub(crate) const ERRORCODE_MESSAGE: u16 = 1 << 11;

    pub(crate) fn has(self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    pub(crate) fn set(&mut self, flag: u16, on: bool) {
        if on {
            self.flags |= flag;
        } else {
            self.flags &= !flag;
        }
    }

    pub(crate) const fn built() -> Self {
        Nulls {
            flags: Self::ENTITIES_SENT,
            id_kind: 0,
        }
    }
}

/// `Clone`, `Debug`, `PartialEq` and `Eq` for a struct generic over a
/// [`BatchTarget`], bounded on what its fields hold rather than on `R` itself
/// (a derive would require `R: Clone`, which resources need not be).
/// Equality leaves out how absent fields were written (`nulls`).
macro_rules! impl_field_traits {
    (impl [$($generics:tt)*] $name:ident $ty:ty where [$($bounds:tt)*] { $($field:ident),* $(,)? }) => {
        impl<$($generics)*> Clone for $ty where $($bounds)* Clone {
            fn clone(&self) -> Self {
                $name { $($field: self.$field.clone(),)* nulls: self.nulls }
            }
        }

        impl<$($generics)*> fmt::Debug for $ty where $($bounds)* fmt::Debug {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    $(.field(stringify!($field), &self.$field))*
                    .finish()
            }
        }

        impl<$($generics)*> PartialEq for $ty where $($bounds)* PartialEq {
            fn eq(&self, other: &Self) -> bool {
                true $(&& self.$field == other.$field)*
            }
        }

        impl<$($generics)*> Eq for $ty where $($bounds)* Eq {}
    };
}

impl_field_traits!(impl [R: BatchTarget, P] JobStatus JobStatus<R, P> where [P:] {
    status,
    job_id,
    job_type,
    begin_time,
    end_time,
    error_code,
    fail_reason,
    entities,
    payload,
});
impl_field_traits!(impl [R: BatchTarget] JobEntities JobEntities<R> where [(): ] {
    resource_id,
    sub_jobs_total,
    sub_jobs,
    others,
});
impl_field_traits!(impl [R: BatchTarget] SubJob SubJob<R> where [(): ] {
    status,
    job_id,
    job_type,
    begin_time,
    end_time,
    error_code,
    fail_reason,
    resource_id,
    errorcode_message,
    others,
});

impl<R: BatchTarget> Default for JobEntities<R> {
    fn default() -> Self {
        JobEntities::new()
    }
}
