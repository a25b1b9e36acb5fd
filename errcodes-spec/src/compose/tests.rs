//! Composition as a user's spec sees it: what `include` and `extends` give, and what two
//! layers that define the same thing keep.

use std::fs;

use super::beside;
use crate::ast::{Code, Shadowed, Spec};
use crate::{load, read, Failure, Loaded};

#[test]
fn included_files_are_named_as_the_crate_sees_them() {
    assert_eq!(beside("specs/a.yaml", "./b.yaml"), "specs/b.yaml");
    assert_eq!(
        beside("specs/a.yaml", "layers/b.yaml"),
        "specs/layers/b.yaml"
    );
    assert_eq!(beside("specs/layers/b.yaml", "../a.yaml"), "specs/a.yaml");
    assert_eq!(beside("a.yaml", "../x/b.yaml"), "../x/b.yaml");
}

/// Writes `files` to a fresh directory and loads the first.
fn load_files(test: &str, files: &[(&str, &str)]) -> Result<Loaded, Failure> {
    let dir = std::env::temp_dir().join(format!("errcodes-spec-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create a directory");
        fs::write(path, text).expect("write a spec");
    }
    load(&dir, files[0].0)
}

fn loaded(test: &str, files: &[(&str, &str)]) -> Loaded {
    load_files(test, files).unwrap_or_else(|failure| panic!("{}", failure.reports.join("\n")))
}

fn reports(test: &str, files: &[(&str, &str)]) -> Vec<String> {
    load_files(test, files).expect_err("problems").reports
}

fn names(spec: &Spec) -> Vec<&str> {
    spec.entries
        .iter()
        .map(|entry| entry.name.as_str())
        .collect()
}

fn entry<'s>(spec: &'s Spec, name: &str) -> &'s crate::ast::Entry {
    let found = spec.entries.iter().find(|entry| entry.name == name);
    found.unwrap_or_else(|| panic!("no entry {name}: {:?}", names(spec)))
}

/// A user's spec over `base` (`extends:`), enum `MineError`, with one group of its own
/// (`ours`, transient) holding `entries`, items of its `errors` list.
fn over(base: &str, entries: &str) -> String {
    format!("extends: {base}\nenum: MineError\ngroups:\n  - id: ours\n    title: Ours\n    retry: transient\n    errors:{entries}")
}

/// A spec as a dependency ships it: exhaustive or not, one group.
const BASE: &str = "\
platform: base
enum: BaseError
title: Base
source: https://base.example
unknown_retry: permanent
non_exhaustive: true
groups:
  - id: general
    title: Base general
    retry: permanent
    errors:
      - code: 1
        name: Busy
        message: busy
      - code: 2
        name: Quota
        message: quota
      - code: null
        name: Maintenance
        message: \"down for maintenance until {time}\"
      - code: [3, 4]
        name: Shared
        message: shared
";

/// A user's spec that defines, in its own words, a name, a message and a code the base has.
const MINE: &str = "\
extends: ./base.yaml
enum: MineError
groups:
  - id: general
    title: Mine general
    retry: transient
    errors:
      - code: 101
        name: Busy
        message: our busy
      - code: null
        name: Down
        message: \"down for maintenance until {when}\"
      - code: 3
        name: Three
        message: three
";

