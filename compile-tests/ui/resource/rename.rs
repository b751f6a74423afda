use task_envelope::Resource;

#[derive(Resource)]
struct Server {
    #[resource(id, rename = 7)]
    server_id: String,
    #[resource(rename = "name")]
    name: String,
}

#[derive(Resource)]
struct Port {
    #[resource(id, rename = "", rename = "portId", rename = "port")]
    port_id: String,
}

fn main() {}
