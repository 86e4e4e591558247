#!/usr/bin/env bash
# Rebuilds data/lexicon.fst from the SCOWL word lists packaged by Debian. Run by hand, once,
# when the list should change; the output is committed and embedded with include_bytes!, so a
# build never needs these packages. Needs root (apt-get) and hunspell-tools' `unmunch`.
set -euo pipefail
cd "$(dirname "$0")/.."
apt-get install -y -qq wamerican wamerican-large hunspell-en-us hunspell-tools >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# hunspell's en_US with its affixes expanded: the inflections the plain lists lack.
unmunch /usr/share/hunspell/en_US.dic /usr/share/hunspell/en_US.aff 2>/dev/null >"$tmp/hunspell.txt"
cargo run -q -p debrief-parser --example build_lexicon -- data/lexicon.fst \
    /usr/share/dict/american-english /usr/share/dict/american-english-large "$tmp/hunspell.txt"
