//! The `job_id`/`error` dialect on Huawei Cloud ECS's own paths, enough
//! for its official SDKs (`batch_start_servers`, `batch_stop_servers`,
//! `batch_reboot_servers`, `show_job`) to use the demo server in place of
//! the real API. The SDKs sign their requests; the signature is not
//! checked, and any `project_id` works (a job is known under the project it
//! was submitted to only).
//!
//! **`POST /v1/{project_id}/cloudservers/action`** with one action:
//!
//! ```json
//! {"os-start": {"servers": [{"id": "srv-1"}, {"id": "locked-2"}]}}
//! {"os-stop": {"servers": [{"id": "srv-1"}], "type": "SOFT"}}
//! {"reboot": {"type": "SOFT", "servers": [{"id": "srv-1"}]}}
//! ```
//!
//! answers `200` with `{"job_id": "..."}`. `type` is `SOFT` or `HARD`,
//! required for `reboot`, optional for `os-stop`. Refused with `400` and
//! `{"error": {"code": "Ecs.0005", "message": ...}}`: a body that is not
//! JSON or not one of those actions, an empty `servers` list (`servers must
//! not be empty`), an empty server id, a server listed twice, a bad `type`.
//!
//! **`GET /v1/{project_id}/jobs/{job_id}`** answers the job's status:
//! `RUNNING` (sub-jobs `RUNNING`) at its first poll, then `SUCCESS` or
//! `FAIL`, with one sub-job per server in request order:
//!
//! ```json
//! {"status": "FAIL", "job_id": "...", "job_type": "batchStartServers",
//!  "begin_time": "", "end_time": "", "error_code": "Ecs.0103",
//!  "fail_reason": "1 of 2 servers failed: server locked-2 is locked",
//!  "entities": {"sub_jobs_total": 2, "sub_jobs": [
//!     {"status": "SUCCESS", "job_id": "...-1", "job_type": "startServer",
//!      "begin_time": "", "end_time": "", "entities": {"server_id": "srv-1"}},
//!     {"status": "FAIL", "job_id": "...-2", "job_type": "startServer",
//!      "begin_time": "", "end_time": "", "error_code": "Ecs.0103",
//!      "fail_reason": "server locked-2 is locked",
//!      "entities": {"server_id": "locked-2"}}]}}
//! ```
//!
//! A server whose id starts with `locked-` fails every action with
//! `Ecs.0103`. The sub-jobs carry no `errorcode_message`: this branch's
//! [`SubJob`] has no field for it. An unknown job id (or one of another
//! project) is `404` with `{"error": {"code": "Ecs.0404", "message": "job
//! ... does not exist"}}` (a code of the demo's own).

use std::collections::{HashMap, HashSet};

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use task_envelope::{ApiError, JobEntities, JobResponse, JobState, JobStatus, SubJob};

use super::{Shared, lock};
use crate::resources::Server;

/// The code of a server that refuses an action because it is locked.
pub const LOCKED: &str = "Ecs.0103";

/// The code of a request refused as a whole (a bad body, no servers).
pub const BAD_REQUEST: &str = "Ecs.0005";

/// The code of an unknown job (the demo's own).
pub const NO_SUCH_JOB: &str = "Ecs.0404";

/// The prefix of the ids of servers that fail every action.
pub const LOCKED_PREFIX: &str = "locked-";

/// The ECS paths' jobs, by project and job id.
#[derive(Default)]
pub(super) struct Jobs {
    jobs: HashMap<(String, String), Job>,
    submitted: u64,
}

/// A submitted job.
struct Job {
    action: Action,
    polls: u32,
    servers: Vec<String>,
}

/// What a job does.
#[derive(Clone, Copy)]
enum Action {
    Start,
    Stop,
    Reboot,
}

impl Action {
    fn job_type(self) -> &'static str {
        match self {
            Action::Start => "batchStartServers",
            Action::Stop => "batchStopServers",
            Action::Reboot => "batchRebootServers",
        }
    }

    fn sub_job_type(self) -> &'static str {
        match self {
            Action::Start => "startServer",
            Action::Stop => "stopServer",
            Action::Reboot => "rebootServer",
        }
    }
}

/// The body of `cloudservers/action`: exactly one of the three.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionBody {
    #[serde(rename = "os-start")]
    os_start: Option<Servers>,
    #[serde(rename = "os-stop")]
    os_stop: Option<Servers>,
    reboot: Option<Servers>,
}

