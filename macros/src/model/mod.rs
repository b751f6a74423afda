//! What was parsed and checked: the models the derives generate code from.
//!
//! Building a model reads the attributes (`attr.rs`), checks the input, and
//! records every problem in [`Errors`](crate::errors::Errors); a model is only
//! returned when there was none. The models keep references to the user's
//! syntax nodes, so that generated code and later errors carry their spans.
//!
//! - [`resource`]: a struct deriving `Resource`;
//! - [`resource_id`]: a one-field tuple struct deriving `ResourceId`;
//! - [`chain`]: an enum of resources deriving `Resource` (a task chain's
//!   target, keyed by a generated id enum);
//! - [`kind`]: the `KIND` of a resource or a chain.

pub(crate) mod chain;
pub(crate) mod kind;
pub(crate) mod resource;
pub(crate) mod resource_id;
