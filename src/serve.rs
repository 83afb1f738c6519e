//! A local static host for previews and tests, behaving like the hosts a trust center is deployed
//! to: directory paths serve their `index.html`, a directory path without its trailing slash is
//! redirected, unknown paths get `404.html` with status 404, and a precompressed `.br` or `.gz`
//! sibling is served when the client accepts it. Like Netlify and Cloudflare Pages, it applies
//! the site's `_headers` file (so previews and tests run under the site's real
//! Content-Security-Policy) and does not serve it.
//!
//! A site built for a path of its host (`site_url = "https://example.com/trust/"`) is served
//! under that path, as its host will serve it: the path is its `_headers` file's rule for every
//! page (`/trust/*`). The host's root then redirects there, and any other path is not found.
//!
//! HTTP is hyper's, on a Tokio runtime owned by the host, so callers stay synchronous. Every
//! connection is served by its own task for as long as it stays open: browsers open several
//! keep-alive connections at once, and a request on one must never wait for another to close.
//! (The previous host, tiny_http, could queue a new connection behind an open one, and the first
//! page a fresh browser loaded then never finished loading.)

use std::convert::Infallible;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, ACCEPT_ENCODING, CONTENT_LENGTH};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode, Uri};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::runtime::Runtime;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site directory does not exist.
    #[error("{0}: no such directory; run `make build` first")]
    NoSite(PathBuf),
    /// Binding the address failed.
    #[error("cannot listen on {addr}: {reason}")]
    Bind {
        /// The address asked for.
        addr: String,
        /// Why.
        reason: String,
    },
    /// The async runtime that serves connections could not be started.
    #[error("cannot start the server's runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

/// A bound server, ready to answer requests.
pub struct StaticHost {
    runtime: Runtime,
    listener: TcpListener,
    site: Arc<Site>,
}

/// What every request needs to know.
struct Site {
    root: PathBuf,
    /// The path the site is served under (`/trust`; empty at the root).
    base: String,
    log: bool,
    /// Path patterns (`/*`, `/faq/`) with the headers `_headers` gives them.
    rules: Vec<(String, Vec<(String, String)>)>,
}

