use task_envelope::Resource;
use task_envelope_tests::resources::{Disk, Instance};

#[derive(Resource)]
enum Target {
    Instance(#[resource(id)] Instance),
    Disk {
        #[resource(id, rename = "diskId")]
        disk: Disk,
    },
    #[resource(kind = "volume")]
    Volume(Disk),
}

fn main() {}
