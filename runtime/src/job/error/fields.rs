//! An error's fields (code, message, details, request id) taken out of an
//! object kept as values: the flat shapes, a fault's object, and the request
//! id beside the `error` object.

use serde::de;

use super::{ApiError, ErrorDetail, Presence};
use crate::AnyValue;
use crate::job::keys::{CODE, DETAILS, MESSAGE, REQUEST_ID, REQUEST_ID_CAMEL};
use crate::wire::Field;

/// Takes `request_id` or `requestId` (`camel_first` says which is tried
/// first) when it is a string or `null`; `true` with it when camelCase.
pub(super) fn take_request_id(
    fields: &mut Vec<(String, AnyValue)>,
    camel_first: bool,
) -> Option<(Option<String>, bool)> {
    let order = if camel_first {
        [(REQUEST_ID_CAMEL, true), (REQUEST_ID, false)]
    } else {
        [(REQUEST_ID, false), (REQUEST_ID_CAMEL, true)]
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
pub(super) fn is_fault(value: &AnyValue) -> bool {
    let AnyValue::Object(fields) = value else {
        return false;
    };
    let mut found = false;
    for (key, value) in fields {
        let fits = match key.as_str() {
            MESSAGE => matches!(value, AnyValue::String(_) | AnyValue::Null),
            CODE => matches!(
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
pub(super) fn read_flat<E: de::Error>(
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
        match take(fields, DETAILS) {
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
                CODE if detail.code.is_none() => {
                    let (code, number, presence) = code_of(value, Field::at(CODE, &path))?;
                    detail.code = (presence == Presence::Sent).then_some(code);
                    if number {
                        numbers.push(index);
                    }
                }
                MESSAGE if detail.message.is_none() => match value {
                    AnyValue::String(message) => detail.message = Some(message),
                    AnyValue::Null => {}
                    other => {
                        let expected = format!("{} to be a string", Field::at(MESSAGE, &path));
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
fn unexpected(value: &AnyValue) -> de::Unexpected<'_> {
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
