//! [`ApiError`] and [`ErrorDetail`]: the `error` object of a rejected job
//! submission, codes kept as text whether the wire quotes them or not.

use core::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::text::OneLine;
use crate::wire::{Field, Name, NullOr, Slot, TextSeed, reject_repeat, skip_value};

const ERROR_KEYS: &[&str] = &["code", "message", "details"];

/// A refused request of the `job_id`/`error` dialect: the `error` object.
///
/// `code` is required and may be a string or an integer on the wire (several
/// providers' samples write it unquoted); it is kept as text either way.
/// `message` may be absent or `null` (read as `""`); `details` may be absent
/// or `null` (read as empty). Each detail's `code` and `message` are optional.
///
/// Its `Display` is one line: the code, the message, and the detail codes.
///
/// ```
/// use task_envelope::{ApiError, ErrorDetail};
///
/// let error: ApiError = serde_json::from_str(r#"{
///     "message": "Insufficient quota", "code": "Ecs.0605",
///     "details": [{"message": "cores", "code": 1001}, {"message": "ram"}]
/// }"#).unwrap();
/// assert_eq!(error.details[0].code.as_deref(), Some("1001"));
/// assert_eq!(
///     error.to_string(),
///     "Ecs.0605: Insufficient quota (detail codes: 1001, none)",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApiError {
    /// The error code, such as `"Ecs.0605"`, as text.
    pub code: String,
    /// The error message.
    pub message: String,
    /// Finer-grained causes, in wire order.
    pub details: Vec<ErrorDetail>,
}

impl ApiError {
    /// An error with a code and a message and no details.
    #[must_use]
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError {
            code: code.into(),
            message: message.into(),
            details: Vec::new(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", OneLine(&self.code))?;
        if self.message.is_empty() {
            f.write_str("(no message)")?;
        } else {
            write!(f, "{}", OneLine(&self.message))?;
        }
        let mut details = self.details.iter();
        if let Some(first) = details.next() {
            write!(f, " (detail codes: {}", DetailCode(first))?;
            for detail in details {
                write!(f, ", {}", DetailCode(detail))?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

struct DetailCode<'a>(&'a ErrorDetail);

impl fmt::Display for DetailCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.code {
            Some(code) => write!(f, "{}", OneLine(code)),
            None => f.write_str("none"),
        }
    }
}

impl std::error::Error for ApiError {}

/// One entry of [`ApiError::details`]; both fields are optional on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ErrorDetail {
    /// The detail's code, as text (a string or an integer on the wire).
    pub code: Option<String>,
    /// The detail's message.
    pub message: Option<String>,
}

impl Serialize for ApiError {
    /// Writes `message`, `code`, then `details` when there are any.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 2 + usize::from(!self.details.is_empty());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("code", &self.code)?;
        if !self.details.is_empty() {
            map.serialize_entry("details", &self.details)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ApiError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ApiErrorSeed.deserialize(deserializer)
    }
}

/// Parses the `error` object.
pub(crate) struct ApiErrorSeed;

impl<'de> DeserializeSeed<'de> for ApiErrorSeed {
    type Value = ApiError;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ApiError, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ApiErrorSeed {
    type Value = ApiError;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`error` to be an object with `code`, `message` and `details`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ApiError, A::Error> {
        let path = "error";
        let mut code: Option<String> = None;
        let mut message: Slot<String> = Slot::Absent;
        let mut details: Slot<Vec<ErrorDetail>> = Slot::Absent;
        while let Some(index) = map.next_key_seed(Name::field(ERROR_KEYS))? {
            match index {
                Some(0) => {
                    let field = Field::at("code", &path);
                    reject_repeat(code.is_some(), field)?;
                    code = Some(map.next_value_seed(TextSeed::code(field))?);
                }
                Some(1) => {
                    let field = Field::at("message", &path);
                    reject_repeat(message.is_seen(), field)?;
                    message.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                Some(2) => {
                    reject_repeat(details.is_seen(), Field::at("details", &path))?;
                    details.fill(map.next_value_seed(NullOr(DetailsSeed))?);
                }
                _ => skip_value(&mut map)?,
            }
        }
        let Some(code) = code else {
            return Err(de::Error::custom("missing field `code` in `error`"));
        };
        Ok(ApiError {
            code,
            message: message.into_option().unwrap_or_default(),
            details: details.into_option().unwrap_or_default(),
        })
    }
}

/// Parses `details`.
struct DetailsSeed;

impl<'de> DeserializeSeed<'de> for DetailsSeed {
    type Value = Vec<ErrorDetail>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for DetailsSeed {
    type Value = Vec<ErrorDetail>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`details` in `error` to be an array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut details = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(detail) = seq.next_element_seed(DetailSeed {
            index: Some(details.len()),
        })? {
            details.push(detail);
        }
        Ok(details)
    }
}

/// Parses one entry of `details`, naming it `error.details[index]` in errors
/// (or `error detail` when it is parsed on its own).
struct DetailSeed {
    index: Option<usize>,
}

struct DetailPath(Option<usize>);

impl fmt::Display for DetailPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(index) => write!(f, "error.details[{index}]"),
            None => f.write_str("error detail"),
        }
    }
}

impl<'de> DeserializeSeed<'de> for DetailSeed {
    type Value = ErrorDetail;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ErrorDetail, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DetailSeed {
    type Value = ErrorDetail;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an object", DetailPath(self.index))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorDetail, A::Error> {
        let path = DetailPath(self.index);
        let mut code: Slot<String> = Slot::Absent;
        let mut message: Slot<String> = Slot::Absent;
        while let Some(index) = map.next_key_seed(Name::field(ERROR_KEYS))? {
            match index {
                Some(0) => {
                    let field = Field::at("code", &path);
                    reject_repeat(code.is_seen(), field)?;
                    code.fill(map.next_value_seed(TextSeed::code(field).nullable())?);
                }
                Some(1) => {
                    let field = Field::at("message", &path);
                    reject_repeat(message.is_seen(), field)?;
                    message.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                _ => skip_value(&mut map)?,
            }
        }
        Ok(ErrorDetail {
            code: code.into_option(),
            message: message.into_option(),
        })
    }
}

impl Serialize for ErrorDetail {
    /// Writes `message` and `code`, each only when present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.message.is_some()) + usize::from(self.code.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(message) = &self.message {
            map.serialize_entry("message", message)?;
        }
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ErrorDetail {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        DetailSeed { index: None }.deserialize(deserializer)
    }
}
