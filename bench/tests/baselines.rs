//! The baselines are honest: every decoder reads the same information from
//! the same bytes, and every encoder writes a request that means the same.

#[test]
fn every_variant_reads_and_writes_the_same_information() {
    ews_um_bench::report::check_baselines();
}
