//! Who is on the subprocessor list on which day: every subprocessor's `since` and the change log,
//! replayed in date order.
//!
//! The pages, the feeds, the exports and the content check all read the list through this one
//! replay. A subprocessor may leave and come back, so what it has is a list of stays, not one
//! start and one end; and a log that contradicts itself (adding a subprocessor already on the
//! list, removing one that is not) is reported rather than quietly believed, since a wrong list is
//! what a customer relies on when deciding whether to object.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::{Change, ChangeKind, Date, Model, Subprocessor};

/// One stay on the list: from its first day until the day it ended (that day excluded), or
/// still going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stay {
    /// The first day on the list.
    pub from: Date,
    /// The first day off the list again, if it left.
    pub until: Option<Date>,
}

impl Stay {
    /// Whether the subprocessor is on the list on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|until| day < until)
    }
}

/// What put a subprocessor on the list.
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    /// `since` in its own file: it predates the change log.
    Since(&'a Subprocessor),
    /// A change of kind `add` or `replace`.
    Change(&'a Change),
}

/// A place where the change log contradicts itself; the content check reports each.
#[derive(Clone, Copy, Debug)]
pub enum Conflict<'a> {
    /// `change` puts `id` on the list while it is on it already: since `from`, by `by`.
    AlreadyOn {
        /// The change of kind `add` or `replace`.
        change: &'a Change,
        /// Its reference to the subprocessor.
        id: &'a Spanned<String>,
        /// What put it on the list first.
        by: Entry<'a>,
        /// Since when it has been on it.
        from: Date,
        /// A change that takes it off the list that same day, if one does: a return written
        /// on the day of the removal rather than after it.
        removed_same_day: Option<&'a Change>,
    },
    /// `change` names `id` more than once.
    Twice {
        /// The change.
        change: &'a Change,
        /// Its second reference to the subprocessor.
        id: &'a Spanned<String>,
    },
    /// `subprocessor`'s `since` comes after `change` put it on the list: `since` can only start
    /// the first stay, since a later one is announced like any addition.
    LateSince {
        /// The subprocessor.
        subprocessor: &'a Subprocessor,
        /// The first change that puts it on the list.
        change: &'a Change,
    },
    /// `change` removes or changes `id` on a day it is not on the list.
    NotOn {
        /// The change.
        change: &'a Change,
        /// Its reference to the subprocessor (in `subprocessors` or `replaces`).
        id: &'a Spanned<String>,
    },
    /// `change` removes `id` on the day `by` puts it on the list, so it is never listed.
    SameDay {
        /// The removal.
        change: &'a Change,
        /// Its reference to the subprocessor.
        id: &'a Spanned<String>,
        /// What put it on the list that day.
        by: Entry<'a>,
    },
}

/// The list's history: each subprocessor's stays, and what in the log contradicts itself.
#[derive(Debug, Default)]
pub struct Roster<'a> {
    stays: BTreeMap<&'a str, Vec<Stay>>,
    arrivals: BTreeSet<&'a str>,
    conflicts: Vec<Conflict<'a>>,
}

/// One event of the replay. Within a day, `since` comes first, then arrivals, then changes to
/// what a subprocessor does, then departures, so the log's file order never matters.
#[derive(Clone, Copy)]
enum Event<'a> {
    Since(&'a Subprocessor),
    Arrive(&'a Change, &'a Spanned<String>),
    Amend(&'a Change, &'a Spanned<String>),
    Leave(&'a Change, &'a Spanned<String>),
}

impl Event<'_> {
    fn rank(&self) -> u8 {
        match self {
            Event::Since(_) => 0,
            Event::Arrive(..) => 1,
            Event::Amend(..) => 2,
            Event::Leave(..) => 3,
        }
    }
}

