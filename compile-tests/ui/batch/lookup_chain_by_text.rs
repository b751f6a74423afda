use task_envelope::{BatchResponse, Resource, ResourceId};

#[derive(ResourceId)]
#[resource_id(prefix = "ins-")]
struct InstanceId(String);

#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: InstanceId,
}

#[derive(Resource)]
struct Bucket {
    #[resource(id)]
    name: String,
}

#[derive(Resource)]
enum Target {
    Instance(Instance),
    Bucket(Bucket),
}

fn main() {
    let reply: BatchResponse<Target> = BatchResponse::from_results([]);
    // The text of a task chain's id does not say which kind it is: look it
    // up by value, `reply.get(&"ins-1".parse::<TargetId>()?)`.
    let _ = reply.get("ins-1");
}
