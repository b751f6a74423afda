//! The [`Resource`] trait and the traits of resource ids.

use core::fmt;
use core::hash::Hash;
use core::marker::PhantomData;

use serde::Serialize;
use serde::de::{Deserialize, DeserializeOwned, Deserializer};

/// A cloud resource that a task operates on: a server, a disk, a load balancer.
///
/// Implement it with `#[derive(Resource)]`, marking the id field with
/// `#[resource(id)]`. The id type keys the `detail` map of a
/// [`BatchResponse`](crate::BatchResponse), so a batch of instances can only
/// be looked up with instance ids.
///
/// ```
/// use task_envelope::Resource;
///
/// #[derive(Resource)]
/// struct LoadBalancer {
///     #[resource(id)]
///     lb_id: String,
///     name: String,
/// }
///
/// assert_eq!(LoadBalancer::KIND, "load_balancer");
/// assert_eq!(LoadBalancer::ID_FIELD, "lb_id");
/// let lb = LoadBalancer { lb_id: "lb-1".into(), name: "front".into() };
/// assert_eq!(lb.id(), "lb-1");
/// ```
///
/// The derive also accepts `#[resource(kind = "...")]` on the struct to choose
/// [`KIND`](Resource::KIND), tuple structs (where `ID_FIELD` is the field's
/// index, such as `"0"`), and generic structs.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a resource",
    label = "add `#[derive(Resource)]` to `{Self}`, with `#[resource(id)]` on its id field",
    note = "a batch keyed by an id type alone, with no resource struct, is `BatchResponse<ById<IdType>>`"
)]
pub trait Resource {
    /// The type of the resource's id: `String`, or a newtype made with
    /// `#[derive(ResourceId)]`.
    type Id: ResourceKey;

    /// The kind of resource, such as `"instance"`. The derive uses the type's
    /// name in `snake_case` unless `#[resource(kind = "...")]` says otherwise.
    const KIND: &'static str;

    /// The name of the id field, such as `"instance_id"` (a raw identifier
    /// `r#type` gives `"type"`; a tuple struct's field gives its index).
    ///
    /// It is also the key under which a job's `entities` carry the resource
    /// id (see [`JobStatus`](crate::JobStatus)); when the wire spells it
    /// differently, say so with `#[resource(id, rename = "serverId")]`.
    const ID_FIELD: &'static str;

    /// The resource's id.
    fn id(&self) -> &Self::Id;
}

/// What a batch reply is keyed by: one kind of [`Resource`], or several (an
/// enum of resources, for a task-chain reply whose `detail` mixes the ids of
/// several kinds).
///
/// Every [`Resource`] is a `BatchTarget` with the same `Id`, so
/// `BatchResponse<Instance>` needs nothing more than `#[derive(Resource)]` on
/// `Instance`. `#[derive(Resource)]` on an enum whose variants each hold one
/// resource implements this trait (not [`Resource`]: an enum of resources
/// holds no id of its own that [`Resource::id`] could return a reference to),
/// along with [`TaskChain`](crate::TaskChain).
///
/// It also types a job status whose sub-jobs touch several kinds
/// ([`JobStatus`](crate::JobStatus)): the key of the id in a sub-job's
/// `entities` (each kind's [`Resource::ID_FIELD`], such as `server_id` or
/// `nic_id`) chooses the kind.
///
/// A batch keyed by an id type alone, with no resource struct to name it,
/// is keyed by [`ById`]: `BatchResponse<ById<String>>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot key a batch: it is not a resource",
    label = "a batch is keyed by a `#[derive(Resource)]` type: a struct with a `#[resource(id)]` field, or an enum of resources",
    note = "if `{Self}` is an id type, key the batch by it alone: `ById<{Self}>`"
)]
pub trait BatchTarget {
    /// The key of `detail`: the resource's id type, or for an enum of
    /// resources the generated enum of their ids.
    type Id: ResourceKey;

