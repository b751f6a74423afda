use task_envelope::{BatchResponse, Resource};

// The only error is the missing id field: the uses below compile against the
// placeholder impl instead of adding "Resource is not implemented" errors.
#[derive(Resource)]
struct Instance {
    instance_id: String,
}

fn kind_of<R: Resource>() -> &'static str {
    R::KIND
}

fn main() {
    let _ = kind_of::<Instance>();
    let _ = BatchResponse::<Instance>::from_results([]);
}
