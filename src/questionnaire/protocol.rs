//! The messages between the questionnaire page and its worker, as JSON.
//!
//! The page sends a [`Request`] (with a file's bytes beside it for [`Request::Open`]); the
//! worker answers with [`Reply`] messages (with the exported file's bytes beside
//! [`Reply::Exported`]). Both sides compile this module, so a field renamed on one side cannot
//! be forgotten on the other.

use serde::{Deserialize, Serialize};

use super::{Candidate, LibraryAnswer};

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Request {
    /// Read the file whose bytes come with the message.
    Open {
        /// Its file name.
        name: String,
    },
    /// Match the questions of a sheet of the open file.
    Match {
        /// The sheet's number.
        sheet: usize,
        /// Where its questions are.
        layout: Layout,
        /// The column the answers go into (`None`: a new "Answer" column after the last).
        answer: Option<usize>,
    },
    /// Write the filled questionnaire.
    Export {
        /// The file format.
        format: Format,
        /// What goes into each question row.
        rows: Vec<Filled>,
    },
}

/// What the worker tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Reply {
    /// The answer library is loaded: files can be processed. The page gets the answers once;
    /// matched rows refer to them by number.
    Ready {
        /// The answers.
        answers: Vec<LibraryAnswer>,
    },
    /// The file was read.
    Opened(Opened),
    /// Matching is under way.
    Progress {
        /// Rows done.
        done: usize,
        /// Rows in all.
        total: usize,
    },
    /// Every row is matched.
    Matched {
        /// The rows, in sheet order.
        rows: Vec<MatchedRow>,
        /// How long matching took, in milliseconds.
        millis: f64,
    },
    /// The export is ready; its bytes come with the message.
    Exported {
        /// The file name to save it as.
        name: String,
        /// Its media type.
        mime: String,
    },
    /// Something went wrong, in words for the visitor.
    Error {
        /// What happened and what to do.
        message: String,
    },
}

/// A file the worker has read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Opened {
    /// The file name.
    pub name: String,
    /// Its kind.
    pub kind: Kind,
    /// Its sheets.
    pub sheets: Vec<SheetSummary>,
    /// The sheet proposed first: the first one with questions.
    pub proposed: usize,
}

/// What the page shows of a sheet to let the visitor choose it and its columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetSummary {
    /// Its name.
    pub name: String,
    /// How many rows it has.
    pub rows: usize,
    /// Its columns' names ("C: Question" or "Column C").
    pub columns: Vec<String>,
    /// Where its questions seem to be, or why it has none.
    pub layout: Result<Layout, String>,
    /// Under that layout, the questionnaire's own answer column, if a heading names one.
    pub answer: Option<usize>,
}

/// One question row with its proposals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatchedRow {
    /// The row in the sheet (0-based).
    pub row: usize,
    /// The row's questionnaire id, if the layout has an id column.
    pub id: Option<String>,
    /// The question.
    pub question: String,
    /// The answer the file already has for it, in the answer column.
    pub existing: Option<String>,
    /// Proposed answers, best first (empty: no match).
    pub proposals: Vec<Candidate>,
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Comma-separated values.
    Csv,
    /// Excel workbook.
    Xlsx,
}

/// What kind of file was read; exports offer the same kind back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// Excel 2007 and later.
    Xlsx,
    /// Excel 97–2003.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

/// Where a sheet's header and questions are (0-based row and column numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// The header row, if the sheet has one; questions start below it.
    pub header: Option<usize>,
    /// The column with the questions.
    pub question: usize,
    /// The column with questionnaire ids (`IAM-02.1`), if any.
    pub id: Option<usize>,
}

/// What to write into one question row. Rows not sent are left as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Filled {
    /// The row, as in the sheet (0-based).
    pub row: usize,
    /// The answer text (empty: nothing written; an answer the cell has stays).
    pub answer: String,
    /// The short answer ("Yes").
    pub short: String,
    /// The link to the answer on the trust center.
    pub source: String,
}
