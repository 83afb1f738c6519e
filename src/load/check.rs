//! Cross-checks over the whole model: references resolve, ids are unique, dates make sense,
//! transfers are safeguarded, changes respect the DPA's notice period and the change log agrees
//! with itself.
//!
//! Each check reports at the value it is about and carries on, so one run shows every problem.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::source::{closest, Sources};
use super::{Diagnostic, Src};
use crate::model::{
    Access, Answer, ChangeKind, Conflict, Contact, Date, DocumentKind, Entry, Framework, Mechanism,
    Model, Status,
};
use crate::site::Section;

/// Where the values of files with more than one instance came from, index for index.
pub struct Located {
    pub organization: Src,
    pub security: Src,
    pub data: Src,
    pub disclosure: Src,
    pub subprocessors: Vec<Src>,
    pub documents: Vec<Src>,
    pub answers: Vec<Src>,
    pub updates: Vec<Src>,
}

/// Days before expiry from which `check` warns about a certification.
pub const EXPIRY_WARNING_DAYS: i64 = 30;
/// Age after which an answer is reported as due for review.
pub const REVIEW_WARNING_DAYS: i64 = 365;
/// The notice periods a DPA can plausibly promise, in days.
const NOTICE_DAYS: std::ops::RangeInclusive<u32> = 1..=365;
/// The longest `security.txt` validity RFC 9116 recommends.
pub const MAX_SECURITY_TXT_DAYS: u32 = 365;

/// The EEA: the EU member states plus Iceland, Liechtenstein and Norway.
const EEA: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
];

fn file(name: &str) -> Src {
    Src {
        file: name.to_owned(),
        offset: 0,
    }
}

pub fn check(model: &Model, at: &Located, src: &mut Sources) {
    let mut cx = Cx { src, model };
    cx.organization(&at.organization);
    cx.certifications();
    cx.security(&at.security);
    cx.data(&at.data);
    cx.subprocessors(&at.subprocessors);
    cx.changes();
    cx.roster(&at.subprocessors, &at.data);
    cx.documents(&at.documents);
    cx.disclosure(&at.disclosure);
    cx.answers(&at.answers);
    cx.updates(&at.updates);
}

struct Cx<'a> {
    src: &'a mut Sources,
    model: &'a Model,
}

impl<'a> Cx<'a> {
    fn error(&mut self, at: &Src, span: std::ops::Range<usize>, message: String, hint: &str) {
        let d = self.src.error(at, span, message);
        if !hint.is_empty() {
            d.hint = Some(hint.to_owned());
        }
    }

    fn warning(&mut self, at: &Src, span: std::ops::Range<usize>, message: String, hint: &str) {
        let d = self.src.error(at, span, message);
        d.severity = super::Severity::Warning;
        if !hint.is_empty() {
            d.hint = Some(hint.to_owned());
        }
    }

    // ---- value checks ----------------------------------------------------------------------

    fn url(&mut self, at: &Src, key: &str, value: &Spanned<String>) {
        let v = value.get_ref();
        if is_web_url(v) {
            return;
        }
        if v.starts_with("https://") {
            self.error(
                at,
                value.span(),
                format!("`{key}` is not an address a page can link to as written: \"{v}\""),
                "percent-encode spaces, quotes and angle brackets (%20, %22, %3C, %3E); the host \
                 is letters, digits, dots and dashes",
            );
        } else {
            self.error(
                at,
                value.span(),
                format!("`{key}` must be an https:// address, found \"{v}\""),
                "write the full address, e.g. \"https://example.com/page\"",
            );
        }
    }

    /// Language tags as BCP 47 writes them (`en`, `de`, `pt-BR`): security.txt and trust.json
    /// publish them for programs to read. A well-formed tag whose language is a word
    /// (`english`) is refused too: no language has a code that long.
    fn languages(&mut self, at: &Src, key: &str, tags: &[Spanned<String>]) {
        for tag in tags {
            let v = tag.get_ref();
            let language = oxilangtag::LanguageTag::parse(v.as_str())
                .map(|t| t.primary_language().split('-').next().unwrap_or("").len());
            if !matches!(language, Ok(2 | 3)) {
                self.error(
                    at,
                    tag.span(),
                    format!("`{key}` holds \"{v}\", which is not a language tag"),
                    "write BCP 47 tags: a language code, then a region if needed, e.g. \"en\", \"de\", \"pt-BR\"",
                );
            }
        }
    }

    fn email(&mut self, at: &Src, key: &str, value: &Spanned<String>) {
        if !is_email(value.get_ref()) {
            self.error(
                at,
                value.span(),
                format!("`{key}` is not an email address: \"{}\"", value.get_ref()),
                "e.g. \"security@example.com\"",
            );
        }
    }

    fn country(&mut self, at: &Src, key: &str, value: &Spanned<String>) {
        if !is_country_code(value.get_ref()) {
            self.error(
                at,
                value.span(),
                format!(
                    "`{key}` must be an ISO 3166-1 alpha-2 country code, found \"{}\"",
                    value.get_ref()
                ),
                "two capital letters, e.g. \"DE\", \"IE\" or \"US\"",
            );
        }
    }

    /// Checks a content id; `page` is the section whose page gives an element that id as it is
    /// (a control's on the security page), where the page's own sections must not have it.
    fn id(&mut self, at: &Src, what: &str, value: &Spanned<String>, page: Option<Section>) {
        let id = value.get_ref().as_str();
        if !is_id(id) {
            self.error(
                at,
                value.span(),
                format!("{what} id \"{id}\" must be lowercase letters, digits and dashes"),
                "ids appear in links; e.g. \"soc2-type2\"",
            );
        } else if let Some(taken_by) = taken_by(id, page) {
            // Content ids become element ids on their page, and those ids are there already.
            self.error(
                at,
                value.span(),
                format!("{what} id \"{id}\" is taken by {taken_by}"),
                &format!("choose another; ids appear in links, e.g. \"{what}-{id}\""),
            );
        }
    }