impl<'a> Roster<'a> {
    /// Replays the subprocessors' `since` dates and the change log. References to unknown
    /// subprocessors are left out: the content check reports those on their own.
    pub fn of(subprocessors: &'a [Subprocessor], changes: &'a [Change]) -> Self {
        let known: BTreeSet<&str> = subprocessors.iter().map(|s| s.id.as_str()).collect();
        let mut roster = Roster::default();
        let mut events: Vec<(Date, Event<'a>)> = Vec::new();
        for s in subprocessors {
            if let Some(since) = &s.since {
                events.push((*since.get_ref(), Event::Since(s)));
                roster.arrivals.insert(&s.id);
            }
        }
        for c in changes {
            let day = *c.effective.get_ref();
            // Each known subprocessor once; one named twice is a conflict of its own.
            let mut named: Vec<&'a Spanned<String>> = Vec::new();
            for (i, s) in c.subprocessors.iter().enumerate() {
                if c.subprocessors[..i]
                    .iter()
                    .any(|t| t.get_ref() == s.get_ref())
                {
                    roster.conflicts.push(Conflict::Twice { change: c, id: s });
                } else if known.contains(s.get_ref().as_str()) {
                    named.push(s);
                }
            }
            let named = named.into_iter();
            match c.kind.get_ref() {
                ChangeKind::Add | ChangeKind::Replace => {
                    for s in named {
                        roster.arrivals.insert(s.get_ref());
                        events.push((day, Event::Arrive(c, s)));
                    }
                }
                ChangeKind::Remove => events.extend(named.map(|s| (day, Event::Leave(c, s)))),
                ChangeKind::Location | ChangeKind::Purpose | ChangeKind::DataCategories => {
                    events.extend(named.map(|s| (day, Event::Amend(c, s))));
                }
            }
            if let (ChangeKind::Replace, Some(old)) = (c.kind.get_ref(), &c.replaces) {
                if known.contains(old.get_ref().as_str()) {
                    events.push((day, Event::Leave(c, old)));
                }
            }
        }
        // Stable: events of one day and rank keep the order they were written in.
        events.sort_by_key(|(day, event)| (*day, event.rank()));

        let mut open: BTreeMap<&'a str, (Date, Entry<'a>)> = BTreeMap::new();
        // The first change that put each subprocessor on the list.
        let mut added: BTreeMap<&'a str, &'a Change> = BTreeMap::new();
        for (i, &(day, event)) in events.iter().enumerate() {
            match event {
                Event::Since(subprocessor) => match added.get(subprocessor.id.as_str()) {
                    Some(&change) => roster.conflicts.push(Conflict::LateSince {
                        subprocessor,
                        change,
                    }),
                    None => {
                        open.insert(&subprocessor.id, (day, Entry::Since(subprocessor)));
                    }
                },
                Event::Arrive(change, id) => {
                    added.entry(id.get_ref()).or_insert(change);
                    match open.get(id.get_ref().as_str()) {
                        Some(&(from, by)) => roster.conflicts.push(Conflict::AlreadyOn {
                            change,
                            id,
                            by,
                            from,
                            // Departures come last in a day: any that day are still ahead.
                            removed_same_day: events[i..]
                                .iter()
                                .take_while(|(d, _)| *d == day)
                                .find_map(|(_, e)| match e {
                                    Event::Leave(c, left) if left.get_ref() == id.get_ref() => {
                                        Some(*c)
                                    }
                                    _ => None,
                                }),
                        }),
                        None => {
                            open.insert(id.get_ref(), (day, Entry::Change(change)));
                        }
                    }
                }
                Event::Amend(change, id) => {
                    if !open.contains_key(id.get_ref().as_str()) {
                        roster.conflicts.push(Conflict::NotOn { change, id });
                    }
                }
                Event::Leave(change, id) => match open.remove(id.get_ref().as_str()) {
                    None => roster.conflicts.push(Conflict::NotOn { change, id }),
                    Some((from, by)) if from == day => {
                        roster.conflicts.push(Conflict::SameDay { change, id, by });
                    }
                    Some((from, _)) => roster.stay(id.get_ref(), from, Some(day)),
                },
            }
        }
        for (id, (from, _)) in open {
            roster.stay(id, from, None);
        }
        roster
    }

    fn stay(&mut self, id: &'a str, from: Date, until: Option<Date>) {
        self.stays.entry(id).or_default().push(Stay { from, until });
    }

