use task_envelope::Resource;
use task_envelope_tests::resources::{Disk, Instance};

#[derive(Resource)]
#[resource(id_type = "Target Key")]
enum Target {
    Instance(Instance),
    Disk(Disk),
}

#[derive(Resource)]
#[resource(id_type = TargetKey)]
enum Other {
    Instance(Instance),
}

#[derive(Resource)]
#[resource(id_type = "Same")]
enum Same {
    Disk(Disk),
}

// Not even as a raw identifier.
#[derive(Resource)]
#[resource(id_type = "r#self")]
enum Raw {
    Disk(Disk),
}

fn main() {}
