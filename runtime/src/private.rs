//! Paths for the code that `#[derive(Resource)]` and `#[derive(ResourceId)]`
//! generate. Not public API: anything here may change in any release, which
//! is why the runtime pins the macros crate to one exact version.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Visitor};

pub use core::convert::{AsRef, From};
pub use core::fmt::{Display, Formatter, Result as FmtResult};
pub use core::option::Option::{self, None, Some};
pub use core::primitive::str;
pub use core::result::Result;
pub use core::str::FromStr;
pub use serde::{Deserialize, Deserializer, Serialize, Serializer};
pub use std::string::String;

pub use crate::{IdError, Resource, ResourceId, ResourceKey};

// What `#[derive(Resource)]` on an enum of resources names.
pub use crate::chain::{DistinctKinds, Kind, Whole, choose_kind, prefixes_overlap, take_apart};
pub use crate::{BatchResponse, BatchTarget, TaskChain, TaskResponse};
pub use core::clone::Clone;
pub use core::cmp::{Eq, PartialEq};
pub use core::fmt::Debug;
pub use core::hash::{Hash, Hasher};
pub use core::primitive::{bool, usize};
pub use core::result::Result::{Err, Ok};
pub use std::vec::Vec;

/// `FromStr` of a derived id.
pub fn parse_id<I: ResourceId>(id: &str) -> Result<I, IdError> {
    I::parse(id)
}

/// `Serialize` of a derived id: a plain string.
pub fn serialize_id<I: ResourceId, S: Serializer>(
    id: &I,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(id.as_str())
}

/// `Deserialize` of a derived id: a plain string, checked like `FromStr`.
pub fn deserialize_id<'de, I: ResourceId, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<I, D::Error> {
    deserializer.deserialize_string(IdVisitor(PhantomData))
}

struct IdVisitor<I>(PhantomData<I>);

impl<I: ResourceId> Visitor<'_> for IdVisitor<I> {
    type Value = I;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as a string", I::TYPE_NAME)
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<I, E> {
        I::check(id).map_err(E::custom)?;
        Ok(I::__from_checked(id.to_owned()))
    }

    fn visit_string<E: de::Error>(self, id: String) -> Result<I, E> {
        I::check(&id).map_err(E::custom)?;
        Ok(I::__from_checked(id))
    }
}
