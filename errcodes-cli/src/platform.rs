//! A platform's table as the commands read it, shipped with errcodes or read from a spec
//! file: the spec's names and its run-time `Table`. `explain`, `list` and `docs` read both
//! kinds through this one view, with the runtime's own lookups.

use errcodes::runtime::Table;
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
    pub table: Table,
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

/// The order `errcodes::platforms`' docs list the shipped platforms in; others follow, by
/// name.
const ORDER: &[&str] = &[
    "wechat_shop",
    "wechat_transaction",
    "wangdiantong",
    "tiktok_local_services",
    "aliexpress",
    "wechat_global",
    "top_gateway",
    "tiktok_global",
    "alipay",
    "wechat_pay_v3",
    "wechat_channels_store",
    "tiktok_shop",
    "shopee",
    "lazada",
    "amazon_sp_api",
    "jd_daojia",
];

/// The ids of the platforms errcodes ships, in that order.
pub fn shipped_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Table::shipped_names().collect();
    names.sort_by_key(|name| {
        let rank = ORDER.iter().position(|known| known == name);
        (rank.unwrap_or(ORDER.len()), *name)
    });
    names
}

/// The platforms errcodes ships, in that order.
pub fn shipped() -> Vec<Platform> {
    shipped_names()
        .into_iter()
        .filter_map(|name| Platform::shipped(name).ok())
        .collect()
}

/// The ids of the shipped platforms, for messages.
pub fn shipped_ids() -> String {
    shipped_names().join(", ")
}

impl Platform {
    /// The platform errcodes ships as `id`, read as every shipped enum is generated.
    pub fn shipped(id: &str) -> Result<Platform, Vec<String>> {
        let table = Table::shipped(id).map_err(|error| error.problems().to_vec())?;
        Ok(Platform {
            spec: format!("specs/{}.yaml", table.platform()),
            shipped: true,
            model: None,
            ..Platform::of(table)
        })
    }

    /// The platform of the spec file at `path`, checked as `spec`: its table loaded by the
    /// runtime, encoded as `platform_errors!` encodes it, so that one lookup serves a spec
    /// file and a shipped enum.
    pub fn from_spec(spec: &Spec, path: &str) -> Result<Platform, Vec<String>> {
        let table = Table::load(path).map_err(|error| error.problems().to_vec())?;
        Ok(Platform {
            spec: path.to_owned(),
            model: Some(spec.clone()),
            ..Platform::of(table)
        })
    }

    fn of(table: Table) -> Platform {
        Platform {
            id: table.platform(),
            enum_name: table.enum_name().to_owned(),
            title: table.title().to_owned(),
            source: table.source().to_owned(),
            spec: String::new(),
            shipped: false,
            groups: table
                .groups()
                .iter()
                .map(|group| Group::new(group.id, group.title))
                .collect(),
            table,
            model: None,
        }
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
        self.table
            .variants()
            .map(|variant| Entry::of(&variant))
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
