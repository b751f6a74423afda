//! [`Code`]: the integer status code of the code/requestId dialect.

use core::fmt;

use serde::ser::{Serialize, Serializer};

/// The status code of a reply in the code/requestId dialect.
///
/// `0` means success, any other value means failure. Batch replies use two
/// reserved outer codes, [`Code::ALL_FAILED`] (5100) and
/// [`Code::PARTIAL_FAILURE`] (5400); see [`BatchOutcome`](crate::BatchOutcome).
///
/// # Wire format
///
/// When parsing, a code may be an integer (negative values included) or a
/// string of ASCII digits such as `"5400"`, because providers quote their
/// codes as often as not. Anything else (a float, a boolean, `""`, `"5.4e3"`,
/// `"-1"`, a number beyond the range of `i64`) is an error that says what was
/// found.
///
/// A parsed code keeps the form it was read in and is written back in it:
/// `"0"` stays a string (leading zeros included: `"007"` is written as
/// `"007"`), `0` stays an integer, so a server can answer exactly as the
/// provider does. A code you build ([`Code::new`], the constants) is an
/// integer; [`Code::quoted`] gives the string form. Equality, ordering and
/// hashing look at the value only: `"5400"` equals `5400`.
///
/// ```
/// use task_envelope::Code;
///
/// let quoted: Code = serde_json::from_str(r#""5400""#).unwrap();
/// assert_eq!(quoted, Code::PARTIAL_FAILURE);
/// assert!(quoted.is_quoted());
/// assert_eq!(serde_json::to_string(&quoted).unwrap(), r#""5400""#);
/// assert_eq!(serde_json::to_string(&Code::PARTIAL_FAILURE).unwrap(), "5400");
///
/// let err = serde_json::from_str::<Code>("5.4").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid type: floating point `5.4`, expected the code to be an integer \
///      or a string of digits at line 1 column 3",
/// );
/// ```
#[derive(Clone, Copy, Default)]
pub struct Code {
    value: i64,
    form: Form,
}

/// How a code was written on the wire.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Form {
    /// A JSON integer (and every code built in code).
    #[default]
    Integer,
    /// A string of this many ASCII digits (leading zeros count).
    Digits(u32),
}

impl Code {
    /// `0`: the task (or every task of a batch) was accepted.
    pub const SUCCESS: Code = Code::new(0);
    /// `5100`: the outer code of a batch in which every resource failed.
    pub const ALL_FAILED: Code = Code::new(5100);
    /// `5400`: the outer code of a batch in which some resources failed and
    /// some succeeded.
    pub const PARTIAL_FAILURE: Code = Code::new(5400);

    /// Wraps a raw code.
    ///
    /// ```
    /// # use task_envelope::Code;
    /// assert_eq!(Code::new(5100), Code::ALL_FAILED);
    /// ```
    #[must_use]
    pub const fn new(code: i64) -> Self {
        Code {
            value: code,
            form: Form::Integer,
        }
    }

    /// The same code, written as a string of digits (`"5400"`), as some
    /// providers send it. A negative code has no such form and stays an
    /// integer.
    ///
    /// ```
    /// # use task_envelope::Code;
    /// let quoted = Code::new(5400).quoted();
    /// assert_eq!(quoted, Code::PARTIAL_FAILURE);
    /// assert_eq!(serde_json::to_string(&quoted).unwrap(), r#""5400""#);
    /// assert_eq!(serde_json::to_string(&Code::new(-1).quoted()).unwrap(), "-1");
    /// ```
    #[must_use]
    pub const fn quoted(self) -> Self {
        if self.value < 0 {
            return Code::new(self.value);
        }
        Code {
            value: self.value,
            form: Form::Digits(digit_count(self.value.unsigned_abs())),
        }
    }

    /// Whether the code was (or will be) written as a string of digits.
    #[must_use]
    pub const fn is_quoted(self) -> bool {
        matches!(self.form, Form::Digits(_))
    }

    /// The raw code.
    ///
    /// ```
    /// # use task_envelope::Code;
    /// assert_eq!(Code::PARTIAL_FAILURE.get(), 5400);
    /// ```
    #[must_use]
    pub const fn get(self) -> i64 {
        self.value
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
        self.value == 0
    }
}

/// How many decimal digits `value` has.
const fn digit_count(mut value: u64) -> u32 {
    let mut digits = 1;
    while value >= 10 {
        value /= 10;
        digits += 1;
    }
    digits
}

/// `Code(5400)`, or `Code("5400")` for a quoted code.
impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.form {
            Form::Integer => write!(f, "Code({})", self.value),
            Form::Digits(width) => write!(
                f,
                "Code(\"{:0width$}\")",
                self.value,
                width = width as usize
            ),
        }
    }
}

/// The value, without quotes or leading zeros: `5400`.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.value == other.value
    }
}

impl Eq for Code {}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> core::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl core::hash::Hash for Code {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
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
        self.value == *other
    }
}

impl From<i64> for Code {
    fn from(code: i64) -> Self {
        Code::new(code)
    }
}

impl From<Code> for i64 {
    fn from(code: Code) -> Self {
        code.value
    }
}

impl Serialize for Code {
    /// An integer, or the string of digits it was read as. Compact formats
    /// (bincode, postcard), which read back integers only, always get the
    /// integer.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.form {
            Form::Digits(_) if !serializer.is_human_readable() => {
                serializer.serialize_i64(self.value)
            }
            Form::Integer => serializer.serialize_i64(self.value),
            Form::Digits(width) => serializer.collect_str(&format_args!(
                "{:0width$}",
                self.value,
                width = width as usize
            )),
        }
    }
}

impl Code {
    /// A code read as a string of `width` digits (leading zeros included).
    pub(crate) const fn from_digits(value: i64, width: u32) -> Code {
        Code {
            value,
            form: Form::Digits(width),
        }
    }
}
