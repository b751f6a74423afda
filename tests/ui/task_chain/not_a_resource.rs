use task_envelope::Resource;
use task_envelope_tests::resources::Instance;

struct Volume {
    volume_id: String,
}

// The error lands on the field type that is no resource, once.
#[derive(Resource)]
enum Target {
    Instance(Instance),
    Volume(Volume),
}

fn main() {}
