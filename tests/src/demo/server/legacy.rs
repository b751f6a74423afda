//! The code/requestId dialect on the legacy path, `GET` and `POST
//! /v2/index.php` with `Action=...`, as the legacy cloud API 2.0 takes it:
//! parameters in the query string, or for `POST` in a form body
//! (`application/x-www-form-urlencoded`; the query string's parameters count
//! too). Parameters the demo does not read (`Region`, `Nonce`, `SecretId`,
//! `Signature`, ...) are ignored; the signature is not checked.
//!
//! **`Action=StartInstances&instanceIds.0=qcvm1&instanceIds.1=qcvm2`**
//! (the legacy API's list spelling; ids in the order of their indexes)
//! answers a [`BatchResponse`]: the outer code by the 0 / 5100 / 5400 rule
//! (an integer), and per instance a quoted code, as the provider writes
//! entries:
//!
//! ```json
//! {"code": 5400, "message": "some resources failed", "detail": {
//!     "qcvm3": {"code": "0", "message": "ok", "requestId": 1001},
//!     "qcvm1": {"code": "4002", "message": "instance is busy (attempt 1 of 2)"}}}
//! ```
//!
//! An accepted start carries its task number as an integer `requestId`
//! (counting up from 1001); a busy one has no task, so no `requestId`. An
//! empty list is refused as a whole, with `200` as the provider does:
//! `{"code": 4000, "message": "instanceIds must not be empty", "codeDesc":
//! "InvalidParameter"}`.
//!
//! **`Action=DescribeTaskResult&requestId=1001`** answers a [`TaskStatus`]:
//! `{"code": 0, "message": "", "codeDesc": "Success", "data": {"status":
//! 2}}` (running) at the task's first poll, then `0` (succeeded) or `1`
//! (failed: the first accepted start of `qcvm<n>` with `n % 4 == 0`). An
//! unknown task number is a refused call, with `200`: `{"code": 4000,
//! "message": "task 999 does not exist", "codeDesc": "InvalidParameter"}`.
//!
//! A request the server cannot read gets `400` with the same body shape and
//! a message that says why: no `Action` or an unknown one (`codeDesc`
//! `InvalidAction`), a repeated parameter, `instanceIds` without an index
//! or with one that is not a number, an instance id that is not `qcvm...`,
//! an instance listed twice, a `requestId` that is not a number, a `POST`
//! body that is not a form.

use std::collections::{BTreeMap, HashMap, HashSet};

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use task_envelope::{BatchResponse, Code, RequestId, TaskResponse, TaskState, TaskStatus};

use super::{BUSY, Dialect, Fleet, INVALID_PARAMETER, Shared, instance_number, lock};
use crate::resources::{Instance, InstanceId};

/// The first task number handed out.
pub const FIRST_TASK: u64 = 1001;

/// The legacy path's tasks, by task number.
#[derive(Default)]
pub(super) struct Tasks {
    tasks: HashMap<u64, Task>,
    /// The instances whose task already failed once.
    failed_once: HashSet<InstanceId>,
}

/// One accepted start.
struct Task {
    polls: u32,
    fails: bool,
}

impl Tasks {
    /// Records an accepted start of `id`; returns its task number.
    fn accept(&mut self, id: &InstanceId) -> u64 {
        let number = FIRST_TASK + self.tasks.len() as u64;
        let fails = instance_number(id) % 4 == 0 && self.failed_once.insert(id.clone());
        self.tasks.insert(number, Task { polls: 0, fails });
        number
    }
}

/// A request the server cannot read: `400`, the dialect's body, and why.
struct BadRequest {
    message: String,
    code_desc: &'static str,
}

impl BadRequest {
    fn new(message: impl Into<String>) -> Self {
        BadRequest {
            message: message.into(),
            code_desc: "InvalidParameter",
        }
    }
}

impl IntoResponse for BadRequest {
    fn into_response(self) -> Response {
        let reply =
            TaskResponse::failure(INVALID_PARAMETER, self.message).with_code_desc(self.code_desc);
        (StatusCode::BAD_REQUEST, reply).into_response()
    }
}

/// `GET /v2/index.php?Action=...`.
pub(super) async fn answer_get(State(fleet): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    answer(&fleet, params(&[query.as_bytes()]))
}

/// `POST /v2/index.php` with a form body.
pub(super) async fn answer_post(
    State(fleet): State<Shared>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !body.is_empty() && !is_form(&headers) {
        return BadRequest::new(
            "the body must be a form: Content-Type application/x-www-form-urlencoded",
        )
        .into_response();
    }
    let query = query.unwrap_or_default();
    answer(&fleet, params(&[query.as_bytes(), &body]))
}

