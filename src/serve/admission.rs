//! How many checks run at once, and how many may wait: a check is CPU-bound and cannot be
//! stopped by a timeout, so the server bounds the work instead — a fixed number of checks at
//! once, a bounded queue behind them, and "busy" (503) for a request that finds the queue
//! full.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub struct Admission {
    running: Arc<Semaphore>,
    /// Requests admitted and not yet finished: running and queued.
    admitted: AtomicUsize,
    /// Most requests admitted at once: the running ones plus the queue.
    capacity: usize,
}

/// A request's place: dropped when its check is done.
pub struct Ticket<'a> {
    admission: &'a Admission,
    _permit: OwnedSemaphorePermit,
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        self.admission.admitted.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Admission {
    pub fn new(workers: usize, queue: usize) -> Self {
        let workers = workers.max(1);
        Admission {
            running: Arc::new(Semaphore::new(workers)),
            admitted: AtomicUsize::new(0),
            capacity: workers + queue,
        }
    }

    /// Waits for a turn; `None` at once when the queue is full.
    pub async fn enter(&self) -> Option<Ticket<'_>> {
        let before = self.admitted.fetch_add(1, Ordering::AcqRel);
        if before >= self.capacity {
            self.admitted.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        match self.running.clone().acquire_owned().await {
            Ok(permit) => Some(Ticket {
                admission: self,
                _permit: permit,
            }),
            Err(_) => {
                self.admitted.fetch_sub(1, Ordering::AcqRel);
                None
            }
        }
    }
}