    /// Which kind's id sits under the key `name` of a job's `entities`, if
    /// any. Not part of the public API: every [`Resource`] answers for its
    /// [`ID_FIELD`](Resource::ID_FIELD), the enum derive for each variant's;
    /// a hand-written `BatchTarget` finds no id.
    #[doc(hidden)]
    fn __entity_id_key(name: &str) -> Option<usize> {
        let _ = name;
        None
    }

    /// The key of kind `kind`'s id in a job's `entities`. Not part of the
    /// public API.
    #[doc(hidden)]
    fn __entity_id_key_name(kind: usize) -> &'static str {
        let _ = kind;
        "id"
    }

    /// The key under which `id` is written in a job's `entities`. Not part
    /// of the public API.
    #[doc(hidden)]
    fn __entity_id_key_of(id: &Self::Id) -> &'static str {
        let _ = id;
        "id"
    }

    /// Reads the id of kind `kind` from a job's `entities`. Not part of the
    /// public API.
    #[doc(hidden)]
    fn __deserialize_entity_id<'de, D: Deserializer<'de>>(
        kind: usize,
        deserializer: D,
    ) -> Result<Self::Id, D::Error> {
        let _ = kind;
        Self::Id::deserialize(deserializer)
    }
}

/// The id type, and the key of the id in a job's `entities`:
/// [`ID_FIELD`](Resource::ID_FIELD). A `KIND` here would make
/// `Instance::KIND` ambiguous wherever both traits are in scope (the enum
/// derive gives an enum of resources an inherent `KIND` instead).
///
/// `do_not_recommend`: a type that is not a `BatchTarget` is reported as
/// such (with the fix), not as "`Resource` is not implemented".
#[diagnostic::do_not_recommend]
impl<R: Resource> BatchTarget for R {
    type Id = R::Id;

    #[inline]
    fn __entity_id_key(name: &str) -> Option<usize> {
        (name == R::ID_FIELD).then_some(0)
    }

    fn __entity_id_key_name(_: usize) -> &'static str {
        R::ID_FIELD
    }

    fn __entity_id_key_of(_: &R::Id) -> &'static str {
        R::ID_FIELD
    }
}

/// A batch target keyed by the id type `I` alone: no resource struct is
/// needed to name it.
///
/// `BatchResponse<ById<String>>` is a batch reply whose `detail` is keyed
/// by `String`; `BatchResponse<ById<InstanceId>>` one keyed by a
/// `#[derive(ResourceId)]` type. It reads, checks and writes exactly what
/// `BatchResponse<R>` does for a resource `R` with that id type.
///
/// ```
/// use task_envelope::{BatchOutcome, BatchResponse, BatchResponseRef, ById};
///
/// let body = r#"{"code": 5400, "detail": {"ins-1": {"code": 0, "requestId": "1"},
///                                       "ins-2": {"code": 4001, "message": "quota exceeded"}}}"#;
/// let reply: BatchResponse<ById<String>> = serde_json::from_str(body)?;
/// assert_eq!(reply.outcome(), BatchOutcome::PartialFailure);
/// assert_eq!(reply.get("ins-2").map(|task| task.message.as_str()), Some("quota exceeded"));
///
/// let borrowed: BatchResponseRef<'_, ById<String>> = serde_json::from_str(body)?;
/// assert_eq!(borrowed.into_owned(), reply);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// What it does not know is a resource's *kind* and the name of its id
/// field, so a [`JobStatus`](crate::JobStatus) keyed by `ById` finds no
/// resource id in a sub-job's `entities` (its `resource_id` stays `None`):
/// the key under which a job names its resource is the id field's name
/// ([`Resource::ID_FIELD`]), which only a `#[derive(Resource)]` struct
/// gives. It is never built: it only names a type.
pub struct ById<I>(PhantomData<fn() -> I>);

impl<I: ResourceKey> BatchTarget for ById<I> {
    type Id = I;
}