#[test]
fn what_an_earlier_layer_defines_shadows_a_later_layers_definition() {
    let loaded = loaded("shadows", &[("mine.yaml", MINE), ("base.yaml", BASE)]);
    let spec = &loaded.spec;
    // The base's `Busy` and `Maintenance` are left out; `Shared` keeps the code it alone has.
    assert_eq!(names(spec), ["Quota", "Shared", "Busy", "Down", "Three"]);
    assert_eq!(entry(spec, "Busy").codes, [Code::Int(101)]);
    assert_eq!(entry(spec, "Busy").layer, 0);
    assert_eq!(entry(spec, "Shared").codes, [Code::Int(4)]);
    assert!(!spec.entries.iter().any(|e| e.codes.contains(&Code::Int(1))));
    // One group, with the earlier layer's title, that both layers' entries report.
    assert_eq!(spec.groups.len(), 1);
    assert_eq!(spec.groups[0].title, "Mine general");
    assert!(spec.entries.iter().all(|entry| entry.group == 0));
    let shadowed: Vec<(&Shadowed, &str, usize, &str, usize)> = spec
        .shadowings
        .iter()
        .map(|s| {
            (
                &s.what,
                s.kept.name.as_str(),
                s.kept.layer,
                s.lost.name.as_str(),
                s.lost.layer,
            )
        })
        .collect();
    assert_eq!(
        shadowed,
        [
            (
                &Shadowed::Group("general".into()),
                "general",
                0,
                "general",
                1
            ),
            (&Shadowed::Name("Busy".into()), "Busy", 0, "Busy", 1),
            (
                &Shadowed::Message("down for maintenance until {time}".into()),
                "Down",
                0,
                "Maintenance",
                1
            ),
            (&Shadowed::Code(Code::Int(3)), "Three", 0, "Shared", 1),
        ]
    );
}

#[test]
fn each_shadowing_is_a_note_with_both_places() {
    let loaded = loaded("notes", &[("mine.yaml", MINE), ("base.yaml", BASE)]);
    let notes = loaded.notes();
    let firsts: Vec<&str> = notes
        .iter()
        .filter_map(|note| note.lines().next())
        .collect();
    assert_eq!(
        firsts,
        [
            "mine.yaml:4:9: group `general` of base.yaml, a later layer, is part of this one: one group, with this one's title",
            "mine.yaml:9:15: `Busy` of base.yaml, a later layer, is left out: this entry has its name",
            "mine.yaml:13:18: `Maintenance` of base.yaml, a later layer, is left out: this entry has no code either, and its message \"down for maintenance until {time}\"",
            "mine.yaml:14:15: `Shared` of base.yaml, a later layer, loses its code 3: this entry has it",
        ]
    );
    assert!(
        notes[1].contains("= note: the entry left out is at base.yaml:13:15"),
        "{}",
        notes[1]
    );
    assert!(
        notes[1].contains("= help: a name belongs to the first layer"),
        "{}",
        notes[1]
    );
}

#[test]
fn each_entry_knows_its_layer_and_where_its_row_comes_from() {
    let loaded = loaded("layers", &[("mine.yaml", MINE), ("base.yaml", BASE)]);
    let spec = &loaded.spec;
    let layer = |name: &str| &spec.layers[entry(spec, name).layer];
    assert_eq!(layer("Quota").file, "base.yaml");
    assert_eq!(layer("Quota").source, "https://base.example");
    assert_eq!(layer("Busy").file, "mine.yaml");
    // The spec itself takes what it leaves out from the spec it extends.
    assert_eq!(layer("Busy").platform, "base");
    assert!(!layer("Busy").shipped);

    let shop = crate::read_shipped("wechat_shop")
        .expect("shipped")
        .expect("clean");
    let global = &shop.layers[entry(&shop, "AccessTokenExpired").layer];
    assert_eq!(global.platform, "wechat_global");
    assert_eq!(global.file, "<errcodes>/specs/wechat_global.yaml");
    assert!(global.shipped);
    assert_ne!(global.source, shop.source);
    assert_eq!(shop.layers[0].platform, "wechat_shop");
}

#[test]
fn non_exhaustive_comes_from_the_extended_spec_unless_the_spec_says_otherwise() {
    let spec =
        |mine: &str, test: &str| loaded(test, &[("mine.yaml", mine), ("base.yaml", BASE)]).spec;
    assert!(spec(MINE, "inherit").non_exhaustive);
    let exhaustive = MINE.replace(
        "enum: MineError\n",
        "enum: MineError\nnon_exhaustive: false\n",
    );
    assert!(!spec(&exhaustive, "explicit").non_exhaustive);
    // An included spec's does not count: only its groups and entries are taken.
    let included = MINE.replace("extends: ./base.yaml\n", "include: [./base.yaml]\nplatform: mine\ntitle: Mine\nsource: x\nunknown_retry: permanent\n");
    assert!(!spec(&included, "include").non_exhaustive);
}

