//! [`BatchOutcome`] (what a batch's entries say) and [`BatchError`] (when the
//! outer code says otherwise).
//!
//! Both are written like a `#[derive(Serialize, Deserialize)]` enum would be:
//! `"PartialFailure"`, `{"CodeMismatch": {"declared": 0, "expected": 5400}}`.

use core::fmt;

use serde::de::{
    self, Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde::ser::{Serialize, SerializeStructVariant, Serializer};

use crate::Code;
use crate::text::OneLine;
use crate::wire::Name;

/// What the entries of a batch say, by the outer-code rule.
///
/// ```
/// use task_envelope::{BatchOutcome, Code};
///
/// assert_eq!(BatchOutcome::AllSucceeded.code(), Code::SUCCESS);
/// assert_eq!(BatchOutcome::AllFailed.code(), Code::new(5100));
/// assert_eq!(BatchOutcome::PartialFailure.code(), Code::new(5400));
/// assert_eq!(BatchOutcome::AllSucceeded.to_string(), "all resources succeeded");
/// assert_eq!(BatchOutcome::PartialFailure.to_string(), "some resources failed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BatchOutcome {
    /// No resource failed (an empty batch included): outer code 0.
    AllSucceeded,
    /// Every resource failed, and there was at least one: outer code 5100.
    AllFailed,
    /// Some resources failed and some succeeded: outer code 5400.
    PartialFailure,
}

const OUTCOME_VARIANTS: &[&str] = &["AllSucceeded", "AllFailed", "PartialFailure"];

impl BatchOutcome {
    /// The outer code the rule gives for this outcome.
    #[must_use]
    pub const fn code(self) -> Code {
        match self {
            BatchOutcome::AllSucceeded => Code::SUCCESS,
            BatchOutcome::AllFailed => Code::ALL_FAILED,
            BatchOutcome::PartialFailure => Code::PARTIAL_FAILURE,
        }
    }

    /// The outcome whose code is `code`, if `code` is 0, 5100 or 5400.
    ///
    /// ```
    /// # use task_envelope::{BatchOutcome, Code};
    /// assert_eq!(BatchOutcome::from_code(Code::new(5100)), Some(BatchOutcome::AllFailed));
    /// assert_eq!(BatchOutcome::from_code(Code::new(4000)), None);
    /// ```
    #[must_use]
    pub const fn from_code(code: Code) -> Option<Self> {
        match code.get() {
            0 => Some(BatchOutcome::AllSucceeded),
            5100 => Some(BatchOutcome::AllFailed),
            5400 => Some(BatchOutcome::PartialFailure),
            _ => None,
        }
    }

    /// The rule: `failed` failures among `total` entries.
    pub(crate) const fn judge(failed: usize, total: usize) -> Self {
        if failed == 0 {
            BatchOutcome::AllSucceeded
        } else if failed >= total {
            BatchOutcome::AllFailed
        } else {
            BatchOutcome::PartialFailure
        }
    }

    /// A short message for a reply with this outcome: `"success"`,
    /// `"all resources failed"` or `"some resources failed"`.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            BatchOutcome::AllSucceeded => "success",
            BatchOutcome::AllFailed => "all resources failed",
            BatchOutcome::PartialFailure => "some resources failed",
        }
    }

    const fn variant_name(self) -> &'static str {
        match self {
            BatchOutcome::AllSucceeded => "AllSucceeded",
            BatchOutcome::AllFailed => "AllFailed",
            BatchOutcome::PartialFailure => "PartialFailure",
        }
    }
}

/// `all resources succeeded`, `all resources failed` or `some resources failed`.
impl fmt::Display for BatchOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BatchOutcome::AllSucceeded => "all resources succeeded",
            BatchOutcome::AllFailed | BatchOutcome::PartialFailure => self.message(),
        })
    }
}

impl Serialize for BatchOutcome {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let index = *self as u32;
        serializer.serialize_unit_variant("BatchOutcome", index, self.variant_name())
    }
}

impl<'de> Deserialize<'de> for BatchOutcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum("BatchOutcome", OUTCOME_VARIANTS, OutcomeVisitor)
    }
}

struct OutcomeVisitor;

impl<'de> Visitor<'de> for OutcomeVisitor {
    type Value = BatchOutcome;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch outcome: AllSucceeded, AllFailed or PartialFailure")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<BatchOutcome, A::Error> {
        let (index, variant) = data.variant_seed(Name::variant(OUTCOME_VARIANTS))?;
        variant.unit_variant()?;
        Ok(match index {
            Some(0) => BatchOutcome::AllSucceeded,
            Some(1) => BatchOutcome::AllFailed,
            _ => BatchOutcome::PartialFailure,
        })
    }
}

