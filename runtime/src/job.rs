//! The `job_id`/`error` dialect: the submission reply ([`JobResponse`],
//! [`ApiError`], [`ErrorDetail`]) here, the job status in the submodules.

mod error;
mod error_de;
mod keys;
pub(crate) mod state;
pub(crate) mod status;
mod status_de;
mod status_ser;

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

pub use error::{ApiError, ErrorDetail, ErrorShape};

pub(crate) use error_de::{ErrorBody, SHAPES};
pub(crate) use keys::{Key, KeySeed};

use crate::JobId;
use crate::wire::{Field, TextSeed, reject_repeat};

/// The reply to a job submission in the `job_id`/`error` (OpenStack-style)
/// dialect: the job was accepted and can be polled by its id, or the request
/// was rejected.
///
/// ```json
/// {"job_id": "70a599e0-31e7-49b7-b260-868f441e862b"}
/// {"error": {"message": "...", "code": "Ecs.0001", "details": [{"message": "...", "code": "..."}]}}
/// {"error_code": "APIG.0101", "error_msg": "...", "request_id": "..."}
/// {"badRequest": {"message": "...", "code": 400}}
/// ```
///
/// # Parsing rules
///
/// - An object with `job_id` is [`Accepted`](JobResponse::Accepted); one
///   without it is [`Rejected`](JobResponse::Rejected) when it is an error
///   body of any shape [`ApiError`] reads (`error`, `error_code`,
///   `errorCode`, `code`, or a fault such as `badRequest`), and an error
///   otherwise.
/// - An object with `job_id` and an error it states outright (`error`, or a
///   non-null `error_code` or `errorCode`) is an error that says so; a
///   repeated key is one too.
/// - Without an error, the other keys of an accepted reply are ignored.
/// - Every error code may be a JSON string or an integer, and is kept as
///   text; a rejected reply is written back in the shape it came in.
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
/// let gateway: JobResponse = serde_json::from_str(
///     r#"{"error_code": "APIG.0101", "error_msg": "no such API", "request_id": "r-1"}"#,
/// ).unwrap();
/// assert_eq!(gateway.into_result().unwrap_err().request_id.as_deref(), Some("r-1"));
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
    // `ApiError` is large (it keeps the whole body); it is this method's
    // documented error type, and boxing it would only move the cost.
    #[allow(clippy::result_large_err)]
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

const JOB_KEYS: &[&str] = &["job_id"];

impl Serialize for JobResponse {
    /// An accepted job as `{"job_id": ...}`; a rejected one as its error
    /// body, in the shape it came in (see [`ApiError`]).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            JobResponse::Accepted { job_id } => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("job_id", job_id)?;
                map.end()
            }
            JobResponse::Rejected(error) => error.serialize(serializer),
        }
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
        f.write_str("a job reply: an object with `job_id` or an error")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JobResponse, A::Error> {
        let mut job_id: Option<String> = None;
        let mut body = ErrorBody::default();
        while let Some(key) = map.next_key_seed(KeySeed(JOB_KEYS))? {
            match key {
                Key::Known(_) => {
                    let field = Field::named("job_id", None);
                    reject_repeat(job_id.is_some(), field)?;
                    job_id = Some(map.next_value_seed(TextSeed::text(field))?);
                }
                Key::Other(key) => body.read(key, &mut map)?,
            }
        }
        match job_id {
            Some(job_id) => match body.stated() {
                Some(error) => Err(de::Error::custom(format_args!(
                    "a job reply cannot have both `job_id` and `{error}`"
                ))),
                None => Ok(JobResponse::Accepted {
                    job_id: JobId::from(job_id),
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
