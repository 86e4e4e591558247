//! Reading a PDF: poppler's `pdftotext -bbox-layout` gives the words with their boxes, and
//! [`debrief::parser::text_from_bbox_layout`] turns them into text whose blank lines follow
//! the vertical gaps between paragraphs — what `pdftotext -raw` loses. The program is
//! `pdftotext` on the `PATH`, or `$DEBRIEF_PDFTOTEXT` when set.

use std::io::{Read as _, Write as _};
use std::process::{Command, Stdio};

use anyhow::{Context as _, bail};

/// Whether `bytes` are a PDF (they open with the `%PDF-` header).
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The text of the PDF `bytes` (named `name` in messages), through `pdftotext -bbox-layout`.
pub(crate) fn text(name: &str, bytes: &[u8]) -> anyhow::Result<String> {
    let program = std::env::var_os("DEBRIEF_PDFTOTEXT").unwrap_or_else(|| "pdftotext".into());
    let mut child = Command::new(&program)
        .args(["-bbox-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| {
            format!(
                "{name} is a PDF, and reading it needs `{}` (poppler-utils), which did not \
                 start: install poppler-utils, or give the text (`pdftotext -raw {name}`)",
                program.to_string_lossy()
            )
        })?;
    // Write on another thread: pdftotext may fill its output pipe before it has read all of
    // its input.
    let mut stdin = child.stdin.take().context("no pipe to pdftotext")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut xhtml = String::new();
    child
        .stdout
        .take()
        .context("no pipe from pdftotext")?
        .read_to_string(&mut xhtml)
        .context("pdftotext wrote something that is not UTF-8")?;
    let mut errors = String::new();
    if let Some(mut e) = child.stderr.take() {
        // Only for the message below; a failure to read it leaves the message shorter.
        let _ = e.read_to_string(&mut errors);
    }
    let status = child.wait().context("pdftotext did not finish")?;
    // A broken pipe only means pdftotext stopped reading (its status says why).
    let _ = writer.join();
    if !status.success() {
        bail!(
            "pdftotext could not read {name} ({status}): {}",
            errors.trim().lines().next().unwrap_or("no message")
        );
    }
    Ok(debrief::parser::text_from_bbox_layout(&xhtml))
}