#[test]
fn a_user_name_wins_over_the_same_name_in_a_shipped_spec() {
    let mine = over(
        "wechat_transaction",
        "
      - code: 88001
        name: AccessTokenExpired
        message: our token expired
",
    );
    let spec = read(&mine, "mine.yaml").unwrap_or_else(|f| panic!("{}", f.reports.join("\n")));
    assert!(spec.non_exhaustive, "wechat_transaction is non_exhaustive");
    assert_eq!(entry(&spec, "AccessTokenExpired").codes, [Code::Int(88001)]);
    assert_eq!(entry(&spec, "AccessTokenExpired").layer, 0);
    // The shipped row's code is no entry's now.
    assert!(!spec
        .entries
        .iter()
        .any(|e| e.codes.contains(&Code::Int(42001))));
    let lost = spec
        .shadowings
        .iter()
        .find(|s| s.what == Shadowed::Name("AccessTokenExpired".into()))
        .expect("the name's shadowing");
    assert_eq!(
        spec.layers[lost.lost.layer].file,
        "<errcodes>/specs/wechat_global.yaml"
    );
}

#[test]
fn shadowings_between_shipped_specs_are_recorded_but_not_noted() {
    let mine = "extends: wechat_transaction\nenum: MyWechatError\n";
    let dir = std::env::temp_dir().join(format!("errcodes-spec-{}-shipped", std::process::id()));
    fs::create_dir_all(&dir).expect("a directory");
    fs::write(dir.join("mine.yaml"), mine).expect("write");
    let loaded = load(&dir, "mine.yaml").unwrap_or_else(|f| panic!("{}", f.reports.join("\n")));
    // wechat_transaction lists 45009 and other codes of wechat_global's.
    assert!(loaded
        .spec
        .shadowings
        .iter()
        .any(|s| s.what == Shadowed::Code(Code::Int(45009))));
    assert_eq!(loaded.notes(), Vec::<String>::new());
}

#[test]
fn a_duplicate_within_one_file_is_still_an_error() {
    let twice = MINE
        .replace("name: Three", "name: Down")
        .replace("  - id: general\n", "  - id: general\n    note: first\n")
        + "  - id: general\n    title: Again\n    retry: permanent\n    errors:\n      - code: 7\n        name: Seven\n        message: seven\n";
    let reports = reports("twice", &[("mine.yaml", &twice), ("base.yaml", BASE)]);
    let firsts: Vec<&str> = reports.iter().filter_map(|r| r.lines().next()).collect();
    assert_eq!(
        firsts,
        [
            "mine.yaml:18:9: duplicate group id `general`",
            "mine.yaml:16:15: duplicate name `Down`"
        ]
    );
}

#[test]
fn an_override_of_a_shadowed_entry_is_an_error() {
    let mine =
        format!("{MINE}overrides:\n  Busy: {{retry: transient}}\n  Maintenance: {{note: x}}\n");
    let reports = reports("override", &[("mine.yaml", &mine), ("base.yaml", BASE)]);
    assert_eq!(reports.len(), 2, "{reports:#?}");
    assert!(reports[0].starts_with("mine.yaml:18:9: `Busy` is left out of this spec: an earlier layer defines an entry of that name"), "{}", reports[0]);
    assert!(
        reports[0].contains("= note: it is defined at mine.yaml:9:15"),
        "{}",
        reports[0]
    );
    assert!(reports[1].starts_with("mine.yaml:19:16: `Maintenance` is left out of this spec: an earlier layer defines an entry without a code with the same message"), "{}", reports[1]);
}

