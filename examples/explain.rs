//! What an error code means and what to do about it.
//!
//! ```sh
//! cargo run --example explain -- wangdiantong 100 "超过每分钟最大调用频率限制，请稍后重试"
//! cargo run --example explain -- wechat_transaction 45009
//! cargo run --example explain -- aliexpress F00-00-10013-002
//! cargo run --example explain -- --list wangdiantong
//! ```

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let output = errcodes_workspace::explain::run(&args);
    print!("{}", output.stdout);
    eprint!("{}", output.stderr);
    std::process::exit(output.status);
}
