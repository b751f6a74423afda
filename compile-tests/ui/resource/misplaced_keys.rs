use task_envelope::Resource;

#[derive(Resource)]
#[resource(id)]
struct Instance {
    #[resource(id = true)]
    instance_id: String,
    #[resource(kind = "instance")]
    name: String,
}

fn main() {}
