use task_envelope::Resource;

#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: String,
    #[resource(id)]
    uuid: String,
}

fn main() {}