/// What a [`Resource::Id`] must be: usable as a map key, printable in error
/// messages, and (de)serialisable as a string key.
///
/// This trait is implemented for every type that meets its bounds; it exists
/// to name them once. `String` and every type made with
/// `#[derive(ResourceId)]` qualify (the derive gives them all).
///
/// An id should serialise as a string: formats such as JSON only allow string
/// map keys, and the `detail` map is keyed by id.
///
/// A type that does not qualify is refused where it is used as an id, in one
/// error that says what to write (`#[derive(Resource)]` reports it under
/// the id field's type):
///
/// ```text
/// error[E0277]: `InstanceId` cannot be a resource id
///    |     instance_id: InstanceId,
///    |                  ^^^^^^^^^^ an id is a `String`, or a one-field tuple struct over `String` with `#[derive(ResourceId)]`
///    = note: `#[derive(ResourceId)] struct InstanceId(String);` gives an id type everything it needs
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a resource id",
    label = "an id is a `String`, or a one-field tuple struct over `String` with `#[derive(ResourceId)]`",
    note = "`#[derive(ResourceId)] struct InstanceId(String);` gives an id type everything it needs",
    note = "an id type written by hand needs `Eq`, `Hash`, `Clone`, `Debug`, `Display`, `Serialize` and `Deserialize`"
)]
pub trait ResourceKey:
    Eq + Hash + Clone + fmt::Debug + fmt::Display + Serialize + DeserializeOwned
{
}

/// `do_not_recommend`: a type that lacks one of the bounds is reported as
/// no id type (with the fix), not as a missing `Deserialize` or `Hash` that
/// names this crate's hidden paths.
#[diagnostic::do_not_recommend]
impl<T> ResourceKey for T where
    T: Eq + Hash + Clone + fmt::Debug + fmt::Display + Serialize + DeserializeOwned
{
}

/// A string newtype that names one kind of resource, made with
/// `#[derive(ResourceId)]`.
///
/// The derive implements this trait along with everything an id needs, so
/// that `#[derive(ResourceId)]` alone makes an id type:
///
/// - `Debug`, `Clone`, `PartialEq`, `Eq` and `Hash`, all by the id's text
///   (do not derive them as well: that is a "conflicting implementations"
///   error);
/// - `Borrow<str>`, sound because equality and hashing are `str`'s, so that
///   a batch is looked up by text: `reply.get("ins-1")`;
/// - `Display`, `FromStr`, `AsRef<str>`, `Serialize` and `Deserialize` (as a
///   plain string), and `schemars::JsonSchema` with the `schemars` feature.
///
/// `PartialOrd` and `Ord` are left to you (`#[derive(ResourceId, PartialOrd,
/// Ord)]` compares the text, as `str` does). The field is a `String`, or
/// another type that is `AsRef<str> + From<String> + Clone` (`Box<str>`,
/// `Arc<str>`); a number is refused, since an id is text on the wire.
///
/// Parsing (with `FromStr` or from the wire) refuses an empty id, an id
/// without the prefix, and an id that is only the prefix.
///
/// ```
/// use task_envelope::ResourceId;
///
/// #[derive(ResourceId)]
/// #[resource_id(prefix = "ins-")]
/// struct InstanceId(String);
///
/// let id: InstanceId = "ins-1".parse().unwrap();
/// assert_eq!(id.as_str(), "ins-1");
/// assert_eq!(InstanceId::PREFIX, Some("ins-"));
/// assert_eq!(id.clone(), id);
/// assert_eq!(format!("{id:?}"), r#"InstanceId("ins-1")"#);
/// let ids = std::collections::HashSet::from([id]);
/// assert!(ids.contains("ins-1"));
///
/// let err = "disk-1".parse::<InstanceId>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid InstanceId `disk-1`: it must start with `ins-`");
///
/// let from_wire: Result<InstanceId, _> = serde_json::from_str(r#""""#);
/// assert_eq!(
///     from_wire.unwrap_err().to_string(),
///     "invalid InstanceId: the id is empty at line 1 column 2",
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `ResourceId`",
    label = "ids checked here are `String`, or a one-field tuple struct over `String` with `#[derive(ResourceId)]`",
    note = "a task chain's variants and the borrowed view check each id by its type's `ResourceId` rules (its prefix)"
)]
pub trait ResourceId: Sized {
    /// The prefix every id of this type starts with, if any.
    const PREFIX: Option<&'static str>;

