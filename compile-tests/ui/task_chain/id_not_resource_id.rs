use task_envelope::{Resource, ResourceId};

// Self-contained (no resource from `task_envelope_tests`), so that rustc's
// list of the types that are ids only names the ones below and `String`.
#[derive(ResourceId)]
#[resource_id(prefix = "ins-")]
struct InstanceId(String);

#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: InstanceId,
}

// A map key, but not a `ResourceId`: the id enum could not tell it apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
struct VolumeKey(u64);

impl std::fmt::Display for VolumeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "vol-{}", self.0)
    }
}

struct Volume {
    key: VolumeKey,
}

impl Resource for Volume {
    type Id = VolumeKey;
    const KIND: &'static str = "volume";
    const ID_FIELD: &'static str = "key";

    fn id(&self) -> &VolumeKey {
        &self.key
    }
}

// The error lands on the variant's type, whose id is no `ResourceId`.
#[derive(Resource)]
enum Target {
    Instance(Instance),
    Volume(Volume),
}

fn main() {}
