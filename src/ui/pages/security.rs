//! The security program: layers and controls with framework chips, filterable by layer and by
//! framework requirement; the technical and organisational measures; how the program runs.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::site::{MeasureGroup, Security};
use crate::ui::use_live;
use crate::ui::widgets::Html;

/// The ids this view gives its own elements (see `ui::page_ids`).
pub(crate) const IDS: &[&str] = &["controls-heading", "measures", "program"];

/// A layer as the control filter sees it: ids and requirements, none of the text.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct FilterLayer {
    id: String,
    title: String,
    controls: Vec<FilterControl>,
}

/// A control as the control filter sees it.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct FilterControl {
    id: String,
    /// The (framework, requirement id) pairs the control meets.
    meets: Vec<(String, String)>,
}

impl FilterControl {
    fn passes(&self, framework: &str, requirement: &str) -> bool {
        (framework.is_empty() && requirement.is_empty())
            || self.meets.iter().any(|(f, id)| {
                (framework.is_empty() || f == framework)
                    && (requirement.is_empty() || requirement_matches(id, requirement))
            })
    }
}

/// Whether requirement `id` is `typed` or within it, as "A.8" holds "A.8.2": a prefix that
/// does not cut a number short, so "A.8.2" is not "A.8.20" while "CC" still finds "CC6.1".
/// `typed` is lowercase.
fn requirement_matches(id: &str, typed: &str) -> bool {
    let id = id.to_lowercase();
    let Some(rest) = id.strip_prefix(typed) else {
        return false;
    };
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    !(digit(typed.chars().next_back()) && digit(rest.chars().next()))
}

#[cfg(test)]
mod tests {
    use super::requirement_matches;

    #[test]
    fn a_requirement_matches_itself_and_what_it_holds_but_not_longer_numbers() {
        assert!(requirement_matches("A.8.2", "a.8.2"));
        assert!(requirement_matches("A.8.2.1", "a.8.2"));
        assert!(!requirement_matches("A.8.20", "a.8.2"));
        assert!(requirement_matches("A.8.20", "a.8"));
        assert!(requirement_matches("A.8.20", "a.8."));
        assert!(requirement_matches("CC6.1", "cc"));
        assert!(!requirement_matches("CC6.1", "cc7"));
    }
}

