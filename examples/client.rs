//! The demo client: starts six instances through each route of the demo
//! server (the legacy `/v2/index.php` path, whose tasks it polls with
//! `wait_for_task`; the batch route; the job route, polled with
//! `wait_for_job`), prints the failed ones, and retries only those until all
//! have started. Then it starts, stops and reboots servers on ECS's own
//! paths, one of them locked.
//!
//! `cargo run --example client --all-features` starts the demo server itself
//! on a free loopback port; `cargo run --example client --all-features --
//! http://127.0.0.1:3000` talks to one started with `--example server`.

use std::error::Error;

use task_envelope_tests::demo::client::{DemoClient, Dialect, EcsAction, quick_backoff};
use task_envelope_tests::demo::server;
use task_envelope_tests::resources::InstanceId;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let base = match std::env::args().nth(1) {
        Some(base) => base,
        None => {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let base = format!("http://{}", listener.local_addr()?);
            tokio::spawn(async move { axum::serve(listener, server::app()).await });
            println!("started the demo server on {base}");
            base
        }
    };
    let instances: Vec<InstanceId> = (1..=6)
        .map(|n| format!("qcvm{n}").parse())
        .collect::<Result<_, _>>()?;

    let mut client = DemoClient::new(base, quick_backoff());
    let mut out = std::io::stdout().lock();
    for dialect in [Dialect::Legacy, Dialect::Batch, Dialect::Job] {
        let rounds = client
            .start_all(dialect, instances.clone(), 5, &mut out)
            .await?;
        println!(
            "[{dialect:?}] all {} instances started in {} round(s), {} HTTP request(s)",
            instances.len(),
            rounds.failed_per_round.len(),
            rounds.requests,
        );
    }
    for (action, servers) in [
        (EcsAction::Start, &["srv-1", "locked-2", "srv-3"][..]),
        (EcsAction::Stop, &["srv-1"][..]),
        (EcsAction::Reboot, &["srv-1", "srv-3"][..]),
    ] {
        client
            .ecs_action("demo-project", action, servers, &mut out)
            .await?;
        println!("[Ecs] {action:?}: {} HTTP request(s)", client.requests());
    }
    Ok(())
}
