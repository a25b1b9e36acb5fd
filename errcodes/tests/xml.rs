//! XML bodies (feature `xml`; `format: xml` or `auto`): WeChat Pay API v2's two levels, lists
//! of repeated elements, entities and CDATA, a body that is no XML. An XML body reads as the
//! JSON object the rule in `specs/README.md` makes of it: a property test writes one tree both
//! ways and reads both.
#![cfg(feature = "xml")]

use errcodes::prelude::*;
use errcodes::response::ResponseErrorKind;
use errcodes::Code;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

mod envelopes;

errcodes::platform_errors!("tests/envelopes/levels_xml.yaml");
errcodes::platform_errors!("tests/envelopes/error_lists_xml.yaml");

type V2 = LevelsXmlError;

/// The answer of the v2 统一下单 page (jsapi.php?chapter=9_1), as its example prints it.
const UNIFIED_ORDER: &str = "<xml>
   <return_code><![CDATA[SUCCESS]]></return_code>
   <return_msg><![CDATA[OK]]></return_msg>
   <appid><![CDATA[wx2421b1c4370ec43b]]></appid>
   <mch_id><![CDATA[10000100]]></mch_id>
   <nonce_str><![CDATA[IITRi8Iabbblz1Jc]]></nonce_str>
   <openid><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></openid>
   <sign><![CDATA[7921E432F65EB8ED0CE9755F0E86D72F]]></sign>
   <result_code><![CDATA[SUCCESS]]></result_code>
   <prepay_id><![CDATA[wx201411101639507cbf6ffd8b0779950874]]></prepay_id>
   <trade_type><![CDATA[JSAPI]]></trade_type>
</xml>";

#[test]
fn a_success_on_both_levels_is_a_success() {
    assert!(matches!(V2::from_response(UNIFIED_ORDER), Ok(None)));
    assert!(matches!(V2::from_http(200, UNIFIED_ORDER), Ok(None)));
    let error = V2::from_http(503, UNIFIED_ORDER).expect_err("status");
    assert_eq!(error.kind(), ResponseErrorKind::Status);
}

#[test]
fn each_level_reads_its_own_error() {
    let call = "<xml><return_code><![CDATA[FAIL]]></return_code>\n<return_msg><![CDATA[签名失败]]></return_msg>\n</xml>";
    let error = V2::from_response(call).expect("read").expect("an error");
    assert_eq!((error.level(), error.error()), (0, &V2::SignatureFailed));
    assert_eq!(error.message(), "签名失败");
    let business = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><return_code>SUCCESS</return_code><return_msg>OK</return_msg><result_code>FAIL</result_code><err_code>ORDERNOTEXIST</err_code><err_code_des>此交易订单号不存在</err_code_des></xml>";
    let error = V2::from_response(business)
        .expect("read")
        .expect("an error");
    assert_eq!((error.level(), error.error()), (1, &V2::OrderNotExist));
    assert_eq!(error.code(), Code::Str("ORDERNOTEXIST"));
}

#[test]
fn entities_cdata_and_blank_text_read_as_text() {
    let body = "<xml><return_code>FAIL</return_code><return_msg> a &amp; b &#x4e2d;&lt;</return_msg></xml>";
    let error = V2::from_response(body).expect("read").expect("an error");
    assert_eq!(error.message(), " a & b 中<");
    let body = "<xml><return_code>\n  <![CDATA[FAIL]]>\n</return_code><return_msg><![CDATA[ x ]]></return_msg></xml>";
    let error = V2::from_response(body).expect("read").expect("an error");
    assert_eq!((error.code(), error.message()), (Code::Str("FAIL"), " x "));
}

#[test]
fn a_repeated_element_reads_as_its_last() {
    let body = "<xml><return_code>SUCCESS</return_code><return_code>FAIL</return_code><return_msg>签名失败</return_msg></xml>";
    let error = V2::from_response(body).expect("read").expect("an error");
    assert_eq!(*error.error(), V2::SignatureFailed);
}

#[test]
fn a_body_that_is_no_xml_says_so() {
    for body in [
        "",
        "   ",
        r#"{"return_code":"FAIL"}"#,
        "<xml><return_code>FAIL</return_msg></xml>",
        "<xml><return_code>FAIL</return_code>",
        "<xml></xml><xml></xml>",
        "<xml><return_code>&nbsp;</return_code></xml>",
        "text<xml/>",
    ] {
        let error = V2::from_http(502, body).expect_err(body);
        assert_eq!(error.kind(), ResponseErrorKind::NotXml, "{body:?}");
        assert!(std::error::Error::source(&error).is_some(), "{body:?}");
        assert_eq!(error.retry_class(), RetryClass::Transient);
        assert_eq!(
            error.to_string(),
            "the response is not XML (HTTP status 502)"
        );
    }
    // A `Value` is JSON whatever the format.
    let error = V2::from_response(&json!({"return_code": "FAIL", "return_msg": "签名失败"}))
        .expect("read")
        .expect("an error");
    assert_eq!(*error.error(), V2::SignatureFailed);
}

