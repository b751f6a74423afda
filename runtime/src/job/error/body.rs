//! Reading [`ApiError`] in every shape: [`ErrorBody`] collects an error
//! body's fields while any reply of the dialect is read (a job reply, a job
//! status, a synchronous batch reply), and decides the shape at the end.

use core::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::compact::BodyValueSeed;
use super::{ApiError, ErrorDetail, ErrorShape, Form, IdPlace, Presence};
use crate::AnyValue;
use crate::any_value::KeptSeed;
use crate::job::keys::{Key, KeySeed};
use crate::wire::{Field, NullOr, Slot, TextSeed, reject_repeat};

/// The keys of a body that the shapes read; each may appear once.
pub(crate) const BODY_KEYS: &[&str] = &[
    "error",
    "error_code",
    "error_msg",
    "errorCode",
    "errorMsg",
    "request_id",
    "requestId",
    "code",
    "message",
    "details",
];

/// The names OpenStack-style services give the object of a fault
/// (`{"badRequest": {"message": "...", "code": 400}}`), by status: what an
/// envelope claims so that its payload never hides a fault.
pub(crate) const FAULT_NAMES: &[&str] = &[
    "badRequest",
    "unauthorized",
    "forbidden",
    "itemNotFound",
    "badMethod",
    "conflictingRequest",
    "overLimit",
    "badMediaType",
    "notImplemented",
    "serviceUnavailable",
    "computeFault",
];

/// The shapes of an error body, as errors list them.
pub(crate) const SHAPES: &str =
    "`error`, `error_code`, `errorCode`, `code` or a fault object such as `badRequest`";

/// An error body's fields, as read so far: the `error` object, read as it
/// streams (so its errors have positions), and every other field as it came.
#[derive(Default)]
pub(crate) struct ErrorBody {
    wrapped: Option<Wrapped>,
    fields: Vec<(String, AnyValue)>,
}

impl ErrorBody {
    /// Reads the value of `key`, one of the body's fields.
    pub(crate) fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: String,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if key == "error" {
            reject_repeat(self.wrapped.is_some(), Field::named("error", None))?;
            self.wrapped = Some(map.next_value_seed(WrappedSeed)?);
            return Ok(());
        }
        if BODY_KEYS.contains(&key.as_str()) && self.fields.iter().any(|(name, _)| *name == key) {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        let value = map.next_value_seed(BodyValueSeed {
            key: &key,
            within: None,
        })?;
        self.fields.push((key, value));
        Ok(())
    }

    /// Adds a field that the caller read itself, with no check (a job
    /// status keeps its other fields leniently; an `error` object added so
    /// is judged as a fault named `error`, which reads the same).
    pub(crate) fn add(&mut self, key: String, value: AnyValue) {
        self.fields.push((key, value));
    }

