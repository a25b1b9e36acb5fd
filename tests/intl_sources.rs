//! The cross-border marketplace specs of issue 16 (`tiktok_shop`, `shopee`, `lazada`, `amazon_sp_api`) against their official
//! sources, kept verbatim in `tests/fixtures/sources/`: each group of a spec holds exactly its
//! source table's rows, in source order, each as one entry with the row's code, message and
//! advice (the hint) as the source renders them; a class other than permanent has a note
//! saying which advice it follows. The specs are read as YAML values, without the macro, so
//! that a difference names the fixture line it comes from.

use serde_yaml::Value;

mod sources_support;

use sources_support::{read, spec_value, CUT};

/// A fixture: its name, the source URL its header opens with, and its body with the number
/// of lines before it.
struct Fixture {
    name: &'static str,
    source: String,
    body: String,
    offset: usize,
}

fn fixture(name: &'static str) -> Fixture {
    with_text(name, &read(&format!("tests/fixtures/sources/{name}")))
}

fn with_text(name: &'static str, text: &str) -> Fixture {
    let (header, body) = text
        .split_once(CUT)
        .unwrap_or_else(|| panic!("{name}: no {CUT:?} after the header"));
    let source = header
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("source: "))
        .unwrap_or_else(|| panic!("{name}: the header opens with `source: <url>`"));
    assert!(
        header.contains("\ntruncated: no\n"),
        "{name}: every fixture here holds its whole table"
    );
    Fixture {
        name,
        source: source.to_owned(),
        body: body.to_owned(),
        offset: header.lines().count() + 1,
    }
}

/// One row of a source table.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    at: String,
    code: String,
    message: String,
    hint: Option<String>,
}

