//! A mock of the platforms on 127.0.0.1, on `tiny_http`: each path answers a script of
//! responses, as the platforms' own documentation shows them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server};

/// `(path, [(status, body)])`: the answers to the first, second... call of a path; the last
/// repeats.
pub type Script = Vec<(&'static str, Vec<(u16, &'static str)>)>;

/// Every scenario's answers, from the platforms' documentation.
pub fn script() -> Script {
    vec![
        (
            "/shop/spu/add",
            vec![(
                200,
                r#"{"errcode":0,"errmsg":"ok","data":{"product_id":10000039,"out_product_id":"1234566"}}"#,
            )],
        ),
        (
            "/openapi/goods.Goods.search",
            vec![
                (
                    200,
                    r#"{"status":100,"message":"超过每分钟最大调用频率限制,请稍后重试"}"#,
                ),
                (
                    200,
                    r#"{"status":0,"data":{"total_count":0,"goods_list":[]}}"#,
                ),
            ],
        ),
        (
            "/sync/aliexpress.solution.order.info.get",
            vec![
                (
                    200,
                    r#"{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout","sub_msg":"timed out","request_id":"0ba2887315178178017221016"}}"#,
                ),
                (
                    200,
                    r#"{"aliexpress_solution_order_info_get_response":{"result":{"result_success":true,"data":{"order_status":"WAIT_SELLER_SEND_GOODS"}},"request_id":"0ba2887315178178017221017"}}"#,
                ),
            ],
        ),
        (
            "/sync/aliexpress.solution.order.fulfill",
            vec![
                (
                    502,
                    "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
                ),
                (
                    200,
                    r#"{"aliexpress_solution_order_fulfill_response":{"result":{"result_success":false,"result_error_code":"-999","result_error_desc":"该交易订单已填写发货通知,无需重复操作。"},"request_id":"0ba2887315178178017221018"}}"#,
                ),
            ],
        ),
        (
            "/v2/localservice/saas/fulfill/redeem_code/",
            vec![(
                200,
                r#"{"data":{},"error":{"code":"-3000103","message":"There is no coupon available for verification at this store.","log_id":"202406051200000A1B2C3D4E5F"}}"#,
            )],
        ),
    ]
}

/// The mock server: answers until dropped.
pub struct Mock {
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
}

impl Mock {
    /// Starts the mock on an ephemeral port.
    pub fn start(script: Script) -> std::io::Result<Self> {
        let server = Server::http("127.0.0.1:0").map_err(std::io::Error::other)?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|addr| addr.port())
            .ok_or_else(|| std::io::Error::other("no TCP address"))?;
        let server = Arc::new(server);
        let calls: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let script: HashMap<_, _> = script.into_iter().collect();
        let thread = {
            let server = Arc::clone(&server);
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let path = request
                        .url()
                        .split('?')
                        .next()
                        .unwrap_or_default()
                        .to_owned();
                    let token = request
                        .url()
                        .split_once("access_token=")
                        .map_or("", |(_, token)| token)
                        .to_owned();
                    let n = {
                        let mut calls = calls.lock().unwrap_or_else(|e| e.into_inner());
                        let n = calls.entry(path.clone()).or_default();
                        *n += 1;
                        *n
                    };
                    let (status, body) = answer(&script, &path, n, &token);
                    let json =
                        Header::from_bytes("Content-Type", "application/json; charset=utf-8")
                            .expect("a valid header");
                    let response = Response::from_string(body)
                        .with_status_code(status)
                        .with_header(json);
                    let _ = request.respond(response);
                }
            })
        };
        Ok(Mock {
            server,
            thread: Some(thread),
            base: format!("http://127.0.0.1:{port}"),
        })
    }
}

/// WeChat refuses a stale token with 42001 wherever it is used; everything else follows
/// the script.
fn answer(
    script: &HashMap<&'static str, Vec<(u16, &'static str)>>,
    path: &str,
    n: usize,
    token: &str,
) -> (u16, &'static str) {
    if path == "/cgi-bin/stable_token" {
        return (200, r#"{"access_token":"FRESH","expires_in":7200}"#);
    }
    if path.starts_with("/shop/") && token == "STALE" {
        return (
            200,
            r#"{"errcode":42001,"errmsg":"access_token expired rid: 6565d0a2-4b7c6f1e-2a9e4f3d"}"#,
        );
    }
    let Some(answers) = script.get(path) else {
        return (404, "<html><body>404 Not Found</body></html>");
    };
    answers
        .get(n - 1)
        .or(answers.last())
        .copied()
        .unwrap_or((500, ""))
}

impl Drop for Mock {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
