//! Security headers for the static host: a `_headers` file in the format Netlify and Cloudflare
//! Pages read, and the same headers as nginx `add_header` lines.
//!
//! The Content-Security-Policy allows scripts only from the site itself plus the inline loader
//! Trunk writes into every page, by its SHA-256 hash (no `'unsafe-inline'` for scripts), and
//! WebAssembly compilation (`'wasm-unsafe-eval'`). The site requests nothing from other hosts
//! except the subscribe endpoint, when one is configured. Styles may be inline: standalone
//! documents carry their stylesheet in the file.

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::model::Model;

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

/// `_headers`: every path gets the security headers.
pub fn headers_file(headers: &[(&str, String)]) -> String {
    let mut out =
        String::from("# Security headers for every path (Netlify, Cloudflare Pages).\n/*\n");
    for (name, value) in headers {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out
}

/// The same headers as nginx directives (`always`: on error pages too).
pub fn nginx_file(headers: &[(&str, String)]) -> String {
    let mut out = String::from(
        "# Security headers for nginx: `include` this file in the trust center's server block.\n",
    );
    for (name, value) in headers {
        out.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }
    out
}

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
