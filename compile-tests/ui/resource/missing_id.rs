use task_envelope::Resource;

#[derive(Resource)]
struct Instance {
    instance_id: String,
    name: String,
}

#[derive(Resource)]
struct Marker;

#[derive(Resource)]
struct Pair(String, String);

fn main() {}
