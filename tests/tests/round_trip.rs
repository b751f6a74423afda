//! The demo server and client over loopback: the retry loop in every route,
//! the legacy `/v2/index.php` path and ECS's paths on the wire, and what the
//! client gets from replies that are refusals or not replies.
#![cfg(all(feature = "axum", feature = "reqwest"))]

use std::io::{Read, Write};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use serde_json::{Value, json};
use task_envelope::{
    BatchError, BatchOutcome, BatchReport, BatchResponse, Code, ErrorShape, JobResponse, JobState,
    JobStatus, ResourceReport, ResponseExt, TaskResponse, TaskState, TaskStatus,
};
use task_envelope_tests::demo::client::{CallError, DemoClient, Dialect, EcsAction, quick_backoff};
use task_envelope_tests::demo::server;
use task_envelope_tests::resources::{Instance, InstanceId, Server};
use tokio::net::TcpListener;

/// Serves `app` on a free loopback port; returns its base URL.
async fn serve(app: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    base
}

fn ids(numbers: &[u32]) -> Vec<InstanceId> {
    numbers
        .iter()
        .map(|n| format!("qcvm{n}").parse().unwrap())
        .collect()
}

#[tokio::test]
async fn batch_dialect_retries_only_the_failed_until_all_start() {
    let mut client = DemoClient::new(serve(server::app()).await, quick_backoff());
    let mut out = Vec::new();
    let rounds = client
        .start_all(Dialect::Batch, ids(&[1, 2, 3, 4, 5, 6]), 5, &mut out)
        .await
        .unwrap();
    // qcvm<n> is busy for n % 3 attempts: 1, 2, 4, 5 fail once; 2 and 5 twice.
    assert_eq!(
        rounds.failed_per_round,
        [ids(&[1, 2, 4, 5]), ids(&[2, 5]), vec![]]
    );
    assert_eq!(rounds.requests, 3);
    let printed = String::from_utf8(out).unwrap();
    assert!(
        printed.contains(
            "    failed qcvm2: code 4002: instance is busy (attempt 2 of 3) (requestId req-"
        ),
        "{printed}"
    );
    assert!(printed.contains("[Batch] round 3: 2 instance(s): all resources succeeded"));
}

#[tokio::test]
async fn job_dialect_polls_then_retries_only_the_failed() {
    let mut client = DemoClient::new(serve(server::app()).await, quick_backoff());
    let mut out = Vec::new();
    let rounds = client
        .start_all(Dialect::Job, ids(&[3, 4, 5]), 5, &mut out)
        .await
        .unwrap();
    assert_eq!(rounds.failed_per_round, [ids(&[4, 5]), ids(&[5]), vec![]]);
    // Each round: one submission, one poll that sees RUNNING, one that sees the end.
    assert_eq!(rounds.requests, 9);
    let printed = String::from_utf8(out).unwrap();
    assert!(
        printed.contains(
            "    failed qcvm5: code 4002: instance is busy (attempt 1 of 3) (job_id job-1-3)"
        ),
        "{printed}"
    );
}

#[tokio::test]
async fn the_client_gives_up_after_its_last_round() {
    let mut client = DemoClient::new(serve(server::app()).await, quick_backoff());
    let error = client
        .start_all(Dialect::Batch, ids(&[2, 3]), 2, &mut Vec::new())
        .await
        .unwrap_err();
    assert_eq!(error.to_string(), "1 instance(s) still failed");
}

