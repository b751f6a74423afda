//! [`IdRef`]: a resource id borrowed from the input.

use core::borrow::Borrow;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::Text;
use crate::wire::{Field, TextSeed};
use crate::{BatchTarget, ResourceId};

/// A resource id borrowed from the input, typed by its resource `R`: ids of
/// different kinds of resource still cannot be mixed.
///
/// Parsing checks it by the rules of `R::Id` (see [`ResourceId::check`]),
/// without building an `R::Id`. It hashes and compares as its text, so a
/// batch can be looked up with a `&str` or with an `R::Id`.
pub struct IdRef<'a, R: BatchTarget> {
    text: Text<'a>,
    resource: PhantomData<fn() -> R>,
}

impl<'a, R: BatchTarget> IdRef<'a, R> {
    /// The id's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Whether the id borrows from the input (it had no escapes).
    #[must_use]
    pub fn is_borrowed(&self) -> bool {
        self.text.is_borrowed()
    }

    /// The id as text.
    #[must_use]
    pub fn text(&self) -> &Text<'a> {
        &self.text
    }
}

impl<R: BatchTarget> IdRef<'_, R>
where
    R::Id: ResourceId,
{
    /// The id as an owned `R::Id`.
    #[must_use]
    pub fn to_id(&self) -> R::Id {
        R::Id::__from_checked(self.text.as_str().to_owned())
    }

    /// The id as an owned `R::Id`, reusing the text when it is owned.
    #[must_use]
    pub fn into_id(self) -> R::Id {
        R::Id::__from_checked(self.text.into_owned())
    }
}

impl<R: BatchTarget> Clone for IdRef<'_, R> {
    fn clone(&self) -> Self {
        IdRef {
            text: self.text.clone(),
            resource: PhantomData,
        }
    }
}

impl<R: BatchTarget> fmt::Debug for IdRef<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<R: BatchTarget> fmt::Display for IdRef<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<R: BatchTarget> PartialEq for IdRef<'_, R> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl<R: BatchTarget> Eq for IdRef<'_, R> {}

impl<R: BatchTarget> Hash for IdRef<'_, R> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// Hashes and compares like its text, so `&str` lookups work.
impl<R: BatchTarget> Borrow<str> for IdRef<'_, R> {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl<R: BatchTarget> Serialize for IdRef<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de, R: BatchTarget> Deserialize<'de> for IdRef<'de, R>
where
    R::Id: ResourceId,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text: Text<'de> =
            TextSeed::text(Field::standalone("a resource id")).deserialize(deserializer)?;
        R::Id::check(text.as_str()).map_err(de::Error::custom)?;
        Ok(IdRef {
            text,
            resource: PhantomData,
        })
    }
}
