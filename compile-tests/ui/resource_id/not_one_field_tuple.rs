use task_envelope::ResourceId;

#[derive(ResourceId)]
struct Named {
    id: String,
}

#[derive(ResourceId)]
struct TwoFields(String, String);

#[derive(ResourceId)]
struct Unit;

#[derive(ResourceId)]
enum Either {
    Left(String),
}

fn main() {}
