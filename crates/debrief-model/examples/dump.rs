//! Scratch (not committed): dump the Brief of every corpus text as JSON, to compare outputs.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, missing_docs)]
use std::io::Write;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let out = std::path::PathBuf::from(std::env::args().nth(2).unwrap());
    std::fs::create_dir_all(&out).unwrap();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    let mut files = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/border-security-brief.txt"))];
    for e in &entries {
        if !e.path().is_dir() { continue; }
        let mut fs: Vec<_> = std::fs::read_dir(e.path()).unwrap().flatten().map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md")).collect();
        fs.sort();
        files.extend(fs);
    }
    let mut n = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let doc = debrief_parser::parse(&text);
        let brief = debrief_model::extract(&doc);
        let name = format!("{}__{}.json", f.parent().unwrap().file_name().unwrap().to_string_lossy(), f.file_name().unwrap().to_string_lossy());
        let mut w = std::fs::File::create(out.join(name)).unwrap();
        w.write_all(serde_json::to_string_pretty(&brief).unwrap().as_bytes()).unwrap();
        n += 1;
    }
    // The 10 MB bench input.
    let mut docs = Vec::new();
    for e in &entries {
        let id = e.file_name().to_string_lossy().into_owned();
        for name in [format!("{id}.raw.txt"), format!("{id}.source.txt")] {
            if let Ok(t) = std::fs::read_to_string(e.path().join(name)) { docs.push(t); break; }
        }
    }
    let mut text = String::new();
    while text.len() < 10 << 20 { for d in &docs { text.push_str(d); text.push_str("\n\n"); } }
    let doc = debrief_parser::parse(&text);
    let brief = debrief_model::extract(&doc);
    let mut w = std::fs::File::create(out.join("bench10MB.json")).unwrap();
    w.write_all(serde_json::to_string(&brief).unwrap().as_bytes()).unwrap();
    println!("dumped {} files + bench input", n);
}
