use task_envelope::Resource;

// The std derives alone: no `Display`, no `Serialize`, no `Deserialize`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct InstanceId(String);

#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: InstanceId,
}

// A number in a newtype, with serde's derives but no `Display`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
struct Serial(u64);

#[derive(Resource)]
struct Meter {
    #[resource(id)]
    serial: Serial,
}

fn main() {}
