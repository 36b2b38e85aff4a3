//! Counts the heap allocations of one decode of the GetCallInfo response by
//! each decoder, and the heap the large responses take to decode, and
//! prints them as `name=count` lines. A binary of its own, so that the
//! counting allocator slows no timed benchmark.
//!
//! For each large response (`heap.<message>.…`): `input`, the bytes of the
//! message, built before anything is measured and not counted; and for
//! each decoder, `held`, the heap the decoded value holds (measured while
//! it is still alive), and `peak`, the most heap decoding took at once.

use ews_um::{Envelope, um};
use ews_um_bench::xsd_parser_model as xsdp;
use ews_um_bench::{
    alloc, ews_crate, find_item, fixtures, get_attachment, get_item, report, serde_model,
    sync_folder_items,
};

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

fn main() {
    let bytes = fixtures::GET_CALL_INFO_RESPONSE;
    let text = std::str::from_utf8(bytes).expect("the fixture is UTF-8");
    let (ours, _) = alloc::count(|| Envelope::<um::GetCallInfoResponse>::decode(bytes).unwrap());
    let (serde, _) = alloc::count(|| serde_model::get_call_info_response(text).unwrap());
    let (xsd_parser, _) =
        alloc::count(|| xsdp::decode::<xsdp::get_call_info::Envelope>(text).unwrap());
    println!("ews-um={ours}\nserde={serde}\nxsd-parser={xsd_parser}");

    let input = find_item::find_item_response(200);
    println!("heap.{}.input={}", report::FIND_ITEM, input.len());
    print_heap(report::FIND_ITEM, "ews-um", || find_item::decode(&input));
    print_heap(report::FIND_ITEM, "ews", || {
        Some(ews_crate::find_item(&input).expect("the ews crate reads FindItem"))
    });
    let input = get_item::get_item_response(100);
    println!("heap.{}.input={}", report::GET_ITEM, input.len());
    print_heap(report::GET_ITEM, "ews-um", || get_item::decode(&input));
    print_heap(report::GET_ITEM, "ews", || {
        Some(ews_crate::get_item(&input).expect("the ews crate reads GetItem"))
    });
    let input = sync_folder_items::sync_folder_items_response(1000);
    println!("heap.{}.input={}", report::SYNC_FOLDER_ITEMS, input.len());
    print_heap(report::SYNC_FOLDER_ITEMS, "ews-um", || {
        sync_folder_items::decode(&input)
    });
    print_heap(report::SYNC_FOLDER_ITEMS, "ews", || {
        Some(ews_crate::sync_folder_items(&input).expect("the ews crate reads SyncFolderItems"))
    });
    let input = get_attachment::get_attachment_response();
    println!("heap.{}.input={}", report::GET_ATTACHMENT, input.len());
    print_heap(report::GET_ATTACHMENT, "ews-um", || {
        get_attachment::decode(&input)
    });
}

/// Prints the heap `decode` takes for `message`, unless it decodes nothing
/// (Microsoft's schema was not at hand).
fn print_heap<T>(message: &str, decoder: &str, decode: impl FnOnce() -> Option<T>) {
    let heap = alloc::heap(decode);
    if heap.value.is_some() {
        println!("heap.{message}.{decoder}.held={}", heap.held);
        println!("heap.{message}.{decoder}.peak={}", heap.peak);
    }
}
