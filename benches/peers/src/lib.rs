//! Shared pieces of the peer binaries: reading a question line (the JSON
//! request `praxis access check --batch` reads) and running casbin's async
//! loaders without an async runtime.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

/// One access question: who, which capability, on which client (absent for
/// a practice capability).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub member: String,
    pub capability: String,
    pub client: Option<String>,
}

/// Reads a request line of `access check --batch`: `{"member", "capability",
/// "client"?}`. Other keys are ignored, as praxis ignores none of the three.
pub fn question(line: &str) -> Result<Question, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not a JSON request: {e}"))?;
    let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    Ok(Question {
        member: text("member").ok_or("no \"member\"")?,
        capability: text("capability").ok_or("no \"capability\"")?,
        client: text("client"),
    })
}

/// Wakes the blocked thread.
struct Unpark(std::thread::Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs a future to completion on this thread. casbin's constructors are
/// `async` but, given strings instead of files, never wait on anything;
/// this keeps tokio out of the measured process.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_without_a_client_has_none() {
        let q = question(r#"{"member":"nora","capability":"members.manage"}"#);
        assert_eq!(
            q,
            Ok(Question {
                member: "nora".into(),
                capability: "members.manage".into(),
                client: None
            })
        );
        assert!(question(r#"{"capability":"x"}"#).is_err());
    }

    #[test]
    fn block_on_runs_a_ready_future() {
        assert_eq!(block_on(async { 7 }), 7);
    }
}
