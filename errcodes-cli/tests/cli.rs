//! What every subcommand shares: `--help` and `--version`, and exit status 2 for a usage
//! error, with clap's message naming what is wrong.

mod support;

use serde_json::Value;
use support::{errcodes, json, status, stderr, stdout};

const SUBCOMMANDS: [&str; 6] = ["explain", "list", "check", "diff", "docs", "import"];

#[test]
fn help_and_version_on_every_subcommand() {
    let help = errcodes(&["--help"]);
    assert_eq!(status(&help), 0);
    for subcommand in SUBCOMMANDS {
        assert!(
            stdout(&help).contains(&format!("\n  {subcommand} ")),
            "{subcommand} in:\n{}",
            stdout(&help)
        );
        let help = errcodes(&[subcommand, "--help"]);
        assert_eq!(status(&help), 0, "{subcommand}");
        assert!(
            stdout(&help).contains(&format!("Usage: errcodes {subcommand}")),
            "{subcommand}:\n{}",
            stdout(&help)
        );
        let version = errcodes(&[subcommand, "--version"]);
        assert_eq!(status(&version), 0, "{subcommand}");
        assert_eq!(
            stdout(&version),
            format!("errcodes-{subcommand} {}\n", env!("CARGO_PKG_VERSION")),
        );
    }
    let version = errcodes(&["--version"]);
    assert_eq!(
        stdout(&version),
        format!("errcodes {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_says_what_each_command_needs() {
    for (args, says) in [
        (
            &["explain", "--help"][..],
            "<PLATFORM|SPEC> <CODE> [MESSAGE]",
        ),
        (&["explain", "--help"][..], "--sub-code <S>"),
        (
            &["explain", "--help"][..],
            "where the spec has sub-code rules, the rule it matches picks the entry",
        ),
        (
            &["explain", "--help"][..],
            "errcodes explain wechat_global -1",
        ),
        (&["diff", "--help"][..], "--fail-on <LEVEL>"),
        (&["diff", "--help"][..], "order of entries"),
        (&["import", "--help"][..], "--from <FORMAT>"),
        (&["import", "--help"][..], "--force"),
        (&["explain", "--help"][..], "--endpoint <E>"),
        (
            &["explain", "--help"][..],
            "json: One JSON document, for programs",
        ),
        (&["list", "--help"][..], "[PLATFORM|SPEC]"),
        (&["check", "--help"][..], "<SPEC>..."),
        (&["diff", "--help"][..], "<OLD> <NEW>"),
        (&["diff", "--help"][..], "docs/SEMVER.md"),
        (&["docs", "--help"][..], "[default: docs/platforms]"),
    ] {
        let out = errcodes(args);
        assert!(
            stdout(&out).contains(says),
            "{args:?}: {says}\n{}",
            stdout(&out)
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for (args, says) in [
        (&["explain"][..], "<PLATFORM|SPEC>"),
        (&["explain", "wangdiantong"][..], "<CODE>"),
        (
            &["explain", "wechat", "1"][..],
            "no shipped platform is called `wechat`",
        ),
        (
            &["explain", "aliexpress", "1", "--format", "xml"][..],
            "possible values: text, json",
        ),
        (
            &["explain", "aliexpress", "1", "a", "b"][..],
            "unexpected argument 'b'",
        ),
        (
            &["list", "tiktok"][..],
            "no shipped platform is called `tiktok`",
        ),
        (&["list", "--bogus"][..], "--bogus"),
        (&["check"][..], "<SPEC>..."),
        (
            &["check", "specs/aliexpress.yaml", "--format", "yaml"][..],
            "possible values",
        ),
        (&["diff", "specs/aliexpress.yaml"][..], "<NEW>"),
        (
            &[
                "diff",
                "specs/aliexpress.yaml",
                "specs/aliexpress.yaml",
                "--fail-on",
                "none",
            ][..],
            "possible values: patch, minor, major",
        ),
        (&["check", ""][..], "a value is required for '<SPEC>...'"),
        (
            &["diff", "", "specs/aliexpress.yaml"][..],
            "a value is required for '<OLD>'",
        ),
        (
            &["docs", "--out"][..],
            "a value is required for '--out <DIR>'",
        ),
        (&["docs", "extra"][..], "unexpected argument 'extra'"),
    ] {
        let out = errcodes(args);
        assert_eq!(status(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
}

const OR_A_PLATFORM: &str = "give a spec file's path, relative to the current directory, or a shipped platform's name (`errcodes list` names them)";
const A_SPEC: &str = "give the spec's path, relative to the current directory";

#[test]
fn a_missing_spec_file_exits_1_with_the_commands_own_message() {
    for (args, instead) in [
        (&["explain", "nope.yaml", "1"][..], OR_A_PLATFORM),
        (&["list", "nope.yaml"][..], OR_A_PLATFORM),
        (&["check", "nope.yaml"][..], A_SPEC),
        (&["diff", "nope.yaml", "specs/aliexpress.yaml"][..], A_SPEC),
        (&["diff", "specs/aliexpress.yaml", "nope.yaml"][..], A_SPEC),
    ] {
        let message = format!("no such spec file `nope.yaml`; {instead}");
        let out = errcodes(args);
        assert_eq!(status(&out), 1, "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).starts_with(&format!("error: {message}\n")),
            "{args:?}: {}",
            stderr(&out)
        );
        let out = errcodes(&[args, &["--format", "json"]].concat());
        assert_eq!(status(&out), 1, "{args:?}: {}", stderr(&out));
        let problem = &problems(&json(&out))[0];
        assert_eq!(problem["path"], "nope.yaml", "{args:?}");
        assert_eq!(problem["message"], message, "{args:?}");
    }
}

/// The problems of a JSON document: `check`'s are its first spec's.
fn problems(document: &Value) -> Value {
    document
        .get("problems")
        .unwrap_or(&document["specs"][0]["problems"])
        .clone()
}

#[test]
fn with_json_a_specs_problems_are_a_document_on_standard_output() {
    let broken = "tests/ui/specs/fallback-missing.yaml";
    for args in [
        &["explain", broken, "100"][..],
        &["list", broken],
        &["diff", "specs/aliexpress.yaml", broken],
        &["check", broken],
    ] {
        let out = errcodes(&[args, &["--format", "json"]].concat());
        assert_eq!(status(&out), 1, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
        let problem = &problems(&json(&out))[0];
        assert_eq!(problem["path"], broken);
        assert_eq!(
            (&problem["line"], &problem["column"]),
            (&Value::from(11), &Value::from(15))
        );
        assert_eq!(
            problem["message"],
            "code 100 has 2 entries but none is marked `fallback: true`"
        );
        assert!(
            problem["report"]
                .as_str()
                .is_some_and(|report| report.starts_with(&format!("{broken}:11:15: "))),
            "{problem}"
        );
    }
}
