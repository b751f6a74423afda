//! Writing [`ApiError`] and [`ErrorDetail`]: a parsed error in the shape and
//! the forms it came in (see [`ApiError`]'s "Writing").

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{ApiError, ErrorDetail, ErrorShape, IdPlace, Presence};
use crate::job::keys::{
    CODE, DETAILS, ERROR, ERROR_CODE, ERROR_CODE_CAMEL, ERROR_MSG, ERROR_MSG_CAMEL, MESSAGE,
    REQUEST_ID, REQUEST_ID_CAMEL,
};

impl Serialize for ErrorDetail {
    /// Writes `message` and `code`, each only when present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.message.is_some()) + usize::from(self.code.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(message) = &self.message {
            map.serialize_entry(MESSAGE, message)?;
        }
        if let Some(code) = &self.code {
            // Read back with `NullOr`: written as an `Option`'s `Some`.
            map.serialize_entry(CODE, &crate::wire::Present(code))?;
        }
        map.end()
    }
}

/// What to write for a field: its value, `null`, or nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Act {
    Value,
    Null,
    Skip,
}

impl Act {
    /// The rule for a field, `empty` when it holds nothing: a field the wire
    /// had (or a built one, when `built_writes`) is written; `null` stays
    /// `null` in a human-readable format.
    fn of(empty: bool, presence: Presence, built_writes: bool, readable: bool) -> Self {
        match presence {
            _ if !empty => Act::Value,
            Presence::Sent => Act::Value,
            Presence::Built if built_writes => Act::Value,
            Presence::Null if readable => Act::Null,
            Presence::Built | Presence::Null | Presence::Absent => Act::Skip,
        }
    }

    fn write<M: SerializeMap, T: Serialize + ?Sized>(
        self,
        map: &mut M,
        key: &str,
        value: &T,
    ) -> Result<(), M::Error> {
        match self {
            Act::Value => map.serialize_entry(key, value),
            Act::Null => map.serialize_entry(key, &crate::wire::Null),
            Act::Skip => Ok(()),
        }
    }

    fn counts(self) -> usize {
        usize::from(self != Act::Skip)
    }
}

/// Details written as they came: a code that was an integer as one.
struct DetailsOut<'a>(&'a [ErrorDetail], &'a [usize]);

impl Serialize for DetailsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for (index, detail) in self.0.iter().enumerate() {
            let number = self.1.binary_search(&index).is_ok();
            seq.serialize_element(&DetailOut(detail, number))?;
        }
        seq.end()
    }
}

struct DetailOut<'a>(&'a ErrorDetail, bool);

impl Serialize for DetailOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let DetailOut(detail, number) = *self;
        let len = usize::from(detail.message.is_some()) + usize::from(detail.code.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(message) = &detail.message {
            map.serialize_entry(MESSAGE, message)?;
        }
        if let Some(code) = &detail.code {
            map.serialize_entry(CODE, &crate::wire::Present(&CodeOut(code, number)))?;
        }
        map.end()
    }
}

/// A code written as it came: an integer when it was one.
struct CodeOut<'a>(&'a str, bool);

impl Serialize for CodeOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.1 && serializer.is_human_readable() {
            if let Ok(value) = self.0.parse::<u64>() {
                return serializer.serialize_u64(value);
            }
            if let Ok(value) = self.0.parse::<i64>() {
                return serializer.serialize_i64(value);
            }
        }
        serializer.serialize_str(self.0)
    }
}

/// The fields of the error itself, named as the shape names them.
struct Core<'a> {
    error: &'a ApiError,
    readable: bool,
    /// Whether the request id is written here (else at the top level).
    request_id_key: Option<&'static str>,
}

