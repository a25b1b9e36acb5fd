//! Learning from traffic, the whole loop: a platform answers with codes and messages the
//! shipped spec lacks → errcodes' `tracing` feature logs each as a JSON line → `errcodes
//! scan` counts them and writes a spec layer for review → the layer knows them.
//!
//! ```sh
//! cargo run --example learn_from_traffic
//! ```
//!
//! It runs the `errcodes` command named by `$ERRCODES`, else builds it with cargo. Its files
//! go to a temporary directory, which it prints.

use std::error::Error;
use std::fs::{self, File};
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;

use errcodes::platforms::wangdiantong::WangdiantongError;
use errcodes::prelude::*;
use errcodes::runtime::Table;

/// A mock Wangdiantong: what it answers to call `n`. Two codes and a message of code 100
/// are not in the shipped table (they stand for what a platform adds after a table was
/// transcribed).
fn platform(n: usize) -> (u16, &'static str) {
    const ANSWERS: [(u16, &str); 6] = [
        (200, r#"{"status":0,"data":{"total":1}}"#),
        (
            200,
            r#"{"status":100,"message":"超过每分钟最大调用频率限制，请稍后重试"}"#,
        ),
        (200, r#"{"status":2101,"message":"店铺授权已过期"}"#),
        (200, r#"{"status":100,"message":"分拣单不存在"}"#),
        (503, r#"{"status":2102,"message":"系统维护中"}"#),
        (200, r#"{"status":2101,"message":"店铺授权已过期"}"#),
    ];
    ANSWERS[n % ANSWERS.len()]
}

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::temp_dir().join(format!("errcodes-learn-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let log = dir.join("traffic.jsonl");
    let patch = dir.join("seen.yaml");

    // 1. The SDK reads each answer as usual; with the `tracing` feature, what the spec lacks
    //    is a WARN event (target `errcodes::lacking`), written here as JSON lines.
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_max_level(tracing::Level::WARN)
        .with_writer(Mutex::new(File::create(&log)?))
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        for n in 0..12 {
            let (status, body) = platform(n);
            let _ = WangdiantongError::from_http(status, body);
        }
    });
    println!(
        "1. {} events for what the spec lacks in {}",
        fs::read_to_string(&log)?.lines().count(),
        log.display()
    );

    // 2. `errcodes scan` over the log: counts, and a layer to review. Exit status 1 says
    //    something was lacking.
    let scan = errcodes()
        .args(["scan", "wangdiantong"])
        .arg(&log)
        .arg("--write")
        .arg(&patch)
        .output()?;
    print!(
        "2. errcodes scan (exit status {}):\n{}",
        scan.status.code().unwrap_or(-1),
        indent(&String::from_utf8_lossy(&scan.stdout))
    );
    println!(
        "   the layer it wrote, {}:\n{}",
        patch.display(),
        indent(&fs::read_to_string(&patch)?)
    );

    // 3. The layer, read as the next build compiles it (`platform_errors!("seen.yaml")`):
    //    the codes and the message are known now, and everything else is as before.
    let before = Table::shipped("wangdiantong")?;
    let after = Table::load(&patch)?;
    println!("3. before → after the layer:");
    for n in 1..5 {
        let (status, body) = platform(n);
        let name = |table: Table| -> Result<&'static str, Box<dyn Error>> {
            let error = table.from_http(status, body)?.ok_or("an error")?;
            Ok(error.error().name())
        };
        println!("   {body}\n      {} → {}", name(before)?, name(after)?);
    }
    check(&patch)?;
    Ok(())
}

/// The layer knows every code the mock sent, and keeps the shipped meanings of code 100.
fn check(patch: &Path) -> Result<(), Box<dyn Error>> {
    let table = Table::load(patch)?;
    for n in 0..6 {
        let (status, body) = platform(n);
        if let Some(error) = table.from_http(status, body)? {
            if error.error().is_unknown() {
                return Err(format!("still unknown: {body}").into());
            }
        }
    }
    let rate = table.classify(100, "超过每分钟最大调用频率限制，请稍后重试");
    if rate.name() != "RateLimited" {
        return Err(format!("code 100's shipped meaning lost: {}", rate.name()).into());
    }
    Ok(())
}

/// `$ERRCODES`, else the command built from this workspace.
fn errcodes() -> Command {
    if let Some(path) = std::env::var_os("ERRCODES") {
        return Command::new(path);
    }
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo.args(["run", "--quiet", "-p", "errcodes-cli", "--"]);
    cargo
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("      {line}\n")).collect()
}
