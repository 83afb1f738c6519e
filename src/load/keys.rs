//! Every unknown and every missing key of a TOML text in one run.
//!
//! serde stops at a file's first problem, so an author who mistyped three keys, or left out four
//! of a new file, would learn of them one run at a time. When a text does not deserialize, it is
//! also validated against its JSON Schema, generated from the same types as the editors' schemas
//! (see [`crate::schema`]): the validator names every key that is not allowed and every required
//! key that is absent, and a spanned parse of the text says where each is. Other kinds of schema
//! error (a wrong type, a value out of its list) are left to serde, whose messages the loader
//! already words for authors.

use std::ops::Range;

use jsonschema::error::ValidationErrorKind;
use jsonschema::paths::{Location, LocationSegment};
use jsonschema::ValidationError;
use schemars::JsonSchema;
use serde_json::Value;

use super::source::closest;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A key that is not allowed, or a required key that is absent, in serde's words (so that the
/// loader words and hints it as it does serde's own first error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct KeyProblem {
    /// The unknown key; for a missing key, the table that lacks it.
    pub span: Range<usize>,
    /// `unknown field `…`, expected one of …` or `missing field `…``.
    pub message: String,
}

/// Every unknown and missing key of `text`, which is to deserialize as `T`, in the order of the
/// text. Empty when the text is not TOML at all: serde's error says why.
pub(super) fn problems<T: JsonSchema>(text: &str) -> Vec<KeyProblem> {
    let (Ok(doc), Ok(table)) = (DeTable::parse(text), toml::from_str::<toml::Table>(text)) else {
        return Vec::new();
    };
    let instance = crate::schema::toml_to_json(toml::Value::Table(table));
    let schema = schemars::schema_for!(T).to_value();
    let Ok(validator) = jsonschema::validator_for(&schema) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    // Per table, its unknown keys' likely meanings: a key typed `titel` leaves `title` missing,
    // which its "did you mean" already says.
    let mut meant: Vec<(Range<usize>, &str)> = Vec::new();
    let mut missing: Vec<(Range<usize>, String)> = Vec::new();
    for error in validator.iter_errors(&instance) {
        visit(&error, &mut |error| {
            let Some((span, table)) = find(&doc, error.instance_path()) else {
                return;
            };
            match error.kind() {
                ValidationErrorKind::Required { property } => {
                    if let Some(key) = property.as_str() {
                        missing.push((span, key.to_owned()));
                    }
                }
                ValidationErrorKind::AdditionalProperties { unexpected } => {
                    let allowed = allowed(&schema, error.schema_path());
                    for key in unexpected {
                        if let Some(near) = closest(key, allowed.iter().copied()) {
                            meant.push((span.clone(), near));
                        }
                        let at = table
                            .and_then(|t| t.keys().find(|k| k.get_ref() == key))
                            .map_or_else(|| span.clone(), Spanned::span);
                        found.push(KeyProblem {
                            span: at,
                            message: format!("unknown field `{key}`, {}", expected(&allowed)),
                        });
                    }
                }
                _ => {}
            }
        });
    }
    found.extend(
        missing
            .into_iter()
            .filter(|(table, key)| !meant.iter().any(|(t, m)| t == table && m == key))
            .map(|(span, key)| KeyProblem {
                span,
                message: format!("missing field `{key}`"),
            }),
    );
    found.sort_by(|a, b| (a.span.start, &a.message).cmp(&(b.span.start, &b.message)));
    found.dedup();
    found
}

/// Calls `f` with `error` and, inside an `anyOf` or `oneOf`, with the errors of each branch whose
/// type fits the value: an optional table's schema is `anyOf` its table and null, and the keys
/// wrong in the table are in the first branch, while the second says only that it is not null.
fn visit(error: &ValidationError<'_>, f: &mut dyn FnMut(&ValidationError<'_>)) {
    match error.kind() {
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            for branch in context {
                let fits = !branch.iter().any(|e| {
                    matches!(e.kind(), ValidationErrorKind::Type { .. })
                        && e.instance_path() == error.instance_path()
                });
                if fits {
                    for inner in branch {
                        visit(inner, f);
                    }
                }
            }
        }
        _ => f(error),
    }
}

