//! The demo server: a local stand-in for the providers' task APIs, over
//! axum, for the demo client, the `round_trip` tests and users' own tests.
//!
//! | method, path | request | answer |
//! |---|---|---|
//! | `GET`, `POST /v2/index.php` | `Action=StartInstances&instanceIds.0=qcvm1&instanceIds.1=...` (query string, or a form body for `POST`) | a [`BatchResponse`]: per instance `{"code": "0", "message": "ok", "requestId": 1001}` (an integer task number) or `{"code": "4002", "message": "instance is busy ..."}` |
//! | same | `Action=DescribeTaskResult&requestId=1001` | a [`TaskStatus`]: `{"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 2}}` at the task's first poll, then `0` (succeeded) or `1` (failed) |
//! | `POST /v1/{project_id}/cloudservers/action` | `{"os-start": {"servers": [{"id": "..."}]}}`, `{"os-stop": {...}}`, `{"reboot": {"type": "SOFT", "servers": [...]}}` | `{"job_id": "..."}` (a [`JobResponse`]) |
//! | `GET /v1/{project_id}/jobs/{job_id}` | | a [`JobStatus`]: `RUNNING` at the first poll, then `SUCCESS` or `FAIL`, one sub-job per server (`entities.server_id`) |
//! | `POST /v2/instances/start` | `{"instanceIds": [...]}` | a [`BatchResponse`] with `req-<n>` request ids (the first demo route, kept) |
//! | `POST /v1/jobs/start-instances`, `GET /v1/jobs/{job_id}` | the same body | a job over instances (the first demo routes, kept) |
//! | anything else | | `404` with the gateway's `{"error_code": "APIG.0101", "error_msg", "request_id"}` |
//!
//! Every response carries `X-Request-Id`: the reply's own request id when
//! it has one, or else one made for the request (32 hex digits, counting up).
//!
//! The rules, all deterministic:
//!
//! - Instance `qcvm<n>` is busy (code `4002`) for its first `n % 3` start
//!   attempts, counted per route family, then starts. On the legacy path a
//!   start that is accepted gets a task; the task of `qcvm<n>` with
//!   `n % 4 == 0` fails (`data.status` 1) the first time it is accepted and
//!   succeeds after. So a client that retries only the failed instances
//!   finishes in at most four rounds.
//! - A server whose id starts with `locked-` fails every action (start, stop,
//!   reboot) with `Ecs.0103`; every other server succeeds.
//! - Refusals, in each dialect's own body (see [`legacy`] and [`ecs`] for
//!   each message): the legacy path answers `{"code": 4000, "message": ...,
//!   "codeDesc": "InvalidParameter"}`, with `200` for what the provider
//!   refuses in the body (an empty `instanceIds`, an unknown task number)
//!   and `400` for a request it cannot read (no or an unknown `Action`, a
//!   repeated parameter, a bad index or id, a body that is not a form). The
//!   ECS paths answer `{"error": {"code": "Ecs.0005", "message": ...}}` with
//!   `400` for a bad body or an empty server list, and `Ecs.0404` with `404`
//!   for an unknown job or project.

pub mod ecs;
pub mod legacy;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::StatusCode;
use axum::middleware::map_response_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
#[cfg(doc)]
use task_envelope::TaskStatus;
use task_envelope::{
    ApiError, BatchResponse, Code, ErrorShape, JobEntities, JobResponse, JobState, JobStatus,
    RequestId, SubJob, TaskError,
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

/// Which route family a start attempt came through; attempts are counted
/// apart.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Dialect {
    Batch,
    Job,
    Legacy,
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
    /// The legacy path's tasks.
    legacy: legacy::Tasks,
    /// The ECS paths' jobs.
    ecs: ecs::Jobs,
    /// How many `X-Request-Id`s were made.
    header_ids: u64,
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

    /// A fresh `X-Request-Id`: 32 hex digits, as the providers' gateways
    /// send, counting up so tests can tell them apart.
    fn next_header_id(&mut self) -> String {
        self.header_ids += 1;
        format!("{:032x}", self.header_ids)
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

/// The demo server's routes (see the [module docs](self)), with a fresh
/// fleet: nothing started, no task or job known.
pub fn app() -> Router {
    let fleet = Shared::default();
    Router::new()
        .route(
            "/v2/index.php",
            get(legacy::answer_get).post(legacy::answer_post),
        )
        .route("/v1/{project_id}/cloudservers/action", post(ecs::action))
        .route("/v1/{project_id}/jobs/{job_id}", get(ecs::show_job))
        .route("/v2/instances/start", post(start_batch))
        .route("/v1/jobs/start-instances", post(submit_job))
        .route("/v1/jobs/{job_id}", get(poll_job))
        .fallback(no_such_api)
        .layer(map_response_with_state(fleet.clone(), stamp_request_id))
        .with_state(fleet)
}

/// The header every response carries.
const X_REQUEST_ID: &str = "x-request-id";

/// Gives a response that has no `X-Request-Id` a fresh one.
async fn stamp_request_id(State(fleet): State<Shared>, mut response: Response) -> Response {
    if !response.headers().contains_key(X_REQUEST_ID) {
        let id = lock(&fleet).next_header_id();
        if let Ok(value) = HeaderValue::from_str(&id) {
            response.headers_mut().insert(X_REQUEST_ID, value);
        }
    }
    response
}

/// A path the server does not serve: `404` in the API gateway's shape, whose
/// `request_id` is the response's `X-Request-Id`.
async fn no_such_api(State(fleet): State<Shared>) -> Response {
    let request_id = lock(&fleet).next_header_id();
    let error = ApiError::new(
        "APIG.0101",
        "The API does not exist or has not been published in the environment",
    )
    .with_shape(ErrorShape::Gateway)
    .with_request_id(request_id);
    (StatusCode::NOT_FOUND, JobResponse::rejected(error)).into_response()
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
