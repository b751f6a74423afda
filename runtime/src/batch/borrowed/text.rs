//! [`Text`]: a string borrowed from the input, or owned when it had escapes.

use core::fmt;
use core::hash::Hash;
use core::ops::Deref;
use std::borrow::Cow;

use serde::de::{Deserialize, DeserializeSeed, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::wire::{Field, FromText, Numbered, TextSeed};

/// Text borrowed from the input when it can be, owned when it must be.
///
/// A JSON string without escapes is borrowed as it is; one with escapes
/// (`"ins\u002d1"`) has to be unescaped, so it is kept as an owned copy
/// rather than refused. It derefs to `str`.
///
/// ```
/// use task_envelope::Text;
///
/// let plain: Text<'_> = serde_json::from_str(r#""ins-1""#).unwrap();
/// assert!(plain.is_borrowed());
/// let escaped: Text<'_> = serde_json::from_str(r#""ins\u002d1""#).unwrap();
/// assert!(!escaped.is_borrowed());
/// assert_eq!(plain, escaped);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text<'a>(Cow<'a, str>);

impl Text<'_> {
    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text borrows from the input (it had no escapes).
    #[must_use]
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }

    /// The text as an owned `String` (copied only if it was borrowed).
    #[must_use]
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Text(Cow::Borrowed(text))
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl<'a> crate::wire::Numbers for Text<'a> {
    type Numbered = Numbered<Text<'a>>;
}

impl<'de> FromText<'de> for Text<'de> {
    const BORROWS: bool = true;

    #[inline]
    fn borrowed(text: &'de str) -> Self {
        Text(Cow::Borrowed(text))
    }

    #[inline]
    fn copied(text: &str) -> Self {
        Text(Cow::Owned(text.to_owned()))
    }

    #[inline]
    fn owned(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TextSeed::text(Field::standalone("the text")).deserialize(deserializer)
    }
}
