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
use crate::wire::NameIndex;

/// What a batch reply says, by the outer-code rule: what its entries say,
/// or that the whole request was rejected.
///
/// ```
/// use task_envelope::{BatchOutcome, Code};
///
/// assert_eq!(BatchOutcome::AllSucceeded.code(), Code::SUCCESS);
/// assert_eq!(BatchOutcome::AllFailed.code(), Code::new(5100));
/// assert_eq!(BatchOutcome::PartialFailure.code(), Code::new(5400));
/// assert_eq!(BatchOutcome::AllSucceeded.to_string(), "all resources succeeded");
/// assert_eq!(BatchOutcome::PartialFailure.to_string(), "some resources failed");
///
/// let rejected = BatchOutcome::Rejected { code: Code::new(4000) };
/// assert_eq!(rejected.code(), Code::new(4000));
/// assert!(!rejected.is_success());
/// assert_eq!(rejected.to_string(), "the request was rejected with code 4000");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BatchOutcome {
    /// No resource failed (an empty batch included): outer code 0.
    AllSucceeded,
    /// Every resource failed, and there was at least one: outer code 5100.
    AllFailed,
    /// Some resources failed and some succeeded: outer code 5400.
    PartialFailure,
    /// The whole request was refused before any resource was touched: a
    /// non-zero code and no entries (`{"code": 4000, "message":
    /// "instanceIds must not be empty"}`). Never a success.
    Rejected {
        /// The reply's code.
        code: Code,
    },
}

const OUTCOME_VARIANTS: &[&str] = &["AllSucceeded", "AllFailed", "PartialFailure", "Rejected"];
const REJECTED_OUTCOME_FIELDS: &[&str] = &["code"];

impl BatchOutcome {
    /// The outer code the rule gives for this outcome; for a rejection, the
    /// reply's own code.
    #[must_use]
    pub const fn code(self) -> Code {
        match self {
            BatchOutcome::AllSucceeded => Code::SUCCESS,
            BatchOutcome::AllFailed => Code::ALL_FAILED,
            BatchOutcome::PartialFailure => Code::PARTIAL_FAILURE,
            BatchOutcome::Rejected { code } => code,
        }
    }

    /// Whether every resource succeeded (an empty batch included). A
    /// rejection is not a success.
    #[must_use]
    pub const fn is_success(self) -> bool {
        matches!(self, BatchOutcome::AllSucceeded)
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
        // The codes of `code()`, the other way round.
        const SUCCESS: i64 = Code::SUCCESS.get();
        const ALL_FAILED: i64 = Code::ALL_FAILED.get();
        const PARTIAL_FAILURE: i64 = Code::PARTIAL_FAILURE.get();
        match code.get() {
            SUCCESS => Some(BatchOutcome::AllSucceeded),
            ALL_FAILED => Some(BatchOutcome::AllFailed),
            PARTIAL_FAILURE => Some(BatchOutcome::PartialFailure),
            _ => None,
        }
    }

    /// A short message for a reply with this outcome: `"success"`,
    /// `"all resources failed"`, `"some resources failed"` or
    /// `"request rejected"`.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            BatchOutcome::AllSucceeded => "success",
            BatchOutcome::AllFailed => "all resources failed",
            BatchOutcome::PartialFailure => "some resources failed",
            BatchOutcome::Rejected { .. } => "request rejected",
        }
    }

    const fn variant_name(self) -> &'static str {
        match self {
            BatchOutcome::AllSucceeded => "AllSucceeded",
            BatchOutcome::AllFailed => "AllFailed",
            BatchOutcome::PartialFailure => "PartialFailure",
            BatchOutcome::Rejected { .. } => "Rejected",
        }
    }

    const fn variant_index(self) -> u32 {
        match self {
            BatchOutcome::AllSucceeded => 0,
            BatchOutcome::AllFailed => 1,
            BatchOutcome::PartialFailure => 2,
            BatchOutcome::Rejected { .. } => 3,
        }
    }
}

/// `all resources succeeded`, `all resources failed`, `some resources
/// failed` or `the request was rejected with code 4000`.
impl fmt::Display for BatchOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchOutcome::AllSucceeded => f.write_str("all resources succeeded"),
            BatchOutcome::AllFailed | BatchOutcome::PartialFailure => f.write_str(self.message()),
            BatchOutcome::Rejected { code } => {
                write!(f, "the request was rejected with code {code}")
            }
        }
    }
}

impl Serialize for BatchOutcome {
    /// A unit variant (`"PartialFailure"`), or `{"Rejected": {"code": 4000}}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (name, index) = ("BatchOutcome", self.variant_index());
        match self {
            BatchOutcome::Rejected { code } => {
                let mut variant =
                    serializer.serialize_struct_variant(name, index, "Rejected", 1)?;
                variant.serialize_field("code", code)?;
                variant.end()
            }
            _ => serializer.serialize_unit_variant(name, index, self.variant_name()),
        }
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
        let (index, variant) = data.variant_seed(NameIndex::variant(OUTCOME_VARIANTS))?;
        if index == Some(3) {
            return variant.struct_variant(REJECTED_OUTCOME_FIELDS, RejectedOutcomeVisitor);
        }
        variant.unit_variant()?;
        Ok(match index {
            Some(0) => BatchOutcome::AllSucceeded,
            Some(1) => BatchOutcome::AllFailed,
            _ => BatchOutcome::PartialFailure,
        })
    }
}

/// The fields of `BatchOutcome::Rejected`: `{"code": 4000}` or `[4000]`.
struct RejectedOutcomeVisitor;

impl<'de> Visitor<'de> for RejectedOutcomeVisitor {
    type Value = BatchOutcome;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct variant BatchOutcome::Rejected")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<BatchOutcome, A::Error> {
        let code = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        Ok(BatchOutcome::Rejected { code })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BatchOutcome, A::Error> {
        let mut code = None;
        while let Some(index) = map.next_key_seed(NameIndex::field(REJECTED_OUTCOME_FIELDS))? {
            match index {
                Some(_) => set_once(&mut code, "code", map.next_value()?)?,
                None => crate::wire::skip_value(&mut map)?,
            }
        }
        let code = code.ok_or_else(|| de::Error::missing_field("code"))?;
        Ok(BatchOutcome::Rejected { code })
    }
}

/// Why [`BatchResponse::verify`](crate::BatchResponse::verify) refused a reply
/// (`#[non_exhaustive]`: a later check may add a reason; match with a `_`
/// arm).
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
#[non_exhaustive]
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
        let (index, variant) = data.variant_seed(NameIndex::variant(ERROR_VARIANTS))?;
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

            crate::wire::refuse_text!();

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
                while let Some(index) = map.next_key_seed(NameIndex::field($fields))? {
                    match index {
                        Some(0) => set_once(&mut $first, stringify!($first), map.next_value()?)?,
                        Some(1) => set_once(&mut $second, stringify!($second), map.next_value()?)?,
                        _ => crate::wire::skip_value(&mut map)?,
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
