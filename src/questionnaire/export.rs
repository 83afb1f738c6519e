//! Writing the filled questionnaire: the original rows and columns, with the answers in the
//! questionnaire's own answer column (one whose heading says "Answer" or "Response", see
//! [`answer_column`](super::sheet::answer_column)) or, when it has none, in an "Answer" column
//! appended after the last used column; the short answer and the source are appended after it.
//!
//! Only the rows given are touched, and an empty answer never clears a cell: which rows to write
//! (the reviewed and confident ones, not an answer the file already has unless the visitor
//! replaced it) is the page's decision, and what the buyer wrote stays.
//!
//! CSV is written by the `csv` crate (with the input's separator and a byte order mark, so that
//! Excel opens it as UTF-8), XLSX by `rust_xlsxwriter` (every sheet of the original, as values).

pub use super::protocol::Filled;
use super::sheet::{Layout, Sheet, Workbook};
use rust_xlsxwriter::{Format, Workbook as XlsxBook, XlsxError};

/// The columns an export adds, in order.
pub const ADDED_COLUMNS: [&str; 3] = ["Answer", "Short answer", "Source"];

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The spreadsheet writer refused.
    #[error("the spreadsheet could not be written: {0}")]
    Xlsx(#[from] XlsxError),
    /// The CSV writer refused.
    #[error("the CSV file could not be written: {0}")]
    Csv(#[from] csv::Error),
    /// The answer column chosen is the question or the id column: filling it would overwrite
    /// the questionnaire itself.
    #[error("the answers cannot go into column {column}, which holds the questions or their ids")]
    AnswerColumn {
        /// The column's name ("B").
        column: String,
    },
}

/// Where the answers go in a sheet.
struct Placement {
    /// The last used column, after which columns are added.
    width: usize,
    /// The questionnaire's own answer column, when it has one to fill.
    answer: Option<usize>,
    /// The names of the columns added after `width`.
    added: &'static [&'static str],
}

impl Placement {
    fn of(sheet: &Sheet, layout: &Layout, answer: Option<usize>) -> Result<Placement, ExportError> {
        if let Some(col) = answer.filter(|&c| c == layout.question || Some(c) == layout.id) {
            return Err(ExportError::AnswerColumn {
                column: super::sheet::column_letter(col),
            });
        }
        Ok(Placement {
            width: sheet.rows.iter().map(Vec::len).max().unwrap_or(0),
            answer,
            added: if answer.is_some() {
                &ADDED_COLUMNS[1..]
            } else {
                &ADDED_COLUMNS
            },
        })
    }
}

/// The sheet's rows with the answers filled in (each through `added`): in the questionnaire's
/// own answer column if it has one, the rest appended; the header row gets the added columns'
/// names.
fn filled_rows(
    sheet: &Sheet,
    layout: &Layout,
    place: &Placement,
    filled: &[Filled],
    added: impl Fn(&str) -> String,
) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = sheet.rows.clone();
    if let Some(h) = layout.header {
        let row = &mut rows[h];
        row.resize(place.width, String::new());
        row.extend(place.added.iter().map(|c| (*c).to_owned()));
    }
    for f in filled {
        if let Some(row) = rows.get_mut(f.row) {
            row.resize(place.width, String::new());
            let cells = [&f.answer, &f.short, &f.source];
            // The answer in the questionnaire's own column, if it has one (never blanking what
            // is there); the rest appended.
            let appended = match place.answer {
                Some(col) => {
                    if !f.answer.is_empty() {
                        row[col] = added(&f.answer);
                    }
                    &cells[1..]
                }
                None => &cells[..],
            };
            row.extend(appended.iter().map(|cell| added(cell)));
        }
    }
    rows
}

/// The filled sheet as CSV, the answers in column `answer`: the questionnaire's own
/// ([`answer_column`](super::sheet::answer_column) finds it) or, `None`, a new one after the last.
pub fn to_csv(
    book: &Workbook,
    sheet: usize,
    layout: &Layout,
    answer: Option<usize>,
    filled: &[Filled],
) -> Result<Vec<u8>, ExportError> {
    // The questionnaire's own cells go back as they came; the answers added to them are kept
    // from reading as formulas.
    let s = &book.sheets[sheet];
    let place = Placement::of(s, layout, answer)?;
    let rows = filled_rows(s, layout, &place, filled, |cell| {
        crate::spreadsheet::inert(cell).into_owned()
    });
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(book.delimiter)
            .flexible(true)
            .from_writer(&mut out);
        for row in &rows {
            writer.write_record(row)?;
        }
        writer.flush().map_err(csv::Error::from)?;
    }
    Ok(out)
}

