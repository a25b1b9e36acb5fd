//! `cargo run --example client`: an SDK-shaped client against a mock server of its own on
//! 127.0.0.1 that answers with each platform's real response envelopes. The client reads
//! each response with `from_response`, and lets `errcodes::retry` decide what to do.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use errcodes::platforms::aliexpress::AliexpressError;
use errcodes::platforms::tiktok_local_services::TiktokLocalServicesError;
use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::platforms::wechat_shop::WechatShopError;
use errcodes::platforms::wechat_transaction::WechatTransactionError;
use errcodes::response::ResponseError;
use errcodes::retry::{Decision, Policy};
use errcodes::PlatformError;

// An SDK's own spec beside the shipped ones: WeChat's global codes (token expiry and the
// like), which any WeChat API may return.
errcodes::platform_errors!("examples/specs/wechat_global.yaml");

/// How a response body is read: `Ok(None)` for success.
type Reader = fn(&[u8]) -> Result<Option<Box<dyn PlatformError>>, ResponseError>;

fn boxed<E: PlatformError + 'static>(
    read: Result<Option<E>, ResponseError>,
) -> Result<Option<Box<dyn PlatformError>>, ResponseError> {
    read.map(|error| error.map(|error| Box::new(error) as Box<dyn PlatformError>))
}

/// A WeChat component's table first; WeChat's global codes for what it does not know.
fn wechat<E: PlatformError + 'static>(
    body: &[u8],
    component: fn(&[u8]) -> Result<Option<E>, ResponseError>,
) -> Result<Option<Box<dyn PlatformError>>, ResponseError> {
    match component(body)? {
        Some(error) if error.is_unknown() => boxed(WechatGlobalError::from_response(body)),
        error => boxed(Ok(error)),
    }
}

struct Call {
    platform: &'static str,
    what: &'static str,
    path: &'static str,
    read: Reader,
}

const CALLS: &[Call] = &[
    Call {
        platform: "wechat_transaction",
        what: "add a product with a stale access token",
        path: "/shop/spu/add",
        read: |body| wechat(body, WechatTransactionError::from_response),
    },
    Call {
        platform: "wechat_shop",
        what: "get an order while rate limited",
        path: "/product/order/get",
        read: |body| wechat(body, WechatShopError::from_response),
    },
    Call {
        platform: "wangdiantong",
        what: "query trades, rate limited for five minutes",
        path: "/openapi2/trade_query.php",
        read: |body| boxed(WangdiantongError::from_response(body)),
    },
    Call {
        platform: "wangdiantong",
        what: "push goods whose spec_no is taken",
        path: "/openapi2/goods_push.php",
        read: |body| boxed(WangdiantongError::from_response(body)),
    },
    Call {
        platform: "tiktok_local_services",
        what: "redeem a voucher; the first response is lost to a database error",
        path: "/v2/localservice/saas/fulfill/redeem_code/",
        read: |body| boxed(TiktokLocalServicesError::from_response(body)),
    },
    Call {
        platform: "aliexpress",
        what: "fulfil an order during a system error",
        path: "/sync?method=aliexpress.solution.order.fulfill",
        read: |body| boxed(AliexpressError::from_response(body)),
    },
    Call {
        platform: "aliexpress",
        what: "query an order through a failing gateway",
        path: "/sync?method=aliexpress.solution.order.info.get",
        read: |body| boxed(AliexpressError::from_response(body)),
    },
];

/// The mock's answer to the `n`th call (from 1) of `path` made with `token`.
fn respond(path: &str, n: usize, token: &str) -> &'static str {
    match (path, n) {
        ("/cgi-bin/stable_token", _) => r#"{"access_token":"TOKEN-2","expires_in":7200}"#,
        ("/shop/spu/add", _) if token == "TOKEN-1" => {
            r#"{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 6565d0a2-4b7c6f1e-2a9e4f3d"}"#
        }
        ("/shop/spu/add", _) => {
            r#"{"errcode":0,"errmsg":"ok","data":{"product_id":10000039,"out_product_id":"1234566"}}"#
        }
        ("/product/order/get", 1) => {
            r#"{"errcode":300000,"errmsg":"Frequency limit exceeded rid: 64c8a1f2-0b9e7d6c-5a4b3c2d"}"#
        }
        ("/product/order/get", _) => {
            r#"{"errcode":0,"errmsg":"ok","order":{"order_id":3705115058471208928,"status":20}}"#
        }
        ("/openapi2/trade_query.php", _) => {
            r#"{"status":100,"message":"超过每分钟最大调用频率限制，请稍后重试"}"#
        }
        ("/openapi2/goods_push.php", _) => {
            r#"{"status":100,"message":"商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"}"#
        }
        ("/v2/localservice/saas/fulfill/redeem_code/", 1) => {
            r#"{"data":{},"error":{"code":"-9990400","message":"Voucher: failed to read voucher record from database.","log_id":"202406051200000A1B2C3D4E5F"}}"#
        }
        ("/v2/localservice/saas/fulfill/redeem_code/", _) => {
            r#"{"data":{},"error":{"code":"-3000102","message":"Voucher: redemption code has already been used.","log_id":"202406051200070A1B2C3D4E60"}}"#
        }
        ("/sync?method=aliexpress.solution.order.fulfill", 1) => {
            r#"{"aliexpress_solution_order_fulfill_response":{"result":{"result_success":false,"result_error_code":"-999","result_error_desc":"系统异常,请稍候重试"},"request_id":"0ba2887315178178017221014"}}"#
        }
        ("/sync?method=aliexpress.solution.order.fulfill", _) => {
            r#"{"aliexpress_solution_order_fulfill_response":{"result":{"result_success":true},"request_id":"0ba2887315178178017221015"}}"#
        }
        ("/sync?method=aliexpress.solution.order.info.get", _) => {
            r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.remote-service-error","sub_msg":"服务暂不可用","request_id":"0ba2887315178178017221016"}}"#
        }
        _ => r#"{"errcode":404,"errmsg":"no such path in the mock"}"#,
    }
}

