//! [`RequestId`] and [`JobId`]: the task numbers a provider hands back.

use core::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

/// Defines a string newtype for an opaque task number.
macro_rules! task_number {
    ($(#[$doc:meta])* $name:ident, $what:literal, $example:literal) => {
        $(#[$doc])*
        ///
        /// The value is opaque: any string is kept as it came, including an
        /// empty one. It is written to the wire as a plain string.
        ///
        /// ```
        #[doc = concat!("use task_envelope::", stringify!($name), ";")]
        ///
        #[doc = concat!("let id = ", stringify!($name), "::from(\"", $example, "\");")]
        #[doc = concat!("assert_eq!(id.to_string(), \"", $example, "\");")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert_eq!(id, \"", $example, "\");")]
        #[doc = concat!("assert_eq!(serde_json::to_string(&id).unwrap(), r#\"\"", $example, "\"\"#);")]
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(String);

        impl $name {
            /// The id as a string slice.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Unwraps the id.
            #[must_use]
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                $name(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_string(StringVisitor($what)).map($name)
            }
        }
    };
}

task_number!(
    /// The id of a job in the `job_id`/`error` dialect (`job_id` on the wire),
    /// used to poll the job.
    JobId,
    "a job id string",
    "70a599e0-31e7-49b7-b260-868f441e862b"
);

/// Reads an owned string; `.0` says what the string is, for the error.
struct StringVisitor(&'static str);

impl Visitor<'_> for StringVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }
}

/// The task number of the code/requestId dialect (`requestId` on the wire),
/// used to poll the task.
///
/// Providers send it as a string (`"1231231231231"`) or as an integer
/// (`3901942`); it is kept as text either way, remembers which form it came
/// in, and is written back in that form. Equality, ordering and hashing
/// look at the text only, so `3901942` equals `"3901942"`. One built from a
/// string is a string; one built from a `u64` is an integer.
///
/// ```
/// use task_envelope::RequestId;
///
/// let id = RequestId::from("1231231231231");
/// assert_eq!(id.as_str(), "1231231231231");
/// assert_eq!(serde_json::to_string(&id).unwrap(), r#""1231231231231""#);
///
/// let number: RequestId = serde_json::from_str("3901942").unwrap();
/// assert!(number.is_integer());
/// assert_eq!(number, "3901942");
/// assert_eq!(number, RequestId::from(3_901_942));
/// assert_eq!(serde_json::to_string(&number).unwrap(), "3901942");
/// ```
#[derive(Clone, Default)]
pub struct RequestId {
    text: String,
    integer: bool,
}

impl RequestId {
    /// The id as a string slice (an integer id as its decimal text).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Unwraps the id's text.
    #[must_use]
    pub fn into_string(self) -> String {
        self.text
    }

    /// Whether the id was (or will be) written as a JSON integer.
    #[must_use]
    pub fn is_integer(&self) -> bool {
        self.integer
    }

    /// An id as the wire layer read it.
    pub(crate) fn from_numbered(id: crate::wire::Numbered<String>) -> Self {
        RequestId {
            text: id.text,
            integer: id.integer,
        }
    }

    /// The id as the wire layer writes it.
    pub(crate) fn wire(&self) -> crate::wire::Numbered<&str> {
        crate::wire::Numbered {
            text: &self.text,
            integer: self.integer,
        }
    }
}

impl From<String> for RequestId {
    fn from(id: String) -> Self {
        RequestId {
            text: id,
            integer: false,
        }
    }
}

impl From<&str> for RequestId {
    fn from(id: &str) -> Self {
        RequestId::from(id.to_owned())
    }
}

/// An id written as a JSON integer.
impl From<u64> for RequestId {
    fn from(id: u64) -> Self {
        RequestId {
            text: id.to_string(),
            integer: true,
        }
    }
}

impl From<RequestId> for String {
    fn from(id: RequestId) -> Self {
        id.text
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl fmt::Debug for RequestId {
    /// `"123"`, or `123` for an integer id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.integer {
            f.write_str(&self.text)
        } else {
            fmt::Debug::fmt(&self.text, f)
        }
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq for RequestId {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for RequestId {}

impl PartialOrd for RequestId {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RequestId {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl core::hash::Hash for RequestId {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PartialEq<str> for RequestId {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for RequestId {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl Serialize for RequestId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.wire().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RequestId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id: crate::wire::Numbered<String> =
            crate::wire::NumberedSeed::new(crate::wire::Field::standalone("a request id"))
                .deserialize(deserializer)?;
        Ok(RequestId::from_numbered(id))
    }
}
