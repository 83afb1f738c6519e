//! The content loader and checker, and the pages derived from what it accepts: one file of a small
//! complete trust center (the XSS corpus; the example content's 100 files made a run take half a
//! second) at a time is replaced by the input, whose first line names the file.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use trust_center::fuzzing::ContentFixture;

static FIXTURE: OnceLock<ContentFixture> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    FIXTURE
        .get_or_init(|| {
            let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/xss-content");
            ContentFixture::new(&base).expect("the base content can be copied")
        })
        .run(data)
});