/// The whole workbook as XLSX, the questionnaire's sheet filled with the answers in column
/// `answer`: the questionnaire's own ([`answer_column`](super::sheet::answer_column) finds it)
/// or, `None`, a new one after the last.
pub fn to_xlsx(
    book: &Workbook,
    sheet: usize,
    layout: &Layout,
    answer: Option<usize>,
    filled: &[Filled],
) -> Result<Vec<u8>, ExportError> {
    let mut out = XlsxBook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let place = Placement::of(&book.sheets[sheet], layout, answer)?;
    for (i, s) in book.sheets.iter().enumerate() {
        let ws = out.add_worksheet();
        // Sheet names are limited to 31 characters and some punctuation in XLSX; a CSV's file
        // name may not be a valid one.
        if ws.set_name(&s.name).is_err() {
            ws.set_name(format!("Sheet{}", i + 1))?;
        }
        let rows = if i == sheet {
            // Written as string cells below: XLSX never runs them as formulas.
            filled_rows(s, layout, &place, filled, str::to_owned)
        } else {
            s.rows.clone()
        };
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (r, c) = (r as u32, c as u16);
                // Numbers stay numbers, so that sorting and formulas over the original still
                // work; text that only looks numeric ("1.10", "007") stays as written.
                match cell.parse::<f64>() {
                    Ok(n) if n.is_finite() && n.to_string() == *cell => {
                        ws.write_number(r, c, n)?;
                    }
                    _ => {
                        ws.write_string(r, c, cell)?;
                    }
                }
            }
        }
        if i == sheet {
            let width = place.width as u16;
            if let Some(h) = layout.header {
                for (k, name) in place.added.iter().enumerate() {
                    ws.write_string_with_format(h as u32, width + k as u16, *name, &bold)?;
                }
            }
            ws.set_column_width(layout.question as u16, 60)?;
            // The answer, the short answer and the source, wherever they went.
            let answer = place.answer.map_or(width, |col| col as u16);
            let short = if place.answer.is_some() {
                width
            } else {
                width + 1
            };
            ws.set_column_format(answer, &wrap)?;
            ws.set_column_width(answer, 80)?;
            ws.set_column_width(short, 14)?;
            ws.set_column_width(short + 1, 40)?;
        }
    }
    Ok(out.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use calamine::Reader;

    use super::super::sheet::{answer_column, read, Kind};
    use super::*;

    /// Where the page puts the answers unless the visitor chooses: the sheet's own column.
    fn own(book: &Workbook) -> Option<usize> {
        answer_column(&book.sheets[0], &LAYOUT)
    }

    fn book() -> Workbook {
        Workbook {
            kind: Kind::Csv,
            delimiter: b',',
            sheets: vec![Sheet {
                name: "Vendor questions".into(),
                rows: vec![
                    vec!["Ref".into(), "Question".into()],
                    vec!["1".into(), "Do you support SSO?".into()],
                    vec!["".into(), "Section: Encryption".into()],
                    vec!["2".into(), "Is data encrypted, \"at rest\"?".into()],
                ],
            }],
        }
    }

    fn filled() -> Vec<Filled> {
        vec![
            Filled {
                row: 1,
                answer: "Yes, SAML 2.0.".into(),
                short: "Yes".into(),
                source: "https://trust.example.com/faq/#sso".into(),
            },
            Filled {
                row: 3,
                answer: "Yes, AES-256; keys, in a KMS.".into(),
                short: "Yes".into(),
                source: "https://trust.example.com/faq/#at-rest".into(),
            },
        ]
    }

    const LAYOUT: Layout = Layout {
        header: Some(0),
        question: 1,
        id: Some(0),
    };

    #[test]
    fn csv_keeps_the_original_and_appends_three_columns() {
        let bytes = to_csv(&book(), 0, &LAYOUT, own(&book()), &filled()).unwrap();
        let back = read("out.csv", &bytes).unwrap();
        let rows = &back.sheets[0].rows;
        assert_eq!(
            rows[0],
            ["Ref", "Question", "Answer", "Short answer", "Source"]
        );
        assert_eq!(
            rows[3],
            [
                "2",
                "Is data encrypted, \"at rest\"?",
                "Yes, AES-256; keys, in a KMS.",
                "Yes",
                "https://trust.example.com/faq/#at-rest"
            ]
        );
        // A row that was not a question is left as it was.
        assert_eq!(rows[2], ["", "Section: Encryption"]);
    }

    #[test]
    fn an_answer_a_spreadsheet_would_compute_reads_as_text_in_the_csv_only() {
        let mut book = book();
        book.sheets[0].rows[1][1] = "=A1".into();
        let mut filled = filled();
        filled[0].answer = "- SAML 2.0\n- OpenID Connect".into();
        let bytes = to_csv(&book, 0, &LAYOUT, own(&book), &filled).unwrap();
        let rows = &read("out.csv", &bytes).unwrap().sheets[0].rows;
        // The questionnaire's own cell goes back as it came.
        assert_eq!(rows[1][1], "=A1");
        assert_eq!(rows[1][2], "'- SAML 2.0\n- OpenID Connect");

        let bytes = to_xlsx(&book, 0, &LAYOUT, own(&book), &filled).unwrap();
        let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = xlsx.worksheet_range("Vendor questions").unwrap();
        assert_eq!(
            range.get_value((1, 2)).unwrap().to_string(),
            "- SAML 2.0\n- OpenID Connect"
        );
    }

    #[test]
    fn a_questionnaires_own_empty_answer_column_is_filled_rather_than_repeated() {
        let mut book = book();
        let sheet = &mut book.sheets[0];
        sheet.rows[0].extend(["Vendor response".into(), "Comments".into()]);
        sheet.rows[1].extend(["".into(), "ask IT".into()]);
        let bytes = to_csv(&book, 0, &LAYOUT, own(&book), &filled()).unwrap();
        let rows = &read("out.csv", &bytes).unwrap().sheets[0].rows;
        assert_eq!(
            rows[0],
            [
                "Ref",
                "Question",
                "Vendor response",
                "Comments",
                "Short answer",
                "Source"
            ]
        );
        assert_eq!(
            rows[1],
            [
                "1",
                "Do you support SSO?",
                "Yes, SAML 2.0.",
                "ask IT",
                "Yes",
                "https://trust.example.com/faq/#sso"
            ]
        );
        let bytes = to_xlsx(&book, 0, &LAYOUT, own(&book), &filled()).unwrap();
        let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = xlsx.worksheet_range("Vendor questions").unwrap();
        assert_eq!(range.get_value((0, 4)).unwrap().to_string(), "Short answer");
        assert_eq!(
            range.get_value((3, 2)).unwrap().to_string(),
            "Yes, AES-256; keys, in a KMS."
        );
    }

    #[test]
    fn a_half_answered_questionnaire_is_filled_in_its_own_column_keeping_its_answers() {
        let mut book = book();
        let sheet = &mut book.sheets[0];
        sheet.rows[0].push("Answer".into());
        sheet.rows[3].push("No, not yet.".into());
        // The page sends no answer for a row whose own answer it keeps: the cell stays.
        let mut filled = filled();
        filled[1] = Filled {
            row: 3,
            ..Filled::default()
        };
        let bytes = to_csv(&book, 0, &LAYOUT, own(&book), &filled).unwrap();
        let rows = &read("out.csv", &bytes).unwrap().sheets[0].rows;
        // Not a second "Answer" column: the one the questionnaire has.
        assert_eq!(
            rows[0],
            ["Ref", "Question", "Answer", "Short answer", "Source"]
        );
        assert_eq!(
            rows[1][2..],
            [
                "Yes, SAML 2.0.",
                "Yes",
                "https://trust.example.com/faq/#sso"
            ]
        );
        assert_eq!(rows[3][2], "No, not yet.");

        // A replaced answer is written over the old one, when the page says so.
        let bytes = to_xlsx(&book, 0, &LAYOUT, own(&book), &self::filled()).unwrap();
        let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = xlsx.worksheet_range("Vendor questions").unwrap();
        assert_eq!(
            range.get_value((3, 2)).unwrap().to_string(),
            "Yes, AES-256; keys, in a KMS."
        );
        assert_eq!(range.width(), 5, "no second Answer column");
    }

    #[test]
    fn the_answer_column_can_be_chosen_but_not_the_questions_own() {
        let mut book = book();
        book.sheets[0].rows[0].push("Answer".into());
        // A new column instead of the questionnaire's own.
        let bytes = to_csv(&book, 0, &LAYOUT, None, &filled()).unwrap();
        let rows = &read("out.csv", &bytes).unwrap().sheets[0].rows;
        assert_eq!(
            rows[0],
            [
                "Ref",
                "Question",
                "Answer",
                "Answer",
                "Short answer",
                "Source"
            ]
        );
        for column in [0, 1] {
            assert!(matches!(
                to_csv(&book, 0, &LAYOUT, Some(column), &filled()),
                Err(ExportError::AnswerColumn { .. })
            ));
            assert!(to_xlsx(&book, 0, &LAYOUT, Some(column), &filled()).is_err());
        }
    }

    #[test]
    fn xlsx_reads_back_with_calamine() {
        let bytes = to_xlsx(&book(), 0, &LAYOUT, own(&book()), &filled()).unwrap();
        let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(xlsx.sheet_names(), ["Vendor questions"]);
        let range = xlsx.worksheet_range("Vendor questions").unwrap();
        assert_eq!(range.get_value((0, 2)).unwrap().to_string(), "Answer");
        assert_eq!(
            range.get_value((1, 2)).unwrap().to_string(),
            "Yes, SAML 2.0."
        );
        // The id column stays numeric.
        assert_eq!(range.get_value((3, 0)), Some(&calamine::Data::Float(2.0)));
    }
}
