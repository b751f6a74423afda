//! The demo client: starts instances through the demo server by any of its
//! routes, prints the failed ones, and retries only those until all start
//! ([`DemoClient::start_all`]); and runs a server action on ECS's paths,
//! polling its job to the end ([`DemoClient::ecs_action`]).

use std::fmt;
use std::io::Write;
use std::time::Duration;

use serde::Serialize;
use task_envelope::{
    ApiError, Backoff, BatchOutcome, BatchReport, BatchResponse, JobResponse, JobStatus,
    ReplyError, RequestId, ResourceReport, ResourceStatus, ResponseExt, TaskError, TaskHandle,
    TaskState, TaskStatus, TaskWaitError, WaitError, wait_for_job, wait_for_task,
};

use crate::resources::{Instance, InstanceId, Server};

/// The body of both start requests.
#[derive(Serialize)]
struct StartRequest<'a> {
    #[serde(rename = "instanceIds")]
    instance_ids: &'a [InstanceId],
}

/// Why a call to the server failed.
#[derive(Debug)]
pub enum CallError {
    /// The request could not be sent, or no response came.
    Send(reqwest::Error),
    /// A response came whose body is not the expected reply.
    Reply(ReplyError),
    /// The server refused to accept the job; the error's `request_id` is
    /// the body's, or else the response's `X-Request-Id`, as the official
    /// SDKs take it.
    Rejected(ApiError),
    /// The server refused a code/requestId call as a whole: a batch without
    /// entries, or a task-result poll (an unknown task number).
    Refused(TaskError),
    /// Polling the job stopped before it ended.
    Wait(Box<WaitError<Instance, CallError>>),
    /// Polling an ECS job stopped before it ended.
    EcsWait(Box<WaitError<Server, CallError>>),
    /// Polling a legacy task stopped before it ended (a refused poll is
    /// [`CallError::Refused`]).
    TaskWait(Box<TaskWaitError<(), CallError>>),
    /// Some instances still failed after the last round.
    GaveUp(Vec<InstanceId>),
    /// The output could not be written.
    Output(std::io::Error),
    /// The request body could not be written as JSON.
    Encode(serde_json::Error),
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Send(error) => write!(f, "the request failed: {error}"),
            CallError::Reply(error) => error.fmt(f),
            CallError::Rejected(error) => write!(f, "the job was rejected: {error}"),
            CallError::Refused(error) => write!(f, "the call was refused: {error}"),
            CallError::Wait(error) => error.fmt(f),
            CallError::EcsWait(error) => error.fmt(f),
            CallError::TaskWait(error) => error.fmt(f),
            CallError::GaveUp(ids) => write!(f, "{} instance(s) still failed", ids.len()),
            CallError::Output(error) => write!(f, "writing the output failed: {error}"),
            CallError::Encode(error) => write!(f, "the request body could not be written: {error}"),
        }
    }
}

impl std::error::Error for CallError {}

impl From<reqwest::Error> for CallError {
    fn from(error: reqwest::Error) -> Self {
        CallError::Send(error)
    }
}

impl From<ReplyError> for CallError {
    fn from(error: ReplyError) -> Self {
        CallError::Reply(error)
    }
}

impl From<std::io::Error> for CallError {
    fn from(error: std::io::Error) -> Self {
        CallError::Output(error)
    }
}

/// Which route to start the instances through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `POST /v2/instances/start`: a batch reply at once.
    Batch,
    /// `POST /v1/jobs/start-instances`, then polling the job.
    Job,
    /// The legacy path: `POST /v2/index.php` with
    /// `Action=StartInstances`, then `GET /v2/index.php?Action=
    /// DescribeTaskResult` for each accepted instance's task, one after
    /// the other. An instance whose start was refused, or whose task
    /// failed, is retried.
    Legacy,
}

/// A server action of the ECS API ([`DemoClient::ecs_action`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EcsAction {
    /// `os-start`.
    Start,
    /// `os-stop`, `SOFT`.
    Stop,
    /// `reboot`, `SOFT`.
    Reboot,
}

/// A client of the demo server.
pub struct DemoClient {
    http: reqwest::Client,
    base: String,
    backoff: Backoff,
    requests: u32,
}

/// What [`DemoClient::start_all`] did.
#[derive(Debug, PartialEq, Eq)]
pub struct Rounds {
    /// The instances that failed in each round, in wire order.
    pub failed_per_round: Vec<Vec<InstanceId>>,
    /// How many HTTP requests were made.
    pub requests: u32,
}

impl DemoClient {
    /// A client of the server at `base` (`http://127.0.0.1:3000`), polling
    /// jobs by `backoff`.
    pub fn new(base: impl Into<String>, backoff: Backoff) -> Self {
        DemoClient {
            http: reqwest::Client::new(),
            base: base.into(),
            backoff,
            requests: 0,
        }
    }