    /// The type's name, used in error messages.
    const TYPE_NAME: &'static str;

    /// The id as a string slice.
    fn as_str(&self) -> &str;

    /// Wraps a string that [`check`](ResourceId::check) accepted. Not part
    /// of the public API.
    #[doc(hidden)]
    fn __from_checked(id: String) -> Self;

    /// Checks `id` against the type's rules without building an id: not
    /// empty, starts with the prefix, and has something after it. `String`
    /// accepts anything.
    fn check(id: &str) -> Result<(), IdError> {
        check_id::<Self>(id)
    }

    /// Parses an id, checking it first.
    fn parse(id: &str) -> Result<Self, IdError> {
        Self::check(id)?;
        Ok(Self::__from_checked(id.to_owned()))
    }

    /// Parses an id already owned, reusing its allocation. Not part of the
    /// public API: an enum of resources overrides it (and `parse`) to choose
    /// its variant once instead of in both `check` and `__from_checked`.
    #[doc(hidden)]
    fn __parse_owned(id: String) -> Result<Self, IdError> {
        Self::check(&id)?;
        Ok(Self::__from_checked(id))
    }
}

/// `String` is an id type with no rules: any text, the empty one included,
/// is an id (as `String`'s own `Deserialize` reads it).
impl ResourceId for String {
    const PREFIX: Option<&'static str> = None;
    const TYPE_NAME: &'static str = "String";

    fn as_str(&self) -> &str {
        self
    }

    fn __from_checked(id: String) -> Self {
        id
    }

    fn check(_: &str) -> Result<(), IdError> {
        Ok(())
    }
}

/// Checks `id` against the rules of `I`.
pub(crate) fn check_id<I: ResourceId>(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        return Err(IdError::Empty {
            type_name: I::TYPE_NAME,
        });
    }
    if let Some(prefix) = I::PREFIX {
        match id.strip_prefix(prefix) {
            None => {
                return Err(IdError::MissingPrefix {
                    type_name: I::TYPE_NAME,
                    prefix,
                    id: id.to_owned(),
                });
            }
            Some("") => {
                return Err(IdError::OnlyPrefix {
                    type_name: I::TYPE_NAME,
                    prefix,
                });
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// Why a string is not a valid [`ResourceId`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdError {
    /// The id is the empty string.
    Empty {
        /// The id type's name.
        type_name: &'static str,
    },
    /// The id does not start with the type's prefix.
    MissingPrefix {
        /// The id type's name.
        type_name: &'static str,
        /// The prefix the id must start with.
        prefix: &'static str,
        /// The id that was refused.
        id: String,
    },
    /// The id is the prefix and nothing else.
    OnlyPrefix {
        /// The id type's name.
        type_name: &'static str,
        /// The prefix, which is all the id holds.
        prefix: &'static str,
    },
    /// No kind of a task-chain enum accepts the id: it starts with none of
    /// their prefixes, and every kind has one.
    NoKind {
        /// The generated id enum's name.
        type_name: &'static str,
        /// The id that was refused.
        id: String,
        /// The kinds tried, in the order of the enum's variants.
        kinds: Vec<&'static str>,
    },
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty { type_name } => write!(f, "invalid {type_name}: the id is empty"),
            IdError::MissingPrefix {
                type_name,
                prefix,
                id,
            } => write!(
                f,
                "invalid {type_name} {}: it must start with `{prefix}`",
                crate::text::IdText(id)
            ),
            IdError::OnlyPrefix { type_name, prefix } => write!(
                f,
                "invalid {type_name} `{prefix}`: nothing follows the prefix `{prefix}`"
            ),
            IdError::NoKind {
                type_name,
                id,
                kinds,
            } => write!(
                f,
                "invalid {type_name} {}: it is the id of none of the kinds tried ({})",
                crate::text::IdText(id),
                kinds.join(", ")
            ),
        }
    }
}

impl std::error::Error for IdError {}
