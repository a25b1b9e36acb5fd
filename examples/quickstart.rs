//! The main job: one line turns a platform's error table into a typed enum.
//!
//! Run with `cargo run --example quickstart`.

use errcodes::prelude::*;

errcodes::platform_errors!("specs/wangdiantong.yaml");

fn main() -> Result<(), errcodes::response::ResponseError> {
    // Answers of the Wangdiantong API, as it sends them: `{"status": 100, "message": "..."}`.
    let bodies = [
        r#"{"status":100,"message":"超过每分钟最大调用频率限制,请稍后重试"}"#,
        r#"{"status":100,"message":"商家编码A-1已存在,但货品不存在或已删除,货品编号: G-9"}"#,
        r#"{"status":100,"message":"a message the table does not list"}"#,
        r#"{"status":1,"message":"sid is not exists"}"#,
        r#"{"status":31337,"message":"something new"}"#,
        r#"{"status":0,"data":{"shop_list":[]}}"#,
    ];
    for body in bodies {
        println!("{body}");
        let Some(error) = WangdiantongError::from_response(body)? else {
            println!("  -> a success");
            continue;
        };
        // The variant to match on, and the platform's own words.
        println!("  -> {:?}: {error}", error.error());
        println!("     retry: {}", error.retry_class());
        if let Some(hint) = error.hint() {
            println!("     hint: {hint}");
        }
        for (field, value) in error.fields().iter() {
            println!("     {field} = {value:?}");
        }
    }
    // Without a response: a code, or a code and its message.
    match WangdiantongError::from_code(100) {
        WangdiantongError::ApplicationError => {
            println!("from_code(100) is the fallback, ApplicationError");
        }
        other => println!("unexpected: {other:?}"),
    }
    let error = WangdiantongError::classify(100, "超过每分钟最大调用频率限制，请稍后重试");
    println!("classify(100, ...) is {error:?}, {}", error.retry_class());
    Ok(())
}
