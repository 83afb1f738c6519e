//! The Markdown renderer: arbitrary text in, sanitised HTML, sections and plain text out.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trust_center::fuzzing::markdown(data));
