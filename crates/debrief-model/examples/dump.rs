#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let json = std::env::var("DOC_JSON").ok().map(|p| std::fs::read_to_string(p).unwrap());
    let doc = match &json {
        Some(j) => serde_json::from_str::<debrief_parser::Document<'_>>(j).unwrap().with_source(&text),
        None => debrief_parser::parse(&text),
    };
    let brief = debrief_model::extract(&doc);
    let what = std::env::args().nth(2).unwrap_or_default();
    if what == "json" {
        println!("{}", serde_json::to_string_pretty(&brief).unwrap());
        return;
    }
    for r in &brief.recommendations {
        let actors: Vec<_> = r.actors.iter().map(|a| format!("{} [{}]", a.name, a.mention)).collect();
        let mentions: Vec<_> = r.mentions.iter().map(|a| a.name.clone()).collect();
        println!("{} {:?} {:?}/{:?} {:?} title={:?}\n   actors={actors:?} mentions={mentions:?}\n   action={:?}\n   text={}\n", r.id, r.kind, r.modality, r.voice, r.section, r.title.as_ref().map(|t| &t.text), r.action.as_ref().map(|a| format!("{} | {}", a.verb, a.object.clone().unwrap_or_default())), r.text);
    }
    if what == "all" {
        for a in &brief.actors { println!("ACTOR {} {} {:?} x{}", a.id, a.name, a.kind, a.mentions.len()); }
        for p in &brief.programs { println!("PROGRAM {} {:?} named={} acr={:?} x{}", p.name, p.kind, p.named, p.acronym, p.mentions.len()); }
        for q in &brief.quantities { println!("QTY {:?} {:?} {:?} {:?} {:?} q={:?} measures={:?}", q.text, q.kind, q.value, q.unit, q.bound, q.qualifier.as_ref().map(|p| &p.text), q.measures); }
        for a in &brief.acronyms { println!("ACR {} = {} {:?} x{}", a.short, a.long, a.source, a.occurrences); }
        for t in &brief.topics { println!("TOPIC {} {} {} {:?}", t.code.0, t.label, t.hits, t.triggers); }
        for s in &brief.sections { println!("SECTION {:?} {:?} {:?}", s.title, s.kind, s.topics.iter().map(|t| t.label.clone()).collect::<Vec<_>>()); }
    }
}
