//! The demo client: starts instances through the demo server in either
//! dialect, prints the failed ones, and retries only those until all start.

use std::fmt;
use std::io::Write;
use std::time::Duration;

use serde::Serialize;
use task_envelope::{
    Backoff, BatchReport, BatchResponse, JobResponse, JobStatus, ReplyError, ResponseExt,
    WaitError, wait_for_job,
};

use crate::resources::{Instance, InstanceId};

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
    /// The server refused to accept the job.
    Rejected(task_envelope::ApiError),
    /// Polling the job stopped before it ended.
    Wait(Box<WaitError<Instance, CallError>>),
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
            CallError::Wait(error) => error.fmt(f),
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

/// Which dialect to start the instances through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `POST /v2/instances/start`: a batch reply at once.
    Batch,
    /// `POST /v1/jobs/start-instances`, then polling the job.
    Job,
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
                Dialect::Batch => report(&self.start_batch(&pending).await?, out)?,
                Dialect::Job => report(&self.start_job(&pending).await?, out)?,
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

/// Prints a round's outcome and failures; returns the failed instances.
fn report<B: BatchReport<Id = InstanceId>>(
    reply: &B,
    out: &mut impl Write,
) -> Result<Vec<InstanceId>, CallError> {
    match reply.outcome() {
        Some(outcome) => writeln!(out, ": {outcome}")?,
        None => writeln!(out, ": not finished")?,
    }
    let mut failed = Vec::new();
    for (id, failure) in reply.failures() {
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
