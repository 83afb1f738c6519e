//! A local static host for previews and tests, behaving like the hosts a trust center is deployed
//! to: directory paths serve their `index.html`, a directory path without its trailing slash is
//! redirected, unknown paths get `404.html` with status 404, and a precompressed `.br` or `.gz`
//! sibling is served when the client accepts it.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

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
}

/// A bound server, ready to answer requests.
pub struct StaticHost {
    server: Server,
    root: PathBuf,
    log: bool,
}

impl StaticHost {
    /// Binds `addr` (e.g. `127.0.0.1:8080`, or port 0 for any free port) to serve `root`.
    pub fn bind(root: &Path, addr: &str, log: bool) -> Result<StaticHost, ServeError> {
        if !root.is_dir() {
            return Err(ServeError::NoSite(root.to_owned()));
        }
        let server = Server::http(addr).map_err(|e| ServeError::Bind {
            addr: addr.to_owned(),
            reason: e.to_string(),
        })?;
        Ok(StaticHost {
            server,
            root: root.to_owned(),
            log,
        })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.server.server_addr().to_ip().map_or(0, |a| a.port())
    }

    /// Answers requests until the process ends.
    ///
    /// Each response is written on its own thread: a browser may stop reading one large
    /// response (a preloaded Wasm module) until another (the script that uses it) has arrived,
    /// and a single writer would wait for it forever.
    pub fn run(self) {
        let root = std::sync::Arc::new(self.root);
        for request in self.server.incoming_requests() {
            let root = root.clone();
            let log = self.log;
            std::thread::spawn(move || {
                let method = request.method().clone();
                let url = request.url().to_owned();
                let status = respond(&root, request);
                if log {
                    eprintln!("{method} {url} {status}");
                }
            });
        }
    }
}

/// Serves one request; returns the status sent.
fn respond(root: &Path, request: Request) -> u16 {
    let result = match request.method() {
        Method::Get | Method::Head => answer(root, &request),
        _ => Answer::status(405),
    };
    let status = result.status;
    let response = Response::new(
        StatusCode(status),
        result.headers,
        io::Cursor::new(if *request.method() == Method::Head {
            Vec::new()
        } else {
            result.body
        }),
        None,
        None,
    );
    let _ = request.respond(response);
    status
}

struct Answer {
    status: u16,
    headers: Vec<Header>,
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}

fn answer(root: &Path, request: &Request) -> Answer {
    let raw_path = request.url().split(['?', '#']).next().unwrap_or("/");
    let Some(rel) = site_relative(raw_path) else {
        return not_found(root, request);
    };
    let path = root.join(&rel);
    if path.is_dir() {
        if !raw_path.ends_with('/') {
            let query = request.url().strip_prefix(raw_path).unwrap_or("");
            let mut a = Answer::status(301);
            a.headers
                .push(header("Location", &format!("{raw_path}/{query}")));
            return a;
        }
        return file(&path.join("index.html"), 200, request)
            .unwrap_or_else(|| not_found(root, request));
    }
    file(&path, 200, request).unwrap_or_else(|| not_found(root, request))
}

fn not_found(root: &Path, request: &Request) -> Answer {
    file(&root.join("404.html"), 404, request).unwrap_or_else(|| Answer::status(404))
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
fn file(path: &Path, status: u16, request: &Request) -> Option<Answer> {
    if !path.is_file() {
        return None;
    }
    let accepts = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Accept-Encoding"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    let mut headers = vec![
        header("Content-Type", &content_type(path)),
        header("Vary", "Accept-Encoding"),
    ];
    let mut body = None;
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts
            .split(',')
            .any(|e| e.trim().split(';').next() == Some(encoding))
        {
            let sibling = PathBuf::from(format!("{}.{suffix}", path.display()));
            if let Ok(bytes) = fs::read(&sibling) {
                headers.push(header("Content-Encoding", encoding));
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

fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    match mime.type_() {
        mime_guess::mime::TEXT => format!("{mime}; charset=utf-8"),
        _ if mime.subtype() == "javascript" || mime.subtype() == "json" => {
            format!("{mime}; charset=utf-8")
        }
        _ => mime.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_root() {
        assert_eq!(site_relative("/a/b/"), Some(PathBuf::from("a/b")));
        assert_eq!(site_relative("/a%20b"), Some(PathBuf::from("a b")));
        assert_eq!(site_relative("/../etc/passwd"), None);
        assert_eq!(site_relative("/a/%2e%2e/%2e%2e/x"), None);
    }
}
