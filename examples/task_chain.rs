//! A task chain: one request changed the passwords of two servers and
//! detached two disks, and the batch reply mixes their ids in `detail`.
//!
//! Run it with `cargo run --example task_chain`.

use std::error::Error;

use task_envelope::{BatchResponse, Code, RequestId, Resource, ResourceId, TaskError};

/// A server id, `ins-<n>`.
#[derive(ResourceId)]
#[resource_id(prefix = "ins-")]
pub struct InstanceId(String);

/// A server.
#[derive(Resource)]
#[resource(kind = "instance")]
pub struct Instance {
    #[resource(id)]
    pub instance_id: InstanceId,
}

/// A disk id, `disk-<n>`.
#[derive(ResourceId)]
#[resource_id(prefix = "disk-")]
pub struct DiskId(String);

/// A disk.
#[derive(Resource)]
pub struct Disk {
    #[resource(id)]
    pub disk_id: DiskId,
}

/// What one chained request operated: each variant holds one resource type.
/// The derive generates `TargetId { Instance(InstanceId), Disk(DiskId) }`.
#[derive(Resource)]
pub enum Target {
    Instance(Instance),
    Disk(Disk),
}

const REPLY: &str = r#"{
    "code": 5400,
    "message": "some resources failed",
    "detail": {
        "ins-1": {"code": 0, "message": "", "requestId": "1231231231231"},
        "disk-1": {"code": 4002, "message": "disk is attached to a running instance", "requestId": "1231231231232"},
        "ins-2": {"code": 4001, "message": "password does not meet the complexity rules"},
        "disk-2": {"code": 0, "message": "", "requestId": "1231231231234"}
    }
}"#;

fn main() -> Result<(), Box<dyn Error>> {
    let reply: BatchResponse<Target> = serde_json::from_str(REPLY)?;
    println!("the chain: {} ({:?})", reply.code(), reply.verify());

    // Each failed id is typed by its kind.
    for (id, failure) in reply.failed() {
        match id {
            TargetId::Instance(server) => println!("  server {server}: {failure}"),
            TargetId::Disk(disk) => println!("  disk {disk}: {failure}"),
        }
    }

    // One typed batch per kind, each judged by the 0 / 5100 / 5400 rule.
    let (servers, disks) = reply.split();
    println!(
        "servers: code {}, {} entries",
        servers.code(),
        servers.len()
    );
    println!("disks:   code {}, {} entries", disks.code(), disks.len());
    let retry_servers: Vec<&InstanceId> = servers.failed().map(|(id, _)| id).collect();
    let retry_disks: Vec<&DiskId> = disks.failed().map(|(id, _)| id).collect();
    println!("retry servers {retry_servers:?} and disks {retry_disks:?}");

    // A server answering a chained request builds the mixed reply the same way.
    let built = BatchResponse::<Target>::from_results([
        (
            TargetId::Instance("ins-1".parse()?),
            Ok(RequestId::from("1231231231231")),
        ),
        (
            TargetId::Disk("disk-1".parse()?),
            Err(TaskError::new(
                Code::new(4002),
                "disk is attached to a running instance",
            )),
        ),
    ]);
    println!("built: {}", serde_json::to_string(&built)?);

    // An id no kind accepts is an error that names it and the kinds tried.
    let unknown = serde_json::from_str::<BatchResponse<Target>>(
        r#"{"code": 0, "detail": {"vol-9": {"code": 0, "requestId": "1"}}}"#,
    );
    println!("unknown kind: {}", unknown.unwrap_err());
    Ok(())
}
