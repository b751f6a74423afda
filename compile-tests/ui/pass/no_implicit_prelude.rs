//! The derives inside a `#![no_implicit_prelude]` module.
#![deny(warnings)]

mod user {
    #![no_implicit_prelude]

    #[derive(::task_envelope::ResourceId)]
    #[resource_id(prefix = "disk-")]
    pub struct DiskId(::std::string::String);

    #[derive(::task_envelope::Resource)]
    pub struct Disk<T> {
        #[resource(id)]
        pub disk_id: DiskId,
        pub size: T,
    }
}

use task_envelope::{Resource, ResourceId};

fn main() {
    let disk = user::Disk { disk_id: "disk-1".parse().unwrap(), size: 10_u32 };
    assert_eq!(disk.id().as_str(), "disk-1");
    assert_eq!(disk.size, 10);
    assert_eq!(<user::Disk<u32> as Resource>::KIND, "disk");
    assert_eq!(user::DiskId::TYPE_NAME, "DiskId");
    // The traits of a key come with the derive.
    assert_eq!(disk.id().clone(), *disk.id());
    assert_eq!(format!("{:?}", disk.id()), r#"DiskId("disk-1")"#);
}
