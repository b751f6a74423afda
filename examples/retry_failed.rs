//! Report the failed resources and retry only them, with one piece of caller
//! code that works on both dialects.
//!
//! Run it with `cargo run --example retry_failed`. The "cloud" is an
//! in-memory fake whose servers are locked the first time they are started
//! when their number is odd; its replies go through JSON as real ones would.

use std::collections::HashMap;
use std::error::Error;

use task_envelope::{
    BatchOutcome, BatchReport, BatchResponse, Code, JobStatus, OneLine, RequestId, Resource,
    ResourceId, ResourceReport, TaskError,
};

/// A server id, `srv-<n>`.
#[derive(ResourceId)]
#[resource_id(prefix = "srv-")]
pub struct ServerId(String);

/// A server.
#[derive(Resource)]
pub struct Server {
    #[resource(id)]
    pub server_id: ServerId,
}

/// What happened over the rounds of a retry loop.
#[derive(Debug, PartialEq, Eq)]
pub struct RetryLog {
    /// The ids that failed in each round, in wire order.
    pub failed_per_round: Vec<Vec<ServerId>>,
    /// The outcome of the last round.
    pub last_outcome: Option<BatchOutcome>,
}

/// The caller's failure handling, written once: submit, report the failures,
/// submit only those again, until none fail or `max_rounds` is reached.
pub fn retry_until_done<B, E>(
    dialect: &str,
    servers: Vec<ServerId>,
    max_rounds: usize,
    mut submit: impl FnMut(&[ServerId]) -> Result<B, E>,
) -> Result<RetryLog, E>
where
    B: BatchReport<Id = ServerId>,
{
    let mut log = RetryLog {
        failed_per_round: Vec::new(),
        last_outcome: None,
    };
    let mut pending = servers;
    for round in 1..=max_rounds {
        if pending.is_empty() {
            break;
        }
        let report = submit(&pending)?;
        log.last_outcome = report.final_outcome();
        match log.last_outcome {
            // Refused as a whole: no resource was touched, and retrying the
            // same request would be refused again. Not a success: stop.
            Some(outcome @ BatchOutcome::Rejected { .. }) => {
                println!("[{dialect}] round {round}: {outcome}; nothing was started");
                break;
            }
            Some(outcome) => println!(
                "[{dialect}] round {round}: {} server(s), {outcome}",
                pending.len()
            ),
            None => println!("[{dialect}] round {round}: still running"),
        }
        let mut failed = Vec::new();
        for (id, failure) in report.entries().filter_map(ResourceReport::into_failure) {
            match id {
                Some(id) => {
                    println!("    failed {}: {failure}", OneLine(id));
                    failed.push(id.clone());
                }
                None => println!("    failed (resource not named): {failure}"),
            }
        }
        log.failed_per_round.push(failed.clone());
        pending = failed;
    }
    Ok(log)
}

/// An in-memory cloud that locks odd-numbered servers on their first start.
#[derive(Default)]
pub struct FakeCloud {
    starts: HashMap<ServerId, u32>,
    next_task: u64,
}

impl FakeCloud {
    /// Starts each server once: its task number, and why it failed if it did.
    fn start(&mut self, servers: &[ServerId]) -> Vec<(ServerId, String, Option<&'static str>)> {
        servers
            .iter()
            .map(|id| {
                let starts = self.starts.entry(id.clone()).or_default();
                *starts += 1;
                self.next_task += 1;
                let odd = id.as_str().ends_with(['1', '3', '5', '7', '9']);
                let failure = (odd && *starts == 1).then_some("instance is locked");
                (id.clone(), format!("task-{}", self.next_task), failure)
            })
            .collect()
    }

    /// The code/requestId dialect: a batch reply, through JSON.
    pub fn start_servers(
        &mut self,
        servers: &[ServerId],
    ) -> serde_json::Result<BatchResponse<Server>> {
        let reply = BatchResponse::<Server>::from_results(self.start(servers).into_iter().map(
            |(id, task, failure)| match failure {
                None => (id, Ok(RequestId::from(task))),
                Some(reason) => (
                    id,
                    Err(TaskError::new(Code::new(4002), reason).with_request_id(task)),
                ),
            },
        ));
        serde_json::from_str(&serde_json::to_string(&reply)?)
    }

    /// The `job_id`/`error` dialect: the terminal status of the batch job,
    /// through JSON.
    pub fn start_servers_job(
        &mut self,
        servers: &[ServerId],
    ) -> serde_json::Result<JobStatus<Server>> {
        let results = self.start(servers);
        let all_ok = results.iter().all(|(_, _, failure)| failure.is_none());
        let sub_jobs: Vec<serde_json::Value> = results
            .into_iter()
            .map(|(id, task, failure)| match failure {
                None => serde_json::json!({
                    "status": "SUCCESS", "job_id": task, "entities": {"server_id": id}
                }),
                Some(reason) => serde_json::json!({
                    "status": "FAIL", "job_id": task, "error_code": "Ecs.0002",
                    "fail_reason": reason, "entities": {"server_id": id}
                }),
            })
            .collect();
        let reply = serde_json::json!({
            "status": if all_ok { "SUCCESS" } else { "FAIL" },
            "job_id": "batch-start",
            "job_type": "batchStartServers",
            "entities": {"sub_jobs_total": sub_jobs.len(), "sub_jobs": sub_jobs},
        });
        serde_json::from_value(reply)
    }
}

/// `srv-1` to `srv-<count>`.
pub fn servers(count: usize) -> Result<Vec<ServerId>, task_envelope::IdError> {
    (1..=count).map(|n| format!("srv-{n}").parse()).collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut cloud = FakeCloud::default();
    let log = retry_until_done("code/requestId", servers(4)?, 3, |ids| {
        cloud.start_servers(ids)
    })?;
    println!("  -> {} round(s)\n", log.failed_per_round.len());

    let mut cloud = FakeCloud::default();
    let log = retry_until_done("job_id/error", servers(4)?, 3, |ids| {
        cloud.start_servers_job(ids)
    })?;
    println!("  -> {} round(s)", log.failed_per_round.len());
    Ok(())
}
