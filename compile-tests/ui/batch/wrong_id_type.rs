use task_envelope::{BatchResponse, RequestId, Resource, ResourceId};

#[derive(ResourceId)]
#[resource_id(prefix = "ins-")]
struct InstanceId(String);

#[derive(ResourceId)]
#[resource_id(prefix = "disk-")]
struct DiskId(String);

#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: InstanceId,
}

fn main() {
    let reply: BatchResponse<Instance> = BatchResponse::from_results([]);
    let disk: DiskId = "disk-1".parse().unwrap();
    let _ = reply.get(&disk);
    let _ = BatchResponse::<Instance>::from_results([(disk, Ok(RequestId::from("1")))]);
}
