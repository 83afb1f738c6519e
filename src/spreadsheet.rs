//! Text bound for CSV files that people open in a spreadsheet.
//!
//! Excel, LibreOffice and Google Sheets run a cell that begins with `=`, `+`, `-` or `@` as a
//! formula (and Excel treats a leading tab or carriage return the same way), so an answer that
//! opens with a Markdown list item ("- AES-256 at rest") shows as `#NAME?`, and text crafted as a
//! formula could run in the reader's spreadsheet (CSV injection, OWASP). Such cells get a leading
//! apostrophe, which spreadsheets read as "this is text". The JSON exports carry the text as
//! written, for programs.

use std::borrow::Cow;

/// `cell`, made to read as text in a spreadsheet.
pub fn inert(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn cells_a_spreadsheet_would_compute_are_kept_as_text() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+1 555 0100",
            "- AES-256",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(inert(cell), format!("'{cell}"));
        }
        for cell in ["Yes, AES-256.", "", "2026-11-22", "a=b", "'quoted"] {
            assert_eq!(inert(cell), cell);
        }
    }
}
