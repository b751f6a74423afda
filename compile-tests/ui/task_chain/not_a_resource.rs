use task_envelope::{Resource, ResourceId};

// Self-contained (no resource from `task_envelope_tests`), so that rustc's
// list of the types that are resources only names the ones below.
#[derive(ResourceId)]
#[resource_id(prefix = "ins-")]
struct InstanceId(String);

#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: InstanceId,
}

struct Volume {
    volume_id: String,
}

// The error lands on the field type that is no resource.
#[derive(Resource)]
enum Target {
    Instance(Instance),
    Volume(Volume),
}

fn main() {}
