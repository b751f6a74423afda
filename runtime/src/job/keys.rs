//! The field names of the `job_id`/`error` dialect, in one place, and the
//! [`Key`] every reader of the dialect tells them apart by: the parsers match
//! a key with [`Key::from_name`] and then on the variant, the writers write
//! the same constants, and the schemas (`schema/names.rs`) re-export them.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

// A job reply, a job status and a sub-job.
pub(crate) const JOB_ID: &str = "job_id";
pub(crate) const STATUS: &str = "status";
pub(crate) const JOB_TYPE: &str = "job_type";
pub(crate) const BEGIN_TIME: &str = "begin_time";
pub(crate) const END_TIME: &str = "end_time";
pub(crate) const ERROR_CODE: &str = "error_code";
pub(crate) const FAIL_REASON: &str = "fail_reason";
pub(crate) const ENTITIES: &str = "entities";

// The `entities` of a job and of a sub-job.
pub(crate) const SUB_JOBS_TOTAL: &str = "sub_jobs_total";
pub(crate) const SUB_JOBS: &str = "sub_jobs";
pub(crate) const ERRORCODE_MESSAGE: &str = "errorcode_message";

// An error body (`ERROR_CODE` too), its `error` object and its details.
pub(crate) const ERROR: &str = "error";
pub(crate) const ERROR_MSG: &str = "error_msg";
pub(crate) const ERROR_CODE_CAMEL: &str = "errorCode";
pub(crate) const ERROR_MSG_CAMEL: &str = "errorMsg";
pub(crate) const REQUEST_ID: &str = "request_id";
pub(crate) const REQUEST_ID_CAMEL: &str = "requestId";
pub(crate) const CODE: &str = "code";
pub(crate) const MESSAGE: &str = "message";
pub(crate) const DETAILS: &str = "details";

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

/// A key the dialect knows. Which object reads which keys is said by the
/// groups below ([`Key::JOB`], [`Key::BODY`], ...); a reader matches on the
/// variant, and keeps a key it does not read under its [`name`](Key::name).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Key {
    /// `job_id`: a job reply's, a job's and a sub-job's.
    JobId,
    Status,
    JobType,
    BeginTime,
    EndTime,
    /// `error_code`: a job's and a sub-job's, and a gateway error body's.
    ErrorCode,
    FailReason,
    Entities,
    SubJobsTotal,
    SubJobs,
    ErrorcodeMessage,
    Error,
    ErrorMsg,
    ErrorCodeCamel,
    ErrorMsgCamel,
    RequestId,
    RequestIdCamel,
    Code,
    Message,
    Details,
    /// One of [`FAULT_NAMES`].
    Fault(&'static str),
}

impl Key {
    /// The fields of a job and of a sub-job, in the order they are written.
    pub(crate) const JOB: [Key; 8] = [
        Key::Status,
        Key::JobId,
        Key::JobType,
        Key::BeginTime,
        Key::EndTime,
        Key::ErrorCode,
        Key::FailReason,
        Key::Entities,
    ];

    /// The keys of a job's `entities` (beside the resource id).
    pub(crate) const JOB_ENTITIES: [Key; 2] = [Key::SubJobsTotal, Key::SubJobs];

    /// The keys of a sub-job's `entities` (beside the resource id).
    pub(crate) const SUB_JOB_ENTITIES: [Key; 1] = [Key::ErrorcodeMessage];

    /// The keys of a body that the error shapes read; each may appear once.
    pub(crate) const BODY: [Key; 10] = [
        Key::Error,
        Key::ErrorCode,
        Key::ErrorMsg,
        Key::ErrorCodeCamel,
        Key::ErrorMsgCamel,
        Key::RequestId,
        Key::RequestIdCamel,
        Key::Code,
        Key::Message,
        Key::Details,
    ];

    /// The fields of the `error` object (all three) and of a detail (`code`
    /// and `message`).
    pub(crate) const WRAPPED: [Key; 3] = [Key::Code, Key::Message, Key::Details];