#[test]
fn a_file_that_two_layers_include_is_read_twice_and_shadows_nothing() {
    let spec = |name: &str, include: &str, code: i64| {
        format!("platform: {name}\nenum: E{code}\ntitle: T\nsource: x\nunknown_retry: permanent\n{include}groups:\n  - id: {name}\n    title: T\n    retry: permanent\n    errors:\n      - code: {code}\n        name: N{code}\n        message: m{code}\n")
    };
    let loaded = loaded(
        "diamond",
        &[
            (
                "top.yaml",
                &spec("top", "include: [./a.yaml, ./b.yaml]\n", 1),
            ),
            ("a.yaml", &spec("a", "include: [./c.yaml]\n", 2)),
            ("b.yaml", &spec("b", "include: [./c.yaml]\n", 3)),
            ("c.yaml", &spec("c", "", 4)),
        ],
    );
    assert_eq!(names(&loaded.spec), ["N1", "N2", "N4", "N3"]);
    assert_eq!(loaded.spec.shadowings, []);
}

#[test]
fn a_user_name_that_takes_a_shipped_fallback_leaves_its_code_to_unknown() {
    let mine = over(
        "wangdiantong",
        "
      - code: 9001
        name: InvalidParameter
        message: our own invalid parameter
",
    );
    let loaded = loaded("fallback-left-out", &[("mine.yaml", &mine)]);
    let spec = &loaded.spec;
    let site = &spec.fallbacks_left_out[&Code::Int(1)];
    assert_eq!(
        (site.name.as_str(), spec.layers[site.layer].file.as_str()),
        ("InvalidParameter", "<errcodes>/specs/wangdiantong.yaml")
    );
    // Code 1's other entries stay, to be found by their messages.
    assert!(
        spec.entries
            .iter()
            .filter(|e| e.codes.contains(&Code::Int(1)))
            .count()
            > 1
    );
    assert_eq!(entry(spec, "InvalidParameter").codes, [Code::Int(9001)]);
    let notes = loaded.notes().join("\n");
    assert!(
        notes.contains("`from_code(1)` now gives `Unknown`"),
        "{notes}"
    );
    // Code 100's fallback is not InvalidParameter: it keeps it.
    assert!(!spec.fallbacks_left_out.contains_key(&Code::Int(100)));
}

#[test]
fn two_shipped_specs_that_share_a_name_compose() {
    // wechat_global also names an entry InvalidParameter, the fallback of wangdiantong's 1.
    let mine = "extends: wangdiantong\ninclude: [wechat_global]\nenum: BothError\n";
    let loaded = loaded("two-shipped", &[("mine.yaml", mine)]);
    let site = &loaded.spec.fallbacks_left_out[&Code::Int(1)];
    assert_eq!(site.name, "InvalidParameter");
    assert_eq!(
        loaded.spec.layers[site.layer].file,
        "<errcodes>/specs/wangdiantong.yaml"
    );
    assert_eq!(
        loaded.notes(),
        Vec::<String>::new(),
        "errcodes' own shadowing"
    );
}

#[test]
fn a_shipped_override_of_a_row_the_user_replaced_does_not_break_the_build() {
    // `test_overrides` stands for a later shipped spec that overrides wangdiantong's
    // InvalidParameter; the user's layer has an InvalidParameter of its own.
    let mine = over(
        "test_overrides",
        "
      - code: 9001
        name: InvalidParameter
        message: our own invalid parameter
        retry: permanent
",
    );
    let loaded = loaded("shipped-override", &[("mine.yaml", &mine)]);
    let ours = entry(&loaded.spec, "InvalidParameter");
    assert_eq!((ours.layer, ours.retry), (0, crate::ast::Retry::Permanent));
    // The shipped override of a row the user did not replace still applies.
    assert_eq!(
        entry(&loaded.spec, "RateLimited").note.as_deref(),
        Some("changed")
    );
    // A user's own override of a row an earlier layer replaced is still an error.
    let own = mine.replace(
        "enum: MineError\n",
        "enum: MineError\noverrides:\n  InvalidParameter: {retry: transient}\n",
    );
    let own = reports("own-override", &[("mine.yaml", &own)]).join("\n");
    assert!(own.contains("`InvalidParameter` is left out of this spec: an earlier layer defines an entry of that name"), "{own}");
}