    /// The stay of subprocessor `id` that covers `day`, if it is on the list that day.
    pub fn stay_on(&self, id: &str, day: Date) -> Option<Stay> {
        self.stays
            .get(id)?
            .iter()
            .find(|stay| stay.covers(day))
            .copied()
    }

    /// Every stay of subprocessor `id`, oldest first.
    pub fn stays(&self, id: &str) -> &[Stay] {
        self.stays.get(id).map_or(&[], Vec::as_slice)
    }

    /// Whether anything puts subprocessor `id` on the list: its `since` or a change.
    pub fn arrives(&self, id: &str) -> bool {
        self.arrivals.contains(id)
    }

    /// Where the log contradicts itself, in the order the replay met them.
    pub fn conflicts(&self) -> &[Conflict<'a>] {
        &self.conflicts
    }
}

impl Model {
    /// The list's history, replayed from this model's subprocessors and change log.
    pub fn roster(&self) -> Roster<'_> {
        Roster::of(&self.subprocessors, &self.changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChangesFile;

    /// Subprocessors with these ids and `since` dates, and the change log `changes` (TOML).
    fn replay(since: &[(&str, Option<&str>)], changes: &str) -> (Vec<Subprocessor>, Vec<Change>) {
        let subprocessors = since
            .iter()
            .map(|(id, since)| {
                let toml = format!(
                    "name = \"{id}\"\nlegal_entity = \"{id} Ltd\"\naddress = \"Berlin\"\n\
                     website = \"https://{id}.example\"\npurpose = \"Work\"\n\
                     data_categories = []\nlocations = [\"DE\"]\n{}",
                    since.map_or(String::new(), |d| format!("since = {d}\n"))
                );
                let mut s: Subprocessor = toml::from_str(&toml).unwrap();
                s.id = (*id).to_owned();
                s
            })
            .collect();
        let changes: ChangesFile = toml::from_str(changes).unwrap();
        (subprocessors, changes.change)
    }

    fn change(id: &str, effective: &str, kind: &str, subprocessor: &str) -> String {
        format!(
            "[[change]]\nid = \"{id}\"\nannounced = 2019-01-01\neffective = {effective}\n\
             kind = \"{kind}\"\nsubprocessors = [\"{subprocessor}\"]\nsummary = \"S\"\nreason = \"R\"\n"
        )
    }

    #[test]
    fn a_subprocessor_that_leaves_and_returns_has_two_stays() {
        // Written out of order: the replay goes by date.
        let log = change("back", "2025-05-01", "add", "chat")
            + &change("gone", "2024-03-01", "remove", "chat");
        let (subprocessors, changes) = replay(&[("chat", Some("2020-01-01"))], &log);
        let roster = Roster::of(&subprocessors, &changes);
        assert!(roster.conflicts().is_empty(), "{:?}", roster.conflicts());
        let (start, gone, back) = (
            Date::ymd(2020, 1, 1),
            Date::ymd(2024, 3, 1),
            Date::ymd(2025, 5, 1),
        );
        assert_eq!(
            roster.stays("chat"),
            [
                Stay {
                    from: start,
                    until: Some(gone)
                },
                Stay {
                    from: back,
                    until: None
                }
            ]
        );
        assert_eq!(
            roster.stay_on("chat", gone.plus_days(-1)).unwrap().from,
            start
        );
        assert_eq!(roster.stay_on("chat", gone), None);
        assert_eq!(roster.stay_on("chat", back).unwrap().from, back);
    }

    /// The conflicts as short strings: kind, change, subprocessor.
    fn found(roster: &Roster) -> Vec<String> {
        roster
            .conflicts()
            .iter()
            .map(|c| match c {
                Conflict::AlreadyOn {
                    change,
                    id,
                    from,
                    removed_same_day,
                    ..
                } => format!(
                    "already {} {} {from}{}",
                    change.id.get_ref(),
                    id.get_ref(),
                    removed_same_day
                        .map_or(String::new(), |r| format!(" removed by {}", r.id.get_ref()))
                ),
                Conflict::LateSince {
                    subprocessor,
                    change,
                } => format!("late-since {} {}", change.id.get_ref(), subprocessor.id),
                Conflict::NotOn { change, id } => {
                    format!("not-on {} {}", change.id.get_ref(), id.get_ref())
                }
                Conflict::Twice { change, id } => {
                    format!("twice {} {}", change.id.get_ref(), id.get_ref())
                }
                Conflict::SameDay { change, id, .. } => {
                    format!("same-day {} {}", change.id.get_ref(), id.get_ref())
                }
            })
            .collect()
    }

    #[test]
    fn contradictions_are_reported_not_believed() {
        let log = [
            change("again", "2025-01-11", "add", "host"),
            change("not-there", "2025-01-01", "remove", "mail"),
            change("moved", "2025-01-01", "location", "mail"),
            change("in", "2025-01-06", "add", "mail"),
            change("out", "2025-01-06", "remove", "mail"),
            change("unknown", "2025-01-06", "remove", "nobody"),
            // Written as the same day: the return is read as one while still on the list.
            change("flip-back", "2025-02-01", "add", "flip"),
            change("flip-out", "2025-02-01", "remove", "flip"),
        ]
        .concat()
            + &change("twice", "2025-01-02", "location", "host").replace(
                "subprocessors = [\"host\"]",
                "subprocessors = [\"host\", \"host\"]",
            );
        let (subprocessors, changes) = replay(
            &[
                ("host", Some("2025-01-01")),
                ("mail", None),
                ("flip", Some("2020-01-01")),
            ],
            &log,
        );
        let roster = Roster::of(&subprocessors, &changes);
        assert_eq!(
            found(&roster),
            [
                "twice twice host",
                "not-on moved mail",
                "not-on not-there mail",
                "same-day out mail",
                "already again host 2025-01-01",
                "already flip-back flip 2020-01-01 removed by flip-out"
            ]
        );
        // The host stays on from its first day; the mailer never made it onto the list.
        assert_eq!(roster.stays("host").len(), 1);
        assert!(roster.stays("mail").is_empty());
        assert!(roster.arrives("mail"));
    }

    #[test]
    fn since_starts_only_the_first_stay() {
        // A return written as a later `since` instead of an announced addition.
        let log = change("in", "2024-01-15", "add", "vault")
            + &change("out", "2025-03-03", "remove", "vault");
        let (subprocessors, changes) = replay(&[("vault", Some("2025-06-01"))], &log);
        let roster = Roster::of(&subprocessors, &changes);
        assert_eq!(found(&roster), ["late-since in vault"]);
        assert_eq!(roster.stays("vault").len(), 1);
    }

    #[test]
    fn a_replacement_ends_one_stay_and_starts_another_on_its_day() {
        let log = "[[change]]\nid = \"swap\"\nannounced = 2025-01-01\neffective = 2025-03-01\n\
                   kind = \"replace\"\nsubprocessors = [\"new\"]\nreplaces = \"old\"\n\
                   summary = \"S\"\nreason = \"R\"\n"
            .to_owned()
            // Replacing onto a subprocessor already on the list, and one that is not.
            + "[[change]]\nid = \"merge\"\nannounced = 2025-01-01\neffective = 2025-04-01\n\
               kind = \"replace\"\nsubprocessors = [\"new\"]\nreplaces = \"old\"\n\
               summary = \"S\"\nreason = \"R\"\n";
        let (subprocessors, changes) = replay(&[("old", Some("2020-01-01")), ("new", None)], &log);
        let roster = Roster::of(&subprocessors, &changes);
        let swap = Date::ymd(2025, 3, 1);
        assert_eq!(
            roster.stays("old"),
            [Stay {
                from: Date::ymd(2020, 1, 1),
                until: Some(swap)
            }]
        );
        assert_eq!(roster.stay_on("new", swap).unwrap().from, swap);
        assert_eq!(
            found(&roster),
            ["already merge new 2025-03-01", "not-on merge old"]
        );
    }
}