    /// The key of an error the body states outright (`error`, or a non-null
    /// `error_code` or `errorCode`), if any: what a reply that also reports
    /// success cannot carry.
    pub(crate) fn stated(&self) -> Option<&'static str> {
        if self.wrapped.is_some() {
            return Some("error");
        }
        ["error_code", "errorCode"].into_iter().find(|name| {
            self.fields
                .iter()
                .any(|(key, value)| key == name && !value.is_null())
        })
    }

    /// The error the body holds, in the first shape of the order that
    /// [`ApiError`] documents; `None` when it holds none.
    pub(crate) fn finish<E: de::Error>(self) -> Result<Option<ApiError>, E> {
        let ErrorBody {
            wrapped,
            mut fields,
        } = self;
        let has = |fields: &[(String, AnyValue)], names: &[&str]| {
            fields.iter().any(|(key, _)| names.contains(&key.as_str()))
        };
        let mut error = ApiError::new("", "");
        error.rest.form = Form::default();
        let mut inner_id = None;
        if let Some(wrapped) = wrapped {
            error.rest.shape = ErrorShape::Error;
            error.code = wrapped.code;
            error.rest.form.code_number = wrapped.code_number;
            error.rest.form.code = Presence::Sent;
            (error.message, error.rest.form.message) = wrapped.message.into_presence();
            let (details, presence) = wrapped.details.into_presence();
            (error.details, error.rest.form.number_details) = details.into_iter().unzip_details();
            error.rest.form.details = presence;
            error.rest.wrapped_other = wrapped.other;
            inner_id = wrapped.request_id;
        } else if has(&fields, &["error_code", "error_msg"]) {
            error.rest.shape = ErrorShape::Gateway;
            read_flat(&mut error, &mut fields, "error_code", "error_msg", false)?;
        } else if has(&fields, &["errorCode", "errorMsg"]) {
            error.rest.shape = ErrorShape::GatewayCamelCase;
            read_flat(&mut error, &mut fields, "errorCode", "errorMsg", false)?;
        } else if has(&fields, &["code"]) {
            error.rest.shape = ErrorShape::Bare;
            read_flat(&mut error, &mut fields, "code", "message", true)?;
        } else if let Some(index) = fields.iter().position(|(_, value)| is_fault(value)) {
            let (name, value) = fields.remove(index);
            let AnyValue::Object(mut inner) = value else {
                return Ok(None);
            };
            error.rest.shape = ErrorShape::Fault(name);
            read_flat(&mut error, &mut inner, "code", "message", false)?;
            inner_id = take_request_id(&mut inner, false);
            error.rest.wrapped_other = inner;
        } else {
            return Ok(None);
        }
        let camel_first = error.rest.shape == ErrorShape::GatewayCamelCase;
        if let Some((id, camel)) = take_request_id(&mut fields, camel_first) {
            set_request_id(
                &mut error,
                id,
                if camel {
                    IdPlace::TopCamel
                } else {
                    IdPlace::TopSnake
                },
            );
        } else if let Some((id, camel)) = inner_id {
            let place = if camel {
                IdPlace::InnerCamel
            } else {
                IdPlace::InnerSnake
            };
            set_request_id(&mut error, id, place);
        }
        error.rest.other = fields;
        Ok(Some(error))
    }
}

fn set_request_id(error: &mut ApiError, id: Option<String>, place: IdPlace) {
    error.rest.form.request_id_null = id.is_none();
    error.request_id = id;
    error.rest.form.request_id = place;
}

/// Takes `request_id` or `requestId` (`camel_first` says which is tried
/// first) when it is a string or `null`; `true` with it when camelCase.
fn take_request_id(
    fields: &mut Vec<(String, AnyValue)>,
    camel_first: bool,
) -> Option<(Option<String>, bool)> {
    let order = if camel_first {
        [("requestId", true), ("request_id", false)]
    } else {
        [("request_id", false), ("requestId", true)]
    };
    for (name, camel) in order {
        let index = fields.iter().position(|(key, value)| {
            key == name && matches!(value, AnyValue::String(_) | AnyValue::Null)
        });
        if let Some(index) = index {
            return Some(match fields.remove(index).1 {
                AnyValue::String(id) => (Some(id), camel),
                _ => (None, camel),
            });
        }
    }
    None
}

/// Whether `value` is a fault object: an object with `message` (a string or
/// `null`) and/or `code` (a string, an integer or `null`).
fn is_fault(value: &AnyValue) -> bool {
    let AnyValue::Object(fields) = value else {
        return false;
    };
    let mut found = false;
    for (key, value) in fields {
        let fits = match key.as_str() {
            "message" => matches!(value, AnyValue::String(_) | AnyValue::Null),
            "code" => matches!(
                value,
                AnyValue::String(_) | AnyValue::Int(_) | AnyValue::UInt(_) | AnyValue::Null
            ),
            _ => continue,
        };
        if !fits {
            return false;
        }
        found = true;
    }
    found
}

