//! Reading a questionnaire file (CSV, XLSX, ODS, XLS) into sheets of text cells, and finding
//! where its questions are.
//!
//! Spreadsheets are read by `calamine`, CSV by the `csv` crate. Everything that can go wrong
//! with a file a visitor drops is a [`FileError`] whose message says what to do about it.

use std::io::Cursor;

use calamine::{Data, Reader};

pub use super::protocol::{Kind, Layout};
pub use super::{FileError, MAX_BYTES, MAX_ROWS};

/// A file read into sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The file's kind.
    pub kind: Kind,
    /// For CSV, the separator it used (kept in the export).
    pub delimiter: u8,
    /// Its sheets, in order (a CSV file has one).
    pub sheets: Vec<Sheet>,
}

/// One sheet: rows of cells as text, trailing empty cells removed.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Its name (the file's name for CSV).
    pub name: String,
    /// The rows, from the first row of the sheet.
    pub rows: Vec<Vec<String>>,
}

/// Reads a dropped file. `name` is its file name (for CSV sheets and the kind when the bytes
/// do not tell).
pub fn read(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(FileError::TooLarge {
            size: format!("{:.1} MB", bytes.len() as f64 / (1024.0 * 1024.0)),
        });
    }
    let book = if bytes.starts_with(b"PK\x03\x04") {
        read_zip(bytes)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        read_ole(bytes)?
    } else {
        read_csv(name, bytes)?
    };
    if book
        .sheets
        .iter()
        .all(|s| s.rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())))
    {
        return Err(FileError::NoText);
    }
    Ok(book)
}

fn read_zip(bytes: &[u8]) -> Result<Workbook, FileError> {
    let damaged = |e: &dyn std::fmt::Display| FileError::Damaged {
        detail: e.to_string(),
    };
    // Both formats are zip archives; the OpenDocument one names its type in `mimetype`.
    let ods = bytes
        .windows(46)
        .take(200)
        .any(|w| w.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"));
    let (kind, sheets) = if ods {
        let mut book = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
        (Kind::Ods, sheets_of(&mut book).map_err(|e| damaged(&e))?)
    } else {
        let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
        (Kind::Xlsx, sheets_of(&mut book).map_err(|e| damaged(&e))?)
    };
    Ok(Workbook {
        kind,
        delimiter: b',',
        sheets,
    })
}

/// An OLE compound file: an Excel 97–2003 workbook, or an encrypted Office 2007+ file (which
/// Office wraps in this container with an `EncryptedPackage` stream).
fn read_ole(bytes: &[u8]) -> Result<Workbook, FileError> {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let marker = utf16("EncryptedPackage");
    if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
        return Err(FileError::Encrypted);
    }
    let mut book = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsError::Password => FileError::Encrypted,
        other => FileError::Damaged {
            detail: other.to_string(),
        },
    })?;
    let sheets = sheets_of(&mut book).map_err(|e| match e {
        calamine::XlsError::Password => FileError::Encrypted,
        other => FileError::Damaged {
            detail: other.to_string(),
        },
    })?;
    Ok(Workbook {
        kind: Kind::Xls,
        delimiter: b',',
        sheets,
    })
}

fn sheets_of<RS, R>(book: &mut R) -> Result<Vec<Sheet>, R::Error>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name)?;
        // Rows and columns before the used range are empty: keep positions as the sheet has
        // them, so that the export lines up with the original.
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<String>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells: Vec<String> = vec![String::new(); left as usize];
            cells.extend(row.iter().map(cell_text));
            trim_row(&mut cells);
            rows.push(cells);
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        // 12.0 is "12" in a question number column, not "12.0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

fn trim_row(cells: &mut Vec<String>) {
    while cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
}

fn read_csv(name: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    let text = decode_text(bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FileError::Damaged {
            detail: e.to_string(),
        })?;
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        trim_row(&mut cells);
        rows.push(cells);
    }
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    Ok(Workbook {
        kind: Kind::Csv,
        delimiter,
        sheets: vec![Sheet {
            name: if stem.is_empty() { "Sheet1" } else { stem }.to_owned(),
            rows,
        }],
    })
}

/// Text files come as UTF-8 (with or without a byte order mark), UTF-16 ("Unicode text" from
/// Excel) or, from older tools, Windows-1252; anything with control bytes is not text.
fn decode_text(bytes: &[u8]) -> Result<String, FileError> {
    let utf16 = |bytes: &[u8], le: bool| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| FileError::NotASpreadsheet {
            detail: "the text is not valid UTF-16".into(),
        })
    };
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, true)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, false)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            // Windows-1252 for the printable range; its 0x80–0x9F extras are rare in
            // questionnaires and come through as the Latin-1 characters.
            Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
        }
    };
    let control = text
        .chars()
        .take(4096)
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if control > 0 {
        return Err(FileError::NotASpreadsheet {
            detail: "it holds binary data, not text".into(),
        });
    }
    Ok(text)
}

