use task_envelope::{Resource, ResourceId};
use task_envelope_tests::resources::{Disk, Instance};

// `qcvm-x1` starts with `qcvm`, the prefix of `Instance`'s ids too.
#[derive(ResourceId)]
#[resource_id(prefix = "qcvm-x")]
struct ExtraId(String);

#[derive(Resource)]
struct Extra {
    #[resource(id)]
    id: ExtraId,
}

#[derive(Resource)]
enum Target {
    Instance(Instance),
    Disk(Disk),
    Extra(Extra),
}

fn main() {}
