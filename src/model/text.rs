//! Text a content file must fill in: a required key written as `""` (or only spaces), often a
//! placeholder left in a copied file, would publish an empty heading, table cell or paragraph.
//! It is refused where it is written, at the value, like any other bad value.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

/// What a blank required text is called in `check`'s message; the hint is keyed on it.
pub const BLANK: &str = "this text is blank";

/// What a blank optional text is called in `check`'s message: one to write or leave out.
pub const BLANK_OPTIONAL: &str = "this optional text is blank";

/// Deserializes an optional text given in the file, refusing a blank one: an empty heading or
/// auditor is never what a key written out meant (with `#[serde(default)]` for an absent key).
pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.trim().is_empty() {
        Err(D::Error::custom(BLANK_OPTIONAL))
    } else {
        Ok(Some(text))
    }
}

/// What a list with a blank item is called in `check`'s message.
pub const BLANK_ITEM: &str = "a list item is blank";

/// Deserializes a list of texts, refusing a blank item: `data_categories = ["Names", ""]` would
/// publish an empty bullet or table entry.
pub fn items<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let items = Vec::<String>::deserialize(deserializer)?;
    if items.iter().any(|i| i.trim().is_empty()) {
        Err(D::Error::custom(BLANK_ITEM))
    } else {
        Ok(items)
    }
}

/// Deserializes a required text, refusing a blank one (`#[serde(deserialize_with = …)]`).
pub fn required<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.trim().is_empty() {
        Err(D::Error::custom(BLANK))
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
        assert_eq!(blank.message(), super::BLANK_OPTIONAL);
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
        assert_eq!(blank.message(), super::BLANK_ITEM);
    }

    #[test]
    fn a_blank_text_is_refused_at_its_value_and_words_pass() {
        let blank = toml::from_str::<Named>("name = \"  \"\n").unwrap_err();
        assert_eq!(blank.message(), super::BLANK);
        assert_eq!(blank.span(), Some(7..11));
        assert_eq!(
            toml::from_str::<Named>("name = \"Ada\"").unwrap().name,
            "Ada"
        );
    }
}
