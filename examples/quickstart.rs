//! The main job: one line turns a platform's error table into a typed enum.
//!
//! Run with `cargo run --example quickstart`.

use errcodes::prelude::*;

errcodes::platform_errors!("specs/wangdiantong.yaml");

fn main() {
    // A response from the Wangdiantong API: `{"code": 100, "message": "..."}`.
    let responses = [
        (100, "超过每分钟最大调用频率限制，请稍后重试"),
        (100, "商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"),
        (100, "a message the table does not list"),
        (1, "sid is not exists"),
        (31337, "something new"),
    ];
    for (code, message) in responses {
        let (error, fields) = {
            let found = WangdiantongError::lookup(&errcodes::Query::new(code).message(message));
            (found.error, found.fields)
        };
        println!("{code} {message:?}");
        println!("  -> {error:?}: {error}");
        println!("     retry: {}", error.retry_class());
        if let Some(hint) = error.hint() {
            println!("     hint: {hint}");
        }
        for (field, value) in fields.iter() {
            println!("     {field} = {value:?}");
        }
    }
    match WangdiantongError::from_code(100) {
        WangdiantongError::ApplicationError => {
            println!("from_code(100) is the fallback, ApplicationError")
        }
        other => println!("unexpected: {other:?}"),
    }
}
