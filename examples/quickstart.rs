//! Parses every sample reply of the code/requestId dialect, prints one
//! readable summary each (and one line per failed resource), then builds a
//! batch reply from per-resource results.
//!
//! Run it with `cargo run --example quickstart`.

use std::error::Error;

use task_envelope::{
    BatchError, BatchResponse, Code, RequestId, Resource, ResourceId, TaskError, TaskResponse,
};
use task_envelope_tests::fixtures;

/// A server id: the samples spell them `qcvm...`.
#[derive(ResourceId)]
#[resource_id(prefix = "qcvm")]
struct InstanceId(String);

/// A server, as an API author would describe it.
#[derive(Resource)]
#[resource(kind = "instance")]
struct Instance {
    #[resource(id)]
    instance_id: InstanceId,
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("Common replies (one resource each):");
    for (name, json) in [
        ("common_success.json", fixtures::COMMON_SUCCESS),
        ("common_failure.json", fixtures::COMMON_FAILURE),
    ] {
        let summary = match serde_json::from_str::<TaskResponse>(json) {
            Ok(reply) => match reply.into_result() {
                Ok(Some(request_id)) => format!("accepted, poll requestId {request_id}"),
                Ok(None) => "done, nothing to poll".to_owned(),
                Err(error) => format!("failed: {error}"),
            },
            Err(error) => format!("unreadable: {error}"),
        };
        println!("  {name:<28} {summary}");
    }

    println!("\nBatch replies (one entry per {}):", Instance::KIND);
    for (name, json) in [
        ("batch_all_succeeded.json", fixtures::BATCH_ALL_SUCCEEDED),
        (
            "batch_partial_failure.json",
            fixtures::BATCH_PARTIAL_FAILURE,
        ),
        ("batch_all_failed.json", fixtures::BATCH_ALL_FAILED),
        ("batch_code_mismatch.json", fixtures::BATCH_CODE_MISMATCH),
        ("batch_rejected.json", fixtures::BATCH_REJECTED),
        ("batch_duplicate_id.json", fixtures::BATCH_DUPLICATE_ID),
    ] {
        match serde_json::from_str::<BatchResponse<Instance>>(json) {
            Ok(reply) => summarise(name, &reply),
            Err(error) => println!("  {name:<28} refused: {error}"),
        }
    }

    println!("\nA reply built from per-resource results:");
    let built = BatchResponse::<Instance>::from_results([
        ("qcvm-a".parse()?, Ok(RequestId::from("1231231231231"))),
        (
            "qcvm-b".parse()?,
            Err(TaskError::new(Code::new(4001), "quota exceeded")),
        ),
    ]);
    println!("  outcome: {} (code {})", built.outcome(), built.code());
    println!("  {}", serde_json::to_string(&built)?);
    Ok(())
}

fn summarise(name: &str, reply: &BatchResponse<Instance>) {
    let count = reply.len();
    match reply.verify() {
        Ok(outcome) => {
            println!(
                "  {name:<28} {count} resource(s): {outcome} (code {})",
                outcome.code()
            );
        }
        Err(rejected @ BatchError::Rejected { .. }) => {
            println!("  {name:<28} no resource touched: {rejected}");
        }
        Err(mismatch) => {
            println!(
                "  {name:<28} {count} resource(s): {}; {mismatch}",
                reply.outcome()
            );
        }
    }
    for (id, failure) in reply.failed() {
        println!("      failed {}: {failure}", task_envelope::OneLine(id));
    }
    let retry: Vec<&str> = reply.failed().map(|(id, _)| id.as_str()).collect();
    if !retry.is_empty() {
        println!("      to retry: {}", retry.join(", "));
    }
}
