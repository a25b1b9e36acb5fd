//! Build cost of `platform_errors!`: compiles a crate whose spec has 150, 1,000 and 10,000
//! entries (the synthetic specs of the benchmarks), in debug and release, and prints the
//! wall time and the peak memory of each build (GNU time's "Maximum resident set size").
//!
//! Ignored by default, as it takes minutes: `scripts/build_cost.sh` runs it. Timing is not
//! asserted here; `BENCHMARKS.md` records the numbers and the targets.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

#[allow(dead_code)] // the match baselines are for the benchmarks
#[path = "../errcodes-bench/benches/support/synth.rs"]
mod synth;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const TIME: &str = "/usr/bin/time";

/// The crate under measurement: one `platform_errors!` call, as an SDK crate has.
fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build_cost");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("src")).expect("create the crate");
    let errcodes = Path::new(ROOT).join("errcodes");
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"build-cost\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nerrcodes = {{ path = {:?}, default-features = false }}\n\n[workspace]\n",
            errcodes.display().to_string()
        ),
    )
    .expect("write the manifest");
    fs::write(
        dir.join("src/lib.rs"),
        "//! Measured crate.\nerrcodes::platform_errors!(\"spec.yaml\");\n",
    )
    .expect("write the crate");
    // The workspace's lock file pins the same dependency versions, with no network.
    fs::copy(Path::new(ROOT).join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy lock");
    dir
}

struct Cost {
    seconds: f64,
    peak_mib: f64,
}

/// Builds the crate under GNU time. Its dependencies are built already, so the build is the
/// crate's own compilation (the macro's expansion included).
fn build(dir: &Path, release: bool) -> Cost {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(TIME);
    command
        .arg("-v")
        .arg(cargo)
        .args(["build", "--offline", "--quiet"])
        .args(release.then_some("--release"))
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS");
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("run {TIME} (apt-get install time): {error}"));
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "build failed:\n{report}");
    let field = |name: &str| {
        report
            .lines()
            .find_map(|line| line.trim().strip_prefix(name)?.strip_prefix(": "))
            .unwrap_or_else(|| panic!("no {name:?} in:\n{report}"))
            .to_owned()
    };
    let wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)");
    let seconds = wall
        .split(':')
        .try_fold(0.0, |total, part| {
            part.parse::<f64>().map(|p| total * 60.0 + p)
        })
        .expect("a wall time");
    let kib: f64 = field("Maximum resident set size (kbytes)")
        .parse()
        .expect("a size");
    Cost {
        seconds,
        peak_mib: kib / 1024.0,
    }
}

#[test]
#[ignore = "takes minutes; run by scripts/build_cost.sh"]
fn build_cost_of_150_1000_and_10000_entries() {
    assert!(
        Path::new(TIME).exists(),
        "{TIME} is missing: apt-get install time"
    );
    let dir = scratch();
    let mut table = String::from(
        "| entries | profile | wall time | peak memory |\n| --- | --- | --- | --- |\n",
    );
    for release in [false, true] {
        let profile = if release { "release" } else { "debug" };
        // Dependencies first, with a small spec, so that the rows time the crate alone.
        fs::write(dir.join("spec.yaml"), synth::synthetic(10).0).expect("write spec");
        build(&dir, release);
        for size in [150, 1_000, 10_000] {
            fs::write(dir.join("spec.yaml"), synth::synthetic(size).0).expect("write spec");
            let cost = build(&dir, release);
            let _ = writeln!(
                table,
                "| {size} | {profile} | {:.2} s | {:.0} MiB |",
                cost.seconds, cost.peak_mib
            );
        }
    }
    println!("{table}");
}
