//! Paths for the code that `#[derive(Resource)]` and `#[derive(ResourceId)]`
//! generate. Not public API: anything here may change in any release, which
//! is why the runtime pins the macros crate to one exact version.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

pub use core::borrow::Borrow;
pub use core::convert::{AsRef, From};
pub use core::fmt::{Display, Formatter, Result as FmtResult};
pub use core::option::Option::{self, None, Some};
pub use core::primitive::str;
pub use core::result::Result;
pub use core::str::FromStr;
// serde as a crate, not its traits by name: an error about a serde trait
// then names it by its own path, not by `task_envelope::__private::...`.
pub use serde;
pub use std::string::String;

pub use crate::{IdError, Resource, ResourceId, ResourceKey};

// What `#[derive(Resource)]` on an enum of resources names.
pub use crate::batch::chain::{
    DistinctKinds, Kind, SharedFields, choose_kind, entity_id_key, entity_id_key_name,
    entity_id_key_shared, prefixes_overlap, take_apart,
};
pub use crate::{BatchResponse, BatchTarget, TaskChain, TaskResponse};
pub use core::clone::Clone;
pub use core::cmp::{Eq, PartialEq};
pub use core::fmt::Debug;
pub use core::hash::{Hash, Hasher};
pub use core::primitive::{bool, usize};
pub use core::result::Result::{Err, Ok};
pub use std::vec::Vec;

/// What the field of a `#[derive(ResourceId)]` type must be: text that
/// can be read as `&str`, built from a `String` and cloned (`String`,
/// `Box<str>`, `Arc<str>`, ...). The derive reads the field only through
/// this trait, so a field of another type (`u64`) gets one error, under
/// the field's type, that says what to write.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the text of a resource id",
    label = "`#[derive(ResourceId)]` wraps a `String`, not a `{Self}`",
    note = "an id is text on the wire, even one of digits: a `String` field reads `\"0042\"` and keeps its zeros",
    note = "any other field type must be `AsRef<str> + From<String> + Clone`, as `Box<str>` and `Arc<str>` are"
)]
pub trait StringLike {
    /// The id's text.
    fn id_str(&self) -> &str;
    /// The field, from an id's checked text.
    fn from_id(id: String) -> Self;
    /// A copy of the field.
    #[must_use]
    fn clone_id(&self) -> Self;
}

/// `do_not_recommend`: a type that does not fit is reported as such, with
/// the fix, not as a missing `AsRef<str>` or `From<String>`.
#[diagnostic::do_not_recommend]
impl<T: AsRef<str> + From<String> + Clone> StringLike for T {
    #[inline]
    fn id_str(&self) -> &str {
        self.as_ref()
    }

    #[inline]
    fn from_id(id: String) -> Self {
        T::from(id)
    }

    #[inline]
    fn clone_id(&self) -> Self {
        self.clone()
    }
}

/// The check `#[derive(Resource)]` makes of its id field's type: an impl
/// `where Field: IsResourceKey` with `type Id = <Field as
/// IsResourceKey>::Key` (which is `Field`).
///
/// Why not `type Id = Field` alone: rustc checks an associated type's
/// bound (`ResourceKey`) through each of its supertraits, so a type that is
/// no id got one error per missing trait (`Deserialize`, `Display`, ...),
/// each with serde's advice to derive serde's traits. This trait has no
/// supertraits, so a type that is no id gets this one error, under the
/// field's type, that says to use `String` or `#[derive(ResourceId)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a resource id",
    label = "an id is a `String`, or a one-field tuple struct over `String` with `#[derive(ResourceId)]`",
    note = "`#[derive(ResourceId)] struct InstanceId(String);` gives an id type everything it needs",
    note = "an id type written by hand needs `Eq`, `Hash`, `Clone`, `Debug`, `Display`, `Serialize` and `Deserialize`"
)]
pub trait IsResourceKey {
    /// The id type: `Self`.
    type Key: ResourceKey;

    /// The id.
    fn as_key(&self) -> &Self::Key;
}

/// `do_not_recommend`: see [`IsResourceKey`].
#[diagnostic::do_not_recommend]
impl<T: ResourceKey> IsResourceKey for T {
    type Key = T;

    #[inline]
    fn as_key(&self) -> &T {
        self
    }
}

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
        I::parse(id).map_err(E::custom)
    }

    fn visit_string<E: de::Error>(self, id: String) -> Result<I, E> {
        I::__parse_owned(id).map_err(E::custom)
    }
}

/// What the `JsonSchema` impl of a derived id names: the `schemars` crate
/// and `Cow` for its names.
#[cfg(feature = "schemars")]
pub use {schemars, std::borrow::Cow};

