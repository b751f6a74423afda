use task_envelope::Resource;
use task_envelope_tests::resources::Instance;

#[derive(Resource)]
enum Target {
    Instance(Instance),
    Nothing,
}

fn main() {}
