//! The security program: layers and controls with framework chips, filterable by layer and by
//! framework requirement; the technical and organisational measures; how the program runs.

use leptos::prelude::*;

use crate::site::{MeasureGroup, Security};
use crate::ui::use_live;
use crate::ui::widgets::Html;

/// The (framework, requirement id) pairs a control meets.
type Requirements = Vec<(String, String)>;

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
    let live = use_live();
    let layer_filter = RwSignal::new(String::new());
    let framework_filter = RwSignal::new(String::new());
    let requirement = RwSignal::new(String::new());
    let total: usize = layers.iter().map(|l| l.controls.len()).sum();
    let layer_options: Vec<(String, String)> = layers
        .iter()
        .map(|l| (l.id.clone(), l.title.clone()))
        .collect();
    // Which controls pass the filters, by (layer, control) index; all of them without the app.
    let layer_index: Vec<(String, Vec<Requirements>)> = layers
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                l.controls
                    .iter()
                    .map(|c| {
                        c.mappings
                            .iter()
                            .map(|m| (m.framework.clone(), m.id.clone()))
                            .collect()
                    })
                    .collect(),
            )
        })
        .collect();
    let matches = move |layer: usize, control: usize| {
        let (layer_id, controls) = &layer_index[layer];
        let want_layer = layer_filter.get();
        if !want_layer.is_empty() && &want_layer != layer_id {
            return false;
        }
        let fw = framework_filter.get();
        let req = requirement.get().trim().to_lowercase();
        if fw.is_empty() && req.is_empty() {
            return true;
        }
        controls[control].iter().any(|(f, id)| {
            (fw.is_empty() || *f == fw) && (req.is_empty() || id.to_lowercase().starts_with(&req))
        })
    };
    let matches_for_count = matches.clone();
    let counts: Vec<usize> = layers.iter().map(|l| l.controls.len()).collect();
    let shown = move || {
        counts
            .iter()
            .enumerate()
            .map(|(l, n)| (0..*n).filter(|c| matches_for_count(l, *c)).count())
            .sum::<usize>()
    };
    view! {
        <section aria-labelledby="controls-heading">
            <h2 id="controls-heading">"Layers and controls"</h2>
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
            {layers
                .into_iter()
                .enumerate()
                .map(|(li, layer)| {
                    let m = matches.clone();
                    let any = {
                        let m = m.clone();
                        let n = layer.controls.len();
                        move || (0..n).any(|c| m(li, c))
                    };
                    view! {
                        <section class="layer" id=layer.id.clone() hidden=move || !any()>
                            <h3>{layer.title}</h3>
                            <Html html=layer.description_html />
                            <ul class="controls">
                                {layer
                                    .controls
                                    .into_iter()
                                    .enumerate()
                                    .map(|(ci, c)| {
                                        let m = m.clone();
                                        view! {
                                            <li class="control" id=c.id.clone() hidden=move || !m(li, ci)>
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
