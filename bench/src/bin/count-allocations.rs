//! Counts the heap allocations of one decode of the GetCallInfo response by
//! each decoder, and prints them as `name=count` lines. A binary of its own,
//! so that the counting allocator slows no timed benchmark.

use ews_um::{Envelope, um};
use ews_um_bench::xsd_parser_model as xsdp;
use ews_um_bench::{alloc, fixtures, serde_model};

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
}
