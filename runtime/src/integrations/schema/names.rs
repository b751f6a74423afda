//! The wire names of every field the schemas describe, in one place. They
//! are the names the parsers match (`wire/common.rs`, `job.rs`,
//! `job/error.rs`, `job/status_de.rs`, `batch/outcome.rs`, `task_status.rs`,
//! `sync_batch.rs`); the schema tests check
//! each schema against the parser on the same inputs, so a name that drifts
//! shows up there.

// The code/requestId dialect: every task object and the batch reply.
pub(super) const CODE: &str = "code";
pub(super) const MESSAGE: &str = "message";
pub(super) const REQUEST_ID: &str = "requestId";
pub(super) const CODE_DESC: &str = "codeDesc";
pub(super) const DETAIL: &str = "detail";

// The job_id/error dialect: the submission reply and its `error`.
pub(super) const JOB_ID: &str = "job_id";
pub(super) const ERROR: &str = "error";
pub(super) const DETAILS: &str = "details";
// The other shapes of an error body (`ERROR_CODE` too).
pub(super) const ERROR_MSG: &str = "error_msg";
pub(super) const ERROR_CODE_CAMEL: &str = "errorCode";
pub(super) const ERROR_MSG_CAMEL: &str = "errorMsg";

// The job status and its sub-jobs (`JOB_ID` too).
pub(super) const STATUS: &str = "status";
pub(super) const JOB_TYPE: &str = "job_type";
pub(super) const BEGIN_TIME: &str = "begin_time";
pub(super) const END_TIME: &str = "end_time";
pub(super) const ERROR_CODE: &str = "error_code";
pub(super) const FAIL_REASON: &str = "fail_reason";
pub(super) const ENTITIES: &str = "entities";
pub(super) const SUB_JOBS_TOTAL: &str = "sub_jobs_total";
pub(super) const SUB_JOBS: &str = "sub_jobs";
pub(super) const ERRORCODE_MESSAGE: &str = "errorcode_message";

// `BatchOutcome` and `BatchError`, written like derived enums (`CODE` and
// `MESSAGE` too).
/// The unit variants of `BatchOutcome`; `Rejected` is a struct variant.
pub(super) const UNIT_OUTCOMES: [&str; 3] = ["AllSucceeded", "AllFailed", "PartialFailure"];
pub(super) const CODE_MISMATCH: &str = "CodeMismatch";
pub(super) const REJECTED: &str = "Rejected";
pub(super) const DECLARED: &str = "declared";
pub(super) const EXPECTED: &str = "expected";

/// The states a job reports that the crate names (others are kept too).
pub(super) const KNOWN_STATES: [&str; 5] =
    ["INIT", "RUNNING", "SUCCESS", "FAIL", "PENDING_PAYMENT"];

// The task-result poll reply (`CODE`, `MESSAGE`, `REQUEST_ID`, `CODE_DESC`
// and `STATUS` too).
pub(super) const DATA: &str = "data";

// The synchronous batch reply and its entries (`ERROR_CODE` too).
pub(super) const RESPONSE: &str = "response";
pub(super) const INTERNAL_ERROR: &str = "internalError";
pub(super) const ID: &str = "id";
pub(super) const ERROR_MESSAGE: &str = "error_message";
