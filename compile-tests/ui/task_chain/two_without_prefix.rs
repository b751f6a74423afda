use task_envelope::Resource;
use task_envelope_tests::resources::{Bucket, Instance};

// Both take any id: `String` has no prefix.
#[derive(Resource)]
struct Queue {
    #[resource(id)]
    name: String,
}

#[derive(Resource)]
enum Target {
    Bucket(Bucket),
    Instance(Instance),
    Queue(Queue),
}

fn main() {}
