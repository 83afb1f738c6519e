//! The app's stylesheet as the site's files carry it, from one parse per build: minified for the
//! pages (a quarter fewer bytes than Trunk's copy, which keeps the comments and indentation), and
//! cut down for each standalone document to the rules its markup can match.
//!
//! Pruning is only for the standalone documents: they have no script, so what their markup holds
//! when they are written is all they will ever hold. The app's pages keep every rule, since the
//! islands create markup (search results, the questionnaire's table) after the page has loaded.

use lightningcss::rules::CssRule;
use lightningcss::selector::{Component, Selector};
use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::traits::ToCss;

/// The app's stylesheet, parsed once.
#[derive(Clone, Debug)]
pub struct Stylesheet {
    /// All of it, minified: its rules' texts, joined.
    minified: String,
    /// Its top-level rules, minified, in order, each with what a document needs for the rule to
    /// apply to anything in it.
    rules: Vec<(String, Needs)>,
}

/// What a rule needs of a document: `None` when it may apply to any (`:root`, `*`, `@font-face`),
/// otherwise one alternative per selector, each the texts that must all occur in the document:
/// `<table` for an element, the bare name for a class, an id or an attribute.
type Needs = Option<Vec<Vec<String>>>;

impl Stylesheet {
    /// Parses and minifies `css`; the error says what and where (line and column).
    pub fn parse(css: &str) -> Result<Stylesheet, String> {
        let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(described)?;
        sheet.minify(MinifyOptions::default()).map_err(described)?;
        let rules: Vec<(String, Needs)> = sheet
            .rules
            .0
            .iter()
            .map(|rule| {
                let print = PrinterOptions {
                    minify: true,
                    ..PrinterOptions::default()
                };
                let text = rule.to_css_string(print).map_err(|e| e.to_string())?;
                Ok((text, needs(rule)))
            })
            .collect::<Result<_, String>>()?;
        // Minified rules are printed without separators: the sheet is its rules end to end.
        let minified = rules.iter().map(|(text, _)| text.as_str()).collect();
        Ok(Stylesheet { minified, rules })
    }

    /// The whole stylesheet, minified.
    pub fn minified(&self) -> &str {
        &self.minified
    }

    /// The rules that can apply to something in `document` (a whole HTML document), minified, in
    /// their order. A rule is left out only when one of the names each of its selectors requires
    /// occurs nowhere in the document's text, so what is kept is a superset of what applies.
    pub fn for_document(&self, document: &str) -> String {
        self.rules
            .iter()
            .filter(|(_, needs)| match needs {
                None => true,
                Some(alternatives) => alternatives
                    .iter()
                    .any(|all| all.iter().all(|text| document.contains(text.as_str()))),
            })
            .map(|(text, _)| text.as_str())
            .collect()
    }
}

/// A parse or minify error as "what, line L, column C" (lightningcss counts lines from 0).
fn described<T: std::fmt::Display>(e: lightningcss::error::Error<T>) -> String {
    match e.loc {
        Some(at) => format!("{}, line {}, column {}", e.kind, at.line + 1, at.column),
        None => e.kind.to_string(),
    }
}

/// What `rule` needs of a document; an at-rule around style rules (`@media`) needs what any of
/// them needs, other at-rules nothing.
fn needs(rule: &CssRule<'_>) -> Needs {
    match rule {
        CssRule::Style(style) => style
            .selectors
            .0
            .iter()
            .map(selector_needs)
            .collect::<Option<Vec<_>>>(),
        CssRule::Media(media) => {
            media
                .rules
                .0
                .iter()
                .map(needs)
                .try_fold(Vec::new(), |mut all, needs| {
                    all.extend(needs?);
                    Some(all)
                })
        }
        _ => None,
    }
}

/// The names every element a selector's compounds match must have; `None` if it needs none.
/// Names inside `:not()`, `:is()`, `:where()` and `:has()` are not required: such a selector can
/// match without them.
fn selector_needs(selector: &Selector<'_>) -> Option<Vec<String>> {
    let names: Vec<String> = selector
        .iter_raw_match_order()
        .filter_map(|component| match component {
            // An uppercase tag (an SVG element) could be written in another case: not required.
            Component::LocalName(tag) if !tag.name.0.chars().any(char::is_uppercase) => {
                Some(format!("<{}", tag.name.0))
            }
            Component::ID(word) | Component::Class(word) => Some(word.0.to_string()),
            Component::AttributeInNoNamespaceExists { local_name, .. }
            | Component::AttributeInNoNamespace { local_name, .. } => {
                Some(local_name.0.to_string())
            }
            _ => None,
        })
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
        let kept = sheet.for_document(doc);
        assert_eq!(
            kept,
            ":root{--brand:#1f5f8b}body{margin:0}.toc a,.facts dt{color:red}\
             table td:not(.num){padding:.25rem}@media print{.site-header{display:none}main{margin:0}}"
        );
        // A document with every name keeps the whole sheet, which is what the pages carry.
        let everything =
            format!("{doc}<p class=\"toc search-popup site-header result-title\" hidden>");
        assert_eq!(sheet.for_document(&everything), sheet.minified());
        assert!(sheet
            .minified()
            .starts_with(":root{--brand:#1f5f8b}body{margin:0}"));
    }

    #[test]
    fn a_stylesheet_that_does_not_parse_says_where() {
        let err = Stylesheet::parse("main { color: red; }\n.x {{ }").unwrap_err();
        assert_eq!(err, "Unexpected end of input, line 2, column 5");
    }
}
