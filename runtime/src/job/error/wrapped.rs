//! The `error` object and the `details` in it, read as they stream (so
//! their errors have positions).

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::ErrorDetail;
use super::fields::take_request_id;
use crate::AnyValue;
use crate::job::keys::{CODE, DETAILS, ERROR, Key, KeyRead, KeySeed, MESSAGE};
use crate::wire::KeptSeed;
use crate::wire::{Field, FieldState, NullOr, TextSeed, reject_repeat};

/// The `error` object, as read.
pub(super) struct Wrapped {
    pub(super) code: String,
    pub(super) code_number: bool,
    pub(super) message: FieldState<String>,
    pub(super) details: FieldState<Vec<(ErrorDetail, bool)>>,
    /// The request id found inside, `true` with it when camelCase.
    pub(super) request_id: Option<(Option<String>, bool)>,
    pub(super) other: Vec<(String, AnyValue)>,
}

/// Parses the `error` object.
pub(super) struct WrappedSeed;

impl<'de> DeserializeSeed<'de> for WrappedSeed {
    type Value = Wrapped;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Wrapped, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de> Visitor<'de> for WrappedSeed {
    type Value = Wrapped;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`error` to be an object with `code`, `message` and `details`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Wrapped, A::Error> {
        let path = ERROR;
        let mut code: Option<CodeText> = None;
        let mut message: FieldState<String> = FieldState::Absent;
        let mut details: FieldState<Vec<(ErrorDetail, bool)>> = FieldState::Absent;
        let mut other = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed(&Key::WRAPPED))? {
            match key {
                KeyRead::Known(Key::Code) => {
                    let field = Field::at(CODE, &path);
                    reject_repeat(code.is_some(), field)?;
                    code = Some(map.next_value_seed(CodeTextSeed(TextSeed::code(field)))?);
                }
                KeyRead::Known(Key::Message) => {
                    let field = Field::at(MESSAGE, &path);
                    reject_repeat(message.is_seen(), field)?;
                    message.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                KeyRead::Known(Key::Details) => {
                    reject_repeat(details.is_seen(), Field::at(DETAILS, &path))?;
                    details.fill(map.next_value_seed(NullOr(DetailsSeed))?);
                }
                other_key => {
                    let key = other_key.into_name();
                    let value = map.next_value_seed(KeptSeed(Field::at(&key, &path)))?;
                    other.push((key, value));
                }
            }
        }
        let Some(code) = code else {
            return Err(de::Error::custom("missing field `code` in `error`"));
        };
        let request_id = take_request_id(&mut other, false);
        Ok(Wrapped {
            code: code.text,
            code_number: code.number,
            message,
            details,
            request_id,
            other,
        })
    }
}

/// A code as text, and whether the wire wrote it as an integer.
struct CodeText {
    text: String,
    number: bool,
}

/// Reads a [`CodeText`] with [`TextSeed::code`]'s rules and errors.
struct CodeTextSeed<'a>(TextSeed<'a>);

impl<'de> DeserializeSeed<'de> for CodeTextSeed<'_> {
    type Value = CodeText;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<CodeText, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(self)
        } else {
            self.0.deserialize(deserializer).map(|text| CodeText {
                text,
                number: false,
            })
        }
    }
}

impl Visitor<'_> for CodeTextSeed<'_> {
    type Value = CodeText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<CodeText, E> {
        Ok(CodeText {
            text: value.to_owned(),
            number: false,
        })
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<CodeText, E> {
        Ok(CodeText {
            text: value,
            number: false,
        })
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<CodeText, E> {
        Ok(CodeText {
            text: value.to_string(),
            number: true,
        })
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<CodeText, E> {
        Ok(CodeText {
            text: value.to_string(),
            number: true,
        })
    }
}

/// Parses `details`.
pub(super) struct DetailsSeed;

impl<'de> DeserializeSeed<'de> for DetailsSeed {
    type Value = Vec<(ErrorDetail, bool)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_list(deserializer, self)
    }
}

impl<'de> Visitor<'de> for DetailsSeed {
    type Value = Vec<(ErrorDetail, bool)>;

    crate::wire::refuse_text!();

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
pub(super) struct DetailSeed {
    pub(super) index: Option<usize>,
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
    type Value = (ErrorDetail, bool);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de> Visitor<'de> for DetailSeed {
    type Value = (ErrorDetail, bool);

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an object", DetailPath(self.index))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let path = DetailPath(self.index);
        let mut code: FieldState<CodeText> = FieldState::Absent;
        let mut message: FieldState<String> = FieldState::Absent;
        while let Some(key) = map.next_key_seed(KeySeed(&Key::WRAPPED))? {
            match key {
                KeyRead::Known(Key::Code) => {
                    let field = Field::at(CODE, &path);
                    reject_repeat(code.is_seen(), field)?;
                    code.fill(map.next_value_seed(NullOr(CodeTextSeed(TextSeed::code(field))))?);
                }
                KeyRead::Known(Key::Message) => {
                    let field = Field::at(MESSAGE, &path);
                    reject_repeat(message.is_seen(), field)?;
                    message.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                _ => crate::wire::skip_value(&mut map)?,
            }
        }
        let code = code.into_option();
        let number = code.as_ref().is_some_and(|code| code.number);
        let detail = ErrorDetail {
            code: code.map(|code| code.text),
            message: message.into_option(),
        };
        Ok((detail, number))
    }
}
