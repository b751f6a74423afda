//! The demo server: a local stand-in for the legacy code/requestId API
//! (`/v2/index.php`) and for ECS's `job_id` API (`/v1/{project_id}/...`),
//! over HTTP.
//!
//! Run it with `cargo run --example server --all-features [-- ADDRESS]`
//! (default `127.0.0.1:3000`), then `cargo run --example client
//! --all-features -- http://127.0.0.1:3000` in another terminal, or point an
//! official SDK at it (see the README's "Over HTTP" section).
//! What it answers, and which starts fail, is in `tests/src/demo/server.rs`.

use std::error::Error;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("demo server on http://{}", listener.local_addr()?);
    axum::serve(listener, task_envelope_tests::demo::server::app()).await?;
    Ok(())
}
