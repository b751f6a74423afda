use task_envelope::Resource;

// The error names the Rust field, not its wire name.
#[derive(Resource)]
struct Server {
    #[resource(id, rename = "serverId")]
    server_id: String,
    #[resource(id)]
    uuid: String,
}

fn main() {}
