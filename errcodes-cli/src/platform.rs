//! A platform's table as the commands read it, shipped with errcodes or read from a spec
//! file: the spec's names and its runtime `Table`. `explain`, `list` and `docs` read both
//! kinds through this one view, with the runtime's own lookups.

use errcodes::__private::Table;
use errcodes::Catalog;
use errcodes_spec::Spec;
use serde::Serialize;

use crate::entry::Entry;

#[derive(Debug, Serialize)]
pub struct Platform {
    /// The spec's `platform`.
    pub id: &'static str,
    #[serde(rename = "enum")]
    pub enum_name: String,
    pub title: String,
    pub source: String,
    /// Where the spec is: `specs/<id>.yaml` for a shipped platform, else the path given.
    pub spec: String,
    /// Whether errcodes ships it, as `errcodes::platforms::<id>`.
    pub shipped: bool,
    /// In spec order.
    pub groups: Vec<Group>,
    #[serde(skip)]
    pub table: &'static Table,
    /// The model of a spec file; a shipped platform's is read when asked for.
    #[serde(skip)]
    model: Option<Spec>,
}

/// The spec a row comes from: the platform's own, or one it includes or extends.
#[derive(Debug, Clone, Serialize)]
pub struct Origin {
    pub platform: String,
    pub title: String,
    pub source: String,
    /// Its file, as a build's reports name it (`<errcodes>/specs/wechat_global.yaml`).
    pub spec: String,
    /// Whether it is the platform's own spec.
    pub own: bool,
}

#[derive(Debug, Serialize)]
pub struct Group {
    pub id: String,
    pub title: String,
}

impl Group {
    fn new(id: &str, title: &str) -> Group {
        Group {
            id: id.to_owned(),
            title: title.to_owned(),
        }
    }
}

/// The platforms errcodes ships, in the order of `errcodes::platforms`' docs.
pub fn shipped() -> Vec<Platform> {
    use errcodes::platforms::{
        aliexpress::AliexpressError, alipay::AlipayError, tiktok_global::TiktokGlobalError,
        tiktok_local_services::TiktokLocalServicesError, top_gateway::TopGatewayError,
        wangdiantong::WangdiantongError, wechat_global::WechatGlobalError,
        wechat_shop::WechatShopError, wechat_transaction::WechatTransactionError,
    };
    // `stringify!`: the enum's name as written, where `type_name` promises no format.
    macro_rules! of {
        ($($ty:ident),*) => { vec![$(Platform::of::<$ty>(stringify!($ty))),*] };
    }
    of!(
        WechatShopError,
        WechatTransactionError,
        WangdiantongError,
        TiktokLocalServicesError,
        AliexpressError,
        WechatGlobalError,
        TopGatewayError,
        TiktokGlobalError,
        AlipayError
    )
}

/// The ids of the shipped platforms, for messages.
pub fn shipped_ids() -> String {
    shipped()
        .iter()
        .map(|platform| platform.id)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Platform {
    fn of<E: Catalog>(enum_name: &str) -> Platform {
        Platform {
            id: E::PLATFORM,
            enum_name: enum_name.to_owned(),
            title: E::TITLE.to_owned(),
            source: E::SOURCE.to_owned(),
            spec: format!("specs/{}.yaml", E::PLATFORM),
            shipped: true,
            groups: E::GROUPS
                .iter()
                .map(|group| Group::new(group.id, group.title))
                .collect(),
            table: E::__table(),
            model: None,
        }
    }

    /// The platform of a checked spec read from `path`: its table encoded as
    /// `platform_errors!` encodes it, and read by the runtime's own `Table`, so that one
    /// lookup serves a spec file and a shipped enum. Leaked: a command reads one or two
    /// specs once per process. An error when the table cannot be built.
    pub fn from_spec(spec: &Spec, path: &str) -> Result<Platform, String> {
        let encoded = errcodes_spec::encode(spec).map_err(|error| format!("{path}: {error}"))?;
        let table = Table::leak(encoded);
        Ok(Platform {
            id: table.platform(),
            enum_name: spec.enum_name.clone(),
            title: spec.title.clone(),
            source: spec.source.clone(),
            spec: path.to_owned(),
            shipped: false,
            groups: spec
                .groups
                .iter()
                .map(|group| Group::new(&group.id, &group.title))
                .collect(),
            table,
            model: Some(spec.clone()),
        })
    }

    /// The spec the row of entry `name` comes from.
    pub fn origin(&self, name: &str) -> Option<Origin> {
        let shipped;
        let spec = if let Some(spec) = &self.model {
            spec
        } else {
            shipped = errcodes_spec::read_shipped(self.id)?.ok()?;
            &shipped
        };
        let entry = spec.entries.iter().find(|entry| entry.name == name)?;
        let layer = spec.layers.get(entry.layer)?;
        Some(Origin {
            platform: layer.platform.clone(),
            title: layer.title.clone(),
            source: layer.source.clone(),
            spec: layer.file.clone(),
            own: entry.layer == 0,
        })
    }

    /// Every entry, in spec order.
    pub fn entries(&self) -> Vec<Entry> {
        (0..self.table.len())
            .map(|index| Entry::at(self.table, index))
            .collect()
    }

    /// How the command line names it: a shipped platform's id, else the spec's path.
    pub fn argument(&self) -> &str {
        if self.shipped {
            self.id
        } else {
            &self.spec
        }
    }

    /// `Foo::Name`.
    pub fn variant(&self, name: &str) -> String {
        format!("{}::{name}", self.enum_name)
    }

    /// The title of group `id`.
    pub fn group_title(&self, id: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|group| group.id == id)
            .map(|group| group.title.as_str())
    }
}