/// A source's rows, group by group: `(group id, rows)`.
type Expected = Vec<(&'static str, Vec<Row>)>;

// ---------------------------------------------------------------------------------------
// TikTok Shop: the Partner Center's Markdown tables

/// A Markdown table cell as the page renders it: a code span in single quotes (as the
/// platform writes it in its messages), a link as its text, bold as plain text, a `<br>` as
/// a line break.
fn rendered(cell: &str) -> String {
    let mut text = String::new();
    let mut rest = cell;
    while let Some(start) = rest.find(['`', '[', '*']) {
        text.push_str(&rest[..start]);
        rest = &rest[start..];
        if let Some(bold) = rest.strip_prefix("**") {
            rest = bold;
        } else if let Some(code) = rest.strip_prefix('`') {
            let end = code.find('`').expect("a closed code span");
            text.push('\'');
            text.push_str(&code[..end]);
            text.push('\'');
            rest = &code[end + 1..];
        } else if let Some((label, after)) = rest
            .strip_prefix('[')
            .and_then(|link| link.split_once("]("))
        {
            let end = after.find(')').expect("a closed link");
            text.push_str(label);
            rest = &after[end + 1..];
        } else {
            text.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    text.push_str(rest);
    text.split("<br>")
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows of a Partner Center page's tables, under the `# ` heading of each: `| code |
/// message | guidance |` (or `| code | message |`); header and rule rows have no numeric
/// first cell.
fn markdown_tables(fixture: &Fixture) -> Vec<(String, Vec<Row>)> {
    let mut tables: Vec<(String, Vec<Row>)> = Vec::new();
    for (i, line) in fixture.body.lines().enumerate() {
        if let Some(title) = line.strip_prefix("# ") {
            tables.push((title.to_owned(), Vec::new()));
            continue;
        }
        let Some(inner) = line.strip_prefix('|').and_then(|l| l.strip_suffix('|')) else {
            continue;
        };
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        if cells[0].parse::<i64>().is_err() {
            continue;
        }
        let (_, rows) = tables.last_mut().expect("a table under a heading");
        rows.push(Row {
            at: format!("{}:{}", fixture.name, fixture.offset + i + 1),
            code: cells[0].to_owned(),
            message: rendered(cells[1]),
            hint: cells.get(2).map(|cell| rendered(cell)),
        });
    }
    tables.retain(|(_, rows)| !rows.is_empty());
    tables
}

const TIKTOK_SHOP: &str = "tiktok_shop";
const TIKTOK_SHOP_COMMON: &str = "tiktok_shop_common_errors.txt";
const TIKTOK_SHOP_ENDPOINT: &str = "tiktok_shop_get_authorized_shops.txt";

fn tiktok_shop_expected(common: &Fixture, endpoint: &Fixture) -> Expected {
    let mut tables = markdown_tables(common).into_iter();
    let mut next = |title: &str| {
        let (found, rows) = tables.next().expect("another table");
        assert_eq!(found, title, "{}: the tables in page order", common.name);
        rows
    };
    let expected = vec![
        ("general", next("General errors")),
        ("authorization", next("Authorization errors")),
        ("authentication", next("Authentication errors")),
        ("parameter", next("Parameter errors")),
    ];
    assert!(tables.next().is_none(), "{}: four tables", common.name);
    let mut endpoint_tables = markdown_tables(endpoint);
    assert_eq!(endpoint_tables.len(), 1, "{}: one table", endpoint.name);
    let (title, rows) = endpoint_tables.remove(0);
    assert_eq!(title, "Error Code");
    // The endpoint page lists no advice of its own beside the message.
    let rows = rows
        .into_iter()
        .map(|row| Row { hint: None, ..row })
        .collect();
    expected.into_iter().chain([("endpoint", rows)]).collect()
}

// ---------------------------------------------------------------------------------------
// Shopee: an API page's `error_list`

const SHOPEE: &str = "shopee";
const SHOPEE_ERRORS: &str = "shopee_get_shop_info_errors.txt";

/// The rows of the `"error_list": [...]` field the fixture holds: `name` is the code,
/// `description` the message (its trailing blanks left out).
fn error_list_rows(fixture: &Fixture) -> Vec<Row> {
    let json = format!("{{{}}}", fixture.body.trim_end().trim_end_matches(','));
    let value: serde_json::Value = serde_json::from_str(&json).expect("the field is JSON");
    let lines = fixture
        .body
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with("\"name\":"));
    let items = value["error_list"].as_array().expect("a list");
    assert_eq!(items.len(), lines.clone().count(), "one `name` line a row");
    items
        .iter()
        .zip(lines)
        .map(|(item, (i, _))| Row {
            at: format!("{}:{}", fixture.name, fixture.offset + i + 1),
            code: item["name"].as_str().expect("a name").to_owned(),
            message: item["description"]
                .as_str()
                .expect("a description")
                .trim_end()
                .to_owned(),
            hint: None,
        })
        .collect()
}

fn shopee_expected(errors: &Fixture) -> Expected {
    vec![("error_list", error_list_rows(errors))]
}

// ---------------------------------------------------------------------------------------
// Lazada: API pages' Error Code rows, repeated rows kept

const LAZADA: &str = "lazada";
const LAZADA_PAGES: &str = "lazada_api_error_codes.txt";

/// The fixture's pages, each `(title, rows)`: a `# ` heading, then one JSON object a row
/// (`code`, `codeDesc`, `solution`). A row's text is trimmed and unquoted; its advice is its
/// solution, unless that is only `1` or repeats the text.
fn lazada_pages(fixture: &Fixture) -> Vec<(String, Vec<Row>)> {
    let unquoted = |text: &str| text.trim().trim_matches('"').to_owned();
    let mut pages: Vec<(String, Vec<Row>)> = Vec::new();
    for (i, line) in fixture.body.lines().enumerate() {
        if let Some(title) = line.strip_prefix("# ") {
            pages.push((title.to_owned(), Vec::new()));
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(line).expect("a JSON row");
        let field = |key: &str| unquoted(row[key].as_str().expect("a string"));
        let (message, solution) = (field("codeDesc"), field("solution"));
        let (_, rows) = pages.last_mut().expect("a row under a page heading");
        rows.push(Row {
            at: format!("{}:{}", fixture.name, fixture.offset + i + 1),
            code: field("code"),
            hint: (solution != "1" && solution != message).then_some(solution),
            message,
        });
    }
    pages
}

/// Whether `text` is an instance of `template`, whose `{field}`s stand for any non-empty text.
fn instance_of(template: &str, text: &str) -> bool {
    let mut parts = template.split('{').map(|part| {
        part.split_once('}')
            .map_or(("", part), |(_, lit)| ("f", lit))
    });
    let (_, first) = parts.next().expect("a first part");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for (_, literal) in parts {
        let found = if literal.is_empty() {
            (!rest.is_empty()).then_some(rest.len())
        } else {
            rest.get(1..)
                .and_then(|after| after.find(literal))
                .map(|at| at + 1)
        };
        let Some(at) = found else { return false };
        rest = &rest[at + literal.len()..];
    }
    rest.is_empty()
}

/// Every difference between `spec` and the pages: each row is an instance of exactly one
/// entry of its page's group with the row's code; the entries are in the order of their first
/// rows, none is without a row, and a hint is one of its rows' advice (none where no row has
/// advice).
fn lazada_problems(spec: &Value, pages: &[(String, Vec<Row>)], ids: &[&str]) -> Vec<String> {
    let held = groups(spec);
    let mut problems = Vec::new();
    let held_ids: Vec<&str> = held.iter().map(|(id, _)| id.as_str()).collect();
    if held_ids != ids {
        problems.push(format!("groups {held_ids:?}, the pages give {ids:?}"));
    }
    for ((id, entries), (title, rows)) in held.iter().zip(pages) {
        let mut firsts: Vec<usize> = Vec::new();
        let mut advice: Vec<Vec<&str>> = vec![Vec::new(); entries.len()];
        for row in rows {
            let matched: Vec<usize> = (0..entries.len())
                .filter(|&i| {
                    entries[i].code == row.code && instance_of(&entries[i].message, &row.message)
                })
                .collect();
            match matched[..] {
                [i] => {
                    if !firsts.contains(&i) {
                        firsts.push(i);
                    }
                    advice[i].extend(row.hint.as_deref());
                }
                _ => problems.push(format!(
                    "{}: {} {:?} is {} entries of {id}",
                    row.at,
                    row.code,
                    row.message,
                    matched.len()
                )),
            }
        }
        if firsts != (0..entries.len()).collect::<Vec<_>>() {
            problems.push(format!(
                "{id} ({title}): entries in the order {firsts:?} of their first rows"
            ));
        }
        for (entry, advice) in entries.iter().zip(&advice) {
            let fine = match &entry.hint {
                Some(hint) => advice.contains(&hint.as_str()),
                None => advice.is_empty(),
            };
            if !fine {
                problems.push(format!(
                    "{id}: {} hint {:?}, its rows advise {advice:?}",
                    entry.name, entry.hint
                ));
            }
        }
    }
    problems
}

const LAZADA_GROUPS: [&str; 4] = [
    "generate_access_token",
    "refresh_access_token",
    "get_seller",
    "get_product_item",
];

// ---------------------------------------------------------------------------------------
// Amazon SP-API: an OpenAPI model's error responses

const SP_API: &str = "amazon_sp_api";
const SP_API_MODEL: &str = "amazon_sp_api_fba_inbound_errors.txt";

/// One error response of the model: its status, description and sandbox example.
struct Response {
    at: String,
    status: u64,
    description: String,
    code: String,
    message: String,
}

/// The fixture's responses, `"400": {...}` to `"503": {...}` of an operation, in file order;
/// each has one sandbox case whose body holds one error.
fn model_responses(fixture: &Fixture) -> Vec<Response> {
    let json = format!("{{{}}}", fixture.body);
    let value: serde_json::Value = serde_json::from_str(&json).expect("the responses are JSON");
    let object = value.as_object().expect("an object");
    object
        .iter()
        .map(|(status, response)| {
            let opening = format!("          {status:?}: {{");
            let line = fixture
                .body
                .lines()
                .position(|line| line == opening)
                .expect("a status line");
            let cases = response["x-amzn-api-sandbox"]["static"]
                .as_array()
                .expect("cases");
            assert_eq!(cases.len(), 1, "{status}: one sandbox case");
            let errors = cases[0]["response"]["errors"].as_array().expect("errors");
            assert_eq!(errors.len(), 1, "{status}: one error");
            let text = |value: &serde_json::Value| value.as_str().expect("text").to_owned();
            Response {
                at: format!("{}:{}", fixture.name, fixture.offset + line + 1),
                status: status.parse().expect("a status"),
                description: text(&response["description"]),
                code: text(&errors[0]["code"]),
                message: text(&errors[0]["message"]),
            }
        })
        .collect()
}

/// Every difference between `spec` and the model: an entry per example, examples with the
/// same code and message being one, in order, with the first one's status, and a note that
/// quotes each of its statuses' descriptions.
fn model_problems(spec: &Value, responses: &[Response]) -> Vec<String> {
    let mut expected: Vec<Vec<&Response>> = Vec::new();
    for response in responses {
        match expected
            .iter_mut()
            .find(|same| same[0].code == response.code && same[0].message == response.message)
        {
            Some(same) => same.push(response),
            None => expected.push(vec![response]),
        }
    }
    let held = groups(spec);
    let mut problems = Vec::new();
    let entries: Vec<&Entry> = held.iter().flat_map(|(_, entries)| entries).collect();
    for (i, same) in expected.iter().enumerate() {
        let first = same[0];
        let Some(entry) = entries.get(i) else {
            problems.push(format!("{}: {} is in no entry", first.at, first.code));
            continue;
        };
        if (entry.code.as_str(), entry.message.as_str())
            != (first.code.as_str(), first.message.as_str())
        {
            problems.push(format!(
                "{}: {} {:?}, the model has {} {:?}",
                first.at, entry.name, entry.message, first.code, first.message
            ));
        }
        if entry.http_status != Some(first.status) {
            problems.push(format!(
                "{}: {} has status {:?}",
                first.at, entry.name, entry.http_status
            ));
        }
        for response in same {
            let quoted = format!("{}: {}", response.status, response.description);
            if !entry
                .note
                .as_deref()
                .is_some_and(|note| note.contains(&quoted))
            {
                problems.push(format!(
                    "{}: {}'s note lacks {quoted:?}",
                    response.at, entry.name
                ));
            }
        }
    }
    for entry in entries.iter().skip(expected.len()) {
        problems.push(format!("{} is in no response of the model", entry.name));
    }
    problems
}

// ---------------------------------------------------------------------------------------
// Specs

/// A spec entry as the comparison needs it.
#[derive(Debug)]
struct Entry {
    name: String,
    code: String,
    message: String,
    hint: Option<String>,
    retry: String,
    http_status: Option<u64>,
    note: Option<String>,
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn retry(value: &Value) -> Option<String> {
    match value {
        Value::String(class) => Some(class.clone()),
        Value::Mapping(map) => map.keys().next().and_then(text),
        _ => None,
    }
}

/// `(group id, entries)` of a spec, in spec order.
fn groups(spec: &Value) -> Vec<(String, Vec<Entry>)> {
    let groups = spec["groups"].as_sequence().expect("groups");
    groups
        .iter()
        .map(|group| {
            let entries = group["errors"].as_sequence().expect("errors");
            let entries = entries
                .iter()
                .map(|entry| Entry {
                    name: text(&entry["name"]).expect("a name"),
                    code: text(&entry["code"]).expect("a code"),
                    message: text(&entry["message"]).expect("a message"),
                    hint: text(&entry["hint"]),
                    retry: retry(&entry["retry"])
                        .or_else(|| retry(&group["retry"]))
                        .expect("a retry class"),
                    http_status: entry["http_status"].as_u64(),
                    note: text(&entry["note"]),
                })
                .collect();
            (text(&group["id"]).expect("an id"), entries)
        })
        .collect()
}

/// Every difference between a spec and its sources' rows, one line each.
fn problems(spec: &Value, expected: &Expected) -> Vec<String> {
    let held = groups(spec);
    let mut problems = Vec::new();
    let ids: Vec<&str> = held.iter().map(|(id, _)| id.as_str()).collect();
    let wanted: Vec<&str> = expected.iter().map(|(id, _)| *id).collect();
    if ids != wanted {
        problems.push(format!("groups {ids:?}, the sources have {wanted:?}"));
    }
    for ((id, entries), (_, rows)) in held.iter().zip(expected) {
        for (i, row) in rows.iter().enumerate() {
            match entries.get(i) {
                None => problems.push(format!("{}: row {} is not in group {id}", row.at, row.code)),
                Some(entry) => problems.extend(row_problem(entry, row)),
            }
        }
        for entry in entries.iter().skip(rows.len()) {
            problems.push(format!("{id}: {} is in no row of the source", entry.name));
        }
    }
    problems
}

fn row_problem(entry: &Entry, row: &Row) -> Option<String> {
    let what = if entry.code != row.code {
        format!("code {}", entry.code)
    } else if entry.message != row.message {
        format!("message {:?}, the row has {:?}", entry.message, row.message)
    } else if entry.hint != row.hint {
        format!("hint {:?}, the row has {:?}", entry.hint, row.hint)
    } else {
        return None;
    };
    Some(format!("{}: {} ({}): {what}", row.at, entry.name, row.code))
}

/// Entries whose class is not permanent without a note saying why.
fn unexplained_classes(spec: &Value) -> Vec<String> {
    groups(spec)
        .into_iter()
        .flat_map(|(_, entries)| entries)
        .filter(|entry| entry.retry != "permanent" && entry.note.is_none())
        .map(|entry| format!("{} is {} without a note", entry.name, entry.retry))
        .collect()
}

fn assert_none(problems: &[String]) {
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The fixture `name` with `from` replaced by `to` in its text, which must contain it.
fn edited(name: &'static str, from: &str, to: &str) -> Fixture {
    let text = read(&format!("tests/fixtures/sources/{name}"));
    assert!(text.contains(from), "{name} contains {from:?}");
    with_text(name, &text.replacen(from, to, 1))
}

// ---------------------------------------------------------------------------------------
// TikTok Shop

#[test]
fn tiktok_shop_has_every_row_of_its_sources() {
    let expected =
        tiktok_shop_expected(&fixture(TIKTOK_SHOP_COMMON), &fixture(TIKTOK_SHOP_ENDPOINT));
    let rows: usize = expected.iter().map(|(_, rows)| rows.len()).sum();
    assert_eq!(
        rows, 25,
        "7 + 3 + 9 + 5 rows on the page, 1 on the endpoint page"
    );
    assert_none(&problems(&spec_value(TIKTOK_SHOP), &expected));
    assert_none(&unexplained_classes(&spec_value(TIKTOK_SHOP)));
}

#[test]
fn a_reworded_dropped_or_moved_tiktok_shop_row_is_caught() {
    let spec = spec_value(TIKTOK_SHOP);
    let endpoint = || fixture(TIKTOK_SHOP_ENDPOINT);
    let check = |common: Fixture| problems(&spec, &tiktok_shop_expected(&common, &endpoint()));
    let reworded = check(edited(
        TIKTOK_SHOP_COMMON,
        "Invalid `app_key` query parameter.",
        "Invalid `app_secret` query parameter.",
    ));
    assert!(
        reworded
            .iter()
            .any(|p| p.contains("InvalidAppKey") && p.contains("app_secret")),
        "{reworded:?}"
    );
    let advice = check(edited(
        TIKTOK_SHOP_COMMON,
        "Remove it and try again.",
        "Remove it.",
    ));
    assert!(advice
        .iter()
        .any(|p| p.contains("UnexpectedShopCipher") && p.contains("hint")));
    let line = "| 36009033 | Access denied. Your IP address is not in the IP allow list configured for this app. | Add your IP address in **Partner Center** > **App & Service**. |\n";
    let dropped = check(edited(TIKTOK_SHOP_COMMON, line, ""));
    assert!(
        dropped
            .iter()
            .any(|p| p.contains("IpNotAllowed is in no row")),
        "{dropped:?}"
    );
    let moved = check(edited(
        TIKTOK_SHOP_COMMON,
        "# Authentication errors\n",
        &format!("# Authentication errors\n{line}"),
    ));
    assert!(!moved.is_empty());
    let unstated = edited(TIKTOK_SHOP_ENDPOINT, "Please try again. ", "");
    let unstated = problems(
        &spec,
        &tiktok_shop_expected(&fixture(TIKTOK_SHOP_COMMON), &unstated),
    );
    assert!(unstated.iter().any(|p| p.contains("InternalError")));
}

#[test]
fn markdown_cells_render_as_the_page_shows_them() {
    assert_eq!(
        rendered("Please pass in the `access_token` you obtained from the [Get Access Token](authorization-overview-202407#Get%20Access%20Token%20API)endpoint."),
        "Please pass in the 'access_token' you obtained from the Get Access Tokenendpoint."
    );
    assert_eq!(
        rendered("**Partner Center** > **App & Service**"),
        "Partner Center > App & Service"
    );
    assert_eq!(rendered("a <br>  <br> b <br> - c"), "a\n\nb\n- c");
    assert_eq!(rendered("x * y [z"), "x * y [z");
}

#[test]
fn the_specs_cite_their_fixtures_sources() {
    for (platform, fixtures) in [
        (TIKTOK_SHOP, &[TIKTOK_SHOP_COMMON, TIKTOK_SHOP_ENDPOINT][..]),
        (SHOPEE, &[SHOPEE_ERRORS]),
        (LAZADA, &[LAZADA_PAGES]),
        (SP_API, &[SP_API_MODEL]),
    ] {
        let spec = spec_value(platform);
        let source = text(&spec["source"]).expect("a source");
        let note = text(&spec["note"]).expect("a note");
        for &name in fixtures {
            let fixture = fixture(name);
            let page = fixture.source.split(' ').next().expect("a URL");
            assert!(source.contains(page), "{platform}: source cites {page}");
            assert!(note.contains(name), "{platform}: note names {name}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Shopee

#[test]
fn shopee_has_every_row_of_its_source() {
    let expected = shopee_expected(&fixture(SHOPEE_ERRORS));
    assert_eq!(expected[0].1.len(), 20);
    assert_none(&problems(&spec_value(SHOPEE), &expected));
    assert_none(&unexplained_classes(&spec_value(SHOPEE)));
}

#[test]
fn a_reworded_dropped_or_extra_shopee_row_is_caught() {
    let spec = spec_value(SHOPEE);
    let check = |fixture: Fixture| problems(&spec, &shopee_expected(&fixture));
    let reworded = check(edited(
        SHOPEE_ERRORS,
        "\"no timestamp\"",
        "\"No timestamp\"",
    ));
    assert!(
        reworded.iter().any(|p| p.contains("MissingTimestamp")),
        "{reworded:?}"
    );
    let recoded = check(edited(SHOPEE_ERRORS, "\"error_sign\"", "\"error_auth\""));
    assert!(recoded
        .iter()
        .any(|p| p.contains("WrongSign") && p.contains("code")));
    let row = "    {\n      \"name\": \"error_shop\",\n      \"description\": \"shopid is invalid\"\n    },\n";
    let dropped = check(edited(SHOPEE_ERRORS, row, ""));
    assert!(!dropped.is_empty());
    let extra = check(edited(SHOPEE_ERRORS, row, &format!("{row}{row}")));
    assert!(!extra.is_empty());
}

// ---------------------------------------------------------------------------------------
// Lazada

#[test]
fn lazada_has_every_row_of_its_source() {
    let pages = lazada_pages(&fixture(LAZADA_PAGES));
    let rows: Vec<usize> = pages.iter().map(|(_, rows)| rows.len()).collect();
    assert_eq!(rows, [4, 9, 1, 15], "the pages' rows, repeats included");
    assert_none(&lazada_problems(
        &spec_value(LAZADA),
        &pages,
        &LAZADA_GROUPS,
    ));
    assert_none(&unexplained_classes(&spec_value(LAZADA)));
}

#[test]
fn a_reworded_dropped_or_unstated_lazada_row_is_caught() {
    let spec = spec_value(LAZADA);
    let check = |fixture: Fixture| lazada_problems(&spec, &lazada_pages(&fixture), &LAZADA_GROUPS);
    let reworded = check(edited(
        LAZADA_PAGES,
        "E208: Item not exist",
        "E208: Item does not exist",
    ));
    assert!(reworded.iter().any(|p| p.contains("208")), "{reworded:?}");
    let line = "{\"code\": \"IllegalAccessToken\", \"codeDesc\": \"The specified access token is invalid or expired\", \"solution\": \"access token is invalid or expired\"}\n";
    let dropped = check(edited(LAZADA_PAGES, line, ""));
    assert!(
        dropped.iter().any(|p| p.contains("entries in the order")),
        "{dropped:?}"
    );
    let advice = check(edited(
        LAZADA_PAGES,
        "\"solution\": \"access token is invalid or expired\"",
        "\"solution\": \"refresh it\"",
    ));
    assert!(
        advice.iter().any(|p| p.contains("IllegalAccessToken hint")),
        "{advice:?}"
    );
    let extra = check(edited(
        LAZADA_PAGES,
        line,
        &format!(
            "{line}{{\"code\": \"ApiCallLimit\", \"codeDesc\": \"x\", \"solution\": \"1\"}}\n"
        ),
    ));
    assert!(
        extra.iter().any(|p| p.contains("ApiCallLimit")),
        "{extra:?}"
    );
}

#[test]
fn a_template_stands_for_any_text_in_its_fields() {
    let template = "{app_key} can only be authorized by market, not support refresh";
    assert!(instance_of(
        template,
        "XXX can only be authorized by market, not support refresh"
    ));
    assert!(instance_of(
        template,
        "appkey can only be authorized by market, not support refresh"
    ));
    assert!(!instance_of(
        template,
        " can only be authorized by market, not support refresh"
    ));
    assert!(!instance_of(
        template,
        "appkey can only be authorized by market"
    ));
    assert!(instance_of("a {x}", "a b"));
    assert!(!instance_of("a {x}", "a "));
    assert!(instance_of("plain", "plain"));
    assert!(!instance_of("plain", "plainer"));
}

// ---------------------------------------------------------------------------------------
// Amazon SP-API

#[test]
fn amazon_sp_api_has_every_error_response_of_its_model() {
    let responses = model_responses(&fixture(SP_API_MODEL));
    let statuses: Vec<u64> = responses.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [400, 401, 403, 404, 429, 500, 503]);
    assert_none(&model_problems(&spec_value(SP_API), &responses));
    assert_none(&unexplained_classes(&spec_value(SP_API)));
}

#[test]
fn a_changed_or_dropped_sp_api_response_is_caught() {
    let spec = spec_value(SP_API);
    let check = |fixture: Fixture| model_problems(&spec, &model_responses(&fixture));
    let reworded = check(edited(
        SP_API_MODEL,
        "\"Invalid input.\"",
        "\"Invalid Input\"",
    ));
    assert!(
        reworded.iter().any(|p| p.contains("InvalidInput")),
        "{reworded:?}"
    );
    let described = check(edited(
        SP_API_MODEL,
        "The resource specified does not exist.",
        "Not found.",
    ));
    assert!(
        described.iter().any(|p| p.contains("NotFound's note")),
        "{described:?}"
    );
    let recoded = check(edited(
        SP_API_MODEL,
        "\"QuotaExceeded\"",
        "\"TooManyRequests\"",
    ));
    assert!(
        recoded.iter().any(|p| p.contains("QuotaExceeded")),
        "{recoded:?}"
    );
}
