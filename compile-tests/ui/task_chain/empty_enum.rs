use task_envelope::Resource;

#[derive(Resource)]
enum Target {}

fn main() {}