/// The servers of an action, and how hard to stop or reboot them.
#[derive(Deserialize)]
struct Servers {
    servers: Vec<ServerRef>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

/// `{"id": "..."}`.
#[derive(Deserialize)]
struct ServerRef {
    id: String,
}

/// A `400` in the ECS service's own shape.
fn bad_request(message: impl Into<String>) -> Response {
    JobResponse::rejected(ApiError::new(BAD_REQUEST, message)).into_response()
}

/// Reads an action body, or says why it is refused.
fn read_action(body: &[u8]) -> Result<(Action, Vec<String>), String> {
    let body: ActionBody = serde_json::from_slice(body).map_err(|error| {
        format!("the body is not a server action (os-start, os-stop or reboot): {error}")
    })?;
    let (action, servers) = match (body.os_start, body.os_stop, body.reboot) {
        (Some(servers), None, None) => (Action::Start, servers),
        (None, Some(servers), None) => (Action::Stop, servers),
        (None, None, Some(servers)) => (Action::Reboot, servers),
        _ => return Err("the body must hold exactly one of os-start, os-stop and reboot".into()),
    };
    match (action, servers.kind.as_deref()) {
        (Action::Reboot, None) => return Err("reboot.type is required: SOFT or HARD".into()),
        (Action::Start, Some(_)) => return Err("os-start takes no type".into()),
        (_, None | Some("SOFT" | "HARD")) => {}
        (_, Some(other)) => {
            return Err(format!(
                "type must be SOFT or HARD, not `{}`",
                other.escape_debug()
            ));
        }
    }
    if servers.servers.is_empty() {
        return Err("servers must not be empty".into());
    }
    let mut seen = HashSet::new();
    let mut ids = Vec::with_capacity(servers.servers.len());
    for ServerRef { id } in servers.servers {
        if id.is_empty() {
            return Err("a server id must not be empty".into());
        }
        if !seen.insert(id.clone()) {
            return Err(format!(
                "server {} is listed more than once",
                id.escape_debug()
            ));
        }
        ids.push(id);
    }
    Ok((action, ids))
}

/// `POST /v1/{project_id}/cloudservers/action`.
pub(super) async fn action(
    State(fleet): State<Shared>,
    project_id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    let Ok(Path(project_id)) = project_id else {
        return bad_request("the project id in the path is not valid UTF-8");
    };
    let (action, servers) = match read_action(&body) {
        Ok(read) => read,
        Err(reason) => return bad_request(reason),
    };
    let mut fleet = lock(&fleet);
    let jobs = &mut fleet.ecs;
    jobs.submitted += 1;
    let job_id = format!("4010a1b2-0000-4000-8000-{:012x}", jobs.submitted);
    jobs.jobs.insert(
        (project_id, job_id.clone()),
        Job {
            action,
            polls: 0,
            servers,
        },
    );
    JobResponse::accepted(job_id).into_response()
}

/// `GET /v1/{project_id}/jobs/{job_id}`.
pub(super) async fn show_job(
    State(fleet): State<Shared>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let Ok(Path(key)) = path else {
        return bad_request("the project or job id in the path is not valid UTF-8");
    };
    let mut fleet = lock(&fleet);
    let Some(job) = fleet.ecs.jobs.get_mut(&key) else {
        let error = ApiError::new(
            NO_SUCH_JOB,
            format!("job {} does not exist", key.1.escape_debug()),
        );
        return (StatusCode::NOT_FOUND, JobResponse::rejected(error)).into_response();
    };
    job.polls += 1;
    status(&key.1, job).into_response()
}

/// The job as seen at its latest poll.
fn status(job_id: &str, job: &Job) -> JobStatus<Server> {
    let running = job.polls == 1;
    let sub_jobs: Vec<SubJob<Server>> = job
        .servers
        .iter()
        .enumerate()
        .map(|(index, server)| {
            let locked = server.starts_with(LOCKED_PREFIX);
            let state = match (running, locked) {
                (true, _) => JobState::Running,
                (false, false) => JobState::Success,
                (false, true) => JobState::Fail,
            };
            let failed = state == JobState::Fail;
            let sub = SubJob::new(state, format!("{job_id}-{}", index + 1))
                .with_job_type(job.action.sub_job_type())
                .with_begin_time("")
                .with_end_time("")
                .with_resource_id(server.clone());
            if failed {
                sub.with_error_code(LOCKED)
                    .with_fail_reason(format!("server {server} is locked"))
                    .with_errorcode_message(format!("the server {server} is locked"))
            } else {
                sub
            }
        })
        .collect();
    let failures: Vec<&SubJob<Server>> = sub_jobs
        .iter()
        .filter(|sub| sub.status == JobState::Fail)
        .collect();
    let total = sub_jobs.len();
    let status = JobStatus::new(
        match (running, failures.first()) {
            (true, _) => JobState::Running,
            (false, None) => JobState::Success,
            (false, Some(_)) => JobState::Fail,
        },
        job_id,
    )
    .with_job_type(job.action.job_type())
    .with_begin_time("")
    .with_end_time("");
    let status = match failures.first() {
        Some(first) if !running => status
            .with_error_code(first.error_code.clone().unwrap_or_default())
            .with_fail_reason(format!(
                "{} of {total} servers failed: {}",
                failures.len(),
                first.fail_reason.as_deref().unwrap_or_default()
            )),
        _ => status,
    };
    status.with_entities(JobEntities::new().with_sub_jobs(sub_jobs))
}