    fn asset(&mut self, at: &Src, key: &str, value: &Spanned<String>) {
        let model = self.model;
        let path = value.get_ref();
        if !model.assets.contains_key(path) {
            // The commonest slip: the file is there, the path leaves out its folder.
            let under_assets = format!("assets/{}", path.trim_start_matches('/'));
            let (message, hint) = if model.assets.contains_key(&under_assets) {
                (
                    format!("`{key}` names \"{path}\", but paths start at the content directory"),
                    format!("write \"{under_assets}\""),
                )
            } else {
                (
                    format!("`{key}` names \"{path}\", and there is no such file under assets/"),
                    "put the file in the content directory's assets/ folder and give its path, e.g. \"assets/report.pdf\"".to_owned(),
                )
            };
            self.error(at, value.span(), message, &hint);
        }
    }

    /// Reports ids seen twice, at the second occurrence.
    fn unique<'v>(
        &mut self,
        what: &str,
        ids: impl IntoIterator<Item = (&'v Src, &'v Spanned<String>)>,
    ) {
        let mut seen: BTreeMap<&str, super::Place> = BTreeMap::new();
        for (at, id) in ids {
            if let Some(first) = seen.get(id.get_ref().as_str()) {
                let message = format!(
                    "duplicate {what} id \"{}\" (first given at {first})",
                    id.get_ref()
                );
                self.error(at, id.span(), message, "ids must be unique: rename one");
            } else {
                seen.insert(id.get_ref(), self.src.position(at, id.span().start));
            }
        }
    }

    /// Reports a reference to an id that does not exist, suggesting the closest.
    fn reference(
        &mut self,
        at: &Src,
        key: &str,
        what: &str,
        value: &Spanned<String>,
        known: &BTreeSet<String>,
    ) {
        if known.contains(value.get_ref()) {
            return;
        }
        let hint = match closest(value.get_ref(), known.iter().map(String::as_str)) {
            Some(near) => format!("did you mean \"{near}\"?"),
            None if known.is_empty() => format!("there is no {what} yet"),
            None => format!(
                "known {what} ids: {}",
                list(known.iter().map(String::as_str))
            ),
        };
        self.error(
            at,
            value.span(),
            format!("`{key}` refers to unknown {what} \"{}\"", value.get_ref()),
            &hint,
        );
    }

    fn contact(&mut self, at: &Src, key: &str, contact: &Spanned<Contact>) {
        let c = contact.get_ref();
        if c.email.is_none() && c.url.is_none() {
            self.error(
                at,
                contact.span(),
                format!("contact `{key}` has neither `email` nor `url`"),
                "give at least one way to reach it",
            );
        }
        if let Some(email) = &c.email {
            self.email(at, &format!("contacts.{key}.email"), email);
        }
        if let Some(url) = &c.url {
            self.url(at, &format!("contacts.{key}.url"), url);
        }
    }

    // ---- files -----------------------------------------------------------------------------

    fn organization(&mut self, at: &Src) {
        let model = self.model;
        let org = &model.organization;
        self.url(at, "site_url", &org.site_url);
        let site_url = org.site_url.get_ref();
        if site_url.contains(['?', '#']) {
            self.error(
                at,
                org.site_url.span(),
                format!("`site_url` must be where the site is published, found \"{site_url}\""),
                "leave out the query (?…) and the fragment (#…)",
            );
        } else if !is_base_path(org.base_path()) {
            self.error(
                at,
                org.site_url.span(),
                format!(
                    "`site_url` has a path that links cannot be written under: \"{}\"",
                    org.base_path()
                ),
                "use segments of letters, digits, `-`, `_`, `.` and `~` (percent-encode others), \
                 with no empty, `.` or `..` segment, e.g. \"https://example.com/trust/\"",
            );
        } else if !org.base_path().is_empty() {
            // Crawlers and security researchers look for these at the host's root only.
            self.warning(
                at,
                org.site_url.span(),
                format!(
                    "the site is published under {}/: its robots.txt and \
                     .well-known/security.txt take effect only at the host's root",
                    org.base_path()
                ),
                "copy them from the built site to the root of the host (security.txt names \
                 that place as its Canonical), or merge them into the ones there",
            );
        }
        if let Some(website) = &org.website {
            self.url(at, "website", website);
        }
        if let Some(logo) = &org.logo {
            self.asset(at, "logo", logo);
        }
        self.languages(at, "languages", &org.languages);
        if let Some(color) = &org.brand_color {
            if !is_hex_color(color.get_ref()) {
                self.error(
                    at,
                    color.span(),
                    format!(
                        "`brand_color` must be a colour like \"#1d4ed8\", found \"{}\"",
                        color.get_ref()
                    ),
                    "six hexadecimal digits after #",
                );
            }
        }
        self.country(at, "address.country", &org.address.country);
        let contacts = &org.contacts;
        self.contact(at, "security", &contacts.security);
        if let Some(c) = &contacts.privacy {
            self.contact(at, "privacy", c);
        }
        if let Some(c) = &contacts.documents {
            self.contact(at, "documents", c);
        }
        if let Some(c) = &contacts.support {
            self.contact(at, "support", c);
        }
        if let Some(authority) = &org.supervisory_authority {
            self.url(at, "supervisory_authority.url", &authority.url);
        }
        if let Some(sub) = &org.subscribe {
            // Plain http is accepted on loopback only, for testing a form service locally.
            let loopback = ["http://127.0.0.1", "http://localhost"]
                .iter()
                .any(|p| sub.url.get_ref().starts_with(p));
            if !loopback {
                self.url(at, "subscribe.url", &sub.url);
            }
        }
    }

    /// Ids of the items of a collection directory that could not be parsed: references to them
    /// are not reported, the parse error is.
    fn failed_ids(&self, dir: &str) -> Vec<String> {
        self.src
            .failed
            .iter()
            .filter_map(|f| f.strip_prefix(dir)?.strip_prefix('/'))
            .map(|name| {
                name.rsplit_once('.')
                    .map_or(name, |(stem, _)| stem)
                    .to_owned()
            })
            .collect()
    }

    fn document_ids(&self) -> BTreeSet<String> {
        let model = self.model;
        model
            .documents
            .iter()
            .map(|d| d.id.clone())
            .chain(self.failed_ids("documents"))
            .collect()
    }

    fn certifications(&mut self) {
        let model = self.model;
        let at = file("certifications.toml");
        let today = model.today;
        let documents = self.document_ids();
        let certs = &model.certifications;
        for c in certs {
            self.id(&at, "certification", &c.id, Some(Section::Certifications));
            if c.framework == Framework::Other && c.name.is_none() {
                self.error(
                    &at,
                    c.id.span(),
                    format!(
                        "certification \"{}\" has framework \"other\" but no `name`",
                        c.id.get_ref()
                    ),
                    "say what it is: name = \"…\"",
                );
            }
            if let (Some(from), Some(until)) = (&c.valid_from, &c.valid_until) {
                if until.get_ref() < from.get_ref() {
                    self.error(
                        &at,
                        until.span(),
                        format!(
                            "`valid_until` ({}) is before `valid_from` ({})",
                            until.get_ref(),
                            from.get_ref()
                        ),
                        "swap the dates, or correct the year",
                    );
                }
            }
            if let Some(period) = &c.report_period {
                if *period.to.get_ref() < period.from {
                    self.error(
                        &at,
                        period.to.span(),
                        format!(
                            "`report_period.to` ({}) is before `report_period.from` ({})",
                            period.to.get_ref(),
                            period.from
                        ),
                        "",
                    );
                }
            }
            if *c.status.get_ref() == Status::Active {
                if let Some(until) = &c.valid_until {
                    let left = today.days_until(*until.get_ref());
                    if left < 0 {
                        self.error(
                            &at,
                            c.status.span(),
                            format!(
                                "certification \"{}\" is marked active but expired on {}",
                                c.id.get_ref(),
                                until.get_ref()
                            ),
                            "set status = \"expired\", or enter the renewed certificate's dates",
                        );
                    } else if left <= EXPIRY_WARNING_DAYS {
                        self.warning(
                            &at,
                            until.span(),
                            format!(
                                "certification \"{}\" expires in {left} days ({})",
                                c.id.get_ref(),
                                until.get_ref()
                            ),
                            "renew it, or plan to update the dates",
                        );
                    }
                }
                if c.valid_until.is_none() && c.report_period.is_none() {
                    self.error(&at, c.id.span(), format!("active certification \"{}\" has neither `valid_until` nor `report_period`", c.id.get_ref()), "say until when it holds, or which period the report covers");
                }
            }
            if let Some(url) = &c.verification_url {
                self.url(&at, "verification_url", url);
            }
            for d in &c.documents {
                self.reference(&at, "documents", "document", d, &documents);
            }
        }
        self.unique("certification", certs.iter().map(|c| (&at, &c.id)));
    }

    fn security(&mut self, at: &Src) {
        let model = self.model;
        let layers = &model.security.layer;
        for layer in layers {
            self.id(at, "layer", &layer.id, None);
            for control in &layer.control {
                self.id(at, "control", &control.id, Some(Section::Security));
            }
        }
        self.unique("layer", layers.iter().map(|l| (at, &l.id)));
        self.unique(
            "control",
            layers
                .iter()
                .flat_map(|l| l.control.iter().map(|c| (at, &c.id))),
        );
    }

    fn subprocessor_ids(&self) -> BTreeSet<String> {
        let model = self.model;
        model
            .subprocessors
            .iter()
            .map(|s| s.id.clone())
            .chain(self.failed_ids("subprocessors"))
            .collect()
    }

    fn data(&mut self, at: &Src) {
        let model = self.model;
        let subprocessors = self.subprocessor_ids();
        let regions = &model.data.region;
        for r in regions {
            self.id(at, "region", &r.id, None);
            self.country(at, "region.country", &r.country);
            self.reference(
                at,
                "region.provider",
                "subprocessor",
                &r.provider,
                &subprocessors,
            );
        }
        self.unique("region", regions.iter().map(|r| (at, &r.id)));
    }

    fn subprocessors(&mut self, located: &[Src]) {
        let model = self.model;
        let regions: BTreeSet<String> = model
            .data
            .region
            .iter()
            .map(|r| r.id.get_ref().clone())
            .collect();
        for (at, sp) in located.iter().zip(&model.subprocessors) {
            if !is_id(&sp.id) {
                self.src.push(
                    super::Diagnostic::file_error(&at.file, format!("subprocessor id \"{}\" (the file name) must be lowercase letters, digits and dashes", sp.id))
                        .hint("rename the file, e.g. subprocessors/example-hosting.toml"),
                );
            } else if let Some(taken_by) = taken_by(&sp.id, Some(Section::Subprocessors)) {
                self.src.push(
                    super::Diagnostic::file_error(&at.file, format!("subprocessor id \"{}\" (the file name) is taken by {taken_by}", sp.id))
                        .hint("rename the file; ids appear in links, e.g. subprocessors/example-hosting.toml"),
                );
            }
            self.url(at, "website", &sp.website);
            if let Some(contact) = &sp.contact {
                let v = contact.get_ref();
                if !is_email(v) && !is_web_url(v) {
                    self.error(
                        at,
                        contact.span(),
                        format!("`contact` must be an email address or an https:// address, found \"{v}\""),
                        "e.g. \"privacy@example.com\" or \"https://example.com/privacy\"",
                    );
                }
            }
            if let Some(url) = &sp.dpa_url {
                self.url(at, "dpa_url", url);
            }
            for loc in &sp.locations {
                self.country(at, "locations", loc);
            }
            for r in &sp.regions {
                self.reference(at, "regions", "region", r, &regions);
            }
            let outside: Vec<&str> = sp
                .locations
                .iter()
                .map(|l| l.get_ref().as_str())
                .filter(|l| is_country_code(l) && !EEA.contains(l))
                .collect();
            if let Some(first) = outside.first() {
                let safeguarded = sp
                    .transfer
                    .as_ref()
                    .is_some_and(|t| t.get_ref().mechanism != Mechanism::EeaOnly);
                if !safeguarded {
                    let span = match &sp.transfer {
                        Some(t) => t.span(),
                        None => sp
                            .locations
                            .iter()
                            .find(|l| l.get_ref() == first)
                            .map(|l| l.span())
                            .unwrap_or(0..0),
                    };
                    let (message, hint) = match &sp.transfer {
                        Some(_) => (
                            format!("\"{}\" processes data outside the EEA ({}), but its transfer mechanism is \"eea-only\"", sp.id, outside.join(", ")),
                            "set mechanism to the one that covers the transfer: \"adequacy\", \"dpf\", \"scc\" (and module), \"bcr\" or \"other\"",
                        ),
                        None => (
                            format!("\"{}\" processes data outside the EEA ({}) without a transfer mechanism", sp.id, outside.join(", ")),
                            "add [transfer] with mechanism = \"adequacy\", \"dpf\", \"scc\" (and module), \"bcr\" or \"other\"",
                        ),
                    };
                    self.error(at, span, message, hint);
                }
            }
            if let Some(t) = &sp.transfer {
                let t_ref = t.get_ref();
                let hint = "controller-to-processor is module 2, processor-to-processor module 3";
                match &t_ref.module {
                    None if t_ref.mechanism == Mechanism::Scc => self.error(
                        at,
                        t.span(),
                        "SCC transfers need `module` (1 to 4)".to_owned(),
                        hint,
                    ),
                    Some(m) if !(1..=4).contains(m.get_ref()) => self.error(
                        at,
                        m.span(),
                        format!("`module` is {}; the SCCs have modules 1 to 4", m.get_ref()),
                        hint,
                    ),
                    Some(m) if t_ref.mechanism != Mechanism::Scc => self.warning(
                        at,
                        m.span(),
                        "`module` is for SCC transfers; this one is not".to_owned(),
                        "take it out, or set mechanism = \"scc\"",
                    ),
                    _ => {}
                }
            }
            if let Some(since) = &sp.since {
                if *since.get_ref() > model.today {
                    self.error(
                        at,
                        since.span(),
                        format!("`since` is {}, after today ({})", since.get_ref(), model.today),
                        "a subprocessor that has not started is announced with an `add` change in subprocessor-changes.toml",
                    );
                }
            }
        }
    }

    /// Reports subprocessors without a start, where the change log contradicts itself, and
    /// regions hosted by a subprocessor not on today's list, as the site replays the log.
    fn roster(&mut self, located: &[Src], data: &Src) {
        let model = self.model;
        // With the change log unreadable, who is on the list when cannot be judged.
        if self.src.failed.contains("subprocessor-changes.toml") {
            return;
        }
        let log = file("subprocessor-changes.toml");
        let roster = model.roster();
        for r in &model.data.region {
            // Only a subprocessor that starts at all (an unknown one is reported as such, one
            // without a start too) can be off the list on a day.
            let provider = r.provider.get_ref();
            if roster.arrives(provider) && roster.stay_on(provider, model.today).is_none() {
                self.error(
                    data,
                    r.provider.span(),
                    format!(
                        "region \"{}\" is hosted by \"{provider}\", which is not on the subprocessor list on {}",
                        r.id.get_ref(),
                        model.today
                    ),
                    "name the subprocessor that hosts the region today, or check the changes that add and remove this one",
                );
            }
        }
        let file_of = |sp: &crate::model::Subprocessor| {
            located
                .iter()
                .zip(&model.subprocessors)
                .find(|(_, s)| std::ptr::eq(*s, sp))
                .map(|(at, _)| at)
        };
        for (at, sp) in located.iter().zip(&model.subprocessors) {
            if !roster.arrives(&sp.id) {
                self.src.push(
                    super::Diagnostic::file_error(&at.file, format!("\"{}\" has no start date", sp.id))
                        .hint("add `since = YYYY-MM-DD`, or announce it with an `add` change in subprocessor-changes.toml"),
                );
            }
        }
        let by = |entry: &Entry| match entry {
            Entry::Since(_) => "by its `since`".to_owned(),
            Entry::Change(c) => format!("by change \"{}\"", c.id.get_ref()),
        };
        for conflict in roster.conflicts() {
            match *conflict {
                Conflict::AlreadyOn {
                    change,
                    id,
                    by: first,
                    from,
                    removed_same_day,
                } => {
                    let name = id.get_ref();
                    let day = change.effective.get_ref();
                    let what = match (change.kind.get_ref(), &change.replaces) {
                        (ChangeKind::Replace, Some(old)) => {
                            format!("replaces \"{}\" with \"{name}\"", old.get_ref())
                        }
                        _ => format!("adds \"{name}\""),
                    };
                    let hint = if let Some(removal) = removed_same_day {
                        format!(
                            "change \"{}\" removes it the same day; a return takes effect on a later day than the removal",
                            removal.id.get_ref()
                        )
                    } else if let (ChangeKind::Replace, Some(old)) =
                        (change.kind.get_ref(), &change.replaces)
                    {
                        format!(
                            "to retire \"{}\" alone, use kind = \"remove\"",
                            old.get_ref()
                        )
                    } else if let Entry::Since(_) = first {
                        format!("if this change is when it started, remove `since` from subprocessors/{name}.toml; a subprocessor is added again only after a change removes it")
                    } else {
                        "a subprocessor is added again only after a change removes it".to_owned()
                    };
                    self.error(
                        &log,
                        id.span(),
                        format!(
                            "change \"{}\" {what} on {day}, but \"{name}\" is on the list already (since {from}, {})",
                            change.id.get_ref(),
                            by(&first)
                        ),
                        &hint,
                    );
                }
                Conflict::LateSince {
                    subprocessor,
                    change,
                } => {
                    let (Some(at), Some(since)) = (file_of(subprocessor), &subprocessor.since)
                    else {
                        continue;
                    };
                    self.error(
                        at,
                        since.span(),
                        format!(
                            "`since` is {}, but change \"{}\" adds \"{}\" earlier, on {}",
                            since.get_ref(),
                            change.id.get_ref(),
                            subprocessor.id,
                            change.effective.get_ref()
                        ),
                        "remove `since`: `since` only starts a stay that predates the change log; a change's effective date is when a subprocessor starts, and a return is announced with another `add` change",
                    );
                }
                Conflict::Twice { change, id } => self.error(
                    &log,
                    id.span(),
                    format!(
                        "change \"{}\" lists \"{}\" twice",
                        change.id.get_ref(),
                        id.get_ref()
                    ),
                    "name each subprocessor once",
                ),
                Conflict::NotOn { change, id } => {
                    let name = id.get_ref();
                    if !roster.arrives(name) {
                        // Reported above as having no start date.
                        continue;
                    }
                    let stays = roster.stays(name);
                    let verb = match change.kind.get_ref() {
                        ChangeKind::Remove | ChangeKind::Replace => "removes",
                        _ => "changes",
                    };
                    let hint = if stays.is_empty() {
                        format!("\"{name}\" is never on the list: see the errors about its start")
                    } else {
                        let spans: Vec<String> = stays
                            .iter()
                            .map(|s| match s.until {
                                Some(until) => {
                                    format!("from {} to {}", s.from, until.plus_days(-1))
                                }
                                None => format!("from {}", s.from),
                            })
                            .collect();
                        format!(
                            "\"{name}\" is on the list {}; date the change within a stay",
                            spans.join(" and ")
                        )
                    };
                    self.error(
                        &log,
                        id.span(),
                        format!(
                            "change \"{}\" {verb} \"{name}\" on {}, when it is not on the list",
                            change.id.get_ref(),
                            change.effective.get_ref()
                        ),
                        &hint,
                    );
                }
                Conflict::SameDay {
                    change,
                    id,
                    by: first,
                } => {
                    let hint = match first {
                        Entry::Since(_) => "a removal takes effect after the first day on the list: date it after `since`",
                        Entry::Change(_) => "date the removal after the day it is added, or leave both changes out",
                    };
                    self.error(
                        &log,
                        id.span(),
                        format!(
                            "change \"{}\" removes \"{}\" on the day it is added ({}, {}), so it is never listed",
                            change.id.get_ref(),
                            id.get_ref(),
                            change.effective.get_ref(),
                            by(&first)
                        ),
                        hint,
                    );
                }
            }
        }
    }

    fn changes(&mut self) {
        let model = self.model;
        let at = file("subprocessor-changes.toml");
        let subprocessors = self.subprocessor_ids();
        let notice = model
            .subprocessor_notice()
            .map(|n| *n.notice_days.get_ref())
            .filter(|d| NOTICE_DAYS.contains(d));
        let changes = &model.changes;
        // A document that could not be read may be the DPA: its own error says what to fix.
        if notice.is_none() && self.failed_ids("documents").is_empty() {
            if let Some(first) = changes.first() {
                self.error(
                    &at,
                    first.id.span(),
                    "subprocessor changes need the DPA's notice period, and no DPA gives one".to_owned(),
                    "add [subprocessor_notice] with notice_days and objection_email to the front matter of the document with kind = \"dpa\"",
                );
            }
        }
        for c in changes {
            self.id(&at, "change", &c.id, None);
            for s in &c.subprocessors {
                self.reference(&at, "subprocessors", "subprocessor", s, &subprocessors);
            }
            if c.subprocessors.is_empty() {
                self.error(
                    &at,
                    c.id.span(),
                    format!("change \"{}\" names no subprocessor", c.id.get_ref()),
                    "list the ids of the subprocessors concerned in `subprocessors`",
                );
            }
            match (c.kind.get_ref(), &c.replaces) {
                (ChangeKind::Replace, None) => self.error(
                    &at,
                    c.kind.span(),
                    format!(
                        "change \"{}\" replaces a subprocessor but does not say which",
                        c.id.get_ref()
                    ),
                    "add replaces = \"<id of the subprocessor replaced>\"",
                ),
                (ChangeKind::Replace, Some(old)) => {
                    self.reference(&at, "replaces", "subprocessor", old, &subprocessors)
                }
                (_, Some(old)) => self.error(
                    &at,
                    old.span(),
                    "`replaces` belongs only to changes of kind \"replace\"".to_owned(),
                    "remove it, or set kind = \"replace\"",
                ),
                _ => {}
            }
            let (announced, effective) = (*c.announced.get_ref(), *c.effective.get_ref());
            if !c.published_on(model.today) {
                self.warning(
                    &at,
                    c.announced.span(),
                    format!(
                        "change \"{}\" is announced on {announced}, after today ({}): the site leaves it out until then",
                        c.id.get_ref(),
                        model.today
                    ),
                    "a build on or after that day publishes it (rebuild daily); to publish it now, announce it today and keep the notice period from today",
                );
            }
            let given = announced.days_until(effective);
            if given < 0 {
                self.error(&at, c.effective.span(), format!("change \"{}\" takes effect ({effective}) before it is announced ({announced})", c.id.get_ref()), "");
            } else if let Some(days) = notice {
                if given < i64::from(days) {
                    self.error(
                        &at,
                        c.effective.span(),
                        format!(
                            "change \"{}\" gives {given} days' notice; the DPA promises {days}",
                            c.id.get_ref()
                        ),
                        &format!(
                            "take effect on {} or later",
                            announced.plus_days(i64::from(days))
                        ),
                    );
                }
            }
        }
        self.unique("change", changes.iter().map(|c| (&at, &c.id)));
    }

    fn documents(&mut self, located: &[Src]) {
        let model = self.model;
        let mut dpas = Vec::new();
        for (at, doc) in located.iter().zip(&model.documents) {
            if !is_id(&doc.id) {
                self.src.push(
                    super::Diagnostic::file_error(&at.file, format!("document id \"{}\" (the file name) must be lowercase letters, digits and dashes", doc.id))
                        .hint("rename the file, e.g. documents/privacy-policy.md"),
                );
            } else if let Some(taken_by) = taken_by(&doc.id, Some(Section::Documents)) {
                self.src.push(
                    super::Diagnostic::file_error(
                        &at.file,
                        format!(
                            "document id \"{}\" (the file name) is taken by {taken_by}",
                            doc.id
                        ),
                    )
                    .hint("rename the file; ids appear in links, e.g. documents/privacy-policy.md"),
                );
            }
            let meta = &doc.meta;
            self.languages(at, "languages", &meta.languages);
            if *meta.kind.get_ref() == DocumentKind::Dpa {
                dpas.push((at, &meta.kind));
                if meta.subprocessor_notice.is_none() {
                    self.error(
                        at,
                        meta.kind.span(),
                        "the DPA does not say how subprocessor changes are announced".to_owned(),
                        "add [subprocessor_notice] with notice_days and objection_email",
                    );
                }
            } else if let Some(n) = &meta.subprocessor_notice {
                self.error(
                    at,
                    n.span(),
                    "`subprocessor_notice` belongs only to the DPA (kind = \"dpa\")".to_owned(),
                    "",
                );
            }
            if let Some(n) = &meta.subprocessor_notice {
                let n = n.get_ref();
                self.email(
                    at,
                    "subprocessor_notice.objection_email",
                    &n.objection_email,
                );
                let days = *n.notice_days.get_ref();
                if !NOTICE_DAYS.contains(&days) {
                    self.error(
                        at,
                        n.notice_days.span(),
                        format!(
                            "`notice_days` is {days}: {}",
                            if days == 0 {
                                "changes would take effect the day they are announced, leaving customers no time to object"
                            } else {
                                "more than a year"
                            }
                        ),
                        "give the days the DPA promises between announcing a change and its taking effect, 1 to 365 (commonly 14 to 90)",
                    );
                }
            }
            let files = meta.file.iter().map(|f| ("file", f)).chain(
                meta.previous
                    .iter()
                    .filter_map(|p| Some(("previous.file", p.file.as_ref()?))),
            );
            for (key, f) in files {
                self.asset(at, key, f);
                // Everything under assets/ is published at a guessable address.
                if meta.access == Access::OnRequest {
                    self.error(
                        at,
                        f.span(),
                        format!(
                            "`{key}` would publish \"{}\" to everyone, but the document is on request",
                            f.get_ref()
                        ),
                        "remove the file from assets/ and from here, and send it to those who ask; or set access = \"public\"",
                    );
                }
            }
        }
        for (at, kind) in dpas.iter().skip(1) {
            let first = dpas[0].0.file.clone();
            self.error(
                at,
                kind.span(),
                format!("a second DPA (the first is {first})"),
                "keep one document with kind = \"dpa\"; list older versions under [[previous]]",
            );
        }
    }

    fn disclosure(&mut self, at: &Src) {
        let model = self.model;
        let meta = &model.disclosure.meta;
        self.languages(at, "preferred_languages", &meta.preferred_languages);
        for c in &meta.contact {
            let v = c.get_ref();
            let ok = match v.strip_prefix("mailto:") {
                Some(email) => is_email(email),
                None => is_web_url(v),
            };
            if !ok {
                self.error(
                    at,
                    c.span(),
                    format!("`contact` must be a mailto: or https: URI, found \"{v}\""),
                    "e.g. \"mailto:security@example.com\"",
                );
            }
        }
        if meta.contact.is_empty() {
            self.error(
                at,
                0..0,
                "`contact` is empty: researchers need a way to report".to_owned(),
                "e.g. contact = [\"mailto:security@example.com\"]",
            );
        }
        if let Some(key) = &meta.encryption_key {
            self.asset(at, "encryption_key", key);
        }
        // The disclosure page shows scope, contacts, key and timeline from the front matter; the
        // rules and the legal promise are the author's prose, so make sure they are there.
        let body = self.src.body_start(at, &model.disclosure.markdown);
        let headings: Vec<String> = crate::markdown::sections(&model.disclosure.markdown)
            .into_iter()
            .map(|s| s.heading.to_lowercase())
            .collect();
        for (what, words, hint) in [
            (
                "Rules of engagement",
                &["rules", "engagement"][..],
                "say what researchers must not do (no data access beyond proof, no denial of service, no social engineering) under a heading such as \"## Rules of engagement\"",
            ),
            (
                "Safe harbour",
                &["safe harbo"][..],
                "promise not to pursue good-faith research under a heading such as \"## Safe harbour\": researchers look for it before they report",
            ),
        ] {
            if !headings.iter().any(|h| words.iter().any(|w| h.contains(w))) {
                self.warning(
                    at,
                    body.clone(),
                    format!("the disclosure policy has no \"{what}\" section"),
                    hint,
                );
            }
        }
        if meta.in_scope.is_empty() {
            self.warning(
                at,
                0..0,
                "`in_scope` is empty: researchers cannot tell what they may test".into(),
                "list the hosts, apps and APIs covered, e.g. in_scope = [\"app.example.com\"]",
            );
        }
        for (key, value) in [("hiring", &meta.hiring), ("csaf", &meta.csaf)] {
            if let Some(v) = value {
                self.url(at, key, v);
            }
        }
        for a in &meta.hall_of_fame {
            if let Some(u) = &a.url {
                self.url(at, "hall_of_fame.url", u);
            }
        }
        let sectxt = &meta.security_txt;
        match (&sectxt.expires_after_days, &sectxt.expires) {
            (Some(_), Some(fixed)) => self.error(
                at,
                fixed.span(),
                "`[security_txt]` has both `expires` and `expires_after_days`".into(),
                "keep one: a fixed date, or a number of days after each build",
            ),
            (None, None) => self.error(
                at,
                0..0,
                "`[security_txt]` needs `expires_after_days` (or a fixed `expires` date)".into(),
                "RFC 9116 requires an Expires field; `expires_after_days = 180` renews it at every build",
            ),
            (Some(days), None) => {
                if !(1..=MAX_SECURITY_TXT_DAYS).contains(days.get_ref()) {
                    self.error(
                        at,
                        days.span(),
                        format!("`expires_after_days` is {}; security.txt must expire within 1 to {MAX_SECURITY_TXT_DAYS} days", days.get_ref()),
                        "RFC 9116 recommends less than a year, so that stale contacts are not trusted",
                    );
                }
            }
            (None, Some(fixed)) => {
                let left = model.today.days_until(*fixed.get_ref());
                if left <= 0 {
                    self.error(
                        at,
                        fixed.span(),
                        format!("security.txt `expires` ({}) has passed", fixed.get_ref()),
                        "researchers must not trust an expired security.txt; set a new date or use `expires_after_days`",
                    );
                } else if left > i64::from(MAX_SECURITY_TXT_DAYS) {
                    self.error(
                        at,
                        fixed.span(),
                        format!("security.txt `expires` ({}) is {left} days away; at most {MAX_SECURITY_TXT_DAYS}", fixed.get_ref()),
                        "RFC 9116 recommends less than a year, so that stale contacts are not trusted",
                    );
                } else if left <= EXPIRY_WARNING_DAYS {
                    self.warning(
                        at,
                        fixed.span(),
                        format!("security.txt expires in {left} days ({})", fixed.get_ref()),
                        "set a later `expires` date and rebuild before then",
                    );
                }
            }
        }
    }

    fn answers(&mut self, located: &[Src]) {
        let model = self.model;
        let controls: BTreeSet<String> = model
            .security
            .layer
            .iter()
            .flat_map(|l| l.control.iter().map(|c| c.id.get_ref().clone()))
            .collect();
        let documents = self.document_ids();
        let certifications: BTreeSet<String> = model
            .certifications
            .iter()
            .map(|c| c.id.get_ref().clone())
            .collect();
        let certifications_read = !self.src.failed.contains("certifications.toml");
        let today = model.today;
        for (at, a) in located.iter().zip(&model.answers) {
            self.id(at, "answer", &a.id, Some(Section::Faq));
            self.asked_as(at, a);
            for c in &a.controls {
                self.reference(at, "controls", "control", c, &controls);
            }
            for d in &a.documents {
                self.reference(at, "documents", "document", d, &documents);
            }
            for c in a.certifications.iter().filter(|_| certifications_read) {
                self.reference(at, "certifications", "certification", c, &certifications);
            }
            let reviewed = *a.reviewed.get_ref();
            let age = reviewed.days_until(today);
            if age < 0 {
                self.error(
                    at,
                    a.reviewed.span(),
                    format!(
                        "answer \"{}\" was reviewed in the future ({reviewed})",
                        a.id.get_ref()
                    ),
                    "use the date the review happened",
                );
            } else if age > REVIEW_WARNING_DAYS {
                self.warning(
                    at,
                    a.reviewed.span(),
                    format!(
                        "answer \"{}\" was last reviewed {age} days ago",
                        a.id.get_ref()
                    ),
                    "check it is still true, then update `reviewed`",
                );
            }
        }
        self.unique(
            "answer",
            located
                .iter()
                .zip(&model.answers)
                .map(|(at, a)| (at, &a.id)),
        );
    }

    /// `asked_as`: every phrasing must give the questionnaire matcher something `question` does
    /// not. An empty one matches nothing and a copy only counts the same words twice, which
    /// usually means a paste went wrong; both are errors so the author looks again.
    fn asked_as(&mut self, at: &Src, a: &Answer) {
        let id = a.id.get_ref();
        let question = same_words(&a.question);
        let mut seen = BTreeSet::new();
        for phrasing in &a.asked_as {
            let words = same_words(phrasing.get_ref());
            if words.is_empty() {
                self.error(
                    at,
                    phrasing.span(),
                    format!("answer \"{id}\" has an empty `asked_as` phrasing"),
                    "write how a questionnaire words the question, or remove the entry",
                );
            } else if words == question {
                self.error(
                    at,
                    phrasing.span(),
                    format!("answer \"{id}\": `asked_as` repeats the answer's `question`"),
                    "the question is matched anyway; write how other questionnaires word it, or remove the entry",
                );
            } else if !seen.insert(words) {
                self.error(
                    at,
                    phrasing.span(),
                    format!(
                        "answer \"{id}\" lists the `asked_as` phrasing \"{}\" twice",
                        phrasing.get_ref()
                    ),
                    "remove the repetition",
                );
            }
        }
    }

    /// Updates: dated as their file names say, and published from their date.
    fn updates(&mut self, located: &[Src]) {
        let today = self.model.today;
        for (at, update) in located.iter().zip(&self.model.updates) {
            let date = update.meta.date;
            // A copied update whose `date` was not changed would be published under the old
            // day, far down the page and the feeds.
            let named = update.id.get(..10).and_then(|d| d.parse().ok()).map(Date);
            if let Some(named) = named.filter(|named| *named != date) {
                self.src.push(
                    Diagnostic::file_error(
                        &at.file,
                        format!(
                            "the file name says {named} but `date` says {date}: the site uses `date`"
                        ),
                    )
                    .warning()
                    .hint("make them agree: the file name's date is only for sorting files"),
                );
            }
            if !update.published_on(today) {
                self.src.push(
                    Diagnostic::file_error(
                        &at.file,
                        format!("dated {date}, after today ({today}): the site leaves it out until then"),
                    )
                    .warning()
                    .hint("a build on or after that day publishes it (rebuild daily)"),
                );
            }
        }
    }
}

