//! Security headers for the static host: a `_headers` file in the format Netlify and Cloudflare
//! Pages read, and the same headers as nginx `add_header` lines.
//!
//! Both also give the feeds, calendars and exports their type with `charset=utf-8`, as
//! `trustctl serve` does: a host that sends `application/atom+xml` bare leaves the browser to
//! guess, and Chromium reads the UTF-8 feed as windows-1252 ("supplierâ€™s").
//!
//! The Content-Security-Policy allows scripts only from the site itself plus the inline loader
//! Trunk writes into every page, by its SHA-256 hash (no `'unsafe-inline'` for scripts), and
//! WebAssembly compilation (`'wasm-unsafe-eval'`). The site requests nothing from other hosts
//! except the subscribe endpoint, when one is configured. Styles may be inline: standalone
//! documents carry their stylesheet in the file.

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::model::Model;

use super::{answers, feeds, wellknown};

/// The Netlify / Cloudflare Pages headers file.
pub const HEADERS: &str = "/_headers";
/// The same headers for nginx (`include` it in the `server` block).
pub const NGINX_HEADERS: &str = "/_headers.nginx.conf";

/// Every response's security headers, in order. `templates` holds the app's page templates; each
/// distinct inline script in them is allowed by its hash.
pub fn security_headers(model: &Model, templates: &[&str]) -> Vec<(&'static str, String)> {
    let mut scripts: Vec<&str> = templates.iter().flat_map(|t| inline_scripts(t)).collect();
    scripts.sort_unstable();
    scripts.dedup();
    let hashes: String = scripts
        .iter()
        .map(|s| format!(" 'sha256-{}'", sha256_base64(s)))
        .collect();
    // The subscribe form posts to the service the trust center uses: its origin only.
    let subscribe = model
        .organization
        .subscribe
        .as_ref()
        .and_then(|s| origin(s.url.get_ref()))
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    let csp = format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'{subscribe}; worker-src 'self'; manifest-src 'self'; \
         form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    );
    vec![
        ("Content-Security-Policy", csp),
        (
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains".to_owned(),
        ),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        (
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_owned(),
        ),
        (
            "Permissions-Policy",
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), \
             microphone=(), payment=(), usb=(), interest-cohort=()"
                .to_owned(),
        ),
        ("Cross-Origin-Opener-Policy", "same-origin".to_owned()),
        ("X-Frame-Options", "DENY".to_owned()),
    ]
}

/// The site's own files for tools rather than browsers, by path: the ones whose type and charset
/// `_headers` states. Each path is listed as it is (the history's day-by-day exports are not: one
/// rule each would grow without end, and Cloudflare Pages takes 100 rules at most); the host's
/// own types for `.csv` and `.json` are right, only a charset may be missing.
const TYPED_FILES: &[&str] = &[
    feeds::CHANGES_ATOM,
    feeds::CHANGES_RSS,
    feeds::CHANGES_JSON,
    feeds::UPDATES_ATOM,
    feeds::UPDATES_RSS,
    feeds::UPDATES_JSON,
    feeds::CHANGES_ICS,
    feeds::CERTIFICATIONS_ICS,
    feeds::SUBPROCESSORS_CSV,
    feeds::SUBPROCESSORS_JSON,
    answers::ANSWERS_CSV,
    answers::ANSWERS_JSON,
    crate::site::TRUST_JSON_PATH,
    wellknown::SECURITY_TXT,
    wellknown::SECURITY_TXT_LEGACY,
];

/// `_headers`: every path gets the security headers, and each of [`TYPED_FILES`] its type as
/// `trustctl serve` sends it (a type set here replaces the host's own). Paths are the host's:
/// under the site's base path `base` (`/trust`; empty at the host's root).
pub fn headers_file(headers: &[(&str, String)], base: &str) -> String {
    let mut out =
        format!("# Security headers for every path (Netlify, Cloudflare Pages).\n{base}/*\n");
    for (name, value) in headers {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str(
        "# Feeds, calendars and exports: their type, with the charset hosts may leave out.\n",
    );
    for path in TYPED_FILES {
        let content_type = crate::serve::content_type(std::path::Path::new(path));
        out.push_str(&format!("{base}{path}\n  Content-Type: {content_type}\n"));
    }
    out
}

/// The same headers as nginx directives (`always`: on error pages too), for the `server` block
/// of a site at its host's root, or the `location` of one under the path `base` (`/trust`): the
/// policy would otherwise apply to the host's other pages.
pub fn nginx_file(headers: &[(&str, String)], base: &str) -> String {
    let mut out = if base.is_empty() {
        String::from(
            "# Security headers for nginx: `include` this file in the trust center's server block.\n",
        )
    } else {
        format!(
            "# Security headers for nginx: `include` this file in the `location {base}/` block that serves the trust center.\n"
        )
    };
    for (name, value) in headers {
        out.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }
    out.push_str(NGINX_TYPES);
    out
}

/// nginx's part of what [`TYPED_FILES`] are to `_headers`. nginx adds a charset only to the types
/// `charset_types` lists (and `text/html`), and its `mime.types` has no `.ics` or `.csv`, which
/// it would send as `application/octet-stream`. `types` is not extended but replaced where it is
/// set, so it is set only for those two extensions.
const NGINX_TYPES: &str = "\
# Feeds, calendars and exports are UTF-8: say so (nginx adds a charset only to these types).
charset utf-8;
charset_types text/plain text/css text/xml text/csv text/calendar application/javascript application/json application/atom+xml application/rss+xml;
# nginx's mime.types knows neither .ics nor .csv.
location ~ \\.(ics|csv)$ {
    types { text/calendar ics; text/csv csv; }
}
";

/// The contents of the inline `<script>` elements of an HTML document (those without `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&body[..close]);
        }
        rest = &body[close..];
    }
    out
}

fn sha256_base64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// `scheme://host[:port]` of an absolute URL.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_hashed_as_browsers_do() {
        let html =
            "<head><script type=\"module\">alert(1)</script><script src=\"/a.js\"></script></head>";
        assert_eq!(inline_scripts(html), ["alert(1)"]);
        // The CSP hash of `alert(1)`, as browsers compute it over the script's exact text.
        assert_eq!(
            sha256_base64("alert(1)"),
            "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
    }

    #[test]
    fn origins_drop_the_path() {
        assert_eq!(
            origin("https://forms.example.com/hooks/trust?x=1").as_deref(),
            Some("https://forms.example.com")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080/x").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin("not a url"), None);
    }
}
