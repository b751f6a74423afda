use task_envelope::ResourceId;

#[derive(ResourceId)]
#[resource_id(prefix = 'i', suffix = "-x")]
struct InstanceId(String);

#[derive(ResourceId)]
#[resource_id(prefix = "")]
struct DiskId(String);

#[derive(ResourceId)]
struct VpcId(#[resource_id(prefix = "vpc-")] String);

fn main() {}
