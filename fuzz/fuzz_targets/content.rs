//! The content loader and checker, and the pages derived from what it accepts: one file of the
//! example trust center at a time is replaced by the input (its first byte picks which).
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use trust_center::fuzzing::ContentFixture;

static FIXTURE: OnceLock<ContentFixture> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    FIXTURE
        .get_or_init(|| {
            ContentFixture::new(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/xss-content"))
                .expect("the example content can be copied")
        })
        .run(data)
});
