//! The fields a job and a sub-job share (`status`, `job_id`, `job_type`,
//! `begin_time`, `end_time`, `error_code`, `fail_reason`), and how errors
//! name where they are.

use core::fmt;

use serde::de::{self, MapAccess};

use crate::job::keys::{JOB_ID, Key, STATUS};
use crate::job::state::JobStateSeed;
use crate::job::status::Nulls;
use crate::wire::{self, Field, FieldState, TextSeed, reject_repeat};
use crate::{JobId, JobState};

/// Where a field is: the job itself (`None`) or a sub-job's path.
pub(super) type Place<'a> = Option<&'a dyn fmt::Display>;

pub(super) fn field<'a>(name: &'static str, place: Place<'a>) -> Field<'a> {
    match place {
        Some(path) => Field::at(name, path),
        None => Field::named(name, None),
    }
}

/// Displays `entities.sub_jobs[index]`.
pub(super) struct SubJobPath(pub(super) usize);

impl fmt::Display for SubJobPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entities.sub_jobs[{}]", self.0)
    }
}

/// The fields a job and a sub-job share, as read so far.
#[derive(Default)]
pub(super) struct JobFields {
    pub(super) status: Option<JobState>,
    pub(super) job_id: Option<String>,
    pub(super) job_type: FieldState<String>,
    pub(super) begin_time: FieldState<String>,
    pub(super) end_time: FieldState<String>,
    pub(super) error_code: FieldState<String>,
    pub(super) fail_reason: FieldState<String>,
}

impl JobFields {
    /// Reads the value of `key`, one of [`Key::JOB`] other than `entities`
    /// (the value of any other key is skipped).
    pub(super) fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: Key,
        map: &mut A,
        place: Place<'_>,
    ) -> Result<(), A::Error> {
        let field = field(key.name(), place);
        let text = match key {
            Key::Status => {
                reject_repeat(self.status.is_some(), field)?;
                self.status = Some(map.next_value_seed(JobStateSeed(field))?);
                return Ok(());
            }
            Key::JobId => {
                reject_repeat(self.job_id.is_some(), field)?;
                self.job_id = Some(map.next_value_seed(TextSeed::text(field))?);
                return Ok(());
            }
            Key::JobType => &mut self.job_type,
            Key::BeginTime => &mut self.begin_time,
            Key::EndTime => &mut self.end_time,
            Key::ErrorCode => &mut self.error_code,
            Key::FailReason => &mut self.fail_reason,
            _ => return wire::skip_value(map),
        };
        reject_repeat(text.is_seen(), field)?;
        let seed = if key == Key::ErrorCode {
            TextSeed::code(field)
        } else {
            TextSeed::text(field)
        };
        text.fill(map.next_value_seed(seed.nullable())?);
        Ok(())
    }

    /// Checks that `status` and `job_id` came, and notes in `nulls` which
    /// text fields came as `null`.
    pub(super) fn finish<E: de::Error>(
        self,
        place: Place<'_>,
        nulls: &mut Nulls,
    ) -> Result<JobFieldValues, E> {
        let missing = |name| E::custom(format_args!("missing field {}", field(name, place)));
        let status = self.status.ok_or_else(|| missing(STATUS))?;
        let job_id = JobId::from(self.job_id.ok_or_else(|| missing(JOB_ID))?);
        let mut text = |slot: FieldState<String>, flag| {
            nulls.set(flag, matches!(slot, FieldState::Null));
            slot.into_option()
        };
        Ok(JobFieldValues {
            status,
            job_id,
            job_type: text(self.job_type, Nulls::JOB_TYPE),
            begin_time: text(self.begin_time, Nulls::BEGIN_TIME),
            end_time: text(self.end_time, Nulls::END_TIME),
            error_code: text(self.error_code, Nulls::ERROR_CODE),
            fail_reason: text(self.fail_reason, Nulls::FAIL_REASON),
        })
    }
}

/// The fields a job and a sub-job share, once read.
pub(super) struct JobFieldValues {
    pub(super) status: JobState,
    pub(super) job_id: JobId,
    pub(super) job_type: Option<String>,
    pub(super) begin_time: Option<String>,
    pub(super) end_time: Option<String>,
    pub(super) error_code: Option<String>,
    pub(super) fail_reason: Option<String>,
}

/// Records how `entities` came: `null`, an object, or not at all.
pub(super) fn note_entities<T>(slot: &FieldState<T>, nulls: &mut Nulls) {
    nulls.set(Nulls::ENTITIES_NULL, matches!(slot, FieldState::Null));
    nulls.set(Nulls::ENTITIES_SENT, matches!(slot, FieldState::Value(_)));
}
