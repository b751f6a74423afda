//! Writing [`JobResponse`].

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::JobResponse;
use crate::job::keys::JOB_ID;
use crate::wire;

impl<P: Serialize> Serialize for JobResponse<P> {
    /// An accepted job as `{"job_id": ...}` and the payload's fields; a
    /// rejected one as its error body, in the shape it came in (see
    /// [`ApiError`](crate::ApiError)).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            JobResponse::Accepted { job_id, payload } => {
                let payload = payload.as_ref();
                let len = wire::payload_len(payload).map(|n| n + 1);
                let mut map = serializer.serialize_map(len)?;
                map.serialize_entry(JOB_ID, job_id)?;
                if let Some(payload) = payload {
                    wire::write_payload(&mut map, payload, |name| name == JOB_ID)?;
                }
                map.end()
            }
            JobResponse::Rejected(error) => error.serialize(serializer),
        }
    }
}