/// Whether the request's `Content-Type` is a form (any parameters).
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| {
            mime.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// The parameters of the query string and the body, each name once, in
/// name order (so that of two bad parameters, the same one is reported).
fn params(sources: &[&[u8]]) -> Result<BTreeMap<String, String>, BadRequest> {
    let mut params = BTreeMap::new();
    for source in sources {
        for (name, value) in form_urlencoded::parse(source) {
            if params
                .insert(name.to_string(), value.into_owned())
                .is_some()
            {
                return Err(BadRequest::new(format!(
                    "the parameter `{name}` is given more than once"
                )));
            }
        }
    }
    Ok(params)
}

fn answer(fleet: &Shared, params: Result<BTreeMap<String, String>, BadRequest>) -> Response {
    let params = match params {
        Ok(params) => params,
        Err(bad) => return bad.into_response(),
    };
    let mut fleet = lock(fleet);
    let answered = match params.get("Action").map(String::as_str) {
        Some("StartInstances") => start_instances(&mut fleet, &params),
        Some("DescribeTaskResult") => describe_task_result(&mut fleet, &params),
        Some(other) => Err(BadRequest {
            message: format!(
                "unknown Action `{other}`: this server answers StartInstances and DescribeTaskResult"
            ),
            code_desc: "InvalidAction",
        }),
        None => Err(BadRequest::new(
            "the parameter `Action` is required: StartInstances or DescribeTaskResult",
        )),
    };
    answered.unwrap_or_else(IntoResponse::into_response)
}

/// `Action=StartInstances`.
fn start_instances(
    fleet: &mut Fleet,
    params: &BTreeMap<String, String>,
) -> Result<Response, BadRequest> {
    let ids = instance_ids(params)?;
    if ids.is_empty() {
        let reply =
            BatchResponse::<Instance>::rejected(INVALID_PARAMETER, "instanceIds must not be empty")
                .with_code_desc("InvalidParameter");
        return Ok(reply.into_response());
    }
    let tasks: Vec<(InstanceId, TaskResponse)> = ids
        .into_iter()
        .map(|id| {
            let task = match fleet.start(Dialect::Legacy, &id) {
                Ok(()) => TaskResponse {
                    code: Code::SUCCESS.quoted(),
                    message: "ok".to_owned(),
                    ..TaskResponse::success(RequestId::from(fleet.legacy.accept(&id)))
                },
                Err(reason) => TaskResponse::failure(BUSY.quoted(), reason),
            };
            (id, task)
        })
        .collect();
    Ok(BatchResponse::<Instance>::from_tasks(tasks).into_response())
}

/// The ids of `instanceIds.0`, `instanceIds.1`, ..., in the order of their
/// indexes.
fn instance_ids(params: &BTreeMap<String, String>) -> Result<Vec<InstanceId>, BadRequest> {
    let mut indexed = Vec::new();
    for (name, value) in params {
        let Some(rest) = name.strip_prefix("instanceIds") else {
            continue;
        };
        let index = rest
            .strip_prefix('.')
            .and_then(|index| index.parse::<u32>().ok())
            .ok_or_else(|| {
                BadRequest::new(format!(
                    "`{name}`: write the list as instanceIds.0=...&instanceIds.1=..."
                ))
            })?;
        let id: InstanceId = value
            .parse()
            .map_err(|error| BadRequest::new(format!("`{name}`: {error}")))?;
        indexed.push((index, id));
    }
    indexed.sort_by_key(|(index, _)| *index);
    let mut seen = HashSet::new();
    for (_, id) in &indexed {
        if !seen.insert(id) {
            return Err(BadRequest::new(format!(
                "instance {id} is listed more than once"
            )));
        }
    }
    Ok(indexed.into_iter().map(|(_, id)| id).collect())
}

/// `Action=DescribeTaskResult`.
fn describe_task_result(
    fleet: &mut Fleet,
    params: &BTreeMap<String, String>,
) -> Result<Response, BadRequest> {
    let raw = params
        .get("requestId")
        .ok_or_else(|| BadRequest::new("the parameter `requestId` is required"))?;
    let number: u64 = raw.parse().map_err(|_| {
        BadRequest::new(format!(
            "`requestId` must be a task number, not `{}`",
            raw.escape_debug()
        ))
    })?;
    let Some(task) = fleet.legacy.tasks.get_mut(&number) else {
        let refused =
            TaskStatus::call_failed(INVALID_PARAMETER, format!("task {number} does not exist"))
                .with_code_desc("InvalidParameter");
        return Ok(refused.into_response());
    };
    task.polls += 1;
    let state = match (task.polls, task.fails) {
        (1, _) => TaskState::Running,
        (_, true) => TaskState::Failed,
        (_, false) => TaskState::Succeeded,
    };
    Ok(TaskStatus::new(state)
        .with_code_desc("Success")
        .into_response())
}
