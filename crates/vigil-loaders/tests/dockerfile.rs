use std::sync::Arc;
use vigil_loaders::{load, LoadOptions, Loaded};
use vigil_model::SourceFile;

fn load_docker(text: &str) -> Loaded {
    let file = SourceFile {
        path: "app/Dockerfile".into(),
        disk_path: "app/Dockerfile".into(),
        text: Arc::from(text),
    };
    load(&file, &LoadOptions::default())
}

#[test]
fn dump() {
    let text = std::fs::read_to_string("/tmp/dk/in").unwrap();
    let l = load_docker(&text);
    for d in &l.diagnostics {
        println!("DIAG {d}");
    }
    show(&l.resources[0].properties, 0, "");
}

fn show(n: &vigil_model::Node, depth: usize, key: &str) {
    use vigil_model::Value;
    let line = n.span.map(|s| s.start.line).unwrap_or(0);
    let pad = "  ".repeat(depth);
    match &n.value {
        Value::Map(m) => {
            println!("{pad}{key}@{line}:");
            for (k, v) in m {
                show(v, depth + 1, k)
            }
        }
        Value::List(l) => {
            println!("{pad}{key}@{line}: [");
            for v in l {
                show(v, depth + 1, "-")
            }
        }
        v => println!("{pad}{key}@{line}: {}", serde_json::to_string(v).unwrap()),
    }
}