/// Where the value at a JSON Schema instance location of the document is, and the value if it
/// is a table. The document itself is located at its start, where a file's own problems are
/// shown.
fn find<'d, 'i>(
    doc: &'d Spanned<DeTable<'i>>,
    at: &Location,
) -> Option<(Range<usize>, Option<&'d DeTable<'i>>)> {
    let mut segments = at.into_iter();
    let Some(first) = segments.next() else {
        return Some((0..0, Some(doc.get_ref())));
    };
    let mut value = property(doc.get_ref(), &first)?;
    for segment in segments {
        value = match value.get_ref() {
            DeValue::Table(table) => property(table, &segment)?,
            DeValue::Array(items) => {
                let index = match segment {
                    LocationSegment::Index(i) => i,
                    LocationSegment::Property(p) => p.parse().ok()?,
                };
                items.get(index)?
            }
            _ => return None,
        };
    }
    Some((value.span(), value.get_ref().as_table()))
}

/// The member of `table` a location segment names.
fn property<'d, 'i>(
    table: &'d DeTable<'i>,
    segment: &LocationSegment<'_>,
) -> Option<&'d Spanned<DeValue<'i>>> {
    let name = match segment {
        LocationSegment::Property(p) => p.to_string(),
        LocationSegment::Index(i) => i.to_string(),
    };
    table
        .iter()
        .find(|(key, _)| key.get_ref().as_ref() == name)
        .map(|(_, value)| value)
}

/// The keys the schema allows where `additionalProperties` refused one: the `properties` beside
/// it, in the order the type declares them (schemars' `preserve_order`), as serde lists them.
fn allowed<'s>(schema: &'s Value, keyword: &Location) -> Vec<&'s str> {
    let pointer = keyword.as_str();
    let Some(object) = pointer.strip_suffix("/additionalProperties") else {
        return Vec::new();
    };
    schema
        .pointer(object)
        .and_then(|o| o.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// What serde says after an unknown key: the keys it expected.
fn expected(allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
    match quoted.as_slice() {
        [] => "there are no fields".to_owned(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        all => format!("expected one of {}", all.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use schemars::JsonSchema;
    use serde::Deserialize;

    use super::*;

    #[allow(dead_code)]
    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    struct File {
        name: String,
        tagline: Option<String>,
        #[serde(default)]
        item: Vec<Item>,
    }

    #[allow(dead_code)]
    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: String,
        title: String,
    }

    fn shown(text: &str) -> Vec<String> {
        problems::<File>(text)
            .into_iter()
            .map(|p| {
                let (line, column) = super::super::line_col(text, p.span.start);
                format!("{line}:{column}: {}", p.message)
            })
            .collect()
    }

    #[test]
    fn every_unknown_and_missing_key_is_found_where_it_is() {
        let text =
            "tagline = \"x\"\ncolour = 1\n\n[[item]]\nid = \"a\"\n\n[[item]]\ntitel = \"B\"\n";
        assert_eq!(
            shown(text),
            [
                "1:1: missing field `name`",
                "2:1: unknown field `colour`, expected one of `name`, `tagline`, `item`",
                "4:1: missing field `title`",
                "7:1: missing field `id`",
                "8:1: unknown field `titel`, expected `id` or `title`",
            ]
        );
        assert!(toml::from_str::<File>(text).is_err());
    }

    #[test]
    fn a_mistyped_required_key_is_reported_once_as_the_typo() {
        let shown = shown("nmae = \"x\"\n");
        assert_eq!(
            shown,
            ["1:1: unknown field `nmae`, expected one of `name`, `tagline`, `item`"]
        );
    }

    #[test]
    fn text_that_parses_or_is_not_toml_has_none() {
        assert!(shown("name = \"x\"\n[[item]]\nid = \"a\"\ntitle = \"A\"\n").is_empty());
        assert!(shown("name = \"x\nitem = [").is_empty());
    }
}
