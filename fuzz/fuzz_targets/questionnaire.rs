//! A dropped questionnaire file (CSV, XLSX, XLS, ODS, or anything else) through reading, layout
//! detection, question listing and both exports, as the browser worker runs them.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trust_center::fuzzing::questionnaire(data));
