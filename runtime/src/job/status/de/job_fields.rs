//! The fields a job and a sub-job share (`status`, `job_id`, `job_type`,
//! `begin_time`, `end_time`, `error_code`, `fail_reason`), and how errors
//! name where they are.

use core::fmt;

use serde::de::{self, MapAccess};

use crate::job::state::JobStateSeed;
use crate::job::status::Nulls;
use crate::wire::{self, Field, Slot, TextSeed, reject_repeat};
use crate::{JobId, JobState};

pub(super) const JOB_FIELDS: &[&str] = &[
    "status",
    "job_id",
    "job_type",
    "begin_time",
    "end_time",
    "error_code",
    "fail_reason",
    "entities",
];
pub(super) const ENTITIES: usize = 7;

/// The `null` flag of each text field of [`JOB_FIELDS`], by index.
const TEXT_NULLS: [u16; 5] = [
    Nulls::JOB_TYPE,
    Nulls::BEGIN_TIME,
    Nulls::END_TIME,
    Nulls::ERROR_CODE,
    Nulls::FAIL_REASON,
];

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
pub(super) struct Common {
    pub(super) status: Option<JobState>,
    pub(super) job_id: Option<String>,
    /// `job_type`, `begin_time`, `end_time`, `error_code`, `fail_reason`.
    pub(super) texts: [Slot<String>; 5],
}

impl Common {
    /// Reads the value of the field `index` of [`JOB_FIELDS`] (not `entities`).
    pub(super) fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        place: Place<'_>,
    ) -> Result<(), A::Error> {
        let name = JOB_FIELDS.get(index).copied().unwrap_or("?");
        let field = field(name, place);
        match index {
            0 => {
                reject_repeat(self.status.is_some(), field)?;
                self.status = Some(map.next_value_seed(JobStateSeed(field))?);
            }
            1 => {
                reject_repeat(self.job_id.is_some(), field)?;
                self.job_id = Some(map.next_value_seed(TextSeed::text(field))?);
            }
            _ => {
                let Some(text) = self.texts.get_mut(index - 2) else {
                    return wire::skip_value(map);
                };
                reject_repeat(text.is_seen(), field)?;
                let seed = if index == 5 {
                    TextSeed::code(field)
                } else {
                    TextSeed::text(field)
                };
                text.fill(map.next_value_seed(seed.nullable())?);
            }
        }
        Ok(())
    }

    pub(super) fn finish<E: de::Error>(
        self,
        place: Place<'_>,
        nulls: &mut Nulls,
    ) -> Result<CommonFields, E> {
        let missing = |name| E::custom(format_args!("missing field {}", field(name, place)));
        let status = self.status.ok_or_else(|| missing("status"))?;
        let job_id = JobId::from(self.job_id.ok_or_else(|| missing("job_id"))?);
        let [job_type, begin_time, end_time, error_code, fail_reason] =
            self.texts.map(|slot| match slot {
                Slot::Value(text) => (Some(text), false),
                Slot::Null => (None, true),
                Slot::Absent => (None, false),
            });
        let texts = [&job_type, &begin_time, &end_time, &error_code, &fail_reason];
        for (flag, (_, null)) in TEXT_NULLS.into_iter().zip(texts) {
            nulls.set(flag, *null);
        }
        Ok(CommonFields {
            status,
            job_id,
            job_type: job_type.0,
            begin_time: begin_time.0,
            end_time: end_time.0,
            error_code: error_code.0,
            fail_reason: fail_reason.0,
        })
    }
}

pub(super) struct CommonFields {
    pub(super) status: JobState,
    pub(super) job_id: JobId,
    pub(super) job_type: Option<String>,
    pub(super) begin_time: Option<String>,
    pub(super) end_time: Option<String>,
    pub(super) error_code: Option<String>,
    pub(super) fail_reason: Option<String>,
}

/// Records how `entities` came: `null`, an object, or not at all.
pub(super) fn note_entities<T>(slot: &Slot<T>, nulls: &mut Nulls) {
    nulls.set(Nulls::ENTITIES_NULL, matches!(slot, Slot::Null));
    nulls.set(Nulls::ENTITIES_SENT, matches!(slot, Slot::Value(_)));
}
