use task_envelope::Resource;

#[derive(Resource)]
union Raw {
    number: u64,
    bits: [u8; 8],
}

fn main() {}
