use task_envelope::Resource;

#[derive(Resource)]
struct Sensor {
    #[resource(id)]
    reading: f64,
}

#[derive(Resource)]
struct Blob(#[resource(id)] Vec<u8>);

fn main() {}
