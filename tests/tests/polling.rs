//! `Backoff` and `wait_for_job` on a fake clock: no real sleeping.

use std::cell::RefCell;
use std::future::{Future, ready};
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use task_envelope::{Backoff, JobState, JobStatus, WaitError, wait_for_job};
use task_envelope_tests::resources::Bucket;

type Status = JobStatus<Bucket>;

/// Runs a future whose every await is ready at once (the fake clock's).
fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the fake clock never makes a future wait"),
    }
}

fn status(state: &str) -> Status {
    serde_json::from_str(&format!(r#"{{"status": "{state}", "job_id": "j-1"}}"#)).unwrap()
}

/// Polls a job whose fetches answer `states` in order (repeating the last),
/// and returns the result, the delays slept, and the number of fetches.
fn poll_job(
    backoff: Backoff,
    states: &[&str],
) -> (
    Result<Status, WaitError<Bucket, String>>,
    Vec<Duration>,
    usize,
) {
    let fetches = RefCell::new(0_usize);
    let slept = RefCell::new(Vec::new());
    let result = run(wait_for_job(
        backoff,
        || {
            let n = fetches.replace_with(|n| *n + 1);
            let state = states
                .get(n)
                .or(states.last())
                .copied()
                .unwrap_or("RUNNING");
            ready(Ok::<_, String>(status(state)))
        },
        |delay| {
            slept.borrow_mut().push(delay);
            ready(())
        },
    ));
    (result, slept.into_inner(), fetches.into_inner())
}

fn secs(values: &[f64]) -> Vec<Duration> {
    values.iter().map(|s| Duration::from_secs_f64(*s)).collect()
}

#[test]
fn defaults_are_the_documented_ones() {
    let backoff = Backoff::default();
    assert_eq!(
        (
            backoff.initial,
            backoff.factor,
            backoff.cap,
            backoff.deadline
        ),
        (
            Duration::from_secs(1),
            1.5,
            Duration::from_secs(15),
            Duration::from_secs(600)
        )
    );
    let delays: Vec<Duration> = backoff.delays().take(9).collect();
    assert_eq!(
        delays,
        secs(&[
            1.0, 1.5, 2.25, 3.375, 5.0625, 7.593_75, 11.390_625, 15.0, 15.0
        ])
    );
}

#[test]
fn returns_the_first_terminal_status() {
    let (result, slept, fetches) =
        poll_job(Backoff::default(), &["INIT", "RUNNING", "FAIL", "SUCCESS"]);
    assert_eq!(result.unwrap().status, JobState::Fail);
    assert_eq!(slept, secs(&[1.0, 1.5]));
    assert_eq!(fetches, 3);
}

#[test]
fn a_job_that_is_already_done_is_fetched_once() {
    let (result, slept, fetches) = poll_job(Backoff::default(), &["SUCCESS"]);
    assert!(result.is_ok());
    assert!(slept.is_empty());
    assert_eq!(fetches, 1);
}

#[test]
fn the_deadline_shortens_the_last_delay_and_polls_once_more() {
    let backoff = Backoff {
        initial: Duration::from_secs(1),
        factor: 2.0,
        cap: Duration::from_secs(10),
        deadline: Duration::from_secs(5),
    };
    let (result, slept, fetches) = poll_job(backoff, &["RUNNING"]);
    assert_eq!(slept, secs(&[1.0, 2.0, 2.0]));
    assert_eq!(fetches, 4);
    let error = result.unwrap_err();
    assert_eq!(error.attempts(), 4);
    let WaitError::Deadline {
        attempts,
        waited,
        last,
    } = &error
    else {
        panic!("deadline expected, got {error:?}")
    };
    assert_eq!((*attempts, *waited), (4, Duration::from_secs(5)));
    assert_eq!(last.status, JobState::Running);
    assert_eq!(
        error.to_string(),
        "job j-1 did not reach an end state after 4 polls over 5s (last state RUNNING)"
    );
}

#[test]
fn pending_payment_and_unknown_states_keep_polling() {
    let backoff = Backoff {
        deadline: Duration::from_secs(3),
        ..Backoff::default()
    };
    let (result, _, fetches) = poll_job(backoff, &["PENDING_PAYMENT", "SOMETHING_NEW", "SUCCESS"]);
    assert!(result.unwrap().status.is_success());
    assert_eq!(fetches, 3);
}

#[test]
fn a_default_backoff_gives_up_after_ten_minutes_of_delays() {
    let (result, slept, fetches) = poll_job(Backoff::default(), &["RUNNING"]);
    assert_eq!(slept.iter().sum::<Duration>(), Duration::from_secs(600));
    assert!(slept.iter().all(|delay| *delay <= Duration::from_secs(15)));
    assert_eq!(
        result.unwrap_err().attempts(),
        u32::try_from(fetches).unwrap()
    );
    assert_eq!(fetches, slept.len() + 1);
}

#[test]
fn a_fetch_error_stops_polling_with_the_attempts() {
    let fetches = RefCell::new(0_u32);
    let result = run(wait_for_job(
        Backoff::default(),
        || {
            *fetches.borrow_mut() += 1;
            ready(if *fetches.borrow() < 3 {
                Ok(status("RUNNING"))
            } else {
                Err("connection reset".to_owned())
            })
        },
        |_| ready(()),
    ));
    let error = result.unwrap_err();
    assert!(
        matches!(&error, WaitError::Fetch { attempts: 3, error } if error == "connection reset")
    );
    assert_eq!(
        error.to_string(),
        "fetching the job status failed at poll 3: connection reset"
    );
}

#[test]
fn degenerate_settings_do_not_panic_or_spin() {
    for backoff in [
        Backoff {
            initial: Duration::ZERO,
            factor: 0.0,
            cap: Duration::ZERO,
            deadline: Duration::from_millis(5),
        },
        Backoff {
            factor: f64::NAN,
            ..Backoff::default()
        },
        Backoff {
            factor: -3.0,
            ..Backoff::default()
        },
        Backoff {
            factor: f64::INFINITY,
            ..Backoff::default()
        },
        Backoff {
            initial: Duration::MAX,
            factor: 1e300,
            cap: Duration::MAX,
            deadline: Duration::from_secs(60),
        },
        Backoff {
            deadline: Duration::ZERO,
            ..Backoff::default()
        },
    ] {
        let (result, slept, fetches) = poll_job(backoff, &["RUNNING"]);
        assert!(result.is_err(), "{backoff:?}");
        assert!(
            slept.iter().all(|delay| *delay >= Duration::from_millis(1)),
            "{backoff:?}"
        );
        assert!(
            slept.iter().sum::<Duration>() <= backoff.deadline,
            "{backoff:?}"
        );
        assert!(fetches <= 1_000, "{backoff:?}: {fetches} fetches");
    }
}

#[test]
fn a_zero_deadline_polls_once() {
    let backoff = Backoff {
        deadline: Duration::ZERO,
        ..Backoff::default()
    };
    let (result, slept, fetches) = poll_job(backoff, &["RUNNING"]);
    assert!(matches!(
        result,
        Err(WaitError::Deadline { attempts: 1, .. })
    ));
    assert!(slept.is_empty());
    assert_eq!(fetches, 1);
}
