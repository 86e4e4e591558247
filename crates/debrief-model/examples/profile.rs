#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let mut text = String::new();
    let mut docs = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let id = e.file_name().to_string_lossy().into_owned();
        for name in [format!("{id}.raw.txt"), format!("{id}.source.txt")] {
            if let Ok(t) = std::fs::read_to_string(e.path().join(name)) { docs.push(t); break; }
        }
    }
    let size: usize = std::env::var("SIZE_MB").map_or(10, |s| s.parse().unwrap());
    while text.len() < size << 20 { for d in &docs { text.push_str(d); text.push_str("\n\n"); } }
    let doc = debrief_parser::parse(&text);
    if std::env::var_os("ONLY_QUANTITIES").is_some() {
        for _ in 0..5 { for b in &doc.blocks { for r in debrief_model::sentences(&b.text) { std::hint::black_box(debrief_model::quantities(&b.text[r])); } } }
        return;
    }
    let n: usize = std::env::args().nth(2).map_or(3, |s| s.parse().unwrap());
    let t = std::time::Instant::now();
    for _ in 0..n { std::hint::black_box(debrief_model::extract(&doc)); }
    let dt = t.elapsed().as_secs_f64() / n as f64;
    let stages = std::env::var_os("NO_STAGES").is_none();
    let time = |name: &str, f: &dyn Fn(&str)| {
        if !stages { return; }
        let t = std::time::Instant::now();
        for b in &doc.blocks { f(&b.text); }
        println!("  {name}: {:.3} s", t.elapsed().as_secs_f64());
    };
    time("sentences", &|t| { std::hint::black_box(debrief_model::sentences(t)); });
    time("gazetteer", &|t| { std::hint::black_box(debrief_model::Gazetteer::builtin().find(t)); });
    time("programs", &|t| { std::hint::black_box(debrief_model::programs(t)); });
    time("acronyms", &|t| { std::hint::black_box(debrief_model::acronym_definitions(t)); });
    time("quantities", &|t| { for r in debrief_model::sentences(t) { std::hint::black_box(debrief_model::quantities(&t[r])); } });
    time("topics", &|t| { let mut c = debrief_model::TopicCounts::default(); debrief_model::TopicLexicon::builtin().count(t, &mut c); });
    time("known acronyms", &|t| { std::hint::black_box(debrief_model::Gazetteer::builtin().known_acronyms(t).count()); });
    println!("{:.1} MB/s ({:.3} s per extract of {} bytes, {} blocks)", text.len() as f64 / dt / 1e6, dt, text.len(), doc.blocks.len());
}
