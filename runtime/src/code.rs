//! [`Code`]: the integer status code of the code/requestId dialect.

use core::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, Unexpected, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::wire::Field;

/// The status code of a reply in the code/requestId dialect.
///
/// `0` means success, any other value means failure. Batch replies use two
/// reserved outer codes, [`Code::ALL_FAILED`] (5100) and
/// [`Code::PARTIAL_FAILURE`] (5400); see [`BatchOutcome`](crate::BatchOutcome).
///
/// # Wire format
///
/// A code is written as a JSON integer. When parsing, a code may be an
/// integer (negative values included) or a string of ASCII digits such as
/// `"5400"`, because some providers quote their codes. Anything else (a float,
/// a boolean, `""`, `"5.4e3"`, `"-1"`, a number beyond the range of `i64`) is
/// an error that says what was found.
///
/// ```
/// use task_envelope::Code;
///
/// let quoted: Code = serde_json::from_str(r#""5400""#).unwrap();
/// assert_eq!(quoted, Code::PARTIAL_FAILURE);
/// assert_eq!(serde_json::to_string(&quoted).unwrap(), "5400");
///
/// let err = serde_json::from_str::<Code>("5.4").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid type: floating point `5.4`, expected the code to be an integer \
///      or a string of digits at line 1 column 3",
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Code(i64);

impl Code {
    /// `0`: the task (or every task of a batch) was accepted.
    pub const SUCCESS: Code = Code(0);
    /// `5100`: the outer code of a batch in which every resource failed.
    pub const ALL_FAILED: Code = Code(5100);
    /// `5400`: the outer code of a batch in which some resources failed and
    /// some succeeded.
    pub const PARTIAL_FAILURE: Code = Code(5400);

    /// Wraps a raw code.
    ///
    /// ```
    /// # use task_envelope::Code;
    /// assert_eq!(Code::new(5100), Code::ALL_FAILED);
    /// ```
    #[must_use]
    pub const fn new(code: i64) -> Self {
        Code(code)
    }

    /// The raw code.
    ///
    /// ```
    /// # use task_envelope::Code;
    /// assert_eq!(Code::PARTIAL_FAILURE.get(), 5400);
    /// ```
    #[must_use]
    pub const fn get(self) -> i64 {
        self.0
    }

    /// Whether this is the success code `0`.
    ///
    /// ```
    /// # use task_envelope::Code;
    /// assert!(Code::SUCCESS.is_success());
    /// assert!(!Code::new(4001).is_success());
    /// ```
    #[must_use]
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Compares with a raw code.
///
/// ```
/// # use task_envelope::Code;
/// assert_eq!(Code::PARTIAL_FAILURE, 5400);
/// ```
impl PartialEq<i64> for Code {
    fn eq(&self, other: &i64) -> bool {
        self.0 == *other
    }
}

impl From<i64> for Code {
    fn from(code: i64) -> Self {
        Code(code)
    }
}

impl From<Code> for i64 {
    fn from(code: Code) -> Self {
        code.0
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CodeSeed(Field::standalone("the code")).deserialize(deserializer)
    }
}

/// Deserialises a [`Code`], naming `field` in every error.
pub(crate) struct CodeSeed<'a>(pub(crate) Field<'a>);

impl<'de> DeserializeSeed<'de> for CodeSeed<'_> {
    type Value = Code;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Code, D::Error> {
        if deserializer.is_human_readable() {
            // Self-describing formats may carry either an integer or a quoted one.
            deserializer.deserialize_any(self)
        } else {
            // Compact formats (bincode, postcard) cannot say which; we always
            // write an integer, so read one.
            deserializer.deserialize_i64(self)
        }
    }
}

impl Visitor<'_> for CodeSeed<'_> {
    type Value = Code;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to be an integer or a string of digits", self.0)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Code, E> {
        Ok(Code(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Code, E> {
        i64::try_from(value)
            .map(Code)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &OutOfRange(self.0)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Code, E> {
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E::invalid_value(Unexpected::Str(value), &self));
        }
        value
            .parse()
            .map(Code)
            .map_err(|_| E::invalid_value(Unexpected::Str(value), &OutOfRange(self.0)))
    }
}

/// The `expected` half of an out-of-range error.
struct OutOfRange<'a>(Field<'a>);

impl de::Expected for OutOfRange<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to fit in a 64-bit signed integer", self.0)
    }
}