impl StaticHost {
    /// Binds `addr` (e.g. `127.0.0.1:8080`, or port 0 for any free port) to serve `root`.
    pub fn bind(root: &Path, addr: &str, log: bool) -> Result<StaticHost, ServeError> {
        if !root.is_dir() {
            return Err(ServeError::NoSite(root.to_owned()));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(ServeError::Runtime)?;
        let bind_error = |e: std::io::Error| ServeError::Bind {
            addr: addr.to_owned(),
            reason: e.to_string(),
        };
        // Bound with std so that `addr` is resolved and bound right here, synchronously; Tokio
        // takes the socket over (in non-blocking mode, inside the runtime) to accept on it.
        let listener = std::net::TcpListener::bind(addr).map_err(bind_error)?;
        listener.set_nonblocking(true).map_err(bind_error)?;
        let listener = {
            let _in_runtime = runtime.enter();
            TcpListener::from_std(listener).map_err(bind_error)?
        };
        let rules = header_rules(root);
        Ok(StaticHost {
            runtime,
            listener,
            site: Arc::new(Site {
                root: root.to_owned(),
                base: base_path(&rules).to_owned(),
                log,
                rules,
            }),
        })
    }

    /// The path the site is served under: `/trust` for a site built for
    /// `https://example.com/trust/`, empty for one at its host's root.
    pub fn base(&self) -> &str {
        &self.site.base
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map_or(0, |a| a.port())
    }

    /// Answers requests until the process ends.
    ///
    /// Each connection gets its own task, so a request is never queued behind another
    /// connection, however long that one is kept alive; responses are written asynchronously,
    /// so a browser that stops reading one large response (a preloaded Wasm module) until
    /// another (the script that uses it) has arrived holds up nothing else either.
    pub fn run(self) {
        let StaticHost {
            runtime,
            listener,
            site,
        } = self;
        runtime.block_on(async move {
            loop {
                let stream = match listener.accept().await {
                    Ok((stream, _)) => stream,
                    // A connection that failed before it was accepted concerns nobody else. Out
                    // of file descriptors, accept fails at once until one is closed: wait a
                    // little rather than spin.
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                };
                let site = site.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| respond(site.clone(), request));
                    // A client that goes away mid-response is not an error of the host.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    }
}

/// Answers one request.
async fn respond(
    site: Arc<Site>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let method = request.method().clone();
    let uri = request.uri().clone();
    let accepts = request
        .headers()
        .get(ACCEPT_ENCODING)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let answer = if method == Method::GET || method == Method::HEAD {
        // Files are read with blocking std::fs, off the threads that drive connections.
        let (site, uri) = (site.clone(), uri.clone());
        tokio::task::spawn_blocking(move || match under(&site.base, uri.path()) {
            Some(path) => answer(&site.root, &uri, path, &accepts),
            // The host's root leads to the site; its path without the slash is its directory.
            None if uri.path() == "/" || uri.path() == site.base => {
                let mut a = Answer::status(if uri.path() == "/" { 302 } else { 301 });
                a.headers.push(("Location", format!("{}/", site.base)));
                a
            }
            None => not_found(&site.root, &accepts),
        })
        .await
        .unwrap_or_else(|_| Answer::status(500))
    } else {
        Answer::status(405)
    };
    if site.log {
        eprintln!("{method} {uri} {}", answer.status);
    }
    let mut headers: Vec<(&str, &str)> = answer
        .headers
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    for (pattern, rule) in &site.rules {
        let applies = match pattern.strip_suffix('*') {
            Some(prefix) => uri.path().starts_with(prefix),
            None => uri.path() == pattern,
        };
        if applies {
            for (name, value) in rule {
                // As on Netlify and Cloudflare Pages, a header the file names replaces the one the
                // host would send (a file's Content-Type): sent twice, a client picks either.
                headers.retain(|(own, _)| !own.eq_ignore_ascii_case(name));
                headers.push((name.as_str(), value.as_str()));
            }
        }
    }
    let mut response =
        Response::builder().status(StatusCode::from_u16(answer.status).expect("a valid status"));
    for (name, value) in headers {
        response = response.header(name, value);
    }
    let body = if method == Method::HEAD {
        // The length a GET would get, without the body.
        response = response.header(CONTENT_LENGTH, answer.body.len());
        Bytes::new()
    } else {
        Bytes::from(answer.body)
    };
    Ok(response
        .body(Full::new(body))
        .expect("status and headers are valid"))
}

struct Answer {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn status(status: u16) -> Answer {
        Answer {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }
}

/// The rules of the site's `_headers` file: a line with a path pattern, then indented
/// `Name: value` lines (the format Netlify and Cloudflare Pages read). None without the file.
fn header_rules(root: &Path) -> Vec<(String, Vec<(String, String)>)> {
    let Ok(text) = fs::read_to_string(root.join("_headers")) else {
        return Vec::new();
    };
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            rules.push((trimmed.to_owned(), Vec::new()));
        } else if let (Some(rule), Some((name, value))) =
            (rules.last_mut(), trimmed.split_once(':'))
        {
            rule.1
                .push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    rules
}

/// The path a site reads for the request path `path` (`/trust/faq/` → `/faq/` under `/trust`);
/// `None` when it is outside the site.
fn under<'a>(base: &str, path: &'a str) -> Option<&'a str> {
    if base.is_empty() {
        return Some(path);
    }
    path.strip_prefix(base).filter(|rest| rest.starts_with('/'))
}

/// The path of the site's own `_headers` rule for every page (`/trust/*` → `/trust`): its
/// first, as the build writes it.
fn base_path(rules: &[(String, Vec<(String, String)>)]) -> &str {
    rules
        .first()
        .and_then(|(pattern, _)| pattern.strip_suffix("/*"))
        .unwrap_or("")
}

/// The answer to a GET of `uri`, which is `raw_path` on the site; `accepts` is the request's
/// Accept-Encoding, lowercased.
fn answer(root: &Path, uri: &Uri, raw_path: &str, accepts: &str) -> Answer {
    // The host's own configuration is not part of the site.
    if raw_path.starts_with("/_headers") {
        return not_found(root, accepts);
    }
    let Some(rel) = site_relative(raw_path) else {
        return not_found(root, accepts);
    };
    let path = root.join(&rel);
    if path.is_dir() {
        if !raw_path.ends_with('/') {
            let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
            let mut a = Answer::status(301);
            a.headers
                .push(("Location", format!("{}/{query}", uri.path())));
            return a;
        }
        return file(&path.join("index.html"), 200, accepts)
            .unwrap_or_else(|| not_found(root, accepts));
    }
    file(&path, 200, accepts).unwrap_or_else(|| not_found(root, accepts))
}

fn not_found(root: &Path, accepts: &str) -> Answer {
    file(&root.join("404.html"), 404, accepts).unwrap_or_else(|| Answer::status(404))
}

/// The decoded, normalised path below the root; `None` if it tries to leave it.
fn site_relative(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(url_path)
        .decode_utf8()
        .ok()?;
    let mut rel = PathBuf::new();
    for c in Path::new(decoded.as_ref()).components() {
        match c {
            Component::Normal(part) => rel.push(part),
            Component::RootDir | Component::CurDir => {}
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    Some(rel)
}

/// The file at `path`, or its precompressed sibling when the client accepts that encoding.
fn file(path: &Path, status: u16, accepts: &str) -> Option<Answer> {
    if !path.is_file() {
        return None;
    }
    let mut headers = vec![
        ("Content-Type", content_type(path)),
        ("Vary", "Accept-Encoding".to_owned()),
    ];
    let mut body = None;
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts
            .split(',')
            .any(|e| e.trim().split(';').next() == Some(encoding))
        {
            let sibling = PathBuf::from(format!("{}.{suffix}", path.display()));
            if let Ok(bytes) = fs::read(&sibling) {
                headers.push(("Content-Encoding", encoding.to_owned()));
                body = Some(bytes);
                break;
            }
        }
    }
    let body = match body {
        Some(b) => b,
        None => fs::read(path).ok()?,
    };
    Some(Answer {
        status,
        headers,
        body,
    })
}

/// The Content-Type a file goes out with, by its name; the build's `_headers` names the same
/// types for its feeds, calendars and exports, so that other hosts send them alike.
///
/// Every text the build writes is UTF-8, and says so: without a charset, Chromium shows an Atom
/// or RSS feed (`application/atom+xml`, `application/rss+xml`) as windows-1252, and "·" reads
/// "Â·". Images keep their bare type: an SVG names its own encoding, which a charset here would
/// override.
pub(crate) fn content_type(path: &Path) -> String {
    use mime_guess::mime;
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = match (mime.type_(), mime.subtype(), mime.suffix()) {
        (mime::TEXT, _, _) => true,
        (mime::APPLICATION, sub, suffix) => {
            sub == "javascript"
                || sub == mime::JSON
                || sub == mime::XML
                || suffix == Some(mime::JSON)
                || suffix == Some(mime::XML)
        }
        _ => false,
    };
    if text {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpStream;

    #[test]
    fn paths_cannot_leave_the_root() {
        assert_eq!(site_relative("/a/b/"), Some(PathBuf::from("a/b")));
        assert_eq!(site_relative("/a%20b"), Some(PathBuf::from("a b")));
        assert_eq!(site_relative("/../etc/passwd"), None);
        assert_eq!(site_relative("/a/%2e%2e/%2e%2e/x"), None);
    }

    /// A small site served on a free loopback port for the rest of the test process.
    fn serve_site() -> (tempfile::TempDir, u16) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("index.html"), "<p>home</p>").unwrap();
        fs::write(root.join("404.html"), "<p>missing</p>").unwrap();
        fs::create_dir(root.join("faq")).unwrap();
        fs::write(root.join("faq/index.html"), "<p>faq</p>").unwrap();
        fs::write(root.join("app.js"), "plain").unwrap();
        fs::write(root.join("app.js.br"), "brotli").unwrap();
        fs::write(root.join("app.js.gz"), "gzip").unwrap();
        let host = StaticHost::bind(root, "127.0.0.1:0", false).unwrap();
        let port = host.port();
        std::thread::spawn(move || host.run());
        (dir, port)
    }

    fn connect(port: u16) -> BufReader<TcpStream> {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        // A request left waiting fails the test instead of hanging it.
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        BufReader::new(stream)
    }

    /// The status, lowercased headers and body of one response read from `conn`.
    fn read_response(conn: &mut BufReader<TcpStream>, head: bool) -> (u16, Vec<String>, String) {
        let mut line = String::new();
        conn.read_line(&mut line).expect("a status line in time");
        let status = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut headers = Vec::new();
        loop {
            line.clear();
            conn.read_line(&mut line).unwrap();
            if line.trim_end().is_empty() {
                break;
            }
            headers.push(line.trim_end().to_ascii_lowercase());
        }
        let length: usize = headers
            .iter()
            .find_map(|h| h.strip_prefix("content-length: "))
            .map_or(0, |n| n.parse().unwrap());
        let mut body = vec![0; if head { 0 } else { length }];
        conn.read_exact(&mut body).unwrap();
        (status, headers, String::from_utf8(body).unwrap())
    }

    fn get(port: u16, request: &str) -> (u16, Vec<String>, String) {
        let mut conn = connect(port);
        write!(
            conn.get_mut(),
            "{request}\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        read_response(&mut conn, request.starts_with("HEAD"))
    }

    /// A site built for `https://example.com/trust/` is served at `/trust/`, as its host will.
    #[test]
    fn a_site_built_for_a_path_of_its_host_is_served_under_it() {
        let (dir, _) = serve_site();
        fs::write(
            dir.path().join("_headers"),
            "/trust/*\n  X-Frame-Options: DENY\n/trust/app.js\n  Content-Type: text/plain\n",
        )
        .unwrap();
        let host = StaticHost::bind(dir.path(), "127.0.0.1:0", false).unwrap();
        assert_eq!(host.base(), "/trust");
        let port = host.port();
        std::thread::spawn(move || host.run());

        let (status, headers, _) = get(port, "GET / HTTP/1.1");
        assert_eq!(status, 302);
        assert!(headers.contains(&"location: /trust/".to_owned()));
        let (status, headers, _) = get(port, "GET /trust HTTP/1.1");
        assert_eq!(status, 301);
        assert!(headers.contains(&"location: /trust/".to_owned()));
        let (status, headers, body) = get(port, "GET /trust/ HTTP/1.1");
        assert_eq!((status, body.as_str()), (200, "<p>home</p>"));
        assert!(headers.contains(&"x-frame-options: deny".to_owned()));
        let (status, headers, _) = get(port, "GET /trust/faq?x=1 HTTP/1.1");
        assert_eq!(status, 301);
        assert!(headers.contains(&"location: /trust/faq/?x=1".to_owned()));
        assert_eq!(get(port, "GET /trust/faq/ HTTP/1.1").2, "<p>faq</p>");
        let (_, headers, _) = get(port, "GET /trust/app.js HTTP/1.1");
        assert!(headers.contains(&"content-type: text/plain".to_owned()));
        for outside in ["/faq/", "/trusted/", "/app.js"] {
            let (status, _, body) = get(port, &format!("GET {outside} HTTP/1.1"));
            assert_eq!(
                (status, body.as_str()),
                (404, "<p>missing</p>"),
                "{outside}"
            );
        }
    }

    #[test]
    fn serves_like_a_static_host() {
        let (_dir, port) = serve_site();
        let (status, headers, body) = get(port, "GET / HTTP/1.1");
        assert_eq!((status, body.as_str()), (200, "<p>home</p>"));
        assert!(headers.contains(&"content-type: text/html; charset=utf-8".to_owned()));

        let (status, headers, _) = get(port, "GET /faq?x=1 HTTP/1.1");
        assert_eq!(status, 301);
        assert!(headers.contains(&"location: /faq/?x=1".to_owned()));
        assert_eq!(get(port, "GET /faq/ HTTP/1.1").2, "<p>faq</p>");

        let (status, _, body) = get(port, "GET /nothing/here HTTP/1.1");
        assert_eq!((status, body.as_str()), (404, "<p>missing</p>"));
        assert_eq!(get(port, "GET /../index.html HTTP/1.1").0, 404);
        assert_eq!(get(port, "GET /%2e%2e/index.html HTTP/1.1").0, 404);
        assert_eq!(get(port, "POST / HTTP/1.1").0, 405);

        let (_, headers, body) = get(port, "GET /app.js HTTP/1.1\r\nAccept-Encoding: gzip, br");
        assert_eq!(body, "brotli");
        assert!(headers.contains(&"content-encoding: br".to_owned()));
        assert!(headers.contains(&"content-type: text/javascript; charset=utf-8".to_owned()));
        let (_, headers, body) = get(port, "GET /app.js HTTP/1.1\r\nAccept-Encoding: gzip");
        assert_eq!(body, "gzip");
        assert!(headers.contains(&"content-encoding: gzip".to_owned()));
        let (_, headers, body) = get(port, "GET /app.js HTTP/1.1");
        assert_eq!(body, "plain");
        assert!(!headers.iter().any(|h| h.starts_with("content-encoding")));

        let (status, headers, _) = get(port, "HEAD / HTTP/1.1");
        assert_eq!(status, 200);
        assert!(headers.contains(&"content-length: 11".to_owned()));
    }

    #[test]
    fn texts_say_they_are_utf_8_and_images_keep_their_own_encoding() {
        for (name, expected) in [
            ("feed.atom", "application/atom+xml; charset=utf-8"),
            ("feed.rss", "application/rss+xml; charset=utf-8"),
            ("feed.json", "application/json; charset=utf-8"),
            ("dates.ics", "text/calendar; charset=utf-8"),
            ("list.csv", "text/csv; charset=utf-8"),
            ("security.txt", "text/plain; charset=utf-8"),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("logo.svg", "image/svg+xml"),
            ("app.wasm", "application/wasm"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn a_type_from_the_headers_file_replaces_the_hosts_own() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("feed.atom"), "<feed/>").unwrap();
        fs::write(
            root.join("_headers"),
            "/*\n  X-Frame-Options: DENY\n/feed.atom\n  Content-Type: application/atom+xml; charset=x-test\n",
        )
        .unwrap();
        let host = StaticHost::bind(root, "127.0.0.1:0", false).unwrap();
        let port = host.port();
        std::thread::spawn(move || host.run());
        let (status, headers, _) = get(port, "GET /feed.atom HTTP/1.1");
        assert_eq!(status, 200);
        let types: Vec<&String> = headers
            .iter()
            .filter(|h| h.starts_with("content-type:"))
            .collect();
        assert_eq!(
            types,
            ["content-type: application/atom+xml; charset=x-test"]
        );
        assert!(headers.contains(&"x-frame-options: deny".to_owned()));
    }

    /// Browsers open several keep-alive connections at once; a request on one must be answered
    /// while the others stay open.
    #[test]
    fn open_connections_do_not_hold_up_others() {
        let (_dir, port) = serve_site();
        // All opened and asked at once, as a browser does: the host must not queue any of them.
        let mut kept: Vec<_> = (0..8).map(|_| connect(port)).collect();
        for conn in &mut kept {
            write!(conn.get_mut(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        }
        for conn in kept.iter_mut().rev() {
            assert_eq!(read_response(conn, false).0, 200);
        }
        assert_eq!(get(port, "GET /faq/ HTTP/1.1").0, 200);
        // And the kept connections still answer.
        for conn in &mut kept {
            write!(conn.get_mut(), "GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            assert_eq!(read_response(conn, false).2, "plain");
        }
    }
}
