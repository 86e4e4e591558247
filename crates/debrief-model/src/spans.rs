//! [`BlockSpans`]: a block's source map unpacked once, to turn the many text ranges asked of
//! one block (sentences, mentions, quantities) into input spans.

use std::ops::Range;

use debrief_parser::{Block, Segment, SourceMap, Span};

/// The segments of one block's source map, unpacked, with the block's span: it gives what
/// [`Block::source_span`] gives, by a binary search of plain segments. The parser packs its
/// maps, so each step of its own search unpacks a segment; on the corpus a block is asked for
/// about four spans, and unpacking its segments once costs about half as much (see
/// docs/PERFORMANCE.md).
#[derive(Debug, Default)]
pub(crate) struct BlockSpans {
    segments: Vec<Segment>,
    block_span: Span,
}

impl BlockSpans {
    /// Reads `block`'s map (the buffer is reused).
    pub(crate) fn load(&mut self, block: &Block<'_>) {
        self.segments.clear();
        self.segments.extend(block.source_map.segments());
        self.block_span = block.span;
    }

    /// The input bytes that produced `range` of the block's text: exactly
    /// `block.source_span(range)` (see [`debrief_parser::SourceMap::map`]).
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        SourceMap::map_segments(&self.segments, self.block_span, range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every range between character boundaries of every block (of small documents with
    /// repairs: dehyphenation, ligatures, soft hyphens, glued words, page breaks, footnotes)
    /// maps as the parser maps it.
    #[test]
    fn spans_are_the_parsers() {
        let texts = [
            include_str!("../../../examples/data/border-security-brief.txt"),
            "Page 1\n\nThe Depart-\nment of Home\u{ad}land Security’s of\u{fb01}ce \
             (DHS) must act.\n\n\u{c}Running header\n\nIt should also be made\npart of \
             the solution.1\n\n1 A footnote.\n",
            "",
            "  \n\n",
        ];
        for text in texts {
            let doc = debrief_parser::parse(text);
            let mut spans = BlockSpans::default();
            for block in &doc.blocks {
                spans.load(block);
                let t = &block.text;
                let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
                // All pairs on short blocks; on long ones, every start with a few ends.
                for (k, &a) in bounds.iter().enumerate() {
                    let ends = bounds[k..].iter().copied();
                    let ends: Vec<usize> = if bounds.len() < 200 {
                        ends.collect()
                    } else {
                        ends.step_by(37).chain([t.len(), t.len() + 3]).collect()
                    };
                    for b in ends {
                        assert_eq!(
                            spans.span(a..b),
                            block.source_span(a..b),
                            "{a}..{b} of {t:?}"
                        );
                    }
                }
            }
        }
    }
}
