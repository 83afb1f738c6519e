//! The app's stylesheet as the site's files carry it, from one parse per build: minified, and
//! cut down for each page to the rules its markup can match.
//!
//! A page carries inline only the rules that can apply to its own markup: the bytes, the parse
//! and the style resolution of the rest would all come before its first paint. What the page
//! holds when it is written is all it holds without a script, so a reader without one misses
//! nothing. The islands create markup (search results, the questionnaire's table) once the app
//! runs; for that the whole sheet is a file of its own ([`Stylesheet::file_name`]), which each
//! page names and the app's starter loads after the first paint. Since the whole sheet repeats
//! every inline rule later in the cascade, loading it changes nothing already on screen. A
//! standalone document has no script: its inline rules are all it gets.

use std::collections::HashSet;

use lightningcss::rules::{CssRule, CssRuleList};
use lightningcss::selector::{Component, Selector};
use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::traits::ToCss;
use sha2::{Digest, Sha256};

/// The app's stylesheet, parsed once.
#[derive(Clone, Debug)]
pub struct Stylesheet {
    /// All of it, minified: its rules' texts, joined.
    minified: String,
    /// Its top-level rules, minified, in order, each with what a document needs for it to apply.
    rules: Vec<Piece>,
}

/// One rule of the sheet, as pruning sees it.
#[derive(Clone, Debug)]
enum Piece {
    /// A rule kept whole or left out whole: its minified text and what it needs.
    Rule(String, Needs),
    /// A conditional group (`@media`, `@supports`): its opening (`@media print{`), kept with
    /// those of its rules that apply, or left out when none does.
    Group(String, Vec<Piece>),
}

/// What a rule needs of a document: `None` when it may apply to any (`:root`, `*`, `@font-face`),
/// otherwise one alternative per selector, each the names that must all occur in the document as
/// words: an element's, a class's, an id's or an attribute's.
type Needs = Option<Vec<Vec<String>>>;

/// How every rule is printed: minified.
fn print() -> PrinterOptions<'static> {
    PrinterOptions {
        minify: true,
        ..PrinterOptions::default()
    }
}

impl Stylesheet {
    /// Parses and minifies `css`; the error says what and where (line and column).
    pub fn parse(css: &str) -> Result<Stylesheet, String> {
        let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(described)?;
        sheet.minify(MinifyOptions::default()).map_err(described)?;
        let rules = sheet
            .rules
            .0
            .iter()
            .map(piece)
            .collect::<Result<Vec<_>, String>>()?;
        let mut minified = String::new();
        for rule in &rules {
            rule.write(&mut minified, &|_| true);
        }
        Ok(Stylesheet { minified, rules })
    }

    /// The whole stylesheet, minified.
    pub fn minified(&self) -> &str {
        &self.minified
    }

    /// The name of the file holding the whole sheet, at the root of the site: named after its
    /// contents, so a host may cache it for good and a changed sheet is a new file.
    pub fn file_name(&self) -> String {
        let digest = Sha256::digest(self.minified.as_bytes());
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("style-{hex}.css")
    }

    /// The rules that can apply to something in a document whose text is `parts` end to end,
    /// minified, in their order; a group (`@media`) keeps those of its rules that can. A rule is
    /// left out only when one of the names each of its selectors requires occurs nowhere in the
    /// document as a word, so what is kept is a superset of what applies.
    pub fn for_document(&self, parts: &[&str]) -> String {
        let words: HashSet<&str> = parts.iter().flat_map(|part| words(part)).collect();
        let applies = |needs: &Needs| match needs {
            None => true,
            Some(alternatives) => alternatives
                .iter()
                .any(|all| all.iter().all(|name| words.contains(name.as_str()))),
        };
        let mut kept = String::new();
        for rule in &self.rules {
            rule.write(&mut kept, &applies);
        }
        kept
    }
}

impl Piece {
    /// Appends the piece to `out` with the rules for which `applies` holds; nothing of a group
    /// none of whose rules apply.
    fn write(&self, out: &mut String, applies: &dyn Fn(&Needs) -> bool) {
        match self {
            Piece::Rule(text, needs) => {
                if applies(needs) {
                    out.push_str(text);
                }
            }
            Piece::Group(open, rules) => {
                let at = out.len();
                out.push_str(open);
                let inner = out.len();
                for rule in rules {
                    rule.write(out, applies);
                }
                if out.len() == inner {
                    out.truncate(at);
                } else {
                    out.push('}');
                }
            }
        }
    }
}

/// The words of an HTML text: its runs of letters, digits, `-` and `_`, which is how an element's,
/// a class's, an id's or an attribute's name stands in markup.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word(c)).filter(|w| !w.is_empty())
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// `rule` as a piece: a conditional group keeps its rules apart, so that each page takes of a
/// group only what applies to it.
fn piece(rule: &CssRule<'_>) -> Result<Piece, String> {
    let group = |empty: CssRule<'_>, rules: &CssRuleList<'_>| -> Result<Piece, String> {
        let open = empty.to_css_string(print()).map_err(|e| e.to_string())?;
        let open = open
            .strip_suffix('}')
            .ok_or_else(|| format!("an empty group printed as {open}"))?
            .to_owned();
        Ok(Piece::Group(
            open,
            rules.0.iter().map(piece).collect::<Result<_, _>>()?,
        ))
    };
    match rule {
        CssRule::Media(media) => {
            let mut empty = media.clone();
            empty.rules = CssRuleList(Vec::new());
            group(CssRule::Media(empty), &media.rules)
        }
        CssRule::Supports(supports) => {
            let mut empty = supports.clone();
            empty.rules = CssRuleList(Vec::new());
            group(CssRule::Supports(empty), &supports.rules)
        }
        CssRule::Style(style) => Ok(Piece::Rule(
            rule.to_css_string(print()).map_err(|e| e.to_string())?,
            style
                .selectors
                .0
                .iter()
                .map(selector_needs)
                .collect::<Option<Vec<_>>>(),
        )),
        _ => Ok(Piece::Rule(
            rule.to_css_string(print()).map_err(|e| e.to_string())?,
            None,
        )),
    }
}

