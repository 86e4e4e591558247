#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]
fn main() {
    let s = schemars::schema_for!(debrief_parser::Document<'static>);
    println!("{}", serde_json::to_string_pretty(&s).unwrap());
}
