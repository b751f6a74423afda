//! [`RequestId`]: the task number of the code/requestId dialect, kept
//! inline when it is short (every task number seen in published replies
//! is), so that reading one allocates nothing.

use core::fmt;

use serde::de::{Deserialize, DeserializeSeed, Deserializer};
use serde::ser::{Serialize, Serializer};

use arrayvec::ArrayString;

use crate::wire::{Field, FromNumbered, Numbered, NumberedSeed, Numbers};

/// The task number of the code/requestId dialect (`requestId` on the wire),
/// used to poll the task.
///
/// Providers send it as a string (`"1231231231231"`) or as an integer
/// (`3901942`); it is kept as text either way, remembers which form it came
/// in, and is written back in that form. Equality, ordering and hashing
/// look at the text only, so `3901942` equals `"3901942"`. One built from a
/// string is a string; one built from a `u64` is an integer.
///
/// An id of up to 24 bytes (any integer, and the task numbers providers
/// send) is held inline, without an allocation.
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
#[derive(Clone)]
pub struct RequestId(Repr);

/// The most bytes held inline: what fits, with the form and the enum's tag,
/// in the 32 bytes a `String` and a flag took before (any `u64` or `i64`
/// fits, and the task numbers providers send).
const INLINE: usize = 24;

/// The id's text (inline or on the heap) and its form. `ArrayString` keeps
/// its text valid UTF-8, so reading it back checks nothing (an earlier
/// version checked the bytes on every `as_str`: a sixth of the cost of
/// writing a batch).
#[derive(Clone)]
enum Repr {
    Inline {
        integer: bool,
        text: ArrayString<INLINE>,
    },
    Heap {
        integer: bool,
        text: Box<str>,
    },
}

impl RequestId {
    /// An id with this text, written back as an integer when `integer`.
    #[inline]
    pub(crate) fn new(text: &str, integer: bool) -> Self {
        match ArrayString::from(text) {
            Ok(text) => RequestId(Repr::Inline { integer, text }),
            Err(_) => RequestId(Repr::Heap {
                integer,
                text: text.into(),
            }),
        }
    }

    /// The same, from an owned string (kept as it is when it is too long to
    /// be inline).
    pub(crate) fn from_string(text: String, integer: bool) -> Self {
        match ArrayString::from(&text) {
            Ok(inline) => RequestId(Repr::Inline {
                integer,
                text: inline,
            }),
            Err(_) => RequestId(Repr::Heap {
                integer,
                text: text.into_boxed_str(),
            }),
        }
    }

    /// An integer id.
    #[inline]
    pub(crate) fn integer(value: impl decimal::Decimal) -> Self {
        let mut text = ArrayString::new();
        value.write(&mut text);
        RequestId(Repr::Inline {
            integer: true,
            text,
        })
    }

    /// The id as a string slice (an integer id as its decimal text).
    #[must_use]
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { text, .. } => text,
            Repr::Heap { text, .. } => text,
        }
    }

    /// Unwraps the id's text.
    #[must_use]
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Heap { text, .. } => text.into_string(),
            Repr::Inline { text, .. } => text.as_str().to_owned(),
        }
    }

    /// Whether the id was (or will be) written as a JSON integer.
    #[must_use]
    #[inline]
    pub fn is_integer(&self) -> bool {
        match self.0 {
            Repr::Inline { integer, .. } | Repr::Heap { integer, .. } => integer,
        }
    }

    /// The id as the wire layer writes it.
    #[inline]
    pub(crate) fn wire(&self) -> Numbered<&str> {
        match &self.0 {
            Repr::Inline { integer, text } => Numbered {
                text,
                integer: *integer,
            },
            Repr::Heap { integer, text } => Numbered {
                text,
                integer: *integer,
            },
        }
    }
}

/// Decimal digits written without `fmt` or an allocation.
mod decimal {
    use arrayvec::ArrayString;

    use super::INLINE;

    /// An integer that writes its decimal text.
    pub(crate) trait Decimal {
        /// Appends the text to `out` (which has room for any value: at
        /// most 20 characters).
        fn write(self, out: &mut ArrayString<INLINE>);
    }

