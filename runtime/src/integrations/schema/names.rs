//! The wire names of every field the schemas describe, in one place. They
//! are the names the parsers match (the code/requestId dialect's are
//! `wire/keys.rs`'s own and the `job_id`/`error` dialect's `job/keys.rs`'s,
//! both re-exported here; `outcome.rs`, `task_status/` and
//! `sync_batch/` name theirs below); the schema tests check each
//! schema against the parser on the same inputs, so a name that drifts
//! shows up there.

// The code/requestId dialect: every task object and the batch reply.
pub(super) use crate::wire::{CODE, CODE_DESC, DETAIL, MESSAGE, REQUEST_ID};

// The job_id/error dialect: the submission reply, the shapes of an error
// body, the job status and its sub-jobs (`CODE` and `MESSAGE` too: the same
// names as the code/requestId dialect's).
pub(super) use crate::job::keys::{
    BEGIN_TIME, DETAILS, END_TIME, ENTITIES, ERROR, ERROR_CODE, ERROR_CODE_CAMEL, ERROR_MSG,
    ERROR_MSG_CAMEL, ERRORCODE_MESSAGE, FAIL_REASON, JOB_ID, JOB_TYPE, STATUS, SUB_JOBS,
    SUB_JOBS_TOTAL,
};

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
