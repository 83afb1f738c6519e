//! Subprocessors: the current list as a table, filterable by region, country and purpose and
//! sortable by column, with open changes on top.

use leptos::prelude::*;

use super::overview::OpenChanges;
use crate::site::{plural, History, SubprocessorRow, Subprocessors};
use crate::ui::subscribe::SubscribeBox;
use crate::ui::use_live;
use crate::ui::widgets::{DaysLeft, Follow};

/// The ids this view gives its own elements (see `ui::page_ids`).
pub(crate) const IDS: &[&str] = &["changes", "changes-heading"];

/// The columns a visitor can sort by.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SortKey {
    Name,
    Purpose,
    Location,
    Since,
}

impl SortKey {
    fn of(self, row: &SubprocessorRow) -> String {
        match self {
            SortKey::Name => row.name.to_lowercase(),
            SortKey::Purpose => row.purpose.to_lowercase(),
            SortKey::Location => row.locations.join(", ").to_lowercase(),
            SortKey::Since => row.since.clone(),
        }
    }
}

/// The subprocessors page: open changes, the filterable list, the change history.
#[component]
pub fn SubprocessorsBody(body: Subprocessors) -> impl IntoView {
    let Subprocessors {
        rows,
        last_updated,
        regions,
        open_changes,
        changes,
        follow,
        subscribe,
        history,
    } = body;
    let total = rows.len();
    let snapshots = history.snapshots.clone();
    view! {
        <OpenChanges changes=open_changes />
        <p class="meta">
            {plural(total as i64, "subprocessor")} " · list last changed on "
            <time datetime=last_updated.clone()>{last_updated.clone()}</time>
            " · "
            <a href="#changes">"Change history"</a>
        </p>
        <SubprocessorList rows regions history />
        <section id="changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading">"Change history"</h2>
            <p>"Every change is announced before it takes effect, and customers may object until the day before."</p>
            <Follow links=follow />
            <details class="history">
                <summary>"Earlier versions of the list"</summary>
                <p>"Each version, like a day chosen under \u{201c}As it stood on\u{201d}, lists who was on the list then, with their details as they are today: a change of location, purpose or data categories is in the history below from the day it took effect."</p>
                <ul>
                    {snapshots
                        .into_iter()
                        .rev()
                        .map(|s| view! {
                            <li>
                                "From " <time datetime=s.date.clone()>{s.date.clone()}</time> ": "
                                {plural(s.rows.len() as i64, "subprocessor")} " · "
                                <a href=s.csv>"CSV"</a> " · " <a href=s.json>"JSON"</a>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </details>
            <SubscribeBox subscribe />
            {changes
                .into_iter()
                .map(|c| {
                    view! {
                        <article class="change" id=c.anchor.clone()>
                            <h3>
                                <a href=format!("#{}", c.anchor)>{c.summary}</a>
                            </h3>
                            <p class="meta">
                                {c.kind} " · " {c.subprocessors.join(", ")} " · announced "
                                <time datetime=c.announced.clone()>{c.announced.clone()}</time>
                                " · effective "
                                <time datetime=c.effective.clone()>{c.effective.clone()}</time>
                                " · " <code>{c.id}</code>
                            </p>
                            {(!c.incoming.is_empty()).then(|| view! { <SubprocessorTable rows=c.incoming /> })}
                            {c.objection.map(|o| view! {
                                <div class="objection">
                                    <p>
                                        <strong>"Objections until the end of "
                                            <time datetime=o.deadline.date.clone()>{o.deadline.date.clone()}</time>
                                        </strong>
                                        " (" <DaysLeft days=o.deadline /> ")."
                                    </p>
                                    {o.mailto.map(|m| view! {
                                        <p><a class="button" href=m>"Object to this change by email"</a></p>
                                    })}
                                </div>
                            })}
                            <div class="prose" inner_html=c.reason_html></div>
                        </article>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The list of subprocessors as a table that a visitor filters by region, country and purpose,
/// sorts by column and turns back to any past day. An island: its rows arrive as props.
#[island]
fn SubprocessorList(
    rows: Vec<SubprocessorRow>,
    regions: Vec<(String, String)>,
    history: History,
) -> impl IntoView {
    let live = use_live();
    let region = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let purpose = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Name, true));
    // The list on a chosen past day: the latest snapshot on or before it (empty: today's list).
    let as_of = RwSignal::new(String::new());
    let first_day = history
        .snapshots
        .first()
        .map(|s| s.date.clone())
        .unwrap_or_default();
    let last_day = history.until.clone();
    let today_list = StoredValue::new(rows);
    let history = StoredValue::new(history);
    let snapshot = Memo::new(move |_| {
        let day = as_of.get();
        if day.is_empty() {
            return None;
        }
        history.with_value(|h| h.snapshots.iter().rev().find(|s| s.date <= day).cloned())
    });
    let all = Memo::new(move |_| match snapshot.get() {
        None if as_of.with(String::is_empty) => today_list.get_value(),
        None => Vec::new(),
        Some(s) => today_list
            .with_value(|today| history.with_value(|h| h.rows_of(today, &s).cloned().collect())),
    });
    // The countries of the list shown, today's or a past day's, and the one chosen even when
    // that day's list has nobody there, so that the select keeps its value.
    let countries = Memo::new(move |_| {
        let mut countries: Vec<String> =
            all.with(|rows| rows.iter().flat_map(|r| r.locations.clone()).collect());
        countries.extend(country.with(|c| (!c.is_empty()).then(|| c.clone())));
        countries.sort();
        countries.dedup();
        countries
    });
    let visible = move |r: &SubprocessorRow| {
        let region = region.get();
        let country = country.get();
        let purpose = purpose.get().to_lowercase();
        (region.is_empty() || r.regions.is_empty() || r.regions.contains(&region))
            && (country.is_empty() || r.locations.contains(&country))
            && (purpose.is_empty()
                || r.purpose.to_lowercase().contains(purpose.trim())
                || r.name.to_lowercase().contains(purpose.trim()))
    };
    let sorted = Memo::new(move |_| {
        let (key, ascending) = sort.get();
        let mut rows = all.get();
        rows.sort_by_key(|r| key.of(r));
        if !ascending {
            rows.reverse();
        }
        rows
    });
    let shown = move || sorted.with(|rows| rows.iter().filter(|r| visible(r)).count());
    let listed = move || all.with(Vec::len);
    let header = move |key: SortKey, label: &'static str| {
        let aria = move || match sort.get() {
            (k, true) if k == key => "ascending",
            (k, false) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    class="sort"
                    disabled=move || !live.get()
                    on:click=move |_| sort.update(|(k, asc)| {
                        if *k == key {
                            *asc = !*asc;
                        } else {
                            *k = key;
                            *asc = true;
                        }
                    })
                >
                    {label}
                </button>
            </th>
        }
    };
    view! {
        <form class="filters" role="search" aria-label="Filter subprocessors" on:submit=|e| e.prevent_default()>
            <fieldset disabled=move || !live.get()>
                <legend class="visually-hidden">"Filter subprocessors"</legend>
                <label>
                    "Region "
                    <select name="region" on:change=move |e| region.set(event_target_value(&e)) prop:value=move || region.get()>
                        <option value="">"All regions"</option>
                        {regions.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Country "
                    <select name="country" on:change=move |e| country.set(event_target_value(&e)) prop:value=move || country.get()>
                        <option value="">"All countries"</option>
                        <For each=move || countries.get() key=String::clone let:c>
                            <option value=c.clone()>{c.clone()}</option>
                        </For>
                    </select>
                </label>
                <label>
                    "Purpose or name "
                    <input type="search" on:input=move |e| purpose.set(event_target_value(&e)) prop:value=move || purpose.get() />
                </label>
                <label>
                    "As it stood on "
                    <input type="date" min=first_day.clone() max=last_day.clone() on:input=move |e| as_of.set(event_target_value(&e)) prop:value=move || as_of.get() />
                </label>
            </fieldset>
            <p class="count" aria-live="polite">{move || format!("{} of {} shown", shown(), listed())}</p>
            {move || {
                let day = as_of.get();
                (!day.is_empty()).then(|| match snapshot.get() {
                    Some(s) => view! {
                        <p class="as-of">
                            {if day > last_day {
                                format!("The list as published on {last_day}, unchanged since {}; later changes are under Change history: ", s.date)
                            } else {
                                format!("The list as it stood on {day}, unchanged since {}: ", s.date)
                            }}
                            <a href=s.csv>"CSV"</a> " · " <a href=s.json>"JSON"</a>
                        </p>
                    }
                    .into_any(),
                    None => view! { <p class="as-of">{format!("There were no subprocessors before {first_day}.")}</p> }.into_any(),
                })
            }}
        </form>
        <div class="table-wrap">
            <table class="subprocessors">
                <caption class="visually-hidden">"Subprocessors"</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, "Name")}
                        {header(SortKey::Purpose, "Purpose")}
                        {header(SortKey::Location, "Location")}
                        <th scope="col">"Transfer safeguard"</th>
                        <th scope="col">"DPA"</th>
                        {header(SortKey::Since, "Since")}
                    </tr>
                </thead>
                <tbody>
                    // A row is a subprocessor in one stay: one that left and came back has a
                    // row per stay, told apart by `since`.
                    <For each=move || sorted.get() key=|r| (r.id.clone(), r.since.clone()) let:row>
                        {
                            let hidden_row = row.clone();
                            view! {
                                <tr id=row.id.clone() hidden=move || !visible(&hidden_row)>
                                    <th scope="row">
                                        <a href=row.website.clone() rel="noopener">{row.name.clone()}</a>
                                        <span class="entity">{row.entity.clone()}</span>
                                    </th>
                                    <td>{row.purpose_and_data()}</td>
                                    <td>{row.locations.join(", ")}</td>
                                    <td>{row.transfer.clone()}</td>
                                    <td>
                                        {row.dpa_url.clone().map(|u| view! { <a href=u rel="noopener">"DPA"</a> })}
                                    </td>
                                    <td><time datetime=row.since.clone()>{row.since.clone()}</time></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// The subprocessors in the shape of the SCC's Annex III, for the DPA.
#[component]
pub fn SubprocessorTable(rows: Vec<SubprocessorRow>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="annex">
                <thead>
                    <tr>
                        <th scope="col">"Name, address and contact"</th>
                        <th scope="col">"Description of processing"</th>
                        <th scope="col">"Location"</th>
                        <th scope="col">"Transfer mechanism"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    <th scope="row">
                                        {r.name} <span class="entity">{r.entity}</span>
                                        {r.contact.map(|c| view! { <span class="entity">"Contact: " {c}</span> })}
                                    </th>
                                    <td>{r.purpose} ": " {r.data_categories.join(", ")}</td>
                                    <td>{r.locations.join(", ")}</td>
                                    <td>{r.transfer}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
