use task_envelope::Resource;
use task_envelope_tests::resources::Instance;

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

#[derive(Resource)]
enum Target {
    Instance(Instance),
    Volume(Volume),
}

fn main() {}
