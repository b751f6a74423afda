use task_envelope::Resource;

// Three mistakes, three errors in one compile, each under its own tokens.
#[derive(Resource)]
#[resource(kind = 7, colour = "blue")]
struct Instance {
    #[resource(id)]
    instance_id: String,
    #[resource(id)]
    uuid: String,
}

fn main() {}
