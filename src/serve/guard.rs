//! Who may talk to the server. A copy editor's `copydesk serve` listens on their own machine,
//! and every web page they open can send requests to it: a form posting `text/plain` needs no
//! permission from the browser, and a page whose name an attacker points at 127.0.0.1 (DNS
//! rebinding) is "same-origin" with it. So every request is checked before it is read:
//!
//! - its `Host` must be a name the server answers to: the address it listens on and, on
//!   loopback, `localhost`, `127.0.0.1` and `[::1]`, each with the port; `--allow-host` adds
//!   others. On an unspecified address (`0.0.0.0`, `[::]`) any IP address with the port is
//!   accepted, since only a name can be rebound;
//! - an `Origin`, when a browser sends one, must be the server's own (`http://` and an accepted
//!   host) or one named by `--allow-origin`, which also get CORS headers;
//! - a `POST` must say `Content-Type: application/json`, which a page of another origin cannot
//!   send without the browser first asking the server, which answers no.
//!
//! Tools that are not browsers (a CMS, curl) send no `Origin` and are not affected.

use super::api::ApiError;
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use std::net::{IpAddr, SocketAddr};

/// The hosts and origins a server accepts.
#[derive(Debug, Clone)]
pub struct Guard {
    port: u16,
    /// Accepted `Host` values, lower-case, each with the port.
    hosts: Vec<String>,
    /// Whether any IP address (with the port) is an accepted host: an unspecified listen address.
    any_address: bool,
    /// Origins named by `--allow-origin`, lower-case, without a trailing slash.
    allowed_origins: Vec<String>,
}

/// The longest piece of a refused header quoted back in an error.
const QUOTED: usize = 80;

impl Guard {
    /// The guard of a server bound to `listen` (its real port, once bound).
    pub fn new(listen: SocketAddr, allow_hosts: &[String], allow_origins: &[String]) -> Guard {
        let port = listen.port();
        let mut names = vec![match listen.ip() {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        }];
        if listen.ip().is_loopback() {
            names.extend(["localhost", "127.0.0.1", "[::1]"].map(str::to_owned));
        }
        let mut hosts: Vec<String> = Vec::new();
        for name in names {
            hosts.push(format!("{name}:{port}"));
        }
        for host in allow_hosts {
            let host = host.trim().to_ascii_lowercase();
            hosts.push(if has_port(&host) {
                host
            } else {
                format!("{host}:{port}")
            });
        }
        hosts.dedup();
        Guard {
            port,
            hosts,
            any_address: listen.ip().is_unspecified(),
            allowed_origins: allow_origins.iter().map(|o| normal_origin(o)).collect(),
        }
    }

    /// The origins named by `--allow-origin`, as given (for the CORS headers).
    pub fn allowed_origins(&self) -> &[String] {
        &self.allowed_origins
    }

    /// Whether a request with this method and these headers may be served.
    pub fn admit(&self, method: &Method, headers: &HeaderMap) -> Result<(), ApiError> {
        self.accepted_host(headers)?;
        if let Some(origin) = headers.get(ORIGIN) {
            self.accepted_origin(origin)?;
        }
        if method == Method::POST {
            json_content(headers)?;
        }
        Ok(())
    }

    /// Whether the server answers to the request's `Host`.
    fn accepted_host(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(value) = headers.get(HOST) else {
            return Err(forbidden(
                "the request names no `Host`; send HTTP/1.1 with a Host header",
            ));
        };
        let host = value.to_str().unwrap_or("").trim().to_ascii_lowercase();
        let host = match (has_port(&host), self.port) {
            (false, 80) => format!("{host}:80"),
            _ => host,
        };
        if self.hosts.contains(&host) || (self.any_address && self.is_address(&host)) {
            return Ok(());
        }
        Err(forbidden(format!(
            "this server answers requests for {}, not for `{}`: a web page may be reaching it \
             under another name (DNS rebinding); start it with `--allow-host NAME` to accept a \
             name of your own",
            self.hosts.join(", "),
            quoted(value)
        )))
    }

    /// Whether `host` is an IP address with the server's port.
    fn is_address(&self, host: &str) -> bool {
        let Some((address, port)) = host.rsplit_once(':') else {
            return false;
        };
        let address = address.trim_start_matches('[').trim_end_matches(']');
        port == self.port.to_string() && address.parse::<IpAddr>().is_ok()
    }

    /// Whether a browser's `Origin` is the server's own (a page it served, under any name it
    /// answers to) or one allowed by name.
    fn accepted_origin(&self, origin: &HeaderValue) -> Result<(), ApiError> {
        let given = normal_origin(origin.to_str().unwrap_or(""));
        let own = given.strip_prefix("http://").is_some_and(|host| {
            let host = if has_port(host) {
                host.to_owned()
            } else {
                format!("{host}:80")
            };
            self.hosts.contains(&host) || (self.any_address && self.is_address(&host))
        });
        if own || self.allowed_origins.contains(&given) {
            return Ok(());
        }
        Err(forbidden(format!(
            "requests from web pages at other origins are refused (`Origin: {}`): a page you \
             open must not be able to send your drafts here; start the server with \
             `--allow-origin ORIGIN` to accept a newsroom tool's",
            quoted(origin)
        )))
    }
}