/// The separator a CSV file uses: the one of comma, semicolon and tab that occurs most in its
/// first lines outside quotes (Excel in many European locales writes semicolons).
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars().take(8192) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Header words that name a question column, an id column.
const QUESTION_HEADERS: &[&str] = &[
    "question",
    "questions",
    "requirement",
    "control",
    "description",
    "item",
    "query",
];
const ID_HEADERS: &[&str] = &[
    "id",
    "ref",
    "reference",
    "no",
    "number",
    "#",
    "nr",
    "code",
    "key",
];

/// Whether a column heading has one of `names` (lowercase) as a word: "Vendor response" has
/// "response", "Question #" has "#".
pub(super) fn heading_has(heading: &str, names: &[&str]) -> bool {
    heading
        .trim()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '#')
        .any(|w| names.contains(&w))
}

/// Guesses the header row, the question column and the id column of a sheet.
pub fn detect(sheet: &Sheet) -> Result<Layout, FileError> {
    let words = |s: &str| s.split_whitespace().count();
    let first = sheet
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.trim().is_empty()));
    let Some(first) = first else {
        return Err(FileError::NoQuestions {
            sheet: sheet.name.clone(),
        });
    };
    // A header row is short labels; a question row is sentences.
    let header_row = &sheet.rows[first];
    let header = (header_row
        .iter()
        .all(|c| words(c) <= 5 && !c.trim_end().ends_with('?'))
        && sheet.rows.len() > first + 1)
        .then_some(first);
    let body_start = header.map_or(first, |h| h + 1);
    let body = &sheet.rows[body_start..];
    let columns = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let label_has = |col: usize, names: &[&str]| {
        header
            .and_then(|h| sheet.rows[h].get(col))
            .is_some_and(|label| heading_has(label, names))
    };
    // The non-empty cells of a column below the header.
    let filled_cells = |col: usize| -> Vec<&str> {
        body.iter()
            .filter_map(|r| r.get(col))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
    };
    let mut best: Option<(f64, usize)> = None;
    for col in 0..columns {
        let cells = filled_cells(col);
        let sentences = cells.iter().filter(|c| words(c) >= 3).count();
        if sentences == 0 {
            continue;
        }
        let asks = cells.iter().filter(|c| c.ends_with('?')).count();
        let mut score = sentences as f64 + 2.0 * asks as f64;
        if label_has(col, QUESTION_HEADERS) {
            score *= 3.0;
        }
        // Answer and comment columns of a half-filled questionnaire hold sentences too.
        if label_has(col, &["answer", "response", "comment", "comments", "notes"]) {
            score *= 0.2;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, col));
        }
    }
    let Some((_, question)) = best else {
        return Err(FileError::NoQuestions {
            sheet: sheet.name.clone(),
        });
    };
    let id = (0..columns).filter(|&c| c != question).find(|&col| {
        let cells = filled_cells(col);
        let id_like = cells
            .iter()
            .filter(|c| {
                c.len() <= 24 && !c.contains(' ') && c.chars().any(|ch| ch.is_ascii_digit())
            })
            .count();
        !cells.is_empty()
            && (label_has(col, ID_HEADERS) || id_like * 10 >= cells.len() * 8)
            && id_like * 2 >= cells.len()
    });
    Ok(Layout {
        header,
        question,
        id,
    })
}

/// Header words that name the column a questionnaire wants its answers in ("Answer", "Vendor
/// response"), and words that make such a heading another column's ("Short answer", "Yes/No",
/// "Answer comments", "Answer ID").
const ANSWER_HEADERS: &[&str] = &["answer", "answers", "response", "responses"];
const NOT_ANSWER_HEADERS: &[&str] = &[
    "short", "yes", "no", "comment", "comments", "notes", "id", "ref",
];

/// The questionnaire's own answer column under a layout: the first column, other than the
/// question and id columns, whose heading names an answer. Found by its heading alone: cells
/// already filled in it are answers given before, which the page shows and keeps, not a sign
/// that the column is something else (taking only an empty column once put a second "Answer"
/// column beside a half-answered one). `None` without a header row, or when no heading says
/// "answer" or "response": the answers then go into a column of their own, after the last.
pub fn answer_column(sheet: &Sheet, layout: &Layout) -> Option<usize> {
    let header = sheet.rows.get(layout.header?)?;
    header.iter().enumerate().position(|(col, heading)| {
        col != layout.question
            && Some(col) != layout.id
            && heading_has(heading, ANSWER_HEADERS)
            && !heading_has(heading, NOT_ANSWER_HEADERS)
    })
}

/// A question row: its row number, the question, its id.
pub type QuestionRow<'s> = (usize, &'s str, Option<&'s str>);

