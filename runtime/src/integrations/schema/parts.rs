//! Building blocks the schemas share: text fields, codes, counts, resource
//! ids, and the task object of the code/requestId dialect.

use schemars::{Schema, SchemaGenerator, json_schema};

use super::names::{CODE, CODE_DESC, MESSAGE, REQUEST_ID};
use crate::{Code, ResourceId};

/// A text field that may be absent or `null` (both read as no value).
pub(super) fn nullable_text() -> Schema {
    json_schema!({ "type": ["string", "null"] })
}

/// `schema`, or `null`.
pub(super) fn or_null(schema: &Schema) -> Schema {
    json_schema!({ "anyOf": [schema, { "type": "null" }] })
}

/// An error code of the `job_id`/`error` dialect: a string, or an integer
/// that an `i64` or a `u64` holds (kept as its decimal text); with
/// `nullable`, `null` too.
pub(super) fn code_text(nullable: bool) -> Schema {
    let types: &[&str] = if nullable {
        &["string", "integer", "null"]
    } else {
        &["string", "integer"]
    };
    json_schema!({
        "type": types,
        "minimum": i64::MIN,
        "maximum": u64::MAX,
    })
}

/// `sub_jobs_total`: a non-negative integer that a `u64` holds, or `null`.
pub(super) fn count() -> Schema {
    json_schema!({
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": u64::MAX,
    })
}

/// A [`Code`] with the value 0: the integer, or a string of zeros (which
/// the parser reads as 0 too).
pub(super) fn zero_code() -> Schema {
    json_schema!({
        "anyOf": [
            { "const": 0 },
            { "type": "string", "pattern": "^0+$" },
        ]
    })
}

/// The schema of [`Code`]: an integer in the range of `i64`, or a string of
/// ASCII digits whose value is in that range.
pub(super) fn code() -> Schema {
    json_schema!({
        "description": "0 for success, any other value for failure; \
            an integer, or a string of ASCII digits (\"5400\")",
        "anyOf": [
            { "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX },
            { "type": "string", "pattern": i64_digits_pattern() },
        ],
    })
}

/// A pattern matching exactly the strings of ASCII digits whose value fits
/// in an `i64`: leading zeros allowed (as `str::parse` allows them), no sign,
/// not empty.
///
/// Below `i64::MAX`'s 19 digits any length fits; at 19 digits a number fits
/// when, at the first place it differs from `i64::MAX`, its digit is lower.
fn i64_digits_pattern() -> String {
    let max = i64::MAX.to_string();
    let width = max.len();
    let mut branches = vec![format!("[0-9]{{1,{}}}", width - 1)];
    for (place, digit) in max.char_indices() {
        // A 0 in `i64::MAX` has no lower digit to branch on.
        let Some(lower) = digit.to_digit(10).and_then(|d| d.checked_sub(1)) else {
            continue;
        };
        let lower = if lower == 0 {
            "0".to_owned()
        } else {
            format!("[0-{lower}]")
        };
        let rest = match width - place - 1 {
            0 => String::new(),
            rest => format!("[0-9]{{{rest}}}"),
        };
        branches.push(format!("{}{lower}{rest}", &max[..place]));
    }
    branches.push(max.clone());
    format!("^0*(?:{})$", branches.join("|"))
}

/// A `requestId`: a string, or an integer that an `i64` or a `u64` holds
/// (kept as its decimal text and written back as an integer); with
/// `nullable`, `null` too (read as no request id).
pub(super) fn request_id(nullable: bool) -> Schema {
    let types: &[&str] = if nullable {
        &["string", "integer", "null"]
    } else {
        &["string", "integer"]
    };
    json_schema!({
        "description": "The task number to poll: a string or an integer",
        "type": types,
        "minimum": i64::MIN,
        "maximum": u64::MAX,
    })
}

/// The properties of the four fields every task object of the code/requestId
/// dialect carries; `requestId` (a string or an integer) may be `null` or
/// absent, even on a success.
pub(super) fn header_properties(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        (CODE): generator.subschema_for::<Code>(),
        (MESSAGE): nullable_text(),
        (REQUEST_ID): request_id(true),
        (CODE_DESC): nullable_text(),
    })
}

/// A task object: `code` required, the text fields string or `null`,
/// `requestId` a string, an integer or `null`, unknown fields allowed. A
/// success (code 0) needs no `requestId`: real successes often have none.
pub(super) fn task_object(generator: &mut SchemaGenerator, description: &str) -> Schema {
    json_schema!({
        "description": description,
        "type": "object",
        "properties": header_properties(generator),
        "required": [CODE],
    })
}

/// The condition "the object's code is 0", for an `if`.
pub(super) fn when_code_is_zero() -> Schema {
    json_schema!({
        "properties": { (CODE): zero_code() },
        "required": [CODE],
    })
}

/// The schema of an id type made with `#[derive(ResourceId)]`: a non-empty
/// string, and with a prefix, one that starts with it and has something after
/// it, as [`ResourceId::check`] requires.
pub(crate) fn resource_id<I: ResourceId>() -> Schema {
    let mut schema = json_schema!({ "type": "string", "minLength": 1 });
    let description = match I::PREFIX {
        Some(prefix) => {
            // `[\s\S]` is any character, line breaks included (`.` is not).
            let pattern = format!(r"^{}[\s\S]", escape_regex(prefix));
            schema.insert("pattern".to_owned(), pattern.into());
            format!(
                "{}: `{prefix}` followed by at least one character",
                I::TYPE_NAME
            )
        }
        None => format!("{}: a non-empty string", I::TYPE_NAME),
    };
    schema.insert("description".to_owned(), description.into());
    schema
}

/// `text` as a regular expression that matches it literally, in the dialect
/// JSON Schema uses (ECMA-262) and in Rust's `regex`: every syntax character
/// gets a backslash, nothing else does (ECMA-262 refuses an escaped letter or
/// `-` outside a class).
pub(super) fn escape_regex(text: &str) -> String {
    const SYNTAX: &str = r"\^$.|?*+()[]{}";
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if SYNTAX.contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