/// The filter over the pre-rendered layers and controls, by layer, framework and requirement.
///
/// An island that carries only ids and requirements: it hides the controls (and layers left
/// empty) that fail the filters, by their element ids, and leaves the text where the page put
/// it. Without the app every control shows.
#[island]
fn ControlFilter(layers: Vec<FilterLayer>, frameworks: Vec<(String, String)>) -> impl IntoView {
    let live = use_live();
    let layer_filter = RwSignal::new(String::new());
    let framework_filter = RwSignal::new(String::new());
    let requirement = RwSignal::new(String::new());
    let total: usize = layers.iter().map(|l| l.controls.len()).sum();
    let layer_options: Vec<(String, String)> = layers
        .iter()
        .map(|l| (l.id.clone(), l.title.clone()))
        .collect();
    let layers = StoredValue::new(layers);
    // Whether each control, then each layer (shown if any of its controls is), passes.
    let verdicts = Memo::new(move |_| {
        let want_layer = layer_filter.get();
        let framework = framework_filter.get();
        let requirement = requirement.get().trim().to_lowercase();
        layers.with_value(|layers| {
            let (mut controls, mut layer_verdicts) = (Vec::new(), Vec::new());
            for layer in layers {
                let layer_on = want_layer.is_empty() || want_layer == layer.id;
                let mut any = false;
                for c in &layer.controls {
                    let on = layer_on && c.passes(&framework, &requirement);
                    any |= on;
                    controls.push((c.id.clone(), on));
                }
                layer_verdicts.push((layer.id.clone(), any));
            }
            (controls, layer_verdicts)
        })
    });
    let shown =
        move || verdicts.with(|(controls, _)| controls.iter().filter(|(_, on)| *on).count());
    Effect::new(move |_| {
        verdicts.with(|(controls, layers)| {
            show_by_id(controls);
            show_by_id(layers);
        })
    });
    view! {
        <form class="filters" role="search" aria-label="Filter controls" on:submit=|e| e.prevent_default()>
            <fieldset disabled=move || !live.get()>
                <legend class="visually-hidden">"Filter controls"</legend>
                <label>
                    "Layer "
                    <select on:change=move |e| layer_filter.set(event_target_value(&e)) prop:value=move || layer_filter.get()>
                        <option value="">"All layers"</option>
                        {layer_options.into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Framework "
                    <select on:change=move |e| framework_filter.set(event_target_value(&e)) prop:value=move || framework_filter.get()>
                        <option value="">"Any framework"</option>
                        {frameworks.into_iter().map(|(key, label)| view! { <option value=key>{label}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Requirement "
                    <input type="search" placeholder="e.g. A.8" on:input=move |e| requirement.set(event_target_value(&e)) prop:value=move || requirement.get() />
                </label>
            </fieldset>
            <p class="count" aria-live="polite">{move || format!("{} of {total} controls", shown())}</p>
        </form>
    }
}

/// Shows or hides the page's elements by id: `(id, shown)`.
fn show_by_id(verdicts: &[(String, bool)]) {
    #[cfg(feature = "hydrate")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        for (id, on) in verdicts {
            if let Some(el) = document.get_element_by_id(id) {
                _ = el.toggle_attribute_with_force("hidden", !on);
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = verdicts;
}

/// The technical and organisational measures; shared with the DPA's annex.
#[component]
pub fn Measures(groups: Vec<MeasureGroup>, #[prop(default = 3)] level: u8) -> impl IntoView {
    groups
        .into_iter()
        .map(|g| {
            let items = g
                .items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            let title = g.title;
            view! {
                <section class="measure-group" id=g.id>
                    {if level == 2 {
                        view! { <h2>{title}</h2> }.into_any()
                    } else {
                        view! { <h3>{title}</h3> }.into_any()
                    }}
                    <ul class="bullets">{items}</ul>
                </section>
            }
        })
        .collect_view()
}

/// The security page.
#[component]
pub fn SecurityBody(body: Security) -> impl IntoView {
    let Security {
        layers,
        frameworks,
        measures,
        program,
    } = body;
    let filter_layers = layers
        .iter()
        .map(|l| FilterLayer {
            id: l.id.clone(),
            title: l.title.clone(),
            controls: l
                .controls
                .iter()
                .map(|c| FilterControl {
                    id: c.id.clone(),
                    meets: c
                        .mappings
                        .iter()
                        .map(|m| (m.framework.clone(), m.id.clone()))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    // The page runs to dozens of screens on a phone: its parts, up front.
    let contents: Vec<(String, String)> = layers
        .iter()
        .map(|l| (l.id.clone(), l.title.clone()))
        .chain([
            (
                "measures".to_owned(),
                "Technical and organisational measures".to_owned(),
            ),
            ("program".to_owned(), "How the program runs".to_owned()),
        ])
        .collect();
    view! {
        <nav class="toc" aria-label="On this page">
            <ul class="inline-list">
                {contents
                    .into_iter()
                    .map(|(id, title)| view! { <li><a href=format!("#{id}")>{title}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
        <section aria-labelledby="controls-heading">
            <h2 id="controls-heading">"Layers and controls"</h2>
            <ControlFilter layers=filter_layers frameworks />
            {layers
                .into_iter()
                .map(|layer| {
                    view! {
                        <section class="layer" id=layer.id.clone()>
                            <h3>{layer.title}</h3>
                            <Html html=layer.description_html />
                            <ul class="controls">
                                {layer
                                    .controls
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <li class="control" id=c.id.clone()>
                                                <h4><a href=format!("#{}", c.id)>{c.title}</a></h4>
                                                <Html html=c.description_html />
                                                <ul class="chips" aria-label="Meets">
                                                    {c.mappings.into_iter().map(|m| view! { <li class="chip">{m.label}</li> }).collect_view()}
                                                </ul>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </section>
        <section aria-labelledby="measures">
            <h2 id="measures">"Technical and organisational measures"</h2>
            <Measures groups=measures />
        </section>
        <section aria-labelledby="program">
            <h2 id="program">"How the program runs"</h2>
            {program.into_iter().map(|(title, html)| view! { <h3>{title}</h3> <Html html /> }).collect_view()}
        </section>
    }
}
