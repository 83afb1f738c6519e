//! Reading content files: TOML files, directories of them, Markdown with TOML front matter, and
//! turning parse errors and spans into located diagnostics.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use super::{Diagnostic, Diagnostics};

/// Where a value was read from: a content file, and the byte offset of the TOML it was parsed
/// from within that file (non-zero for front matter), so spans map back to the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Src {
    /// Path relative to the content directory, with `/`.
    pub file: String,
    /// Offset of the parsed TOML within the file.
    pub offset: usize,
}

impl Src {
    /// The file name without directory and extension: the id of collection items.
    pub fn stem(&self) -> String {
        let name = self.file.rsplit('/').next().unwrap_or(&self.file);
        name.rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_owned()
    }
}

/// The text of each content file as it was read, by path relative to the content directory: where
/// a problem that only the built site shows (a link to a page that does not exist) is traced back
/// to the line that writes it, without reading the content a second time.
#[derive(Clone, Debug, Default)]
pub struct ContentTexts(Arc<BTreeMap<String, String>>);

impl ContentTexts {
    /// Each place one of `needles` is written as a whole value (not inside a longer address:
    /// `/policies/` is not found in `https://else.example/policies/`), as `file:line:col`, by
    /// file, then position.
    pub fn find(&self, needles: &[String]) -> Vec<Place> {
        // What a link's destination stands between: Markdown's `(…)`, `<…>` and `[x]: …`, HTML's
        // quotes, TOML's quotes and `=`.
        let opens = |c: char| c.is_whitespace() || "(<\"'=".contains(c);
        let closes = |c: char| c.is_whitespace() || ")>\"'\\".contains(c);
        let mut found = Vec::new();
        for (file, text) in self.0.iter() {
            let mut at: Vec<usize> = needles
                .iter()
                .filter(|n| !n.is_empty())
                .flat_map(|needle| {
                    text.match_indices(needle.as_str()).filter_map(|(i, _)| {
                        let before = text[..i].chars().next_back();
                        let after = text[i + needle.len()..].chars().next();
                        (before.is_none_or(opens) && after.is_none_or(closes)).then_some(i)
                    })
                })
                .collect();
            at.sort_unstable();
            at.dedup();
            found.extend(at.into_iter().map(|i| {
                let (line, column) = super::line_col(text, i);
                Place {
                    file: file.clone(),
                    line,
                    column,
                }
            }));
        }
        found
    }
}

/// A place in a content file, shown as `file:line:col`; ordered as a reader goes through the
/// files.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// Path relative to the content directory, with `/`.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

impl FromIterator<(String, String)> for ContentTexts {
    /// Texts by file, as a loader would keep them (for tests of what reads them).
    fn from_iter<I: IntoIterator<Item = (String, String)>>(texts: I) -> Self {
        ContentTexts(Arc::new(texts.into_iter().collect()))
    }
}

/// The content directory being read, the texts read so far, and the diagnostics found.
pub struct Sources {
    root: PathBuf,
    texts: HashMap<String, String>,
    diagnostics: Diagnostics,
    /// Files that exist but could not be parsed: cross-checks must not report what follows
    /// from their absence.
    pub failed: std::collections::BTreeSet<String>,
}

