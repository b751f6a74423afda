use task_envelope::Resource;

#[derive(Resource)]
enum Target {
    Instance(String),
    Disk(String),
}

fn main() {}
