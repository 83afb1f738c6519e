//! `search.toml` (optional): how site search reads the content.

use schemars::JsonSchema;
use serde::Deserialize;

/// `search.toml`.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Groups of words or phrases that mean the same to your readers, added to the built-in
    /// list (SSO / single sign-on, MFA / 2FA, DPA / AVV, pentest / penetration test …). A search
    /// for any member finds text that uses any other, e.g.
    /// `[["quillsync", "desktop sync"], ["e-invoicing", "peppol"]]`.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}
