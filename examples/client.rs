//! An SDK-shaped client: it calls a mock platform server it starts itself on 127.0.0.1,
//! reads each platform's real response envelope with `from_response`, and retries per the
//! error's class with `errcodes::retry`, printing what it does. No network, no setup:
//!
//! ```sh
//! cargo run --example client
//! ```

fn main() -> std::io::Result<()> {
    errcodes_workspace::client::run(&mut std::io::stdout())
}