impl Sources {
    pub fn new(root: &Path) -> Sources {
        Sources {
            root: root.to_owned(),
            texts: HashMap::new(),
            diagnostics: Diagnostics::default(),
            failed: Default::default(),
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.0.push(d);
    }

    /// An error at a span of a value parsed from `src`.
    pub fn error(
        &mut self,
        src: &Src,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let text = self.texts.get(&src.file).map(String::as_str).unwrap_or("");
        let d = Diagnostic::at(
            &src.file,
            text,
            span.start + src.offset..span.end + src.offset,
            message,
        );
        self.diagnostics.0.push(d);
        self.diagnostics.0.last_mut().expect("just pushed")
    }

    /// The place of a span starting at `start` in a value parsed from `src`, for messages that
    /// point at a second place (where a duplicate id was first given).
    pub fn position(&self, src: &Src, start: usize) -> Place {
        let text = self.texts.get(&src.file).map(String::as_str).unwrap_or("");
        let (line, column) = super::line_col(text, start + src.offset);
        Place {
            file: src.file.clone(),
            line,
            column,
        }
    }

    /// Where a finding about the Markdown `body` read with `src` as a whole points: its first
    /// character, as a span relative to `src`'s TOML (like any other span of it). `body` is the
    /// end of the file's text as the loader split it off; an empty one points at the file's end.
    pub fn body_start(&self, src: &Src, body: &str) -> Range<usize> {
        let file_len = self.texts.get(&src.file).map_or(0, String::len);
        let blank = body.len() - body.trim_start().len();
        let at = (file_len.saturating_sub(body.len()) + blank).saturating_sub(src.offset);
        at..at
    }

    /// The text of every file read but `except`, for the model to keep (see [`ContentTexts`]):
    /// taken, not copied, once the checks that quote them are done.
    pub fn take_texts_except(&mut self, except: &[&str]) -> ContentTexts {
        std::mem::take(&mut self.texts)
            .into_iter()
            .filter(|(file, _)| !except.contains(&file.as_str()))
            .collect()
    }

    pub fn finish(mut self) -> Diagnostics {
        self.diagnostics.sort();
        self.diagnostics
    }

    fn read(&mut self, rel: &str, required: bool) -> Option<String> {
        match fs::read(self.root.join(rel)).map(String::from_utf8) {
            Ok(Ok(text)) => {
                // Editors on Windows may save a byte-order mark; it is not part of the text.
                let text = match text.strip_prefix('\u{feff}') {
                    Some(rest) => rest.to_owned(),
                    None => text,
                };
                self.texts.insert(rel.to_owned(), text.clone());
                Some(text)
            }
            Ok(Err(e)) => {
                let bytes = e.as_bytes();
                if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
                    self.push(
                        Diagnostic::file_error(rel, "saved as UTF-16, not UTF-8")
                            .hint("save the file as UTF-8"),
                    );
                } else {
                    // Point at the first byte that is not UTF-8, in the text as far as it reads.
                    let at = e.utf8_error().valid_up_to();
                    let byte = bytes[at];
                    self.texts.insert(
                        rel.to_owned(),
                        String::from_utf8_lossy(&bytes[..at]).into_owned(),
                    );
                    let src = Src {
                        file: rel.to_owned(),
                        offset: 0,
                    };
                    self.error(&src, at..at, format!("not UTF-8 text: byte 0x{byte:02X} here"))
                        .hint = Some(
                        "save the file as UTF-8 (a byte like this often comes from Latin-1 or Windows-1252)"
                            .to_owned(),
                    );
                }
                None
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if required {
                    self.push(
                        Diagnostic::file_error(rel, "required file is missing")
                            .hint("`trustctl new DIR` writes a starter directory with every required file"),
                    );
                }
                None
            }
            Err(e) => {
                self.push(Diagnostic::file_error(rel, format!("cannot read: {e}")));
                None
            }
        }
    }

    /// Parses the TOML file `rel`.
    pub fn toml<T: DeserializeOwned + JsonSchema>(
        &mut self,
        rel: &str,
        required: bool,
    ) -> Option<(T, Src)> {
        let text = self.read(rel, required)?;
        let src = Src {
            file: rel.to_owned(),
            offset: 0,
        };
        self.parse(&src, &text).map(|v| (v, src))
    }

    /// Parses TOML text taken from `src` (the whole file or its front matter). On failure, every
    /// unknown and missing key is reported with serde's first error (see [`super::keys`]).
    fn parse<T: DeserializeOwned + JsonSchema>(&mut self, src: &Src, text: &str) -> Option<T> {
        let e = match toml::from_str::<T>(text) {
            Ok(value) => return Some(value),
            Err(e) => e,
        };
        let at = e.span().unwrap_or(0..0);
        let serde_message = e.message().trim_end();
        let key = key_before(text, at.start);
        let what = || match key {
            Some(key) => Some(format!("`{key}`")),
            None => list_key_before(text, at.start).map(|list| format!("an item of `{list}`")),
        };
        let (message, first_hint) =
            if let Some(blank) = crate::model::text::Blank::of(serde_message) {
                (blank.about(key), Some(blank.hint().to_owned()))
            } else if let Some((plain, hint)) = plain_type_error(serde_message, what()) {
                (plain, Some(hint))
            } else {
                (serde_message.to_owned(), hint(serde_message))
            };
        let keys = super::keys::problems::<T>(text);
        // serde's error is one of them when it is about a key: they say it, at the key.
        let about = kind_and_key(&message);
        let said = |k: &super::keys::KeyProblem| {
            k.span.start == at.start && kind_and_key(&k.message) == about
        };
        if about.is_none() || !keys.iter().any(said) {
            self.error(src, at, message).hint = first_hint;
        }
        for key in keys {
            let key_hint = hint(&key.message);
            self.error(src, key.span, key.message).hint = key_hint;
        }
        self.failed.insert(src.file.clone());
        None
    }

