use task_envelope::Resource;
use task_envelope_tests::resources::{Disk, Instance};

// Every mistake is reported in one compile, each under its own tokens.
#[derive(Resource)]
#[resource(kind = 7, colour = "blue", id_type = "")]
#[resource(kind = "a", kind = "b")]
enum Target {
    Instance(#[resource(id)] Instance),
    Nothing,
    Pair(Instance, Disk),
}

fn main() {}