/// Takes the code, the message and (with `details`) the details of a flat
/// shape out of `fields`.
fn read_flat<E: de::Error>(
    error: &mut ApiError,
    fields: &mut Vec<(String, AnyValue)>,
    code_key: &'static str,
    message_key: &'static str,
    details: bool,
) -> Result<(), E> {
    match take(fields, code_key) {
        None => error.rest.form.code = Presence::Absent,
        Some(value) => {
            let (code, number, presence) = code_of(value, Field::named(code_key, None))?;
            (
                error.code,
                error.rest.form.code_number,
                error.rest.form.code,
            ) = (code, number, presence);
        }
    }
    match take(fields, message_key) {
        None => error.rest.form.message = Presence::Absent,
        Some(AnyValue::Null) => error.rest.form.message = Presence::Null,
        Some(AnyValue::String(message)) => {
            (error.message, error.rest.form.message) = (message, Presence::Sent);
        }
        Some(other) => {
            let expected = format!("{} to be a string", Field::named(message_key, None));
            return Err(E::invalid_type(unexpected(&other), &expected.as_str()));
        }
    }
    error.rest.form.details = Presence::Absent;
    if details {
        match take(fields, "details") {
            None => {}
            Some(AnyValue::Null) => error.rest.form.details = Presence::Null,
            Some(value) => {
                (error.details, error.rest.form.number_details) = details_of(value)?;
                error.rest.form.details = Presence::Sent;
            }
        }
    }
    Ok(())
}

/// Removes the first field named `name`.
fn take(fields: &mut Vec<(String, AnyValue)>, name: &str) -> Option<AnyValue> {
    let index = fields.iter().position(|(key, _)| key == name)?;
    Some(fields.remove(index).1)
}

/// A code as text: a string, an integer (with `true`), or `null` (`""`).
fn code_of<E: de::Error>(value: AnyValue, field: Field<'_>) -> Result<(String, bool, Presence), E> {
    match value {
        AnyValue::String(code) => Ok((code, false, Presence::Sent)),
        AnyValue::UInt(code) => Ok((code.to_string(), true, Presence::Sent)),
        AnyValue::Int(code) => Ok((code.to_string(), true, Presence::Sent)),
        AnyValue::Null => Ok((String::new(), false, Presence::Null)),
        other => {
            let expected = format!("{field} to be a string or an integer");
            Err(E::invalid_type(unexpected(&other), &expected.as_str()))
        }
    }
}

/// Details as read, each with whether its code was an integer.
trait UnzipDetails {
    /// The details, and the indexes of those whose code was an integer.
    fn unzip_details(self) -> (Vec<ErrorDetail>, Vec<usize>);
}

impl<I: Iterator<Item = (ErrorDetail, bool)>> UnzipDetails for I {
    fn unzip_details(self) -> (Vec<ErrorDetail>, Vec<usize>) {
        let mut numbers = Vec::new();
        let details = self
            .enumerate()
            .map(|(index, (detail, number))| {
                if number {
                    numbers.push(index);
                }
                detail
            })
            .collect();
        (details, numbers)
    }
}

/// `details` of a flat body: an array of objects.
fn details_of<E: de::Error>(value: AnyValue) -> Result<(Vec<ErrorDetail>, Vec<usize>), E> {
    let AnyValue::Array(items) = value else {
        return Err(E::invalid_type(
            unexpected(&value),
            &"`details` to be an array of objects",
        ));
    };
    let mut details = Vec::with_capacity(items.len());
    let mut numbers = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let path = format!("details[{index}]");
        let AnyValue::Object(fields) = item else {
            let expected = format!("`{path}` to be an object");
            return Err(E::invalid_type(unexpected(&item), &expected.as_str()));
        };
        let mut detail = ErrorDetail::default();
        for (key, value) in fields {
            match key.as_str() {
                "code" if detail.code.is_none() => {
                    let (code, number, presence) = code_of(value, Field::at("code", &path))?;
                    detail.code = (presence == Presence::Sent).then_some(code);
                    if number {
                        numbers.push(index);
                    }
                }
                "message" if detail.message.is_none() => match value {
                    AnyValue::String(message) => detail.message = Some(message),
                    AnyValue::Null => {}
                    other => {
                        let expected = format!("{} to be a string", Field::at("message", &path));
                        return Err(E::invalid_type(unexpected(&other), &expected.as_str()));
                    }
                },
                _ => {}
            }
        }
        details.push(detail);
    }
    Ok((details, numbers))
}