    /// The files in directory `rel` with extension `ext`, sorted; other files get a warning.
    fn dir_files(&mut self, rel: &str, ext: &str) -> Vec<String> {
        let Some(entries) = self.read_dir(Path::new(rel)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut files = Vec::new();
        for name in names {
            let file = format!("{rel}/{name}");
            if name.starts_with('.') {
                continue;
            }
            if !name.ends_with(ext) {
                self.push(
                    Diagnostic::file_error(
                        &file,
                        format!("{rel}/ holds only {ext} files; this one is ignored"),
                    )
                    .warning(),
                );
                continue;
            }
            files.push(file);
        }
        files
    }

    /// Parses every `.toml` file of directory `rel`.
    pub fn toml_dir<T: DeserializeOwned + JsonSchema>(&mut self, rel: &str) -> Vec<(Src, T)> {
        let files = self.dir_files(rel, ".toml");
        files
            .into_iter()
            .filter_map(|f| self.toml::<T>(&f, true).map(|(v, s)| (s, v)))
            .collect()
    }

    /// Parses the Markdown file `rel`, whose front matter is required.
    pub fn markdown<T: DeserializeOwned + JsonSchema>(
        &mut self,
        rel: &str,
        required: bool,
    ) -> Option<(Src, T, String)> {
        let text = self.read(rel, required)?;
        self.front_matter(rel, &text, true)
    }

    /// Parses every `.md` file of directory `rel`; front matter required.
    pub fn markdown_dir<T: DeserializeOwned + JsonSchema>(
        &mut self,
        rel: &str,
    ) -> Vec<(Src, T, String)> {
        let files = self.dir_files(rel, ".md");
        files
            .into_iter()
            .filter_map(|f| self.markdown::<T>(&f, true))
            .collect()
    }

    /// Parses every `.md` file of directory `rel`; front matter optional (defaults).
    pub fn markdown_dir_optional_front<T: DeserializeOwned + JsonSchema + Default>(
        &mut self,
        rel: &str,
    ) -> Vec<(Src, T, String)> {
        let files = self.dir_files(rel, ".md");
        let mut out = Vec::new();
        for f in files {
            let Some(text) = self.read(&f, true) else {
                continue;
            };
            if let Some(parsed) = self.front_matter(&f, &text, false) {
                out.push(parsed);
            }
        }
        out
    }

    /// Splits `+++` TOML front matter from the Markdown body and parses it.
    fn front_matter<T: DeserializeOwned + JsonSchema>(
        &mut self,
        rel: &str,
        text: &str,
        required: bool,
    ) -> Option<(Src, T, String)> {
        let Some(rest) = text
            .strip_prefix("+++\n")
            .or_else(|| text.strip_prefix("+++\r\n"))
        else {
            if required {
                self.push(
                    Diagnostic::at(
                        rel,
                        text,
                        0..0,
                        "the file must start with front matter between `+++` lines",
                    )
                    .hint(
                        "begin the file with a line `+++`, the TOML keys, then another line `+++`",
                    ),
                );
                return None;
            }
            let src = Src {
                file: rel.to_owned(),
                offset: 0,
            };
            let meta = self.parse(&src, "")?;
            return Some((src, meta, text.to_owned()));
        };
        let offset = text.len() - rest.len();
        let Some((front, body)) = split_front_matter(rest) else {
            self.push(
                Diagnostic::at(
                    rel,
                    text,
                    0..3,
                    "front matter opened with `+++` is never closed",
                )
                .hint("end the front matter with a line holding only `+++`"),
            );
            return None;
        };
        let src = Src {
            file: rel.to_owned(),
            offset,
        };
        let meta = self.parse(&src, front)?;
        Some((src, meta, body.to_owned()))
    }

    /// Files under directory `rel`, recursively, as content-relative paths with their sizes.
    pub fn list_files(&mut self, rel: &str) -> BTreeMap<String, u64> {
        let mut found = BTreeMap::new();
        let mut stack = vec![PathBuf::from(rel)];
        while let Some(dir) = stack.pop() {
            let Some(entries) = self.read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = dir.join(entry.file_name());
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    stack.push(path);
                } else {
                    let bytes = entry.metadata().map_or(0, |m| m.len());
                    found.insert(path.to_string_lossy().replace('\\', "/"), bytes);
                }
            }
        }
        found
    }

    /// The entries of folder `rel`; `None` when it is absent, and an error when it is there but
    /// cannot be read, since reading it as empty would publish a site without its contents.
    fn read_dir(&mut self, rel: &Path) -> Option<fs::ReadDir> {
        match fs::read_dir(self.root.join(rel)) {
            Ok(entries) => Some(entries),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                let rel = rel.to_string_lossy().replace('\\', "/");
                let what = if e.kind() == std::io::ErrorKind::NotADirectory {
                    "is a file, where a folder belongs".to_owned()
                } else {
                    format!("cannot read this folder: {e}")
                };
                self.push(Diagnostic::file_error(&rel, what));
                self.failed.insert(rel);
                None
            }
        }
    }

    /// Warns about top-level entries this version does not read.
    pub fn check_top_level(&mut self, known: &[&str]) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            if name.starts_with('.') || known.contains(&name.as_str()) {
                continue;
            }
            let mut d = Diagnostic::file_error(
                &name,
                "not a content file this version knows; it is ignored",
            )
            .warning();
            d.hint = Some(match closest(&name, known.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the top level holds: {}", known.join(", ")),
            });
            self.push(d);
        }
    }
}

