#![allow(clippy::print_stdout, missing_docs)]
fn main() {
    let src = std::env::args().nth(1).unwrap_or("Congress-\nU.S. Congress Congress it ".into());
    let doc = debrief_parser::parse(&src);
    for b in &doc.blocks { println!("{:?} {:?} {:?}", b.kind, b.span, b.text); }
    let brief = debrief_model::extract(&doc);
    println!("{:#?}", brief.sentences);
    for a in &brief.actors { for m in &a.mentions { println!("{} {:?} {:?}", a.id, m, m.span.slice(&src)); } }
}