/// What an error says a value was.
pub(crate) fn unexpected(value: &AnyValue) -> de::Unexpected<'_> {
    match value {
        AnyValue::Null => de::Unexpected::Unit,
        AnyValue::Bool(value) => de::Unexpected::Bool(*value),
        AnyValue::Int(value) => de::Unexpected::Signed(*value),
        AnyValue::UInt(value) => de::Unexpected::Unsigned(*value),
        AnyValue::Float(value) => de::Unexpected::Float(*value),
        AnyValue::String(value) => de::Unexpected::Str(value),
        AnyValue::Array(_) => de::Unexpected::Seq,
        AnyValue::Object(_) => de::Unexpected::Map,
    }
}

impl<T> Slot<T> {
    /// The value (or the default) and how the wire had it.
    fn into_presence(self) -> (T, Presence)
    where
        T: Default,
    {
        match self {
            Slot::Absent => (T::default(), Presence::Absent),
            Slot::Null => (T::default(), Presence::Null),
            Slot::Value(value) => (value, Presence::Sent),
        }
    }
}

impl<'de> Deserialize<'de> for ApiError {
    /// Reads a whole error body, in any shape; see [`ApiError`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, BodyVisitor)
    }
}

struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = ApiError;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body: an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ApiError, A::Error> {
        let mut body = ErrorBody::default();
        while let Some(key) = map.next_key_seed(KeySeed(&[]))? {
            let key = match key {
                Key::Other(key) => key,
                Key::Known(_) => continue,
            };
            body.read(key, &mut map)?;
        }
        body.finish()?.ok_or_else(|| {
            de::Error::custom(format_args!("no error in the body: expected {SHAPES}"))
        })
    }
}

/// The `error` object, as read.
struct Wrapped {
    code: String,
    code_number: bool,
    message: Slot<String>,
    details: Slot<Vec<(ErrorDetail, bool)>>,
    /// The request id found inside, `true` with it when camelCase.
    request_id: Option<(Option<String>, bool)>,
    other: Vec<(String, AnyValue)>,
}

const WRAPPED_KEYS: &[&str] = &["code", "message", "details"];

/// Parses the `error` object.
struct WrappedSeed;

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
        let path = "error";
        let mut code: Option<CodeText> = None;
        let mut message: Slot<String> = Slot::Absent;
        let mut details: Slot<Vec<(ErrorDetail, bool)>> = Slot::Absent;
        let mut other = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed(WRAPPED_KEYS))? {
            match key {
                Key::Known(0) => {
                    let field = Field::at("code", &path);
                    reject_repeat(code.is_some(), field)?;
                    code = Some(map.next_value_seed(CodeTextSeed(TextSeed::code(field)))?);
                }
                Key::Known(1) => {
                    let field = Field::at("message", &path);
                    reject_repeat(message.is_seen(), field)?;
                    message.fill(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                Key::Known(_) => {
                    reject_repeat(details.is_seen(), Field::at("details", &path))?;
                    details.fill(map.next_value_seed(NullOr(DetailsSeed))?);
                }
                Key::Other(key) => {
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
        let mut code: Slot<CodeText> = Slot::Absent;
        let mut message: Slot<String> = Slot::Absent;
        while let Some(key) = map.next_key_seed(KeySeed(WRAPPED_KEYS))? {
            match key {
                Key::Known(0) => {
                    let field = Field::at("code", &path);
                    reject_repeat(code.is_seen(), field)?;
                    code.fill(map.next_value_seed(NullOr(CodeTextSeed(TextSeed::code(field))))?);
                }
                Key::Known(1) => {
                    let field = Field::at("message", &path);
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

impl<'de> Deserialize<'de> for ErrorDetail {
    /// Reads one detail; an integer code is kept as text (and written back
    /// as a string: only an [`ApiError`] remembers its details' forms).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        DetailSeed { index: None }
            .deserialize(deserializer)
            .map(|(detail, _)| detail)
    }
}