/// The rows of questions under a layout, skipping rows without a question (section headings in
/// a spreadsheet are often in another column).
pub fn questions<'s>(sheet: &'s Sheet, layout: &Layout) -> Result<Vec<QuestionRow<'s>>, FileError> {
    let start = layout.header.map_or(0, |h| h + 1);
    let rows: Vec<QuestionRow<'_>> = sheet
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .filter_map(|(i, r)| {
            let q = r.get(layout.question).map(|c| c.trim())?;
            (!q.is_empty()).then(|| {
                let id = layout
                    .id
                    .and_then(|c| r.get(c))
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty());
                (i, q, id)
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(FileError::NoQuestions {
            sheet: sheet.name.clone(),
        });
    }
    if rows.len() > MAX_ROWS {
        return Err(FileError::TooManyRows {
            sheet: sheet.name.clone(),
            rows: rows.len(),
        });
    }
    Ok(rows)
}

/// A column's name as the page shows it: its header, or its spreadsheet letter.
pub fn column_name(sheet: &Sheet, layout_header: Option<usize>, col: usize) -> String {
    let letter = column_letter(col);
    match layout_header
        .and_then(|h| sheet.rows[h].get(col))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
    {
        Some(label) => format!("{letter}: {label}"),
        None => format!("Column {letter}"),
    }
}

/// `A`, `B`, … `Z`, `AA`, as spreadsheets name columns.
pub fn column_letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "Q".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        }
    }

    #[test]
    fn csv_with_semicolons_and_a_bom_is_read() {
        let book = read(
            "vendor.csv",
            "\u{feff}Ref;Question;Answer\nIAM-02.1;Do you enforce a password policy?;\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(book.kind, Kind::Csv);
        assert_eq!(book.delimiter, b';');
        assert_eq!(book.sheets[0].name, "vendor");
        assert_eq!(
            book.sheets[0].rows[1],
            ["IAM-02.1", "Do you enforce a password policy?"]
        );
    }

    #[test]
    fn layout_finds_header_question_and_id_columns() {
        let s = sheet(&[
            &["#", "Domain", "Question", "Answer"],
            &[
                "AIS-01.1",
                "Security",
                "Are application security policies documented?",
            ],
            &[
                "AIS-01.2",
                "Security",
                "Are the policies reviewed at least annually?",
            ],
        ]);
        assert_eq!(
            detect(&s).unwrap(),
            Layout {
                header: Some(0),
                question: 2,
                id: Some(0)
            }
        );
        // No header: the first row is already a question.
        let s = sheet(&[
            &["Do you encrypt backups?"],
            &["Is MFA enforced for administrators?"],
        ]);
        assert_eq!(
            detect(&s).unwrap(),
            Layout {
                header: None,
                question: 0,
                id: None
            }
        );
    }

    #[test]
    fn the_answer_column_is_found_by_its_heading_filled_or_not() {
        let layout = |s: &Sheet| detect(s).unwrap();
        // One answer given already: still the answer column, not a reason to add another.
        let s = sheet(&[
            &["Question", "Answer"],
            &["Do you encrypt backups?", "Yes, with AES-256."],
            &["Is MFA enforced for administrators?"],
        ]);
        assert_eq!(answer_column(&s, &layout(&s)), Some(1));
        // Every answer given: the same.
        let s = sheet(&[
            &["Ref", "Question", "Vendor response", "Comments"],
            &["1", "Do you encrypt backups?", "Yes.", "see policy"],
        ]);
        assert_eq!(answer_column(&s, &layout(&s)), Some(2));
        // Headings that only mention an answer belong to other columns.
        let s = sheet(&[
            &[
                "Question",
                "Answer (Yes/No)",
                "Answer comments",
                "Short answer",
            ],
            &["Do you encrypt backups?"],
            &["Is MFA enforced for administrators?"],
        ]);
        assert_eq!(answer_column(&s, &layout(&s)), None);
        // Without a header row nothing names a column.
        let s = sheet(&[
            &["Do you encrypt backups?", "Yes"],
            &["Is MFA enforced for administrators?"],
        ]);
        assert_eq!(answer_column(&s, &layout(&s)), None);
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        assert_eq!(read("a.csv", b""), Err(FileError::Empty));
        assert!(matches!(
            read("a.xlsx", &vec![b'a'; MAX_BYTES + 1]),
            Err(FileError::TooLarge { .. })
        ));
        assert!(matches!(
            read("a.xlsx", b"PK\x03\x04garbage"),
            Err(FileError::Damaged { .. })
        ));
        assert!(matches!(
            read("a.csv", &[0u8, 1, 2, 3, 0xff, 0xfe, 7]),
            Err(FileError::NotASpreadsheet { .. })
        ));
        assert_eq!(read("a.csv", b" ,  ,\n,,\n"), Err(FileError::NoText));
        let s = sheet(&[&["1", "2"], &["3", "4"]]);
        assert!(matches!(detect(&s), Err(FileError::NoQuestions { .. })));
    }

    #[test]
    fn too_many_rows_are_refused_by_sheet() {
        let rows: Vec<Vec<String>> = (0..=MAX_ROWS)
            .map(|i| vec![format!("Question number {i} about backups?")])
            .collect();
        let s = Sheet {
            name: "Big".into(),
            rows,
        };
        let layout = detect(&s).unwrap();
        assert_eq!(
            questions(&s, &layout),
            Err(FileError::TooManyRows {
                sheet: "Big".into(),
                rows: MAX_ROWS + 1
            })
        );
    }

    #[test]
    fn columns_are_named_like_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
