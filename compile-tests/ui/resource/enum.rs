use task_envelope::Resource;

// An enum derives `Resource` as an enum of resources: each variant holds one.
// Plain variants hold none, and each is refused.
#[derive(Resource)]
enum Status {
    Running,
    Stopped,
}

fn main() {}