#[test]
fn a_shipped_join_to_a_code_the_user_took_is_left_out() {
    // `test_join` stands for a later shipped spec that joins wangdiantong's codes 4 and
    // 100; the user's layer has code 4 as its own.
    let mine = over(
        "test_join",
        "
      - code: 4
        name: OurFour
        message: our four
",
    );
    let loaded = loaded("shipped-join", &[("mine.yaml", &mine)]);
    let spec = &loaded.spec;
    let with_four: Vec<&str> = spec
        .entries
        .iter()
        .filter(|e| e.codes.contains(&Code::Int(4)))
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(with_four, ["OurFour"]);
    // The join to a code the user did not take stays.
    assert!(entry(spec, "WarehouseClosed").join);
    assert_eq!(entry(spec, "WarehouseClosed").codes, [Code::Int(100)]);
}

#[test]
fn a_users_sub_code_rule_wins_over_the_same_rule_in_a_shipped_spec() {
    // What `errcodes scan --write` adds for a sub-code alipay lacks, which a later release
    // of alipay's table then adds too (ACQ.SYSTEM_ERROR stands for it).
    let mine = over(
        "alipay",
        "
      - code: null
        sub_code: ACQ.SYSTEM_ERROR
        name: OurSystemError
        message: our system error
",
    );
    let loaded = loaded("sub-code-rule", &[("mine.yaml", &mine)]);
    let names = names(&loaded.spec);
    assert!(names.contains(&"OurSystemError"));
    assert!(
        !names.contains(&"AcqSystemError"),
        "the shipped row is left out"
    );
    let notes = loaded.notes().join("\n");
    assert!(
        notes.contains("this entry has its sub-code rule `ACQ.SYSTEM_ERROR`"),
        "{notes}"
    );
    // Within one file the same rule twice is still an error.
    let twice = format!(
        "{mine}{}",
        "      - code: null\n        sub_code: ACQ.SYSTEM_ERROR\n        name: OurOtherSystemError\n        message: our other system error\n"
    );
    let reports = reports("sub-code-twice", &[("mine.yaml", &twice)]).join("\n");
    assert!(
        reports.contains("is also that of `OurSystemError`"),
        "{reports}"
    );
}

#[test]
fn a_users_join_wins_over_the_same_message_of_the_code_in_a_shipped_spec() {
    // What `errcodes scan --write` adds for a message of code 100 wangdiantong lacks, which
    // a later release then adds too (RateLimited's message stands for it).
    let mine = over(
        "wangdiantong",
        "
      - code: 100
        join: true
        name: OurRateLimited
        message: 超过每分钟最大调用频率限制，请稍后重试
",
    );
    let loaded = loaded("joined-message", &[("mine.yaml", &mine)]);
    let names = names(&loaded.spec);
    assert!(names.contains(&"OurRateLimited"));
    assert!(
        !names.contains(&"RateLimited"),
        "the shipped row is left out"
    );
    assert!(
        names.contains(&"ApplicationError"),
        "code 100's other rows stay"
    );
    let notes = loaded.notes().join("\n");
    assert!(
        notes.contains("this join gives code 100 its message"),
        "{notes}"
    );
}

#[test]
fn a_users_join_with_a_fallbacks_message_leaves_the_code_without_one() {
    let mine = over(
        "wangdiantong",
        "
      - code: 100
        join: true
        name: OurApplicationError
        message: 应用错误
",
    );
    let loaded = loaded("joined-fallback", &[("mine.yaml", &mine)]);
    assert_eq!(
        loaded.spec.fallbacks_left_out[&Code::Int(100)].name,
        "ApplicationError"
    );
    let notes = loaded.notes().join("\n");
    assert!(
        notes.contains("`from_code(100)` now gives `Unknown`"),
        "{notes}"
    );
}
