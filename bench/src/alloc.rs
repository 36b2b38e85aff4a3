//! Counting heap allocations and heap bytes: a global allocator that
//! counts, for the benchmark binary to install.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting allocations, the bytes allocated now and
/// the most allocated at once.
pub struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grown(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrunk(bytes: usize) {
    CURRENT.fetch_sub(bytes, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded as is to the system allocator.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grown(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as is to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        shrunk(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded as is to the system allocator.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                grown(new_size - layout.size());
            } else {
                shrunk(layout.size() - new_size);
            }
        }
        new
    }
}

/// The allocations (and reallocations) `f` makes, and its result. Only
/// meaningful where `Counting` is the global allocator.
pub fn count<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let value = f();
    (ALLOCATIONS.load(Ordering::Relaxed) - before, value)
}

/// What `f` does to the heap: the bytes its result holds, the most bytes
/// it held at once while it ran, and the result (still alive, so that what
/// it holds is counted). Only meaningful where `Counting` is the global
/// allocator, and with one thread allocating.
pub struct Heap<T> {
    /// The bytes allocated after `f` returned, less those before: what the
    /// result holds (and whatever `f` leaked).
    pub held: usize,
    /// The most bytes allocated at once while `f` ran, less those before.
    pub peak: usize,
    /// What `f` returned.
    pub value: T,
}

/// Runs `f` and measures its heap (see [`Heap`]).
pub fn heap<T>(f: impl FnOnce() -> T) -> Heap<T> {
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let value = f();
    Heap {
        held: CURRENT.load(Ordering::Relaxed).saturating_sub(before),
        peak: PEAK.load(Ordering::Relaxed).saturating_sub(before),
        value,
    }
}