impl Core<'_> {
    fn names(&self) -> (&'static str, &'static str) {
        match self.error.rest.shape {
            ErrorShape::Gateway => (ERROR_CODE, ERROR_MSG),
            ErrorShape::GatewayCamelCase => (ERROR_CODE_CAMEL, ERROR_MSG_CAMEL),
            _ => (CODE, MESSAGE),
        }
    }

    /// What to write for the code, the message and the details.
    fn acts(&self) -> (Act, Act, Act) {
        let error = self.error;
        let form = &error.rest.form;
        (
            Act::of(error.code.is_empty(), form.code, true, self.readable),
            Act::of(error.message.is_empty(), form.message, true, self.readable),
            Act::of(error.details.is_empty(), form.details, false, self.readable),
        )
    }

    fn len(&self) -> usize {
        let (code, message, details) = self.acts();
        code.counts()
            + message.counts()
            + details.counts()
            + usize::from(self.request_id_key.is_some())
            + self.wrapped_len()
    }

    fn wrapped_len(&self) -> usize {
        if self.flat() {
            0
        } else {
            self.error.rest.wrapped_other.len()
        }
    }

    /// Whether the fields sit at the top level of the body.
    fn flat(&self) -> bool {
        matches!(
            self.error.rest.shape,
            ErrorShape::Bare | ErrorShape::Gateway | ErrorShape::GatewayCamelCase
        )
    }

    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let error = self.error;
        let (code_key, message_key) = self.names();
        let (code, message, details) = self.acts();
        let code_out = CodeOut(&error.code, error.rest.form.code_number);
        if self.flat() {
            code.write(map, code_key, &code_out)?;
            message.write(map, message_key, error.message.as_str())?;
        } else {
            message.write(map, message_key, error.message.as_str())?;
            code.write(map, code_key, &code_out)?;
        }
        let details_out = DetailsOut(&error.details, &error.rest.form.number_details);
        // Read back with `NullOr`: written as an `Option`'s `Some`.
        details.write(map, DETAILS, &crate::wire::Present(&details_out))?;
        if let Some(key) = self.request_id_key {
            write_request_id(map, key, error, self.readable)?;
        }
        if !self.flat() {
            for (key, value) in &error.rest.wrapped_other {
                map.serialize_entry(key, value)?;
            }
        }
        Ok(())
    }
}

impl Serialize for Core<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        self.write(&mut map)?;
        map.end()
    }
}

fn write_request_id<M: SerializeMap>(
    map: &mut M,
    key: &str,
    error: &ApiError,
    readable: bool,
) -> Result<(), M::Error> {
    match &error.request_id {
        Some(request_id) => map.serialize_entry(key, request_id),
        None if readable && error.rest.form.request_id_null => {
            map.serialize_entry(key, &crate::wire::Null)
        }
        None => Ok(()),
    }
}

impl ApiError {
    /// Where the request id is written, and under which key; `None` when
    /// there is none to write.
    fn request_id_slot(&self, readable: bool) -> Option<(bool, &'static str)> {
        if self.request_id.is_none() && !(readable && self.rest.form.request_id_null) {
            return None;
        }
        let wrapped = matches!(self.rest.shape, ErrorShape::Error | ErrorShape::Fault(_));
        Some(match self.rest.form.request_id {
            IdPlace::InnerSnake if wrapped => (true, REQUEST_ID),
            IdPlace::InnerCamel if wrapped => (true, REQUEST_ID_CAMEL),
            IdPlace::Usual if self.rest.shape == ErrorShape::GatewayCamelCase => {
                (false, REQUEST_ID_CAMEL)
            }
            IdPlace::TopCamel | IdPlace::InnerCamel => (false, REQUEST_ID_CAMEL),
            IdPlace::TopSnake | IdPlace::InnerSnake | IdPlace::Usual => (false, REQUEST_ID),
        })
    }
}

impl Serialize for ApiError {
    /// Writes the body in its [`shape`](Self::shape): the wrapped object
    /// (`message`, `code`, then `details` and its other fields) or the flat
    /// fields, then the request id and the body's other fields.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let readable = serializer.is_human_readable();
        let slot = self.request_id_slot(readable);
        let core = Core {
            error: self,
            readable,
            request_id_key: slot.filter(|(inner, _)| *inner).map(|(_, key)| key),
        };
        let top_id = slot.filter(|(inner, _)| !*inner).map(|(_, key)| key);
        let own = if core.flat() { core.len() } else { 1 };
        let len = own + usize::from(top_id.is_some()) + self.rest.other.len();
        let mut map = serializer.serialize_map(Some(len))?;
        match &self.rest.shape {
            ErrorShape::Error => map.serialize_entry(ERROR, &core)?,
            ErrorShape::Fault(name) => map.serialize_entry(name.as_str(), &core)?,
            _ => core.write(&mut map)?,
        }
        if let Some(key) = top_id {
            write_request_id(&mut map, key, self, readable)?;
        }
        for (key, value) in &self.rest.other {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}