/// Why [`BatchResponse::verify`](crate::BatchResponse::verify) refused a reply.
///
/// ```
/// use task_envelope::{BatchError, Code};
///
/// let mismatch = BatchError::CodeMismatch { declared: Code::SUCCESS, expected: Code::PARTIAL_FAILURE };
/// assert_eq!(
///     mismatch.to_string(),
///     "the batch reply declares code 0 but its entries call for 5400 (some resources failed)",
/// );
/// let rejected = BatchError::Rejected { code: Code::new(4000), message: "bad request".into() };
/// assert_eq!(rejected.to_string(), "the batch request was rejected with code 4000: bad request");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BatchError {
    /// The outer code disagrees with the entries.
    CodeMismatch {
        /// The code the reply declares.
        declared: Code,
        /// The code the rule gives for the entries.
        expected: Code,
    },
    /// The whole request was refused: a non-zero code and no entries.
    Rejected {
        /// The reply's code.
        code: Code,
        /// The reply's message.
        message: String,
    },
}

const ERROR_VARIANTS: &[&str] = &["CodeMismatch", "Rejected"];
const MISMATCH_FIELDS: &[&str] = &["declared", "expected"];
const REJECTED_FIELDS: &[&str] = &["code", "message"];

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::CodeMismatch { declared, expected } => {
                write!(
                    f,
                    "the batch reply declares code {declared} but its entries call for {expected}"
                )?;
                match BatchOutcome::from_code(*expected) {
                    Some(outcome) => write!(f, " ({outcome})"),
                    None => Ok(()),
                }
            }
            BatchError::Rejected { code, message } if message.is_empty() => {
                write!(
                    f,
                    "the batch request was rejected with code {code} (no message)"
                )
            }
            BatchError::Rejected { code, message } => write!(
                f,
                "the batch request was rejected with code {code}: {}",
                OneLine(message)
            ),
        }
    }
}

impl std::error::Error for BatchError {}

impl Serialize for BatchError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            BatchError::CodeMismatch { declared, expected } => {
                let mut variant =
                    serializer.serialize_struct_variant("BatchError", 0, "CodeMismatch", 2)?;
                variant.serialize_field("declared", declared)?;
                variant.serialize_field("expected", expected)?;
                variant.end()
            }
            BatchError::Rejected { code, message } => {
                let mut variant =
                    serializer.serialize_struct_variant("BatchError", 1, "Rejected", 2)?;
                variant.serialize_field("code", code)?;
                variant.serialize_field("message", message)?;
                variant.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for BatchError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum("BatchError", ERROR_VARIANTS, ErrorVisitor)
    }
}

struct ErrorVisitor;

impl<'de> Visitor<'de> for ErrorVisitor {
    type Value = BatchError;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch error: CodeMismatch or Rejected")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<BatchError, A::Error> {
        let (index, variant) = data.variant_seed(Name::variant(ERROR_VARIANTS))?;
        match index {
            Some(0) => variant.struct_variant(MISMATCH_FIELDS, MismatchVisitor),
            _ => variant.struct_variant(REJECTED_FIELDS, RejectedVisitor),
        }
    }
}

/// Defines the visitor of one struct variant of [`BatchError`] whose two
/// fields are read in order from a sequence or by name from a map.
macro_rules! struct_variant_visitor {
    ($visitor:ident, $variant:ident { $first:ident, $second:ident }, $fields:ident) => {
        struct $visitor;

        impl<'de> Visitor<'de> for $visitor {
            type Value = BatchError;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!("struct variant BatchError::", stringify!($variant)))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<BatchError, A::Error> {
                let $first = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let $second = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                Ok(BatchError::$variant { $first, $second })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BatchError, A::Error> {
                let mut $first = None;
                let mut $second = None;
                while let Some(index) = map.next_key_seed(Name::field($fields))? {
                    match index {
                        Some(0) => set_once(&mut $first, stringify!($first), map.next_value()?)?,
                        Some(1) => set_once(&mut $second, stringify!($second), map.next_value()?)?,
                        _ => map.next_value::<de::IgnoredAny>().map(drop)?,
                    }
                }
                Ok(BatchError::$variant {
                    $first: $first.ok_or_else(|| de::Error::missing_field(stringify!($first)))?,
                    $second: $second
                        .ok_or_else(|| de::Error::missing_field(stringify!($second)))?,
                })
            }
        }
    };
}

struct_variant_visitor!(
    MismatchVisitor,
    CodeMismatch { declared, expected },
    MISMATCH_FIELDS
);
struct_variant_visitor!(RejectedVisitor, Rejected { code, message }, REJECTED_FIELDS);

fn set_once<T, E: de::Error>(slot: &mut Option<T>, name: &'static str, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}
