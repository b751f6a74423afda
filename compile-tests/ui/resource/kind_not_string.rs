use task_envelope::Resource;

#[derive(Resource)]
#[resource(kind = 5)]
struct Instance {
    #[resource(id)]
    instance_id: String,
}

#[derive(Resource)]
#[resource(kind = instance)]
struct Disk {
    #[resource(id)]
    disk_id: String,
}

#[derive(Resource)]
#[resource(kind = "")]
struct Volume {
    #[resource(id)]
    volume_id: String,
}

fn main() {}
