//! A reply around the action's own fields: `CreateLoadBalancer` answers the
//! envelope (`code`, `message`, `codeDesc`, `requestId`) and the ids of the
//! load balancers it created. `cargo run --example payload`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use task_envelope::{TaskResponse, TaskState, TaskStatus};

/// What `CreateLoadBalancer` answers beside the envelope.
#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct CreatedLoadBalancers {
    /// The order (deal) ids.
    deal_ids: Vec<String>,
    /// The created load balancers' ids, by deal id.
    un_load_balancer_ids: BTreeMap<String, Vec<String>>,
}

/// The reply the provider publishes for three load balancers.
const CREATED: &str = r#"{
    "code": 0,
    "message": "",
    "codeDesc": "Success",
    "requestId": 3901942,
    "dealIds": ["3901942"],
    "unLoadBalancerIds": {"3901942": ["lb-cjcymkw9", "lb-fpk0oxhp", "lb-ikpzv02x"]}
}"#;

/// What polling that task number answers once the task is done.
const TASK_RESULT: &str =
    r#"{"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 0}}"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut reply: TaskResponse<CreatedLoadBalancers> = serde_json::from_str(CREATED)?;
    let created = reply.payload.take();
    let Some(request_id) = reply.into_result()? else {
        println!("done at once, nothing to poll");
        return Ok(());
    };
    println!("accepted; poll requestId {request_id}");
    if let Some(created) = created {
        for (deal, load_balancers) in &created.un_load_balancer_ids {
            println!("deal {deal}: {}", load_balancers.join(", "));
        }
    }

    // The poll's reply, as `wait_for_task` would return it.
    let status: TaskStatus = serde_json::from_str(TASK_RESULT)?;
    match status.state() {
        Some(TaskState::Succeeded) => println!("task {request_id}: succeeded"),
        Some(state) => println!("task {request_id}: {state}"),
        None => println!("the poll failed: {status}"),
    }
    Ok(())
}