    /// The key named `name`, if the dialect knows it.
    pub(crate) fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            JOB_ID => Key::JobId,
            STATUS => Key::Status,
            JOB_TYPE => Key::JobType,
            BEGIN_TIME => Key::BeginTime,
            END_TIME => Key::EndTime,
            ERROR_CODE => Key::ErrorCode,
            FAIL_REASON => Key::FailReason,
            ENTITIES => Key::Entities,
            SUB_JOBS_TOTAL => Key::SubJobsTotal,
            SUB_JOBS => Key::SubJobs,
            ERRORCODE_MESSAGE => Key::ErrorcodeMessage,
            ERROR => Key::Error,
            ERROR_MSG => Key::ErrorMsg,
            ERROR_CODE_CAMEL => Key::ErrorCodeCamel,
            ERROR_MSG_CAMEL => Key::ErrorMsgCamel,
            REQUEST_ID => Key::RequestId,
            REQUEST_ID_CAMEL => Key::RequestIdCamel,
            CODE => Key::Code,
            MESSAGE => Key::Message,
            DETAILS => Key::Details,
            _ => {
                let fault = FAULT_NAMES.iter().find(|fault| **fault == name)?;
                Key::Fault(fault)
            }
        })
    }

    /// The key as it is written on the wire.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Key::JobId => JOB_ID,
            Key::Status => STATUS,
            Key::JobType => JOB_TYPE,
            Key::BeginTime => BEGIN_TIME,
            Key::EndTime => END_TIME,
            Key::ErrorCode => ERROR_CODE,
            Key::FailReason => FAIL_REASON,
            Key::Entities => ENTITIES,
            Key::SubJobsTotal => SUB_JOBS_TOTAL,
            Key::SubJobs => SUB_JOBS,
            Key::ErrorcodeMessage => ERRORCODE_MESSAGE,
            Key::Error => ERROR,
            Key::ErrorMsg => ERROR_MSG,
            Key::ErrorCodeCamel => ERROR_CODE_CAMEL,
            Key::ErrorMsgCamel => ERROR_MSG_CAMEL,
            Key::RequestId => REQUEST_ID,
            Key::RequestIdCamel => REQUEST_ID_CAMEL,
            Key::Code => CODE,
            Key::Message => MESSAGE,
            Key::Details => DETAILS,
            Key::Fault(name) => name,
        }
    }

    /// Whether this is a field of a job and of a sub-job ([`Key::JOB`]).
    pub(crate) fn is_job_field(self) -> bool {
        Key::JOB.contains(&self)
    }

    /// Whether this is a key an error shape reads ([`Key::BODY`]).
    pub(crate) fn is_body(self) -> bool {
        Key::BODY.contains(&self)
    }

    /// Whether an envelope claims this key for an error body, so that its
    /// payload never hides an error: a key of [`Key::BODY`] or a fault name.
    pub(crate) fn is_error_key(self) -> bool {
        self.is_body() || matches!(self, Key::Fault(_))
    }
}

/// A key as an object reads it: one of the keys it reads, or any other
/// key's text (to be kept as it came, or skipped).
pub(crate) enum KeyRead {
    Known(Key),
    Other(String),
}

impl KeyRead {
    /// The key's text, for a key the object keeps as it came.
    pub(crate) fn into_name(self) -> String {
        match self {
            KeyRead::Known(key) => key.name().to_owned(),
            KeyRead::Other(name) => name,
        }
    }
}

/// Reads a [`KeyRead`] against the keys an object reads (one of the groups
/// of [`Key`]; `&[]` for an object that keeps every key's text). Keys are
/// read as strings (`deserialize_string`), as every format gives the keys of
/// a map written with `serialize_map`: `deserialize_identifier` is for the
/// names of struct fields and enum variants, and bincode, postcard and RON
/// refuse it (or expect a bare word) for a map's string keys. A key that a
/// format gives as an integer is still read as the index of one of `keys`.
#[derive(Clone, Copy)]
pub(crate) struct KeySeed(pub(crate) &'static [Key]);

impl KeySeed {
    fn known(self, name: &str) -> Option<Key> {
        Key::from_name(name).filter(|key| self.0.contains(key))
    }
}

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = KeyRead;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<KeyRead, D::Error> {
        // A `String`, which every format gives however long the key
        // (serde_json lends it all the same).
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = KeyRead;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<KeyRead, E> {
        Ok(match self.known(name) {
            Some(key) => KeyRead::Known(key),
            None => KeyRead::Other(name.to_owned()),
        })
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<KeyRead, E> {
        Ok(match self.known(&name) {
            Some(key) => KeyRead::Known(key),
            None => KeyRead::Other(name),
        })
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<KeyRead, E> {
        let key = usize::try_from(index).ok().and_then(|i| self.0.get(i));
        Ok(match key {
            Some(key) => KeyRead::Known(*key),
            None => KeyRead::Other(index.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{FAULT_NAMES, Key};

    /// Every key reads back from its name, and no two share one.
    #[test]
    fn names_round_trip() {
        let groups = [
            &Key::JOB[..],
            &Key::JOB_ENTITIES,
            &Key::SUB_JOB_ENTITIES,
            &Key::BODY,
        ];
        let faults: Vec<Key> = FAULT_NAMES.iter().map(|name| Key::Fault(name)).collect();
        let mut names = Vec::new();
        for key in groups.into_iter().flatten().chain(&faults) {
            assert_eq!(Key::from_name(key.name()), Some(*key), "{key:?}");
            names.push(key.name());
        }
        names.sort_unstable();
        names.dedup();
        // `error_code` is in two groups: a job's field and an error body's.
        assert_eq!(names.len(), 8 + 2 + 1 + 10 + FAULT_NAMES.len() - 1);
        assert_eq!(Key::from_name("conflict"), None);
    }
}