/// Finds the closing `+++` line; returns (front matter, body).
pub(crate) fn split_front_matter(rest: &str) -> Option<(&str, &str)> {
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((&rest[..pos], &rest[pos + line.len()..]));
        }
        pos += line.len();
    }
    None
}

/// `("missing field ", "name")` of "missing field `name`": what a message about a key says of
/// which key, to tell when two messages are about the same one.
fn kind_and_key(message: &str) -> Option<(&str, &str)> {
    let (kind, rest) = message.split_once('`')?;
    Some((kind, rest.split_once('`')?.0))
}

/// How to mend what a parse error says.
fn hint(message: &str) -> Option<String> {
    if let Some(near) = unknown_field_suggestion(message) {
        Some(format!("did you mean `{near}`?"))
    } else if message.starts_with("unknown field") {
        Some("check the spelling; `trustctl reference -` prints every key of every file".to_owned())
    } else if message.starts_with("missing field") {
        Some("add the key; `trustctl reference -` says what it holds".to_owned())
    } else if message.starts_with("unknown variant") {
        Some("use one of the values listed".to_owned())
    } else {
        None
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`": the expected key closest to `x`.
fn unknown_field_suggestion(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    closest(field, candidates.iter().copied()).map(str::to_owned)
}

/// The candidate closest to `word`, if close enough to be a likely typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// serde's "invalid type: string \"72\", expected u32" in an author's words, with a hint:
/// "`breach_notification_hours` must be a whole number, found text \"72\"".
/// `what` names the value (`` `title` ``, ``an item of `languages` ``), when it can be told.
fn plain_type_error(message: &str, what: Option<String>) -> Option<(String, String)> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    // "invalid value" on a number is one out of its type's range: below 0 or too large.
    let out_of_range = message.starts_with("invalid value: ");
    let number = if out_of_range && found.starts_with("integer `-") {
        "it counts something: use 0 or more"
    } else if out_of_range {
        "that is more than this key can hold"
    } else if found.starts_with("string ") {
        "write the number without quotes, e.g. 72"
    } else {
        "write a whole number, e.g. 72"
    };
    let table = "`trustctl reference -` shows each key's table";
    let (expected, hint) = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => ("a whole number, 0 or more", number.to_owned()),
        "i8" | "i16" | "i32" | "i64" | "isize" => ("a whole number", number.to_owned()),
        "a string" => (
            "text",
            match found {
                "sequence" => "write one text in quotes, not a list",
                "map" => "write text in quotes here, not a table",
                _ => "put the text in quotes",
            }
            .to_owned(),
        ),
        // A single item where a list belongs: the hint writes that list. A table there is a
        // `[answer]` header that wanted to be `[[answer]]`.
        "a sequence" => (
            "a list",
            match found.strip_prefix("string ") {
                Some(item) => format!("write it in brackets: [{item}]"),
                None if found == "map" => {
                    "a list of tables has a header in double brackets, e.g. [[answer]]".to_owned()
                }
                None => "write a list in brackets, e.g. [\"en\"]".to_owned(),
            },
        ),
        "a boolean" => (
            "true or false",
            "write true or false without quotes".to_owned(),
        ),
        "a map" => ("a table", table.to_owned()),
        other if other.starts_with("struct ") => ("a table", table.to_owned()),
        _ => return None,
    };
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("text {text}")
    } else if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        format!("the number {}", n.trim_matches('`'))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        b.trim_matches('`').to_owned()
    } else {
        match found {
            "sequence" => "a list".to_owned(),
            "map" => "a table".to_owned(),
            other => other.to_owned(),
        }
    };
    let message = match what {
        Some(what) => format!("{what} must be {expected}, found {found}"),
        None => format!("expected {expected}, found {found}"),
    };
    Some((message, hint))
}