/// A text's words, lowercased, without punctuation: two phrasings the matcher cannot tell apart
/// ("Do you support SSO?" and "do you support SSO") are the same.
fn same_words(text: &str) -> Vec<String> {
    crate::search::text::words(text).map(|w| w.folded).collect()
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    if items.len() > 12 {
        format!("{}, … ({} in all)", items[..12].join(", "), items.len())
    } else {
        items.join(", ")
    }
}

/// What already has the element id `id` on every page, or on `page`'s (where a content id is
/// given to an element as it is), if anything does.
fn taken_by(id: &str, page: Option<Section>) -> Option<String> {
    if crate::ui::SHELL_IDS.contains(&id) {
        Some("every page (its main content and search box)".to_owned())
    } else {
        page.filter(|p| crate::ui::page_ids(*p).contains(&id))
            .map(|p| format!("a section of the {} page", p.nav_label()))
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// An https:// address that can be written into HTML, headers and feeds as it is: a host of
/// letters, digits, dots, dashes (and a port), and nothing a URL must percent-encode that would
/// end an attribute, a tag or a header value (quotes, angle brackets, spaces). `{` and `}` stay
/// allowed: `contacts.documents.url` takes a `{document}` placeholder.
fn is_web_url(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
            && !s
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`".contains(c))
    })
}

/// A path a site can be published under and every link written under as is: segments of URL
/// characters that need no escaping anywhere (or percent-escapes), none empty (`//trust` reads as
/// another host) or a dot segment (the browser would resolve it away).
fn is_base_path(path: &str) -> bool {
    path.is_empty()
        || path.strip_prefix('/').is_some_and(|rest| {
            rest.split('/').all(|segment| {
                !segment.is_empty()
                    && segment != "."
                    && segment != ".."
                    && segment
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.~%".contains(c))
            })
        })
}

/// An address a `mailto:` URI can carry as it is (security.txt requires valid URIs): the local
/// part in the characters of a plain RFC 5322 address that a URI allows unencoded and a mailto:
/// URI gives no meaning to (not `?`, `&`, `%`, `#`, `` ` ``, `{`, `|`, `}`, `^`), and a domain of
/// letters, digits, dots and dashes. Quotes, angle brackets and spaces never pass, so an address
/// cannot end the attribute or the header it is written into.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || ".!$'*+-/=_~".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && isocountry::CountryCode::for_alpha2(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_checks() {
        assert!(is_web_url("https://trust.example.com/x"));
        assert!(!is_web_url("http://example.com"));
        assert!(!is_web_url("https://"));
        assert!(is_email("security@example.com"));
        assert!(!is_email("security@example"));
        assert!(!is_email("a b@example.com"));
        // What an address or a URL could smuggle into an attribute, a mailto: link or a header.
        assert!(is_email("o'brien+trust@example.com"));
        assert!(is_email("jürgen@bücher.example"));
        assert!(!is_email("x\"onmouseover=\"alert(1)\"@example.com"));
        assert!(!is_email("<svg/onload=alert(1)>@example.com"));
        assert!(!is_email("a?cc=evil%40else.example@example.com"));
        assert!(!is_email("a@example.com?bcc=evil@else.example"));
        assert!(!is_email("a@example.com\r\nBcc:x"));
        assert!(!is_email("a`b{c}@example.com"));
        assert!(is_web_url("https://example.com/?q='quoted'&x={document}"));
        assert!(is_web_url("https://127.0.0.1:8443/x"));
        assert!(!is_web_url("https://example.com/\"><script>"));
        assert!(!is_web_url("https://example.com/<svg/onload=alert(1)>"));
        assert!(!is_web_url("https://example.com\"onmouseover=\"x"));
        assert!(!is_web_url("https://example.com;script-src/x"));
        assert!(!is_web_url("https://user@example.com/"));
        assert!(!is_web_url("https://example.com/\u{7}"));
        assert!(is_hex_color("#1D4ed8"));
        assert!(!is_hex_color("blue"));
        assert!(is_country_code("DE"));
        assert!(!is_country_code("de"));
        assert!(!is_country_code("XX"));
        assert!(is_id("soc2-type2"));
        assert!(!is_id("SOC2"));
        assert!(!is_id("-x"));
    }

    #[test]
    fn a_base_path_is_plain_segments() {
        for ok in ["", "/trust", "/a/b-c_d.e~f", "/%C3%BCber"] {
            assert!(is_base_path(ok), "{ok}");
        }
        for bad in [
            "//trust",
            "/trust//x",
            "/über",
            "/./x",
            "/a/..",
            "/a b",
            "/a&b",
        ] {
            assert!(!is_base_path(bad), "{bad}");
        }
    }
}
