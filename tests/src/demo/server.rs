//! The demo server: one batch action in each dialect, over axum.
//!
//! - `POST /v2/instances/start` with `{"instanceIds": [...]}` starts the
//!   instances and answers a [`BatchResponse`] (code/requestId dialect).
//! - `POST /v1/jobs/start-instances` with the same body submits a job and
//!   answers a [`JobResponse`]; `GET /v1/jobs/{job_id}` answers its
//!   [`JobStatus`]: `RUNNING` at the first poll, then `SUCCESS` or `FAIL`
//!   with one sub-job per instance.
//!
//! The rule for which starts fail: instance `qcvm<n>` is busy for its first
//! `n % 3` start attempts (counted per dialect), then starts. So a client
//! that retries only the failed instances finishes in at most three rounds.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use task_envelope::{
    ApiError, BatchResponse, Code, JobEntities, JobResponse, JobState, JobStatus, RequestId,
    SubJob, TaskError,
};

use crate::resources::{Instance, InstanceId};

/// The code of a start refused because the instance is busy.
pub const BUSY: Code = Code::new(4002);

/// The code of a request refused as a whole (no instance touched).
pub const INVALID_PARAMETER: Code = Code::new(4000);

/// The body of both start requests.
#[derive(Deserialize)]
struct StartRequest {
    #[serde(rename = "instanceIds")]
    instance_ids: Vec<InstanceId>,
}

/// Which dialect a start attempt came through; attempts are counted apart.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Dialect {
    Batch,
    Job,
}

/// A submitted job: how often it was polled, and each instance's result.
struct Job {
    polls: u32,
    results: Vec<(InstanceId, Result<(), String>)>,
}

/// What the server remembers between requests.
#[derive(Default)]
struct Fleet {
    attempts: HashMap<(Dialect, InstanceId), u64>,
    jobs: HashMap<String, Job>,
    requests: u64,
}

impl Fleet {
    /// Tries to start `id`: busy for its first `n % 3` attempts.
    fn start(&mut self, dialect: Dialect, id: &InstanceId) -> Result<(), String> {
        let attempts = self.attempts.entry((dialect, id.clone())).or_insert(0);
        let busy_for = instance_number(id) % 3;
        *attempts += 1;
        if *attempts <= busy_for {
            Err(format!(
                "instance is busy (attempt {attempts} of {})",
                busy_for + 1
            ))
        } else {
            Ok(())
        }
    }

    fn next_request_id(&mut self) -> RequestId {
        self.requests += 1;
        RequestId::from(format!("req-{}", self.requests))
    }
}

/// The `<n>` of `qcvm<n>` (0 when the id does not end in digits).
fn instance_number(id: &InstanceId) -> u64 {
    let digits = id
        .as_ref()
        .trim_start_matches(|c: char| !c.is_ascii_digit());
    digits.parse().unwrap_or(0)
}

type Shared = Arc<Mutex<Fleet>>;

fn lock(fleet: &Shared) -> std::sync::MutexGuard<'_, Fleet> {
    fleet.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The demo server's routes, with a fresh fleet.
pub fn app() -> Router {
    Router::new()
        .route("/v2/instances/start", post(start_batch))
        .route("/v1/jobs/start-instances", post(submit_job))
        .route("/v1/jobs/{job_id}", get(poll_job))
        .with_state(Shared::default())
}

/// Reads the instance ids of a start request, or says why it is refused.
fn instance_ids(body: &[u8]) -> Result<Vec<InstanceId>, String> {
    let request: StartRequest = serde_json::from_slice(body)
        .map_err(|error| format!("InvalidParameter: the body is not a start request: {error}"))?;
    if request.instance_ids.is_empty() {
        return Err("InvalidParameter: instanceIds must not be empty".to_owned());
    }
    Ok(request.instance_ids)
}

async fn start_batch(State(fleet): State<Shared>, body: Bytes) -> Response {
    let mut fleet = lock(&fleet);
    let header_id = fleet.next_request_id();
    let reply = match instance_ids(&body) {
        Err(reason) => BatchResponse::<Instance>::rejected(INVALID_PARAMETER, reason),
        Ok(ids) => ids
            .into_iter()
            .map(|id| {
                let request_id = fleet.next_request_id();
                let result = match fleet.start(Dialect::Batch, &id) {
                    Ok(()) => Ok(request_id),
                    Err(reason) => Err(TaskError {
                        request_id: Some(request_id),
                        ..TaskError::new(BUSY, reason)
                    }),
                };
                (id, result)
            })
            .collect(),
    };
    ([("x-request-id", header_id.to_string())], reply).into_response()
}

async fn submit_job(State(fleet): State<Shared>, body: Bytes) -> JobResponse {
    let ids = match instance_ids(&body) {
        Ok(ids) => ids,
        Err(reason) => return JobResponse::Rejected(ApiError::new("Ecs.0001", reason)),
    };
    let mut fleet = lock(&fleet);
    let results = ids
        .into_iter()
        .map(|id| {
            let result = fleet.start(Dialect::Job, &id);
            (id, result)
        })
        .collect();
    let job_id = format!("job-{}", fleet.jobs.len() + 1);
    fleet.jobs.insert(job_id.clone(), Job { polls: 0, results });
    JobResponse::accepted(job_id)
}

async fn poll_job(State(fleet): State<Shared>, Path(job_id): Path<String>) -> Response {
    let mut fleet = lock(&fleet);
    let Some(job) = fleet.jobs.get_mut(&job_id) else {
        let error = ApiError::new("Ecs.0404", format!("job {job_id} does not exist"));
        return (StatusCode::NOT_FOUND, JobResponse::rejected(error)).into_response();
    };
    job.polls += 1;
    let running = job.polls == 1;
    let sub_jobs: Vec<SubJob<Instance>> = job
        .results
        .iter()
        .enumerate()
        .map(|(index, (id, result))| sub_job(&job_id, index, id, result, running))
        .collect();
    let failed = sub_jobs.iter().any(|sub| sub.status == JobState::Fail);
    let status = match (running, failed) {
        (true, _) => JobState::Running,
        (false, true) => JobState::Fail,
        (false, false) => JobState::Success,
    };
    let mut status = JobStatus::<Instance>::new(status, job_id.as_str())
        .with_job_type("batchStartInstances")
        .with_begin_time("")
        .with_end_time("")
        .with_entities(JobEntities::new().with_sub_jobs(sub_jobs));
    status.fail_reason = failed.then(|| "some instances did not start".to_owned());
    status.into_response()
}

/// One instance's sub-job, as seen at this poll.
fn sub_job(
    job_id: &str,
    index: usize,
    id: &InstanceId,
    result: &Result<(), String>,
    running: bool,
) -> SubJob<Instance> {
    let (status, error_code, fail_reason) = match (running, result) {
        (true, _) => (JobState::Running, None, None),
        (false, Ok(())) => (JobState::Success, None, None),
        (false, Err(reason)) => (
            JobState::Fail,
            Some(BUSY.get().to_string()),
            Some(reason.clone()),
        ),
    };
    let mut sub_job = SubJob::new(status, format!("{job_id}-{}", index + 1))
        .with_job_type("startInstance")
        .with_begin_time("")
        .with_end_time("")
        .with_resource_id(id.clone());
    sub_job.error_code = error_code;
    sub_job.fail_reason = fail_reason;
    sub_job
}
