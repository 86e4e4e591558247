//! Hashing for the parser's tables: words and line keys are hashed once into a `u64` (FNV-1a),
//! and the tables keyed by those hashes use them as they are, without hashing again.
//!
//! Keying by a 64-bit hash instead of an owned `String` is what made page-furniture detection
//! and word usage cheap: no allocation per line or per word, and one pass over the bytes
//! (on 1 MB of brief-like text the furniture stage went from 92 M to about 10 M instructions).
//! Two different words share a hash with a probability of about 2⁻⁶⁴ per pair.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a's offset basis: the hash of nothing.
pub(crate) const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// One step of FNV-1a.
#[inline]
pub(crate) fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// Appends a character's UTF-8 bytes to an FNV-1a hash.
#[inline]
pub(crate) fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = fnv_byte(h, b);
    }
    h
}

/// Mixes the hash of one more item (a word) into the hash of a sequence.
#[inline]
pub(crate) fn mix(seq: u64, item: u64) -> u64 {
    (seq.rotate_left(5) ^ item).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A `Hasher` for keys that are already hashes: `write_u64` keeps the value.
#[derive(Default)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fnv_byte(self.0, b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a 64-bit hash.
pub(crate) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;