    /// Starts `instances` through `dialect`, printing each round to `out`,
    /// and retries only the failed ones, for at most `max_rounds` rounds.
    pub async fn start_all(
        &mut self,
        dialect: Dialect,
        instances: Vec<InstanceId>,
        max_rounds: usize,
        out: &mut impl Write,
    ) -> Result<Rounds, CallError> {
        self.requests = 0;
        let mut failed_per_round = Vec::new();
        let mut pending = instances;
        for round in 1..=max_rounds {
            if pending.is_empty() {
                break;
            }
            write!(
                out,
                "[{dialect:?}] round {round}: {} instance(s)",
                pending.len()
            )?;
            let failed = match dialect {
                Dialect::Batch => {
                    let reply = self.start_batch(&pending).await?;
                    refused(&reply)?;
                    report(&reply, out)?
                }
                Dialect::Job => report(&self.start_job(&pending).await?, out)?,
                Dialect::Legacy => self.start_legacy(&pending, out).await?,
            };
            failed_per_round.push(failed.clone());
            pending = failed;
        }
        if !pending.is_empty() {
            return Err(CallError::GaveUp(pending));
        }
        Ok(Rounds {
            failed_per_round,
            requests: self.requests,
        })
    }

    /// One batch start: the reply comes at once.
    async fn start_batch(
        &mut self,
        instances: &[InstanceId],
    ) -> Result<BatchResponse<Instance>, CallError> {
        let response = self.post("/v2/instances/start", instances).await?;
        Ok(response.task_reply().await?)
    }

    /// One job start: submit, then poll until the job ends.
    async fn start_job(
        &mut self,
        instances: &[InstanceId],
    ) -> Result<JobStatus<Instance>, CallError> {
        let response = self.post("/v1/jobs/start-instances", instances).await?;
        let job_id = match response.task_reply::<JobResponse>().await?.into_result() {
            Ok(job_id) => job_id,
            Err(rejection) => return Err(CallError::Rejected(rejection)),
        };
        let url = format!("{}/v1/jobs/{job_id}", self.base);
        let http = &self.http;
        let mut polls = 0;
        let waited = wait_for_job(
            self.backoff,
            || {
                polls += 1;
                let request = http.get(&url).send();
                async move { Ok(request.await?.task_reply().await?) }
            },
            tokio::time::sleep,
        )
        .await;
        self.requests += polls;
        waited.map_err(|error| CallError::Wait(Box::new(error)))
    }

