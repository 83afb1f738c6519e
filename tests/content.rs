//! Content fixtures: each case under `tests/fixtures/<valid|invalid>/<case>/` is a complete
//! content directory (`make check CONTENT=tests/fixtures/invalid/<case>` shows the same), loaded
//! as of a fixed day; what `trustctl check` prints for it must equal `<case>.expected.txt` to the
//! letter. Run with `UPDATE_EXPECT=1` to rewrite the expected files from the current output, then
//! read the diff before committing it.
#![cfg(feature = "ssr")]

use std::fs;
use std::path::{Path, PathBuf};

use trust_center::load;
use trust_center::model::Date;
use trust_center::scaffold;

/// The day the fixtures are judged as of (`TRUST_TODAY=2026-11-22` on the command line).
fn today() -> Date {
    Date::ymd(2026, 11, 22)
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// Loads the case; returns whether it was accepted and what `trustctl check` prints on stderr.
fn run(case: &Path) -> (bool, String) {
    match load::load(case, today()) {
        Ok((_, warnings)) => (
            true,
            if warnings.0.is_empty() {
                String::new()
            } else {
                warnings.to_string()
            },
        ),
        Err(diagnostics) => (false, diagnostics.to_string()),
    }
}

fn compare(case: &Path, actual: &str) -> Result<(), String> {
    let expected_path = case.with_extension("expected.txt");
    let actual = format!("{}\n", actual.trim_end());
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&expected_path, &actual).unwrap();
        return Ok(());
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "{}: missing; run with UPDATE_EXPECT=1",
            expected_path.display()
        )
    });
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{}:\n--- expected\n{expected}--- actual\n{actual}",
            case.display()
        ))
    }
}

#[test]
fn valid_fixtures_load() {
    let mut failures = Vec::new();
    for case in fixtures("valid") {
        let (ok, output) = run(&case);
        if !ok {
            failures.push(format!("{}: rejected:\n{output}", case.display()));
        } else if let Err(e) = compare(&case, &output) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn invalid_fixtures_report_every_error_exactly() {
    let mut failures = Vec::new();
    let cases = fixtures("invalid");
    assert!(cases.len() >= 10, "expected the whole set of invalid cases");
    for case in cases {
        let (ok, output) = run(&case);
        if ok {
            failures.push(format!(
                "{}: accepted, but must be rejected",
                case.display()
            ));
        } else if let Err(e) = compare(&case, &output) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_starter_passes_check_without_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new");
    scaffold::new(&dir, today()).unwrap();
    let (_, warnings) = load::load(&dir, today()).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(warnings.0, vec![], "{warnings}");
    assert!(dir.join(".taplo.toml").is_file());
    assert!(dir.join(".schemas/organization.schema.json").is_file());
    // A second `new` into the same place refuses rather than overwrite.
    assert!(scaffold::new(&dir, today()).is_err());
}

#[test]
fn the_committed_schemas_match_the_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/.schemas");
    for (name, json) in trust_center::schema::rendered() {
        let committed = fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == json,
            "content/.schemas/{name} is stale: run `target/debug/trustctl schema`"
        );
    }
}

#[test]
fn the_committed_reference_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content-reference.md");
    let committed = fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == trust_center::schema::reference(),
        "docs/content-reference.md is stale: run `target/debug/trustctl reference`"
    );
}

#[test]
fn the_editor_configuration_covers_every_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = fs::read_to_string(root.join(".taplo.toml")).unwrap_or_default();
    assert_eq!(
        committed,
        trust_center::schema::taplo_config("content", "content/.schemas")
    );
}

/// Every TOML file of the example content validates against its generated schema with an
/// independent JSON Schema validator, and a misspelt key or a blank text does not: what editors
/// will show.
#[test]
fn the_schemas_accept_the_example_and_reject_typos() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut checked = 0;
    for (_, glob, schema) in trust_center::schema::schemas() {
        let validator = jsonschema::validator_for(schema.as_value()).unwrap();
        let files: Vec<PathBuf> = match glob.split_once("/*") {
            Some((dir, _)) => fs::read_dir(root.join(dir))
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .collect(),
            None => vec![root.join(glob)],
        };
        for file in files.into_iter().filter(|f| f.exists()) {
            let value: toml::Value = toml::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
            let json = trust_center::schema::toml_to_json(value);
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", file.display());
            checked += 1;
        }
    }
    assert!(checked >= 7, "only {checked} files checked");

    let organization = trust_center::schema::schemas().remove(0).2;
    let validator = jsonschema::validator_for(organization.as_value()).unwrap();
    let mut value: toml::Value =
        toml::from_str(&fs::read_to_string(root.join("organization.toml")).unwrap()).unwrap();
    value
        .as_table_mut()
        .unwrap()
        .insert("brand_colour".into(), toml::Value::String("#fff".into()));
    assert!(!validator.is_valid(&trust_center::schema::toml_to_json(value.clone())));
    // A blank text too, as the loader refuses it: editors flag it while it is typed.
    let table = value.as_table_mut().unwrap();
    table.remove("brand_colour");
    assert!(validator.is_valid(&trust_center::schema::toml_to_json(value.clone())));
    let table = value.as_table_mut().unwrap();
    table.insert("name".into(), toml::Value::String("  ".into()));
    assert!(!validator.is_valid(&trust_center::schema::toml_to_json(value)));
}
