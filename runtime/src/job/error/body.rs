//! [`ErrorBody`]: an error body's fields, collected while any reply of the
//! dialect is read (a job reply, a job status, a synchronous batch reply),
//! and the shape decided at the end.

use serde::de::{self, MapAccess};

use super::compact::BodyValueSeed;
use super::fields::{is_fault, read_flat, take_request_id};
use super::wrapped::{Wrapped, WrappedSeed};
use super::{ApiError, ErrorDetail, ErrorShape, Form, IdPlace, Presence};
use crate::AnyValue;
use crate::job::keys::{
    CODE, ERROR, ERROR_CODE, ERROR_CODE_CAMEL, ERROR_MSG, ERROR_MSG_CAMEL, Key, MESSAGE,
};
use crate::wire::{Field, FieldState, reject_repeat};

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
        let known = Key::from_name(&key);
        if known == Some(Key::Error) {
            reject_repeat(self.wrapped.is_some(), Field::named(ERROR, None))?;
            self.wrapped = Some(map.next_value_seed(WrappedSeed)?);
            return Ok(());
        }
        if known.is_some_and(Key::is_body) && self.fields.iter().any(|(name, _)| *name == key) {
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
            return Some(ERROR);
        }
        [ERROR_CODE, ERROR_CODE_CAMEL].into_iter().find(|name| {
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
        } else if has(&fields, &[ERROR_CODE, ERROR_MSG]) {
            error.rest.shape = ErrorShape::Gateway;
            read_flat(&mut error, &mut fields, ERROR_CODE, ERROR_MSG, false)?;
        } else if has(&fields, &[ERROR_CODE_CAMEL, ERROR_MSG_CAMEL]) {
            error.rest.shape = ErrorShape::GatewayCamelCase;
            read_flat(
                &mut error,
                &mut fields,
                ERROR_CODE_CAMEL,
                ERROR_MSG_CAMEL,
                false,
            )?;
        } else if has(&fields, &[CODE]) {
            error.rest.shape = ErrorShape::Bare;
            read_flat(&mut error, &mut fields, CODE, MESSAGE, true)?;
        } else if let Some(index) = fields.iter().position(|(_, value)| is_fault(value)) {
            let (name, value) = fields.remove(index);
            let AnyValue::Object(mut inner) = value else {
                return Ok(None);
            };
            error.rest.shape = ErrorShape::Fault(name);
            read_flat(&mut error, &mut inner, CODE, MESSAGE, false)?;
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

impl<T> FieldState<T> {
    /// The value (or the default) and how the wire had it.
    fn into_presence(self) -> (T, Presence)
    where
        T: Default,
    {
        match self {
            FieldState::Absent => (T::default(), Presence::Absent),
            FieldState::Null => (T::default(), Presence::Null),
            FieldState::Value(value) => (value, Presence::Sent),
        }
    }
}
