//! The `job_id`/`error` dialect: the submission reply ([`JobResponse`],
//! [`ApiError`], [`ErrorDetail`]) here, the job status in the submodules.

mod error;
pub(crate) mod state;
pub(crate) mod status;
mod status_de;
mod status_ser;

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

pub use error::{ApiError, ErrorDetail};

use error::ApiErrorSeed;

use crate::JobId;
use crate::wire::{Field, Name, TextSeed, reject_repeat, skip_value};

/// The reply to a job submission in the `job_id`/`error` (OpenStack-style)
/// dialect: the job was accepted and can be polled by its id, or the request
/// was rejected.
///
/// ```json
/// {"job_id": "70a599e0-31e7-49b7-b260-868f441e862b"}
/// {"error": {"message": "...", "code": "Ecs.0001", "details": [{"message": "...", "code": "..."}]}}
/// ```
///
/// # Parsing rules
///
/// - An object with `job_id` is [`Accepted`](JobResponse::Accepted), one with
///   `error` is [`Rejected`](JobResponse::Rejected). An object with both, or
///   with neither, is an error that says so; so is a repeated key.
/// - Other keys are ignored.
/// - Every error code may be a JSON string or an integer, and is kept as
///   text; see [`ApiError`].
///
/// ```
/// use task_envelope::{JobId, JobResponse};
///
/// let accepted: JobResponse =
///     serde_json::from_str(r#"{"job_id": "70a599e0-31e7-49b7-b260-868f441e862b"}"#).unwrap();
/// assert_eq!(accepted.into_result().unwrap(), "70a599e0-31e7-49b7-b260-868f441e862b");
///
/// let rejected: JobResponse =
///     serde_json::from_str(r#"{"error": {"message": "quota", "code": 403}}"#).unwrap();
/// assert_eq!(rejected.into_result().unwrap_err().code, "403");
///
/// let both = serde_json::from_str::<JobResponse>(r#"{"job_id": "1", "error": {"code": "E"}}"#);
/// assert_eq!(
///     both.unwrap_err().to_string(),
///     "a job reply cannot have both `job_id` and `error` at line 1 column 39",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JobResponse {
    /// The job was accepted; poll it by this id.
    Accepted {
        /// The id of the job.
        job_id: JobId,
    },
    /// The request was refused.
    Rejected(ApiError),
}

impl JobResponse {
    /// The job id, or the error.
    pub fn into_result(self) -> Result<JobId, ApiError> {
        match self {
            JobResponse::Accepted { job_id } => Ok(job_id),
            JobResponse::Rejected(error) => Err(error),
        }
    }

    /// Whether the job was accepted.
    #[must_use]
    pub fn is_accepted(&self) -> bool {
        matches!(self, JobResponse::Accepted { .. })
    }
}

const JOB_KEYS: &[&str] = &["job_id", "error"];

impl Serialize for JobResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            JobResponse::Accepted { job_id } => map.serialize_entry("job_id", job_id)?,
            JobResponse::Rejected(error) => map.serialize_entry("error", error)?,
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for JobResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(JobVisitor)
    }
}

struct JobVisitor;

impl<'de> Visitor<'de> for JobVisitor {
    type Value = JobResponse;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a job reply: an object with `job_id` or `error`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JobResponse, A::Error> {
        let mut job_id: Option<String> = None;
        let mut error: Option<ApiError> = None;
        while let Some(index) = map.next_key_seed(Name::field(JOB_KEYS))? {
            match index {
                Some(0) => {
                    let field = Field::named("job_id", None);
                    reject_repeat(job_id.is_some(), field)?;
                    job_id = Some(map.next_value_seed(TextSeed::text(field))?);
                }
                Some(1) => {
                    reject_repeat(error.is_some(), Field::named("error", None))?;
                    error = Some(map.next_value_seed(ApiErrorSeed)?);
                }
                _ => skip_value(&mut map)?,
            }
        }
        match (job_id, error) {
            (Some(job_id), None) => Ok(JobResponse::Accepted {
                job_id: JobId::from(job_id),
            }),
            (None, Some(error)) => Ok(JobResponse::Rejected(error)),
            (Some(_), Some(_)) => Err(de::Error::custom(
                "a job reply cannot have both `job_id` and `error`",
            )),
            (None, None) => Err(de::Error::custom(
                "a job reply needs `job_id` (accepted) or `error` (rejected)",
            )),
        }
    }
}
