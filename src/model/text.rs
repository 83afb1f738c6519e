//! Text a content file must fill in: a required key written as `""` (or only spaces), often a
//! placeholder left in a copied file, would publish an empty heading, table cell or paragraph.
//! It is refused where it is written, at the value, like any other bad value.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

/// Which kind of blank a deserializer refused. Serde carries only a message from the value to
/// the loader, so each kind is that message, and the loader turns it back into the kind to word
/// the error with the key's name and hint (`Blank::of`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// A required text.
    Text,
    /// An optional text, given but blank.
    Optional,
    /// An item of a list.
    Item,
}

impl Blank {
    const ALL: [Blank; 3] = [Blank::Text, Blank::Optional, Blank::Item];

    /// The deserializer's message.
    fn message(self) -> &'static str {
        match self {
            Blank::Text => "this text is blank",
            Blank::Optional => "this optional text is blank",
            Blank::Item => "a list item is blank",
        }
    }

    /// The kind a deserializer's `message` names, if it names one.
    pub fn of(message: &str) -> Option<Blank> {
        Blank::ALL.into_iter().find(|b| b.message() == message)
    }

    /// The error about `key`'s value (or, not knowing the key, the value).
    pub fn about(self, key: Option<&str>) -> String {
        match (self, key) {
            (Blank::Item, Some(key)) => format!("`{key}` has a blank item"),
            (_, Some(key)) => format!("`{key}` is blank"),
            (_, None) => self.message().to_owned(),
        }
    }

    /// What to do about it.
    pub fn hint(self) -> &'static str {
        match self {
            Blank::Text => "write it; `trustctl reference -` says what it holds",
            Blank::Optional => "write it, or leave the key out",
            Blank::Item => "write it, or take it out of the list",
        }
    }
}

/// Deserializes an optional text given in the file, refusing a blank one: an empty heading or
/// auditor is never what a key written out meant (with `#[serde(default)]` for an absent key).
pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.trim().is_empty() {
        Err(D::Error::custom(Blank::Optional.message()))
    } else {
        Ok(Some(text))
    }
}

/// What the JSON Schemas require of a text that must not be blank (`#[schemars(pattern(…))]`
/// beside each `deserialize_with` of this module), so that editors flag `name = ""` while it is
/// typed, as the loader refuses it.
pub const NOT_BLANK: &str = r"\S";

/// Located texts as one line, `en, de`: how a list of tags reads on a page or in a header.
pub fn joined(texts: &[toml::Spanned<String>]) -> String {
    texts
        .iter()
        .map(|t| t.get_ref().as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Deserializes a list of texts, refusing a blank item: `data_categories = ["Names", ""]` would
/// publish an empty bullet or table entry.
pub fn items<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let items = Vec::<String>::deserialize(deserializer)?;
    if items.iter().any(|i| i.trim().is_empty()) {
        Err(D::Error::custom(Blank::Item.message()))
    } else {
        Ok(items)
    }
}

/// Deserializes a required text, refusing a blank one (`#[serde(deserialize_with = …)]`).
pub fn required<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.trim().is_empty() {
        Err(D::Error::custom(Blank::Text.message()))
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Named {
        #[serde(deserialize_with = "super::required")]
        name: String,
    }

    #[derive(Debug, Deserialize)]
    struct Titled {
        #[serde(default, deserialize_with = "super::optional")]
        title: Option<String>,
    }

    #[test]
    fn an_optional_text_may_be_left_out_but_not_left_blank() {
        assert_eq!(toml::from_str::<Titled>("").unwrap().title, None);
        let t = toml::from_str::<Titled>("title = \"Hi\"").unwrap();
        assert_eq!(t.title.as_deref(), Some("Hi"));
        let blank = toml::from_str::<Titled>("title = \"\"").unwrap_err();
        assert_eq!(
            super::Blank::of(blank.message()),
            Some(super::Blank::Optional)
        );
    }

    #[derive(Debug, Deserialize)]
    struct Listed {
        #[serde(deserialize_with = "super::items")]
        list: Vec<String>,
    }

    #[test]
    fn a_list_refuses_a_blank_item() {
        assert_eq!(
            toml::from_str::<Listed>("list = [\"a\"]").unwrap().list,
            ["a"]
        );
        let blank = toml::from_str::<Listed>("list = [\"a\", \" \"]").unwrap_err();
        assert_eq!(super::Blank::of(blank.message()), Some(super::Blank::Item));
    }

    #[test]
    fn a_blank_text_is_refused_at_its_value_and_words_pass() {
        let blank = toml::from_str::<Named>("name = \"  \"\n").unwrap_err();
        assert_eq!(super::Blank::of(blank.message()), Some(super::Blank::Text));
        assert_eq!(blank.span(), Some(7..11));
        assert_eq!(
            toml::from_str::<Named>("name = \"Ada\"").unwrap().name,
            "Ada"
        );
    }
}
