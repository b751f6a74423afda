use task_envelope::Resource;
use task_envelope_tests::resources::{Disk, Instance};

#[derive(Resource)]
enum Target {
    Instance(Instance),
    Pair(Instance, Disk),
    Named { disk: Disk, size: u64, tier: u8 },
}

fn main() {}
