use task_envelope::{BatchResponse, ResourceId};

#[derive(ResourceId)]
#[resource_id(prefix = "ins-")]
struct InstanceId(String);

fn main() {
    // An id type is not a resource: `ById<InstanceId>` keys a batch by it.
    let _: Option<BatchResponse<InstanceId>> = None;
    // Nor is `String`: `ById<String>`.
    let _: Option<BatchResponse<String>> = None;
}