/// Whether a POST says its body is JSON.
fn json_content(headers: &HeaderMap) -> Result<(), ApiError> {
    let essence = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<mime::Mime>().ok())
        .map(|mime| mime.essence_str().to_owned());
    if essence.as_deref() == Some("application/json") {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "send the request as JSON, with `Content-Type: application/json`",
    ))
}

fn forbidden(message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::FORBIDDEN, message)
}

/// Whether a host value ends in a port (`name:8480`, `[::1]:8480`; not `name`, not `[::1]`).
fn has_port(host: &str) -> bool {
    let port = match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split_once("]:").map(|(_, port)| port),
        None => host.split_once(':').map(|(_, port)| port),
    };
    port.is_some_and(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()))
}

/// An origin as compared: lower-case, no trailing slash.
fn normal_origin(origin: &str) -> String {
    origin.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// A header value as quoted back in an error: printable, and short.
fn quoted(value: &HeaderValue) -> String {
    let text = String::from_utf8_lossy(value.as_bytes());
    let mut quoted: String = text
        .chars()
        .filter(|c| !c.is_control())
        .take(QUOTED)
        .collect();
    if text.chars().count() > QUOTED {
        quoted.push('…');
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).expect("a header value"));
        }
        map
    }

    fn status(guard: &Guard, method: Method, pairs: &[(&'static str, &str)]) -> u16 {
        match guard.admit(&method, &headers(pairs)) {
            Ok(()) => 200,
            Err(error) => error.status.as_u16(),
        }
    }

    const JSON: (&str, &str) = ("content-type", "application/json; charset=utf-8");

    #[test]
    fn loopback_answers_its_own_names_only() {
        let guard = Guard::new("127.0.0.1:8480".parse().expect("an address"), &[], &[]);
        for host in [
            "localhost:8480",
            "127.0.0.1:8480",
            "[::1]:8480",
            "LOCALHOST:8480",
        ] {
            assert_eq!(
                status(&guard, Method::POST, &[("host", host), JSON]),
                200,
                "{host}"
            );
        }
        for host in [
            "evil.example:8480",
            "localhost:8481",
            "localhost",
            "127.0.0.2:8480",
        ] {
            assert_eq!(
                status(&guard, Method::POST, &[("host", host), JSON]),
                403,
                "{host}"
            );
        }
        assert_eq!(status(&guard, Method::GET, &[]), 403, "no Host");
    }

    #[test]
    fn other_origins_are_refused_unless_allowed() {
        let allowed = ["https://cms.example/".to_owned()];
        let guard = Guard::new("127.0.0.1:8480".parse().expect("an address"), &[], &allowed);
        let host = ("host", "localhost:8480");
        for origin in [
            "http://localhost:8480",
            "http://127.0.0.1:8480",
            "https://CMS.example",
        ] {
            assert_eq!(
                status(&guard, Method::POST, &[host, JSON, ("origin", origin)]),
                200
            );
        }
        for origin in [
            "http://evil.example",
            "null",
            "http://localhost:9",
            "https://localhost:8480",
        ] {
            assert_eq!(
                status(&guard, Method::POST, &[host, JSON, ("origin", origin)]),
                403,
                "{origin}"
            );
        }
    }

    #[test]
    fn a_post_must_be_json() {
        let guard = Guard::new("127.0.0.1:8480".parse().expect("an address"), &[], &[]);
        let host = ("host", "localhost:8480");
        for content in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
        ] {
            assert_eq!(
                status(&guard, Method::POST, &[host, ("content-type", content)]),
                415,
                "{content}"
            );
        }
        assert_eq!(status(&guard, Method::POST, &[host]), 415);
        assert_eq!(status(&guard, Method::GET, &[host]), 200);
    }

    #[test]
    fn named_hosts_and_unspecified_addresses() {
        let names = ["desk.newsroom.example".to_owned(), "proxy:9000".to_owned()];
        let guard = Guard::new("0.0.0.0:8480".parse().expect("an address"), &names, &[]);
        for host in [
            "desk.newsroom.example:8480",
            "proxy:9000",
            "10.1.2.3:8480",
            "[fe80::1]:8480",
        ] {
            assert_eq!(
                status(&guard, Method::GET, &[("host", host)]),
                200,
                "{host}"
            );
        }
        for host in [
            "evil.example:8480",
            "10.1.2.3:9999",
            "desk.newsroom.example:9000",
        ] {
            assert_eq!(
                status(&guard, Method::GET, &[("host", host)]),
                403,
                "{host}"
            );
        }
    }

    #[test]
    fn a_refusal_quotes_a_hostile_header_short() {
        let guard = Guard::new("127.0.0.1:8480".parse().expect("an address"), &[], &[]);
        let long = format!("{}.example", "a".repeat(5000));
        let Err(error) = guard.admit(&Method::GET, &headers(&[("host", &long)])) else {
            panic!("a long host is refused");
        };
        assert!(error.message.len() < 600, "{}", error.message.len());
    }
}