/// A parse or minify error as "what, line L, column C" (lightningcss counts lines from 0).
fn described<T: std::fmt::Display>(e: lightningcss::error::Error<T>) -> String {
    match e.loc {
        Some(at) => format!("{}, line {}, column {}", e.kind, at.line + 1, at.column),
        None => e.kind.to_string(),
    }
}

/// The names every element a selector's compounds match must have, as words of the markup;
/// `None` if it needs none. Names inside `:not()`, `:is()`, `:where()` and `:has()` are not
/// required: such a selector can match without them. Nor is a name that is not one word of
/// markup (an escaped `md\\:wide`), nor an uppercase tag (an SVG element's, which markup may
/// write in another case).
fn selector_needs(selector: &Selector<'_>) -> Option<Vec<String>> {
    let names: Vec<String> = selector
        .iter_raw_match_order()
        .filter_map(|component| match component {
            Component::LocalName(tag) if !tag.name.0.chars().any(char::is_uppercase) => {
                Some(tag.name.0.to_string())
            }
            Component::ID(word) | Component::Class(word) => Some(word.0.to_string()),
            Component::AttributeInNoNamespaceExists { local_name, .. }
            | Component::AttributeInNoNamespace { local_name, .. } => {
                Some(local_name.0.to_string())
            }
            _ => None,
        })
        .filter(|name| name.chars().all(is_word))
        .collect();
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = "
        /* the palette */
        :root { --brand: #1f5f8b; }
        body { margin: 0; }
        .toc a, .facts dt { color: red; }
        .search-popup[hidden] { display: none; }
        table td:not(.num) { padding: 0.25rem; }
        @media print { .site-header { display: none; } main { margin: 0; } }
        @media (prefers-color-scheme: dark) { .result-title { color: white; } }
    ";

    #[test]
    fn a_document_keeps_the_rules_its_markup_can_match_in_order() {
        let sheet = Stylesheet::parse(CSS).unwrap();
        assert!(!sheet.minified().contains("palette") && !sheet.minified().contains("\n"));
        let doc = "<html><body><main><dl class=\"facts\"><dt>Owner</dt></dl>\
                   <table><tr><td>1</td></tr></table></main></body></html>";
        // Of a group, only the rules that apply; a group with none is left out.
        assert_eq!(
            sheet.for_document(&[doc]),
            ":root{--brand:#1f5f8b}body{margin:0}.toc a,.facts dt{color:red}\
             table td:not(.num){padding:.25rem}@media print{main{margin:0}}"
        );
        // Names count as whole words of the markup: `facts-list` is not `facts`, while words
        // split across the parts of a document still count.
        assert_eq!(
            sheet.for_document(&["<body><p class=\"facts-list\">", "<dt>"]),
            ":root{--brand:#1f5f8b}body{margin:0}"
        );
        assert_eq!(
            sheet.for_document(&["<body><p class=\"facts-list\">", "<dt class=\"facts\">"]),
            ":root{--brand:#1f5f8b}body{margin:0}.toc a,.facts dt{color:red}"
        );
        // A document with every name keeps the whole sheet.
        let everything =
            format!("{doc}<p class=\"toc search-popup site-header result-title\" hidden>");
        assert_eq!(sheet.for_document(&[&everything]), sheet.minified());
        assert!(sheet
            .minified()
            .starts_with(":root{--brand:#1f5f8b}body{margin:0}"));
    }

    #[test]
    fn groups_within_groups_keep_what_applies() {
        let sheet = Stylesheet::parse(
            "@supports (display: grid) { @media print { .a { color: red } .b { color: blue } } .c { color: green } }",
        )
        .unwrap();
        assert_eq!(
            sheet.for_document(&["<i class=\"b\">"]),
            "@supports (display:grid){@media print{.b{color:#00f}}}"
        );
        assert_eq!(
            sheet.for_document(&["<i class=\"c\">"]),
            "@supports (display:grid){.c{color:green}}"
        );
        assert_eq!(sheet.for_document(&["<i>"]), "");
    }

    #[test]
    fn the_whole_sheet_is_named_after_its_contents() {
        let a = Stylesheet::parse("main { color: red }").unwrap();
        let b = Stylesheet::parse("main { color : red; }").unwrap();
        let c = Stylesheet::parse("main { color: blue }").unwrap();
        assert_eq!(a.file_name(), b.file_name());
        assert_ne!(a.file_name(), c.file_name());
        assert!(a.file_name().starts_with("style-") && a.file_name().ends_with(".css"));
        assert_eq!(a.file_name().len(), "style-.css".len() + 16);
    }

    #[test]
    fn a_stylesheet_that_does_not_parse_says_where() {
        let err = Stylesheet::parse("main { color: red; }\n.x {{ }").unwrap_err();
        assert_eq!(err, "Unexpected end of input, line 2, column 5");
    }
}