/// The key whose value starts at `value` in TOML `text` (`name` in `name = ""` or in
/// `{ id = "x", name = "" }`), for messages about the value.
fn key_before(text: &str, value: usize) -> Option<&str> {
    let key = text.get(..value)?.trim_end().strip_suffix('=')?.trim_end();
    let key = key
        .rsplit(|c: char| c.is_whitespace() || c == '{' || c == ',')
        .next()?
        .trim_matches(|c| c == '"' || c == '\'');
    (!key.is_empty()).then_some(key)
}

/// The key of the list whose item starts at `value` in TOML `text` (`languages` in
/// `languages = ["en", 5]`).
fn list_key_before(text: &str, value: usize) -> Option<&str> {
    let before = text.get(..value)?;
    let open = before.rfind('[')?;
    if before[open..].contains(']') {
        return None;
    }
    key_before(text, open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_are_worded_for_authors() {
        let plain = |m: &str, what: Option<&str>| plain_type_error(m, what.map(str::to_owned));
        assert_eq!(
            plain(
                "invalid type: boolean `true`, expected a string",
                Some("`name`")
            ),
            Some((
                "`name` must be text, found true".to_owned(),
                "put the text in quotes".to_owned()
            ))
        );
        assert_eq!(
            plain("invalid type: sequence, expected struct Address", None)
                .unwrap()
                .0,
            "expected a table, found a list"
        );
        assert_eq!(plain("data did not match any variant", None), None);
        let text = "languages = [\"en\", 5]\nname = 5\n";
        assert_eq!(
            list_key_before(text, text.find('5').unwrap()),
            Some("languages")
        );
        assert_eq!(list_key_before(text, text.rfind('5').unwrap()), None);
    }

    #[test]
    fn front_matter_is_split_from_the_body() {
        let (front, body) = split_front_matter("title = \"x\"\n+++\n# Body\n").unwrap();
        assert_eq!(front, "title = \"x\"\n");
        assert_eq!(body, "# Body\n");
        assert!(split_front_matter("title = \"x\"\n").is_none());
    }

    #[test]
    fn unknown_fields_suggest_the_key_meant() {
        let m = "unknown field `brand_colour`, expected one of `name`, `brand_color`, `logo`";
        assert_eq!(unknown_field_suggestion(m).as_deref(), Some("brand_color"));
        assert_eq!(
            unknown_field_suggestion("unknown field `zzz`, expected `name`"),
            None
        );
    }

    #[test]
    fn typos_find_their_word() {
        let known = ["organization.toml", "security.toml", "subprocessors"];
        assert_eq!(
            closest("organisation.toml", known),
            Some("organization.toml")
        );
        assert_eq!(closest("subprocesors", known), Some("subprocessors"));
        assert_eq!(closest("notes.txt", known), None);
    }

    #[test]
    fn a_blank_value_is_named_by_its_key() {
        let text = "title = \"\"\nname   =  \"  \"\nc = { id = \"x\", name = \"\" }\n";
        let at = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).unwrap().0;
        assert_eq!(super::key_before(text, at("\"\"", 0)), Some("title"));
        assert_eq!(super::key_before(text, at("\"  \"", 0)), Some("name"));
        assert_eq!(
            super::key_before(text, text.rfind("\"\"").unwrap()),
            Some("name")
        );
        assert_eq!(super::key_before(text, 0), None);
        assert_eq!(super::key_before("\"name\" = \"\"", 9), Some("name"));
    }
}
