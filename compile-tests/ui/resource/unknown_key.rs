use task_envelope::Resource;

#[derive(Resource)]
#[resource(kind = "instance", rename_all = "camelCase")]
struct Instance {
    #[resource(id, skip)]
    instance_id: String,
}

fn main() {}
