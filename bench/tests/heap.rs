//! The counting allocator counts what it should: bytes held after a call,
//! and the most held during it, less what was there before. Without the
//! test harness (`harness = false`), whose own threads would allocate
//! while this measures.

use std::hint::black_box;

use ews_um_bench::alloc;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

fn main() {
    let already = black_box(vec![1u8; 1 << 20]);
    let heap = alloc::heap(|| {
        let scratch = black_box(vec![2u8; 3 << 20]);
        drop(scratch);
        let mut kept = Vec::with_capacity(1 << 10);
        kept.resize(1 << 20, 3u8); // grown by reallocating
        kept.shrink_to_fit();
        black_box(kept)
    });
    assert_eq!(heap.held, 1 << 20, "the bytes the result holds");
    assert_eq!(heap.peak, 3 << 20, "the most bytes held at once");
    drop(heap.value);
    let after = alloc::heap(|| ());
    assert_eq!((after.held, after.peak), (0, 0), "nothing allocated");
    drop(already);
    println!("heap: the counting allocator counts held and peak bytes");
}
