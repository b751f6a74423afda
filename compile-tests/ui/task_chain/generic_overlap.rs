use task_envelope::{BatchResponse, Resource};
use task_envelope_tests::resources::{Bucket, Instance};

// Generic: whether two variants overlap depends on the parameters, so the
// check is made where ids are first parsed, for the types given there.
#[derive(Resource)]
enum Either<A, B> {
    Left(A),
    Right(B),
}

fn main() {
    // Fine: `qcvm` and no prefix.
    let _ = "qcvm1".parse::<EitherId<Instance, Bucket>>();
    // Both variants take `qcvm` ids.
    let _: Result<BatchResponse<Either<Instance, Instance>>, _> = serde_json::from_str("{}");
}