/// The mock platform server: one thread, one request per connection, bounded in time.
pub struct MockServer {
    addr: SocketAddr,
    thread: Option<JoinHandle<io::Result<()>>>,
}

impl MockServer {
    /// Listens on an ephemeral port of 127.0.0.1.
    ///
    /// # Errors
    /// When the socket cannot be bound.
    pub fn start() -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let calls: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                let mut stream = stream?;
                stream.set_read_timeout(Some(Duration::from_secs(5)))?;
                let (path, token) = read_request(&mut stream)?;
                if path == "/shutdown" {
                    return Ok(());
                }
                let n = {
                    let mut calls = calls
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    let n = calls.entry(path.clone()).or_default();
                    *n += 1;
                    *n
                };
                let body = respond(&path, n, &token);
                write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )?;
            }
            Ok(())
        });
        Ok(MockServer {
            addr,
            thread: Some(thread),
        })
    }

    /// Stops the server and waits for its thread.
    ///
    /// # Errors
    /// When the server failed.
    pub fn stop(mut self) -> io::Result<()> {
        post(self.addr, "/shutdown", "")?;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(io::Error::other("the mock server panicked")),
            None => Ok(()),
        }
    }
}

/// The request's path and its `access-token` header (empty without one).
fn read_request(stream: &mut TcpStream) -> io::Result<(String, String)> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (mut length, mut token) = (0, String::new());
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse().unwrap_or(0),
                "access-token" => value.trim().clone_into(&mut token),
                _ => {}
            }
        }
    }
    io::copy(&mut reader.take(length), &mut io::sink())?;
    Ok((path, token))
}

/// POSTs `body` with `token` and returns the response body.
fn post(addr: SocketAddr, path: &str, token: &str) -> io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let body = "{}";
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAccess-Token: {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let start = response
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .map_or(response.len(), |at| at + 4);
    Ok(response.split_off(start))
}

/// Virtual time: the demo pretends to wait, and really sleeps a thousandth of it.
struct DemoClock {
    elapsed: Duration,
}

impl DemoClock {
    fn sleep(&mut self, wait: Duration) {
        self.elapsed += wait;
        std::thread::sleep((wait / 1000).min(Duration::from_millis(50)));
    }
}

/// A short duration, as `Decision` prints it: `30.9s`, `157ms`.
fn human(wait: Duration) -> String {
    Decision::Retry { after: wait }
        .to_string()
        .trim_start_matches("retry after ")
        .to_owned()
}

/// Runs every call against a fresh mock server, printing what the client does.
///
/// # Errors
/// When the mock server or the output fails.
pub fn run(out: &mut dyn Write) -> io::Result<()> {
    let server = MockServer::start()?;
    let addr = server.addr;
    writeln!(
        out,
        "mock platforms listening on {addr} (the demo clock runs 1000x fast)"
    )?;
    let policy = Policy::new()
        .max_attempts(4)
        .deadline(Duration::from_secs(120))
        .seed(2024);
    let mut token = "TOKEN-1".to_owned();
    for call in CALLS {
        writeln!(out, "\n{}: {} ({})", call.platform, call.what, call.path)?;
        let mut clock = DemoClock {
            elapsed: Duration::ZERO,
        };
        let mut attempts = policy.start();
        for n in 1.. {
            let body = post(addr, call.path, &token)?;
            let error = match (call.read)(&body) {
                Ok(None) => {
                    writeln!(out, "  attempt {n}: ok")?;
                    writeln!(
                        out,
                        "  => success after {n} attempts, {} waited",
                        human(clock.elapsed)
                    )?;
                    break;
                }
                Ok(Some(error)) => error,
                Err(error) => {
                    writeln!(out, "  attempt {n}: unreadable response: {error}")?;
                    writeln!(out, "  => gave up")?;
                    break;
                }
            };
            let decision = attempts.next(error.retry_class(), clock.elapsed);
            let name = if error.is_unknown() {
                "Unknown (not in the table)"
            } else {
                error.name()
            };
            write!(
                out,
                "  attempt {n}: {} {name} [{}] -> ",
                error.code(),
                error.retry_class()
            )?;
            match decision {
                Decision::Retry { after } => {
                    writeln!(out, "retry in {}", human(after))?;
                    clock.sleep(after);
                }
                Decision::Refresh => {
                    let body = post(addr, "/cgi-bin/stable_token", "")?;
                    let fresh: serde_json::Value =
                        serde_json::from_slice(&body).map_err(io::Error::other)?;
                    fresh["access_token"]
                        .as_str()
                        .unwrap_or_default()
                        .clone_into(&mut token);
                    writeln!(out, "refresh the token (now {token}), retry at once")?;
                }
                Decision::Succeeded => {
                    writeln!(out, "already applied")?;
                    writeln!(
                        out,
                        "  => success: an earlier attempt did it ({})",
                        error.message()
                    )?;
                    break;
                }
                Decision::Stop(stop) => {
                    writeln!(out, "stop")?;
                    writeln!(out, "  => gave up: {stop}")?;
                    if let Some(hint) = error.hint() {
                        writeln!(
                            out,
                            "     hint: {}",
                            hint.lines().next().unwrap_or_default()
                        )?;
                    }
                    break;
                }
            }
        }
    }
    server.stop()?;
    writeln!(out, "\ndone")?;
    Ok(())
}
