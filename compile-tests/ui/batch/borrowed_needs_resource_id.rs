use task_envelope::{BatchResponseRef, Resource};

// A number is a map key, so a `BatchResponse<Meter>` works; the borrowed
// view checks ids with `ResourceId` without building them, which `u64` is not.
#[derive(Resource)]
struct Meter {
    #[resource(id)]
    serial: u64,
}

fn main() {
    let _ = serde_json::from_str::<BatchResponseRef<'_, Meter>>(r#"{"code": 0, "detail": {}}"#);
}
