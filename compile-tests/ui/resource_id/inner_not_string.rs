use task_envelope::ResourceId;

#[derive(ResourceId)]
struct Serial(u64);

fn main() {}