    /// The digits of `value`, most significant first, at the end of `digits`;
    /// returns where they start.
    fn digits(mut value: u64, digits: &mut [char; 20]) -> usize {
        let mut at = digits.len();
        loop {
            at -= 1;
            #[allow(clippy::cast_possible_truncation)] // below 10
            let digit = (value % 10) as u8;
            digits[at] = char::from(b'0' + digit);
            value /= 10;
            if value == 0 {
                return at;
            }
        }
    }

    impl Decimal for u64 {
        #[inline]
        fn write(self, out: &mut ArrayString<INLINE>) {
            let mut buffer = ['0'; 20];
            let start = digits(self, &mut buffer);
            for &digit in &buffer[start..] {
                out.push(digit);
            }
        }
    }

    impl Decimal for i64 {
        #[inline]
        fn write(self, out: &mut ArrayString<INLINE>) {
            if self < 0 {
                out.push('-');
            }
            self.unsigned_abs().write(out);
        }
    }
}

impl Default for RequestId {
    fn default() -> Self {
        RequestId::new("", false)
    }
}

impl From<String> for RequestId {
    fn from(id: String) -> Self {
        RequestId::from_string(id, false)
    }
}

impl From<&str> for RequestId {
    fn from(id: &str) -> Self {
        RequestId::new(id, false)
    }
}

/// An id written as a JSON integer.
impl From<u64> for RequestId {
    fn from(id: u64) -> Self {
        RequestId::integer(id)
    }
}

impl From<RequestId> for String {
    fn from(id: RequestId) -> Self {
        id.into_string()
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for RequestId {
    /// `"123"`, or `123` for an integer id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_integer() {
            f.write_str(self.as_str())
        } else {
            fmt::Debug::fmt(self.as_str(), f)
        }
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for RequestId {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
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
        self.as_str().cmp(other.as_str())
    }
}

impl core::hash::Hash for RequestId {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for RequestId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RequestId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for RequestId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.wire().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RequestId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        NumberedSeed::new(Field::standalone("a request id")).deserialize(deserializer)
    }
}

/// The owned parse (text kept as `String`) keeps a `requestId` as a
/// [`RequestId`], inline when short.
impl Numbers for String {
    type Numbered = RequestId;
}

impl FromNumbered<'_> for RequestId {
    const BORROWS: bool = false;

    #[inline]
    fn borrowed(text: &str) -> Self {
        RequestId::new(text, false)
    }

    #[inline]
    fn copied(text: &str) -> Self {
        RequestId::new(text, false)
    }

    fn owned(text: String) -> Self {
        RequestId::from_string(text, false)
    }

    #[inline]
    fn unsigned(value: u64) -> Self {
        RequestId::integer(value)
    }

    fn signed(value: i64) -> Self {
        RequestId::integer(value)
    }
}

#[cfg(test)]
mod tests {
    use super::RequestId;

    #[test]
    fn takes_the_room_a_string_and_a_flag_took() {
        assert_eq!(size_of::<RequestId>(), 32);
        assert_eq!(size_of::<Option<RequestId>>(), 32);
    }

    #[test]
    fn short_and_long_ids_read_the_same() {
        for text in [
            "",
            "7",
            "1231231231231",
            &"x".repeat(24),
            &"y".repeat(25),
            "é".repeat(12).as_str(),
            "é".repeat(13).as_str(),
        ] {
            let id = RequestId::from(text);
            assert_eq!(id.as_str(), text);
            assert_eq!(RequestId::from(text.to_owned()), id);
            assert_eq!(id.clone().into_string(), text);
        }
    }

    #[test]
    fn integers_are_written_without_fmt() {
        for value in [0, 7, 3_901_942, u64::MAX] {
            let id = RequestId::from(value);
            assert_eq!(id.as_str(), value.to_string());
            assert!(id.is_integer());
        }
        for value in [i64::MIN, -1, 0, 42, i64::MAX] {
            assert_eq!(RequestId::integer(value).as_str(), value.to_string());
        }
    }
}
