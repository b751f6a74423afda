//! The `job_id`/`error` dialect: the submission reply ([`JobResponse`],
//! [`ApiError`], [`ErrorDetail`]) and the job status ([`JobStatus`]).

mod error;
mod keys;
mod response;
mod state;
mod status;

pub use error::{ApiError, ErrorDetail, ErrorShape};
pub use response::JobResponse;
pub use state::JobState;
pub use status::judge::JobStatusError;
pub use status::{JobEntities, JobStatus, SubJob};

pub(crate) use error::body::ErrorBody;
pub(crate) use keys::{BODY_KEYS, FAULT_NAMES};
