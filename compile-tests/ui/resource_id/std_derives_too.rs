use task_envelope::ResourceId;

// Before 0.2 every id listed the std derives beside `ResourceId`; the derive
// now generates them (by the id's text), so listing them again conflicts.
#[derive(ResourceId, Debug, Clone, PartialEq, Eq, Hash)]
#[resource_id(prefix = "ins-")]
struct InstanceId(String);

fn main() {}
