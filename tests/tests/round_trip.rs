//! The demo server and client over loopback: the retry loop in both dialects,
//! and what the client gets from replies that are refusals or not replies.
#![cfg(all(feature = "axum", feature = "reqwest"))]

use std::io::{Read, Write};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use task_envelope::{BatchError, BatchResponse, Code, JobResponse, ResponseExt, TaskResponse};
use task_envelope_tests::demo::client::{DemoClient, Dialect, quick_backoff};
use task_envelope_tests::demo::server;
use task_envelope_tests::resources::{Instance, InstanceId};
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
        printed
            .contains("    failed qcvm2: 4002: instance is busy (attempt 2 of 3) (requestId req-"),
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
        printed
            .contains("    failed qcvm5: 4002: instance is busy (attempt 1 of 3) (job_id job-1-3)"),
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