    /// One legacy round: start, then poll each accepted task to its end.
    /// Returns the instances to retry, in request order.
    async fn start_legacy(
        &mut self,
        instances: &[InstanceId],
        out: &mut impl Write,
    ) -> Result<Vec<InstanceId>, CallError> {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("Action", "StartInstances");
        for (index, id) in instances.iter().enumerate() {
            form.append_pair(&format!("instanceIds.{index}"), id.as_ref());
        }
        self.requests += 1;
        let reply: BatchResponse<Instance> = self
            .http
            .post(format!("{}/v2/index.php", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.finish())
            .send()
            .await?
            .task_reply()
            .await?;
        refused(&reply)?;
        let mut retry = report(&reply, out)?;
        let accepted: Vec<(InstanceId, RequestId)> = reply
            .entries()
            .filter_map(|entry| match (entry.id, entry.status) {
                (Some(id), ResourceStatus::Succeeded(Some(TaskHandle::Request(task)))) => {
                    Some((id.clone(), task.clone()))
                }
                _ => None,
            })
            .collect();
        for (id, task) in accepted {
            if self.wait_for_legacy_task(&task).await?.state() == Some(TaskState::Failed) {
                writeln!(out, "    failed {id}: the task failed (requestId {task})")?;
                retry.push(id);
            }
        }
        Ok(instances
            .iter()
            .filter(|id| retry.contains(id))
            .cloned()
            .collect())
    }

    /// Polls a legacy task number with `DescribeTaskResult` until it ends.
    async fn wait_for_legacy_task(&mut self, task: &RequestId) -> Result<TaskStatus, CallError> {
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("Action", "DescribeTaskResult")
            .append_pair("requestId", task.as_str())
            .finish();
        let url = format!("{}/v2/index.php?{query}", self.base);
        let http = &self.http;
        let mut polls = 0;
        let waited = wait_for_task(
            self.backoff,
            || {
                polls += 1;
                let request = http.get(&url).send();
                async move { Ok(request.await?.task_reply::<TaskStatus>().await?) }
            },
            tokio::time::sleep,
        )
        .await;
        self.requests += polls;
        waited.map_err(|error| match error {
            TaskWaitError::Refused { error } => CallError::Refused(error),
            other => CallError::TaskWait(Box::new(other)),
        })
    }

    /// Runs `action` on `servers` through ECS's own paths, `POST
    /// /v1/{project_id}/cloudservers/action` and then `GET
    /// /v1/{project_id}/jobs/{job_id}` until the job ends; prints its
    /// outcome and the failed servers to `out`, and returns the final status.
    /// [`requests`](Self::requests) then says how many HTTP requests it made.
    pub async fn ecs_action(
        &mut self,
        project_id: &str,
        action: EcsAction,
        servers: &[&str],
        out: &mut impl Write,
    ) -> Result<JobStatus<Server>, CallError> {
        self.requests = 0;
        let servers: Vec<_> = servers
            .iter()
            .map(|id| serde_json::json!({ "id": id }))
            .collect();
        let body = match action {
            EcsAction::Start => serde_json::json!({ "os-start": { "servers": servers } }),
            EcsAction::Stop => {
                serde_json::json!({ "os-stop": { "type": "SOFT", "servers": servers } })
            }
            EcsAction::Reboot => {
                serde_json::json!({ "reboot": { "type": "SOFT", "servers": servers } })
            }
        };
        let base = format!("{}/v1/{project_id}", self.base);
        self.requests += 1;
        let response = self
            .http
            .post(format!("{base}/cloudservers/action"))
            .header("content-type", "application/json")
            .body(serde_json::to_vec(&body).map_err(CallError::Encode)?)
            .send()
            .await?;
        let header_id = response
            .headers()
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let job_id = match response.task_reply::<JobResponse>().await?.into_result() {
            Ok(job_id) => job_id,
            Err(mut rejection) => {
                if rejection.request_id.is_none() {
                    rejection.request_id = header_id;
                }
                return Err(CallError::Rejected(rejection));
            }
        };
        let url = format!("{base}/jobs/{job_id}");
        let http = &self.http;
        let mut polls = 0;
        let waited = wait_for_job(
            self.backoff,
            || {
                polls += 1;
                let request = http.get(&url).send();
                async move { Ok(request.await?.task_reply::<JobStatus<Server>>().await?) }
            },
            tokio::time::sleep,
        )
        .await;
        self.requests += polls;
        let status = waited.map_err(|error| CallError::EcsWait(Box::new(error)))?;
        write!(out, "[Ecs] {action:?} job {job_id}")?;
        report(&status, out)?;
        Ok(status)
    }

    /// How many HTTP requests the last [`start_all`](Self::start_all) or
    /// [`ecs_action`](Self::ecs_action) made.
    #[must_use]
    pub fn requests(&self) -> u32 {
        self.requests
    }

    async fn post(
        &mut self,
        path: &str,
        instances: &[InstanceId],
    ) -> Result<reqwest::Response, CallError> {
        self.requests += 1;
        let body = serde_json::to_vec(&StartRequest {
            instance_ids: instances,
        })
        .map_err(CallError::Encode)?;
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await?;
        Ok(response)
    }
}

/// A batch refused as a whole (no entries) as an error: retrying its
/// resources one by one would not help.
fn refused(reply: &BatchResponse<Instance>) -> Result<(), CallError> {
    if !matches!(reply.outcome(), BatchOutcome::Rejected { .. }) {
        return Ok(());
    }
    let mut error = TaskError::new(reply.code(), reply.message());
    error.code_desc = reply.code_desc().map(str::to_owned);
    error.request_id = reply.request_id().cloned();
    Err(CallError::Refused(error))
}

/// Prints a round's outcome and failures; returns the failed resources.
fn report<B: BatchReport>(reply: &B, out: &mut impl Write) -> Result<Vec<B::Id>, CallError> {
    match reply.final_outcome() {
        Some(outcome) => writeln!(out, ": {outcome}")?,
        None => writeln!(out, ": not finished")?,
    }
    let mut failed = Vec::new();
    for (id, failure) in reply.entries().filter_map(ResourceReport::into_failure) {
        match id {
            Some(id) => {
                writeln!(out, "    failed {id}: {failure}")?;
                failed.push(id.clone());
            }
            None => writeln!(out, "    failed (instance not named): {failure}")?,
        }
    }
    Ok(failed)
}

/// A backoff for talking to the demo server: it ends a job at the second
/// poll, so there is no reason to wait long.
#[must_use]
pub fn quick_backoff() -> Backoff {
    Backoff {
        initial: Duration::from_millis(1),
        factor: 2.0,
        cap: Duration::from_millis(4),
        deadline: Duration::from_secs(2),
    }
}