#[test]
fn repeated_elements_are_the_items_of_a_list() {
    let body = "<?xml version=\"1.0\"?>
<ErrorResponse xmlns=\"https://mws.amazonservices.com/\">
  <Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>Invalid value for MarketplaceId</Message></Error>
  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Access denied</Message></Error>
  <RequestID>a1b2c3</RequestID>
</ErrorResponse>";
    let error = ErrorListsXmlError::from_response(body)
        .expect("read")
        .expect("an error");
    assert_eq!(*error.error(), ErrorListsXmlError::InvalidParameterValue);
    assert_eq!(error.request_id(), Some("a1b2c3"));
    assert_eq!(error.others().len(), 1);
    assert_eq!(*error.others()[0].error(), ErrorListsXmlError::AccessDenied);
    // `auto`: a body that does not start with `<` is JSON.
    let json =
        r#"{"Error":[{"Code":"AccessDenied","Message":"Access denied"}],"RequestID":"a1b2c3"}"#;
    let error = ErrorListsXmlError::from_response(json)
        .expect("read")
        .expect("an error");
    assert_eq!(*error.error(), ErrorListsXmlError::AccessDenied);
    let error = ErrorListsXmlError::from_response(
        "\u{feff}  <ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>",
    )
    .expect("read")
    .expect("an error");
    assert_eq!(*error.error(), ErrorListsXmlError::AccessDenied);
}

/// An element: a name and its text, or its children.
#[derive(Clone, Debug)]
enum Node {
    Text(String, String),
    Parent(String, Vec<Node>),
}

const NAMES: &[&str] = &[
    "return_code",
    "return_msg",
    "result_code",
    "err_code",
    "err_code_des",
    "appid",
];

fn node() -> impl Strategy<Value = Node> {
    let name = || prop::sample::select(NAMES).prop_map(str::to_owned);
    let text = prop_oneof![
        Just("SUCCESS".to_owned()),
        Just("FAIL".to_owned()),
        Just("ORDERNOTEXIST".to_owned()),
        Just(String::new()),
        Just("签名失败".to_owned()),
        "[a-z &<>\"']{0,6}",
    ];
    (name(), text)
        .prop_map(|(name, text)| Node::Text(name, text))
        .prop_recursive(2, 12, 4, move |inner| {
            (name(), prop::collection::vec(inner, 1..4)).prop_map(|(n, c)| Node::Parent(n, c))
        })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The element as XML text: text escaped, or in CDATA where `cdata` says.
fn write(node: &Node, cdata: bool, out: &mut String) {
    match node {
        Node::Text(name, text) if cdata => {
            out.push_str(&format!("<{name}> <![CDATA[{text}]]>\n</{name}>"));
        }
        Node::Text(name, text) => out.push_str(&format!("<{name}>{}</{name}>", escape(text))),
        Node::Parent(name, children) => {
            out.push_str(&format!("<{name}>"));
            for child in children {
                write(child, cdata, out);
            }
            out.push_str(&format!("</{name}>\n"));
        }
    }
}

/// The element's value by the rule: text, or an object whose repeated keys keep the last.
fn value(node: &Node) -> Value {
    match node {
        Node::Text(_, text) => Value::String(text.clone()),
        Node::Parent(_, children) => {
            let mut object = Map::new();
            for child in children {
                let (Node::Text(name, _) | Node::Parent(name, _)) = child;
                object.insert(name.clone(), value(child));
            }
            Value::Object(object)
        }
    }
}

proptest! {
    #[test]
    fn xml_reads_as_the_json_the_rule_makes_of_it(
        children in prop::collection::vec(node(), 0..8),
        cdata in any::<bool>(),
    ) {
        let root = Node::Parent("xml".to_owned(), children);
        let mut xml = String::new();
        write(&root, cdata, &mut xml);
        let read = |body: Result<Option<errcodes::ApiError<V2>>, errcodes::response::ResponseError>| {
            body.map_err(|error| (error.kind(), error.path()))
        };
        prop_assert_eq!(read(V2::from_response(&xml)), read(V2::from_response(&value(&root))), "{}", xml);
    }
}

#[test]
fn wechat_pay_v2_replies_as_an_sdk_test_mocks_them() {
    envelopes::check_corpus::<V2>("wechat_pay_v2.jsonl");
}
