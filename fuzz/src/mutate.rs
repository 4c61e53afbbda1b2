//! Byte-level mutations and the values worth trying in any integer or float field.

use rand::Rng;

/// Integers at the edges of what sizes, indices and counts are checked against.
pub const INTERESTING_INTS: &[i64] = &[
    0,
    1,
    -1,
    2,
    -2,
    3,
    4,
    7,
    8,
    16,
    31,
    32,
    63,
    64,
    100,
    127,
    128,
    -128,
    255,
    256,
    1000,
    1024,
    4096,
    32767,
    -32768,
    65535,
    65536,
    1 << 20,
    1 << 24,
    i32::MAX as i64,
    i32::MIN as i64,
    u32::MAX as i64,
    1 << 31,
    1 << 32,
    1 << 40,
    1 << 53,
    3_000_000_000,
    -1_000_000,
    i64::MAX,
    i64::MIN,
    i64::MAX / 2,
];

/// Floats at the edges: zero, signs, tiny, huge, non-finite.
pub const INTERESTING_FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    1e-45,
    1e-300,
    1e38,
    3.5e38,
    1e300,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    65504.0,
    1e10,
];

pub fn interesting_int(rng: &mut impl Rng) -> i64 {
    if rng.random_bool(0.8) {
        INTERESTING_INTS[rng.random_range(0..INTERESTING_INTS.len())]
    } else {
        rng.random_range(-300..300)
    }
}

pub fn interesting_float(rng: &mut impl Rng) -> f64 {
    INTERESTING_FLOATS[rng.random_range(0..INTERESTING_FLOATS.len())]
}

/// Applies one to four random byte-level edits to `data`; `donor` supplies spliced bytes.
pub fn bytes(rng: &mut impl Rng, data: &mut Vec<u8>, donor: &[u8]) {
    for _ in 0..rng.random_range(1..=4) {
        byte_edit(rng, data, donor);
    }
}

fn byte_edit(rng: &mut impl Rng, data: &mut Vec<u8>, donor: &[u8]) {
    if data.is_empty() {
        data.extend_from_slice(&donor[..donor.len().min(64)]);
        return;
    }
    let at = rng.random_range(0..data.len());
    match rng.random_range(0..8) {
        0 => data[at] ^= 1 << rng.random_range(0..8),
        1 => data[at] = [0u8, 1, 0x7f, 0x80, 0xff, b'-', b'9', b'{'][rng.random_range(0..8)],
        2 => {
            let width = [2usize, 4, 8][rng.random_range(0..3)];
            let v = interesting_int(rng).to_le_bytes();
            let end = (at + width).min(data.len());
            data[at..end].copy_from_slice(&v[..end - at]);
        }
        3 => {
            let len = rng.random_range(1..=64usize).min(data.len() - at);
            data.drain(at..at + len);
        }
        4 => {
            let len = rng.random_range(1..=64usize).min(data.len() - at);
            let chunk = data[at..at + len].to_vec();
            let to = rng.random_range(0..=data.len());
            data.splice(to..to, chunk);
        }
        5 if !donor.is_empty() => {
            let from = rng.random_range(0..donor.len());
            let len = rng.random_range(1..=256usize).min(donor.len() - from);
            let to = rng.random_range(0..=data.len());
            data.splice(to..to, donor[from..from + len].iter().copied());
        }
        6 => data.truncate(at),
        _ => {
            let len = rng.random_range(1..=16);
            let fill: Vec<u8> = (0..len).map(|_| rng.random()).collect();
            data.splice(at..at, fill);
        }
    }
}

/// Writes `value` little-endian into `width` bytes at `at` (truncated to the field).
pub fn write_int(data: &mut [u8], at: usize, width: usize, value: i64) {
    let bytes = value.to_le_bytes();
    if let Some(field) = data.get_mut(at..at + width) {
        field.copy_from_slice(&bytes[..width]);
    }
}