/// `JsonSchema::json_schema` of a derived id: a non-empty string, with the
/// prefix and something after it when there is a prefix.
#[cfg(feature = "schemars")]
pub fn id_schema<I: ResourceId>() -> schemars::Schema {
    crate::integrations::schema::resource_id::<I>()
}

/// The `JsonSchema` impl of an id type made with `#[derive(ResourceId)]`,
/// which emits `resource_id_schema! { impl [generics] Type [where clause]
/// name = "Type" }` whatever the runtime's features: with the `schemars`
/// feature the impl is generated, without it nothing is. This is how a
/// derive can depend on a feature of the runtime it does not see.
///
/// The schema is [`id_schema`]'s (the type's prefix and name come from its
/// `ResourceId` impl); the id includes the module, so two id types of the
/// same name do not share one definition.
#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! __resource_id_schema {
    (impl [$($generics:tt)*] $ty:ty [$($where_clause:tt)*] name = $name:literal) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::schemars::JsonSchema for $ty $($where_clause)* {
            fn schema_name() -> $crate::__private::Cow<'static, $crate::__private::str> {
                $crate::__private::Cow::Borrowed($name)
            }

            fn schema_id() -> $crate::__private::Cow<'static, $crate::__private::str> {
                $crate::__private::Cow::Borrowed(::core::concat!(
                    ::core::module_path!(),
                    "::",
                    $name
                ))
            }

            fn json_schema(
                _: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::__private::id_schema::<Self>()
            }
        }
    };
}

/// Without the `schemars` feature, a derived id has no `JsonSchema` impl.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __resource_id_schema {
    ($($derive_input:tt)*) => {};
}

pub use crate::__resource_id_schema as resource_id_schema;

/// `JsonSchema::json_schema` of the id enum of an enum of resources: exactly
/// the ids `choose_kind` accepts (see `integrations/schema/chain.rs`).
#[cfg(feature = "schemars")]
pub use crate::integrations::schema::{
    ChainIdVariant, chain_id_schema, chain_schema_id, chain_schema_name,
};

/// The `JsonSchema` impl of the id enum that `#[derive(Resource)]` generates
/// for an enum of resources, which emits `task_chain_id_schema! { impl
/// [generics] TargetId<..> where [predicates,] name = "TargetId" generic =
/// false resources = [Instance, Disk] }` whatever the runtime's features:
/// with the `schemars` feature the impl is generated, without it nothing is
/// (as with [`resource_id_schema!`]).
///
/// The impl requires each variant's id type to implement `JsonSchema`. The
/// bound is written `for<'__s> ...`, so that it is not a "trivial" bound: on
/// an enum without parameters, an id type without a schema then leaves the
/// id enum without one, instead of failing to compile once some crate turns
/// the feature on.
#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! __task_chain_id_schema {
    (
        impl [$($generics:tt)*] $ty:ty where [$($predicates:tt)*]
        name = $name:literal generic = $generic:literal resources = [$($resource:ty),*]
    ) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::schemars::JsonSchema for $ty
        where
            $($predicates)*
            $(
                for<'__s> <$resource as $crate::__private::Resource>::Id:
                    $crate::__private::schemars::JsonSchema,
            )*
        {
            fn schema_name() -> $crate::__private::Cow<'static, $crate::__private::str> {
                $crate::__private::chain_schema_name($name, $generic, &[$(
                    <<$resource as $crate::__private::Resource>::Id
                        as $crate::__private::schemars::JsonSchema>::schema_name(),
                )*])
            }

            fn schema_id() -> $crate::__private::Cow<'static, $crate::__private::str> {
                $crate::__private::chain_schema_id(
                    ::core::concat!(::core::module_path!(), "::", $name),
                    $generic,
                    &[$(
                        <<$resource as $crate::__private::Resource>::Id
                            as $crate::__private::schemars::JsonSchema>::schema_id(),
                    )*],
                )
            }

            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                let variants = [$(
                    $crate::__private::ChainIdVariant {
                        kind: <$resource as $crate::__private::Resource>::KIND,
                        prefix: <<$resource as $crate::__private::Resource>::Id
                            as $crate::__private::ResourceId>::PREFIX,
                        schema: generator.subschema_for::<
                            <$resource as $crate::__private::Resource>::Id,
                        >(),
                    },
                )*];
                $crate::__private::chain_id_schema($name, &variants)
            }
        }
    };
}

/// Without the `schemars` feature, a generated id enum has no `JsonSchema`
/// impl.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __task_chain_id_schema {
    ($($derive_input:tt)*) => {};
}

pub use crate::__task_chain_id_schema as task_chain_id_schema;
