use task_envelope::Resource;
use task_envelope_tests::resources::{Disk, Instance};

#[derive(Resource)]
#[resource(kind = "target", rename_all = "camelCase")]
enum Target {
    Instance(Instance),
    Disk(Disk),
}

fn main() {}