#[tokio::test]
async fn refusals_arrive_as_replies_with_their_status() {
    let base = serve(server::app()).await;
    let http = reqwest::Client::new();

    // A batch request refused as a whole: 200, a reply without detail.
    let response = http
        .post(format!("{base}/v2/instances/start"))
        .body(r#"{"instanceIds": []}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert!(response.headers().contains_key("x-request-id"));
    let reply = response
        .task_reply::<BatchResponse<Instance>>()
        .await
        .unwrap();
    assert_eq!(
        reply.verify(),
        Err(BatchError::Rejected {
            code: Code::new(4000),
            message: "InvalidParameter: instanceIds must not be empty".to_owned(),
        })
    );

    // A job refused: 400, the `error` object.
    let response = http
        .post(format!("{base}/v1/jobs/start-instances"))
        .body(r#"{"instanceIds": ["disk-1"]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let JobResponse::Rejected(error) = response.task_reply::<JobResponse>().await.unwrap() else {
        panic!("a job with a disk id was accepted");
    };
    assert_eq!(error.code, "Ecs.0001");
    assert!(
        error.message.contains("must start with `qcvm`"),
        "{}",
        error.message
    );

    // An unknown job: the server paired the rejection with 404.
    let response = http
        .get(format!("{base}/v1/jobs/job-9"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let reply = response.task_reply::<JobResponse>().await.unwrap();
    assert_eq!(
        reply.into_result().unwrap_err().message,
        "job job-9 does not exist"
    );
}

/// A server whose every answer is `status`, `body` and an optional `X-Request-Id`.
async fn answering(
    status: StatusCode,
    request_id: Option<&'static str>,
    body: &'static str,
) -> String {
    let app = Router::new().fallback(move || async move {
        let mut response = axum::response::IntoResponse::into_response((status, body));
        if let Some(id) = request_id {
            response
                .headers_mut()
                .insert("x-request-id", id.parse().unwrap());
        }
        response
    });
    serve(app).await
}

#[tokio::test]
async fn a_body_that_is_not_a_reply_keeps_status_request_id_and_body() {
    let base = answering(
        StatusCode::BAD_GATEWAY,
        Some("gw-7"),
        "<html>bad gateway</html>",
    )
    .await;
    let response = reqwest::get(&base).await.unwrap();
    let error = response.task_reply::<TaskResponse>().await.unwrap_err();
    assert_eq!(error.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(error.request_id().map(AsRef::as_ref), Some("gw-7"));
    assert_eq!(error.body(), Some(&b"<html>bad gateway</html>"[..]));
    assert!(error.is_parse());
    assert_eq!(
        error.to_string(),
        "HTTP 502 Bad Gateway (request id gw-7): the body is not a valid reply: \
         expected value at line 1 column 1; body `<html>bad gateway</html>`"
    );
}

#[tokio::test]
async fn without_the_header_the_request_id_comes_from_the_body() {
    // A success without requestId is refused; a failure whose body names one keeps it.
    let base = answering(
        StatusCode::OK,
        None,
        r#"{"requestId": "body-1", "code": "5.4e3", "message": ""}"#,
    )
    .await;
    let error = reqwest::get(&base)
        .await
        .unwrap()
        .task_reply::<TaskResponse>()
        .await
        .unwrap_err();
    assert_eq!(error.request_id().map(AsRef::as_ref), Some("body-1"));
    assert!(
        error.to_string().starts_with(
            "HTTP 200 OK (request id body-1): the body is not a valid reply: invalid value"
        ),
        "{error}"
    );

    // Neither header nor body: no id to keep, and the error says the rest.
    let base = answering(StatusCode::OK, None, r#"{"code": true}"#).await;
    let error = reqwest::get(&base)
        .await
        .unwrap()
        .task_reply::<TaskResponse>()
        .await
        .unwrap_err();
    assert_eq!(error.request_id(), None);
    assert_eq!(
        error.to_string(),
        "HTTP 200 OK: the body is not a valid reply: invalid type: boolean `true`, expected \
         `code` to be an integer or a string of digits at line 1 column 13; body `{\"code\": true}`"
    );
}

#[tokio::test]
async fn a_body_cut_short_is_a_read_error_that_keeps_the_status() {
    // A raw server that promises 100 bytes, sends 10 and hangs up.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let (mut socket, _) = listener.accept().unwrap();
        let mut request = [0; 1024];
        let _ = socket.read(&mut request);
        let head = "HTTP/1.1 503 Service Unavailable\r\nx-request-id: cut-1\r\n\
                    content-length: 100\r\n\r\n";
        socket.write_all(head.as_bytes()).unwrap();
        socket.write_all(br#"{"code": 5"#).unwrap();
    });
    let response = tokio::time::timeout(Duration::from_secs(5), reqwest::get(&base))
        .await
        .unwrap()
        .unwrap();
    let error = response.task_reply::<TaskResponse>().await.unwrap_err();
    assert!(!error.is_parse());
    assert_eq!(error.body(), None);
    assert_eq!(error.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error.request_id().map(AsRef::as_ref), Some("cut-1"));
    assert!(
        error.to_string().starts_with(
            "HTTP 503 Service Unavailable (request id cut-1): the body could not be read"
        ),
        "{error}"
    );
}

/// The response's `X-Request-Id`, checked to be 32 hex digits.
fn request_id(response: &reqwest::Response) -> String {
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 32, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    id
}

/// Status, `X-Request-Id` and JSON body of a response.
async fn read(response: reqwest::Response) -> (StatusCode, String, Value) {
    let status = response.status();
    let id = request_id(&response);
    assert_eq!(response.headers()["content-type"], "application/json");
    (status, id, response.task_reply().await.unwrap())
}

async fn legacy_get(http: &reqwest::Client, base: &str, query: &str) -> reqwest::Response {
    http.get(format!("{base}/v2/index.php?{query}"))
        .send()
        .await
        .unwrap()
}

async fn legacy_post(http: &reqwest::Client, base: &str, form: &str) -> reqwest::Response {
    http.post(format!("{base}/v2/index.php"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form.to_owned())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn legacy_dialect_polls_each_task_and_retries_only_the_failed() {
    let mut client = DemoClient::new(serve(server::app()).await, quick_backoff());
    let mut out = Vec::new();
    let rounds = client
        .start_all(Dialect::Legacy, ids(&[1, 2, 3, 4, 5, 6]), 5, &mut out)
        .await
        .unwrap();
    // Busy for n % 3 attempts: 1, 2, 4, 5 refused once, 2 and 5 twice; the
    // task of qcvm4 fails the first time it is accepted (round 2).
    assert_eq!(
        rounds.failed_per_round,
        [ids(&[1, 2, 4, 5]), ids(&[2, 4, 5]), vec![]]
    );
    // Each round: one start, and two polls (running, then the end) for each
    // accepted instance: 1 + 2 * 2, 1 + 2 * 2, 1 + 3 * 2.
    assert_eq!(rounds.requests, 17);
    let printed = String::from_utf8(out).unwrap();
    assert!(
        printed.contains("    failed qcvm2: code 4002: instance is busy (attempt 1 of 3)\n"),
        "{printed}"
    );
    // Tasks 1001 and 1002 were qcvm3's and qcvm6's; 1003 qcvm1's.
    assert!(
        printed.contains("    failed qcvm4: the task failed (requestId 1004)\n"),
        "{printed}"
    );
}

#[tokio::test]
async fn legacy_path_answers_batches_and_task_results_on_the_wire() {
    let base = serve(server::app()).await;
    let http = reqwest::Client::new();

    // GET, ids in the order of their indexes, whatever the query's order.
    let response = legacy_get(
        &http,
        &base,
        "Action=StartInstances&instanceIds.1=qcvm1&instanceIds.0=qcvm3&instanceIds.2=qcvm0",
    )
    .await;
    let (status, first_id, body) = read(response).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"code": 5400, "message": "some resources failed", "detail": {
            "qcvm3": {"code": "0", "message": "ok", "requestId": 1001},
            "qcvm1": {"code": "4002", "message": "instance is busy (attempt 1 of 2)"},
            "qcvm0": {"code": "0", "message": "ok", "requestId": 1002}}})
    );
    // The entries in wire order (a `Value` sorts its keys; the reply keeps them).
    let reply: BatchResponse<Instance> = serde_json::from_str(&body.to_string()).unwrap();
    assert_eq!(reply.verify(), Ok(BatchOutcome::PartialFailure));
    let reply = legacy_get(
        &http,
        &base,
        "Action=StartInstances&instanceIds.1=qcvm1&instanceIds.0=qcvm3",
    )
    .await
    .task_reply::<BatchResponse<Instance>>()
    .await
    .unwrap();
    let order: Vec<_> = reply.detail().keys().map(AsRef::<str>::as_ref).collect();
    assert_eq!(order, ["qcvm3", "qcvm1"]);
    let tasks: Vec<_> = reply.succeeded().map(|(_, task)| task.cloned()).collect();
    assert_eq!(tasks, [Some(1003.into()), Some(1004.into())]);
    assert!(
        tasks
            .iter()
            .flatten()
            .all(task_envelope::RequestId::is_integer)
    );

    // The same action as a POST form; codes quoted in entries, as sent.
    let (status, second_id, body) =
        read(legacy_post(&http, &base, "Action=StartInstances&instanceIds.0=qcvm1").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(first_id, second_id);
    assert_eq!(
        body,
        json!({"code": 0, "message": "success", "detail": {
            "qcvm1": {"code": "0", "message": "ok", "requestId": 1005}}})
    );

    // Task 1001 (qcvm3): running at the first poll, by POST; then succeeded.
    let (_, _, body) =
        read(legacy_post(&http, &base, "Action=DescribeTaskResult&requestId=1001").await).await;
    assert_eq!(
        body,
        json!({"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 2}})
    );
    let reply = legacy_get(&http, &base, "Action=DescribeTaskResult&requestId=1001")
        .await
        .task_reply::<TaskStatus>()
        .await
        .unwrap();
    assert_eq!(reply.state(), Some(TaskState::Succeeded));

    // Task 1002 (qcvm0, n % 4 == 0): running, then failed.
    for expected in [TaskState::Running, TaskState::Failed] {
        let reply = legacy_get(&http, &base, "Action=DescribeTaskResult&requestId=1002")
            .await
            .task_reply::<TaskStatus>()
            .await
            .unwrap();
        assert_eq!(reply.state(), Some(expected));
    }

    // An unknown task number: a refused call, in the body.
    let (status, _, body) =
        read(legacy_get(&http, &base, "Action=DescribeTaskResult&requestId=999").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"code": 4000, "message": "task 999 does not exist", "codeDesc": "InvalidParameter"})
    );

    // An empty list: the batch refused as a whole, in the body.
    let (status, _, body) = read(legacy_post(&http, &base, "Action=StartInstances").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"code": 4000, "message": "instanceIds must not be empty", "codeDesc": "InvalidParameter"})
    );
    let reply: BatchResponse<Instance> = serde_json::from_value(body).unwrap();
    assert_eq!(
        BatchReport::final_outcome(&reply),
        Some(BatchOutcome::Rejected {
            code: Code::new(4000)
        })
    );
}

#[tokio::test]
async fn legacy_requests_the_server_cannot_read_get_400_and_the_reason() {
    let base = serve(server::app()).await;
    let http = reqwest::Client::new();
    let cases = [
        (
            "",
            "InvalidParameter",
            "the parameter `Action` is required: StartInstances or DescribeTaskResult",
        ),
        (
            "Action=RebootInstances",
            "InvalidAction",
            "unknown Action `RebootInstances`: this server answers StartInstances and \
             DescribeTaskResult",
        ),
        (
            "Action=StartInstances&Action=StartInstances",
            "InvalidParameter",
            "the parameter `Action` is given more than once",
        ),
        (
            "Action=StartInstances&instanceIds=qcvm1",
            "InvalidParameter",
            "`instanceIds`: write the list as instanceIds.0=...&instanceIds.1=...",
        ),
        (
            "Action=StartInstances&instanceIds.first=qcvm1",
            "InvalidParameter",
            "`instanceIds.first`: write the list as instanceIds.0=...&instanceIds.1=...",
        ),
        (
            "Action=StartInstances&instanceIds.0=disk-1",
            "InvalidParameter",
            "`instanceIds.0`: invalid InstanceId `disk-1`: it must start with `qcvm`",
        ),
        (
            "Action=StartInstances&instanceIds.0=qcvm1&instanceIds.1=qcvm1",
            "InvalidParameter",
            "instance qcvm1 is listed more than once",
        ),
        (
            "Action=DescribeTaskResult",
            "InvalidParameter",
            "the parameter `requestId` is required",
        ),
        (
            "Action=DescribeTaskResult&requestId=req%0A1",
            "InvalidParameter",
            "`requestId` must be a task number, not `req\\n1`",
        ),
    ];
    for (query, code_desc, message) in cases {
        let (status, _, body) = read(legacy_get(&http, &base, query).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(
            body,
            json!({"code": 4000, "message": message, "codeDesc": code_desc}),
            "{query}"
        );
    }

    // A POST body that is not a form.
    let response = http
        .post(format!("{base}/v2/index.php"))
        .header("content-type", "application/json")
        .body(r#"{"Action": "StartInstances"}"#)
        .send()
        .await
        .unwrap();
    let (status, _, body) = read(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["message"],
        "the body must be a form: Content-Type application/x-www-form-urlencoded"
    );

    // None of those started anything: qcvm1's first attempt is still to come.
    let (_, _, body) =
        read(legacy_get(&http, &base, "Action=StartInstances&instanceIds.0=qcvm1").await).await;
    assert_eq!(
        body["detail"]["qcvm1"]["message"],
        "instance is busy (attempt 1 of 2)"
    );
}

#[tokio::test]
async fn ecs_actions_poll_their_job_to_the_end() {
    let mut client = DemoClient::new(serve(server::app()).await, quick_backoff());
    let mut out = Vec::new();

    let status = client
        .ecs_action("p-1", EcsAction::Start, &["srv-1", "locked-2"], &mut out)
        .await
        .unwrap();
    // One submission, one poll that sees RUNNING, one that sees the end.
    assert_eq!(client.requests(), 3);
    assert_eq!(status.status, JobState::Fail);
    assert_eq!(status.verify(), Ok(Some(BatchOutcome::PartialFailure)));
    let failed: Vec<_> = status
        .entries()
        .filter_map(ResourceReport::into_failure)
        .map(|(id, failure)| (id.cloned(), failure.code, failure.message.to_owned()))
        .collect();
    assert_eq!(
        failed,
        [(
            Some("locked-2".to_owned()),
            Some("Ecs.0103".to_owned()),
            "server locked-2 is locked".to_owned()
        )]
    );

    for action in [EcsAction::Stop, EcsAction::Reboot] {
        let status = client
            .ecs_action("p-1", action, &["srv-1", "srv-3"], &mut out)
            .await
            .unwrap();
        assert_eq!(client.requests(), 3);
        assert_eq!(status.verify(), Ok(Some(BatchOutcome::AllSucceeded)));
    }
    let printed = String::from_utf8(out).unwrap();
    assert_eq!(
        printed,
        "[Ecs] Start job 4010a1b2-0000-4000-8000-000000000001: some resources failed\n\
         \x20   failed locked-2: code Ecs.0103: server locked-2 is locked \
         (job_id 4010a1b2-0000-4000-8000-000000000001-2)\n\
         [Ecs] Stop job 4010a1b2-0000-4000-8000-000000000002: all resources succeeded\n\
         [Ecs] Reboot job 4010a1b2-0000-4000-8000-000000000003: all resources succeeded\n"
    );

    // A rejection keeps the X-Request-Id, as the official SDKs do.
    let error = client
        .ecs_action("p-1", EcsAction::Start, &[], &mut Vec::new())
        .await
        .unwrap_err();
    assert_eq!(client.requests(), 1);
    let CallError::Rejected(rejection) = error else {
        panic!("an empty server list was not rejected: {error}");
    };
    assert_eq!(rejection.code, "Ecs.0005");
    assert_eq!(rejection.message, "servers must not be empty");
    assert_eq!(rejection.request_id.map(|id| id.len()), Some(32));
}

#[tokio::test]
async fn ecs_paths_answer_jobs_on_the_wire() {
    let base = serve(server::app()).await;
    let http = reqwest::Client::new();
    let action = |body: Value| {
        http.post(format!("{base}/v1/p-1/cloudservers/action"))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
    };

    let response = action(json!({"os-start": {"servers": [{"id": "srv-1"}, {"id": "locked-2"}]}}))
        .await
        .unwrap();
    let (status, _, body) = read(response).await;
    assert_eq!(status, StatusCode::OK);
    let job_id = "4010a1b2-0000-4000-8000-000000000001";
    assert_eq!(body, json!({"job_id": job_id}));

    let job = format!("{base}/v1/p-1/jobs/{job_id}");
    let running: JobStatus<Server> = http
        .get(&job)
        .send()
        .await
        .unwrap()
        .task_reply()
        .await
        .unwrap();
    assert_eq!(running.status, JobState::Running);
    assert!(
        running
            .entities
            .sub_jobs
            .iter()
            .all(|sub| sub.status == JobState::Running)
    );
    assert_eq!(running.outcome(), None);

    let (status, _, body) = read(http.get(&job).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let sub_job = |n: u32, server: &str| {
        json!({"status": "SUCCESS", "job_id": format!("{job_id}-{n}"), "job_type": "startServer",
               "begin_time": "", "end_time": "", "entities": {"server_id": server}})
    };
    let mut locked = sub_job(2, "locked-2");
    locked["status"] = json!("FAIL");
    locked["error_code"] = json!("Ecs.0103");
    locked["fail_reason"] = json!("server locked-2 is locked");
    // The official SDK's "reason the sub-job failed".
    locked["entities"]["errorcode_message"] = json!("the server locked-2 is locked");
    assert_eq!(
        body,
        json!({"status": "FAIL", "job_id": job_id, "job_type": "batchStartServers",
               "begin_time": "", "end_time": "", "error_code": "Ecs.0103",
               "fail_reason": "1 of 2 servers failed: server locked-2 is locked",
               "entities": {"sub_jobs_total": 2, "sub_jobs": [sub_job(1, "srv-1"), locked]}})
    );

    // Stop (type optional) and reboot (type required) are jobs too.
    for body in [
        json!({"os-stop": {"servers": [{"id": "srv-1"}]}}),
        json!({"os-stop": {"servers": [{"id": "srv-1"}], "type": "HARD"}}),
        json!({"reboot": {"type": "SOFT", "servers": [{"id": "srv-1"}]}}),
    ] {
        let reply = action(body)
            .await
            .unwrap()
            .task_reply::<JobResponse>()
            .await;
        assert!(reply.unwrap().is_accepted());
    }

    // A job is known under its own project only.
    let (status, _, body) = read(
        http.get(format!("{base}/v1/p-2/jobs/{job_id}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body,
        json!({"error": {"code": "Ecs.0404", "message": format!("job {job_id} does not exist")}})
    );
}

#[tokio::test]
async fn ecs_refusals_say_why_with_their_status_and_request_id() {
    let base = serve(server::app()).await;
    let http = reqwest::Client::new();
    let cases = [
        (
            r#"{"os-start": {"servers": []}}"#,
            "servers must not be empty",
        ),
        (
            r#"{"reboot": {"servers": [{"id": "srv-1"}]}}"#,
            "reboot.type is required: SOFT or HARD",
        ),
        (
            r#"{"os-stop": {"servers": [{"id": "srv-1"}], "type": "GENTLE"}}"#,
            "type must be SOFT or HARD, not `GENTLE`",
        ),
        (
            r#"{"os-start": {"servers": [{"id": "srv-1"}], "type": "SOFT"}}"#,
            "os-start takes no type",
        ),
        (
            r#"{"os-start": {"servers": [{"id": "a"}]}, "os-stop": {"servers": [{"id": "a"}]}}"#,
            "the body must hold exactly one of os-start, os-stop and reboot",
        ),
        (
            r#"{"os-start": {"servers": [{"id": "a"}, {"id": "a"}]}}"#,
            "server a is listed more than once",
        ),
        (
            r#"{"os-start": {"servers": [{"id": ""}]}}"#,
            "a server id must not be empty",
        ),
    ];
    let mut request_ids = Vec::new();
    for (body, message) in cases {
        let response = http
            .post(format!("{base}/v1/p-1/cloudservers/action"))
            .body(body)
            .send()
            .await
            .unwrap();
        let (status, id, reply) = read(response).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(
            reply,
            json!({"error": {"code": "Ecs.0005", "message": message}}),
            "{body}"
        );
        request_ids.push(id);
    }

    // Not JSON, or not an action: the parser's own words follow.
    for body in ["os-start", r#"{"os-pause": {"servers": []}}"#] {
        let response = http
            .post(format!("{base}/v1/p-1/cloudservers/action"))
            .body(body)
            .send()
            .await
            .unwrap();
        let (status, id, reply) = read(response).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let message = reply["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with("the body is not a server action (os-start, os-stop or reboot): "),
            "{message}"
        );
        request_ids.push(id);
    }

    // An unknown job: 404, read by the client as a rejection.
    let response = http
        .get(format!("{base}/v1/p-1/jobs/no-such-job"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    request_ids.push(request_id(&response));
    let rejection = response
        .task_reply::<JobResponse>()
        .await
        .unwrap()
        .into_result()
        .unwrap_err();
    assert_eq!(rejection.code, "Ecs.0404");
    assert_eq!(rejection.message, "job no-such-job does not exist");

    // A path the server does not serve: the gateway's shape, whose request
    // id is the header's.
    let response = http.get(format!("{base}/v3/servers")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let header = request_id(&response);
    let rejection = response
        .task_reply::<JobResponse>()
        .await
        .unwrap()
        .into_result()
        .unwrap_err();
    assert_eq!(rejection.shape(), &ErrorShape::Gateway);
    assert_eq!(rejection.code, "APIG.0101");
    assert_eq!(rejection.request_id, Some(header.clone()));
    request_ids.push(header);

    // One request id per request.
    let count = request_ids.len();
    request_ids.sort();
    request_ids.dedup();
    assert_eq!(request_ids.len(), count);
}
