//! Writing NumPy `.npz` archives: named arrays of f32/f64/i32/i64/i8/u8/bool,
//! each stored as an `.npy` (format 1.0, little-endian, C order) in an
//! uncompressed zip, which `numpy.load` reads. No zip64: each archive stays
//! under 4 GiB and 65535 arrays, far more than test inputs need.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::Error;

/// One element type that an [`Array`] can hold.
pub trait Element: Copy + sealed::Sealed {
    #[doc(hidden)]
    fn wrap(data: Vec<Self>) -> ArrayData;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! elements {
    ($($t:ty => $variant:ident),* $(,)?) => {$(
        impl sealed::Sealed for $t {}
        impl Element for $t {
            fn wrap(data: Vec<Self>) -> ArrayData {
                ArrayData::$variant(data)
            }
        }
    )*};
}
elements!(f32 => F32, f64 => F64, i32 => I32, i64 => I64, i8 => I8, u8 => U8, bool => Bool);

/// The elements of an [`Array`], row-major.
#[derive(Debug, Clone, PartialEq)]
pub enum ArrayData {
    F32(Vec<f32>),
    F64(Vec<f64>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    I8(Vec<i8>),
    U8(Vec<u8>),
    Bool(Vec<bool>),
}

impl ArrayData {
    fn len(&self) -> usize {
        match self {
            ArrayData::F32(v) => v.len(),
            ArrayData::F64(v) => v.len(),
            ArrayData::I32(v) => v.len(),
            ArrayData::I64(v) => v.len(),
            ArrayData::I8(v) => v.len(),
            ArrayData::U8(v) => v.len(),
            ArrayData::Bool(v) => v.len(),
        }
    }

    /// The NumPy `descr` of the element type, as written in the .npy header.
    fn descr(&self) -> &'static str {
        match self {
            ArrayData::F32(_) => "<f4",
            ArrayData::F64(_) => "<f8",
            ArrayData::I32(_) => "<i4",
            ArrayData::I64(_) => "<i8",
            ArrayData::I8(_) => "|i1",
            ArrayData::U8(_) => "|u1",
            ArrayData::Bool(_) => "|b1",
        }
    }

    /// The NumPy dtype name (`float32`, `int64`, `bool`, ...).
    pub fn dtype(&self) -> &'static str {
        match self {
            ArrayData::F32(_) => "float32",
            ArrayData::F64(_) => "float64",
            ArrayData::I32(_) => "int32",
            ArrayData::I64(_) => "int64",
            ArrayData::I8(_) => "int8",
            ArrayData::U8(_) => "uint8",
            ArrayData::Bool(_) => "bool",
        }
    }

    fn write_le(&self, out: &mut Vec<u8>) {
        match self {
            ArrayData::F32(v) => v
                .iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes())),
            ArrayData::F64(v) => v
                .iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes())),
            ArrayData::I32(v) => v
                .iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes())),
            ArrayData::I64(v) => v
                .iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes())),
            ArrayData::I8(v) => out.extend(v.iter().map(|&x| x as u8)),
            ArrayData::U8(v) => out.extend_from_slice(v),
            ArrayData::Bool(v) => out.extend(v.iter().map(|&x| u8::from(x))),
        }
    }
}

/// A dense n-dimensional array with a shape, row-major (C order).
#[derive(Debug, Clone, PartialEq)]
pub struct Array {
    shape: Vec<usize>,
    data: ArrayData,
}

impl Array {
    /// An array of the given shape; `data.len()` must be the product of the
    /// shape (1 for the scalar shape `[]`).
    pub fn new<T: Element>(shape: &[usize], data: Vec<T>) -> Result<Array, Error> {
        Array::from_data(shape, T::wrap(data))
    }

    /// Like [`Array::new`], from an [`ArrayData`].
    pub fn from_data(shape: &[usize], data: ArrayData) -> Result<Array, Error> {
        let count = shape
            .iter()
            .try_fold(1usize, |n, &d| n.checked_mul(d))
            .ok_or_else(|| Error::InvalidArray(format!("shape {shape:?} overflows")))?;
        if count != data.len() {
            return Err(Error::InvalidArray(format!(
                "shape {shape:?} holds {count} elements but {} {} values were given",
                data.len(),
                data.dtype()
            )));
        }
        Ok(Array {
            shape: shape.to_vec(),
            data,
        })
    }

    /// A one-dimensional array.
    pub fn vector<T: Element>(data: Vec<T>) -> Array {
        let data = T::wrap(data);
        Array {
            shape: vec![data.len()],
            data,
        }
    }

    /// A zero-dimensional array (shape `[]`).
    pub fn scalar<T: Element>(value: T) -> Array {
        Array {
            shape: Vec::new(),
            data: T::wrap(vec![value]),
        }
    }

    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    pub fn data(&self) -> &ArrayData {
        &self.data
    }

    /// The NumPy dtype name (`float32`, `int64`, `bool`, ...).
    pub fn dtype(&self) -> &'static str {
        self.data.dtype()
    }

    /// The array as the bytes of an `.npy` file (format version 1.0).
    pub fn to_npy(&self) -> Vec<u8> {
        let shape = match self.shape.as_slice() {
            [] => "()".to_string(),
            [d] => format!("({d},)"),
            dims => format!(
                "({})",
                dims.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut header = format!(
            "{{'descr': '{}', 'fortran_order': False, 'shape': {shape}, }}",
            self.data.descr()
        );
        // Magic (6) + version (2) + header length (2) + header, padded with
        // spaces and ended by '\n' to a multiple of 64 bytes.
        let unpadded = 10 + header.len() + 1;
        header.push_str(&" ".repeat((64 - unpadded % 64) % 64));
        header.push('\n');
        let mut out = Vec::with_capacity(10 + header.len() + self.data.len() * 8);
        out.extend_from_slice(b"\x93NUMPY\x01\x00");
        // A 1.0 header is at most 65535 bytes; ours is short unless the rank is huge.
        out.extend_from_slice(&(header.len() as u16).to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        self.data.write_le(&mut out);
        out
    }
}

/// Collects named arrays and writes them as one `.npz` file.
///
/// ```no_run
/// # use edge_runtime_check::{Array, NpzWriter};
/// let mut npz = NpzWriter::new();
/// npz.add("a", &Array::vector(vec![1.0f32, 2.0]))?;
/// npz.add("mask", &Array::new(&[1, 2], vec![true, false])?)?;
/// npz.write("inputs.npz")?;
/// # Ok::<(), edge_runtime_check::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct NpzWriter {
    bytes: Vec<u8>,
    central: Vec<u8>,
    entries: usize,
    names: HashSet<String>,
}

impl NpzWriter {
    pub fn new() -> NpzWriter {
        NpzWriter::default()
    }

    /// Adds `array` under `name` (the key `numpy.load(...)[name]` finds).
    pub fn add(&mut self, name: &str, array: &Array) -> Result<&mut Self, Error> {
        if name.is_empty() || name.contains('\0') {
            return Err(Error::InvalidArray(format!("bad npz array name {name:?}")));
        }
        if !self.names.insert(name.to_string()) {
            return Err(Error::InvalidArray(format!(
                "npz array name {name:?} given twice"
            )));
        }
        let file_name = format!("{name}.npy");
        let data = array.to_npy();
        let too_big = |what: &str| {
            Error::InvalidArray(format!("npz too large ({what}); zip64 is not supported"))
        };
        let size = u32::try_from(data.len()).map_err(|_| too_big("array over 4 GiB"))?;
        let offset = u32::try_from(self.bytes.len()).map_err(|_| too_big("archive over 4 GiB"))?;
        let name_len = u16::try_from(file_name.len()).map_err(|_| too_big("name over 64 KiB"))?;
        if self.entries == usize::from(u16::MAX) {
            return Err(too_big("over 65535 arrays"));
        }
        let crc = crc32(&data);

        // Local file header: stored (method 0), no data descriptor.
        let b = &mut self.bytes;
        put32(b, 0x0403_4b50);
        put16(b, 20); // version needed to extract: 2.0
        put16(b, 0); // flags
        put16(b, 0); // method: stored
        put16(b, 0); // time 00:00
        put16(b, 0x21); // date 1980-01-01
        put32(b, crc);
        put32(b, size); // compressed size
        put32(b, size); // uncompressed size
        put16(b, name_len);
        put16(b, 0); // extra field length
        b.extend_from_slice(file_name.as_bytes());
        b.extend_from_slice(&data);

        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, 20); // version made by
        put16(c, 20); // version needed
        put16(c, 0);
        put16(c, 0);
        put16(c, 0);
        put16(c, 0x21);
        put32(c, crc);
        put32(c, size);
        put32(c, size);
        put16(c, name_len);
        put16(c, 0); // extra
        put16(c, 0); // comment
        put16(c, 0); // disk number
        put16(c, 0); // internal attributes
        put32(c, 0); // external attributes
        put32(c, offset);
        c.extend_from_slice(file_name.as_bytes());
        self.entries += 1;
        Ok(self)
    }

    /// The finished archive's bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Error> {
        let too_big = || Error::InvalidArray("npz over 4 GiB; zip64 is not supported".into());
        let cd_offset = u32::try_from(self.bytes.len()).map_err(|_| too_big())?;
        let cd_size = u32::try_from(self.central.len()).map_err(|_| too_big())?;
        let mut out = Vec::with_capacity(self.bytes.len() + self.central.len() + 22);
        out.extend_from_slice(&self.bytes);
        out.extend_from_slice(&self.central);
        put32(&mut out, 0x0605_4b50); // end of central directory
        put16(&mut out, 0);
        put16(&mut out, 0);
        put16(&mut out, self.entries as u16);
        put16(&mut out, self.entries as u16);
        put32(&mut out, cd_size);
        put32(&mut out, cd_offset);
        put16(&mut out, 0); // comment length
        Ok(out)
    }

    /// Writes the archive to `path`.
    pub fn write(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let bytes = self.to_bytes()?;
        let mut file = BufWriter::new(File::create(path).map_err(io)?);
        file.write_all(&bytes).map_err(io)?;
        file.flush().map_err(io)
    }
}

/// Writes the named arrays to an `.npz` file at `path`.
pub fn write_npz(path: impl AsRef<Path>, arrays: &[(&str, Array)]) -> Result<PathBuf, Error> {
    let mut npz = NpzWriter::new();
    for (name, array) in arrays {
        npz.add(name, array)?;
    }
    npz.write(path.as_ref())?;
    Ok(path.as_ref().to_path_buf())
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as zip requires.
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn npy_header_is_aligned_and_readable() {
        let a = Array::new(&[2, 3], vec![1i32, 2, 3, 4, 5, 6]).unwrap();
        let npy = a.to_npy();
        assert_eq!(&npy[..8], b"\x93NUMPY\x01\x00");
        let hlen = u16::from_le_bytes([npy[8], npy[9]]) as usize;
        assert_eq!((10 + hlen) % 64, 0);
        let header = std::str::from_utf8(&npy[10..10 + hlen]).unwrap();
        assert!(header.starts_with("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }"));
        assert!(header.ends_with('\n'));
        assert_eq!(npy.len(), 10 + hlen + 6 * 4);
        assert_eq!(&npy[10 + hlen..10 + hlen + 4], &1i32.to_le_bytes());
    }

    #[test]
    fn shapes_of_rank_zero_and_one() {
        let s = String::from_utf8_lossy(&Array::scalar(1.5f64).to_npy()).into_owned();
        assert!(s.contains("'shape': ()"), "{s}");
        let v = String::from_utf8_lossy(&Array::vector(vec![1u8, 2]).to_npy()).into_owned();
        assert!(
            v.contains("'descr': '|u1'") && v.contains("'shape': (2,)"),
            "{v}"
        );
    }

    #[test]
    fn rejects_wrong_element_count_and_duplicate_names() {
        let err = Array::new(&[2, 2], vec![1.0f32; 3]).unwrap_err();
        assert!(
            err.to_string()
                .contains("shape [2, 2] holds 4 elements but 3 float32 values"),
            "{err}"
        );
        let mut npz = NpzWriter::new();
        npz.add("a", &Array::scalar(true)).unwrap();
        let err = npz.add("a", &Array::scalar(false)).unwrap_err();
        assert!(err.to_string().contains("given twice"), "{err}");
    }

    #[test]
    fn archive_layout() {
        let mut npz = NpzWriter::new();
        npz.add("x", &Array::vector(vec![1i8, -1])).unwrap();
        npz.add("y", &Array::vector(vec![7i64])).unwrap();
        let bytes = npz.to_bytes().unwrap();
        assert_eq!(&bytes[..4], &[0x50, 0x4b, 0x03, 0x04]);
        let eocd = &bytes[bytes.len() - 22..];
        assert_eq!(&eocd[..4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([eocd[10], eocd[11]]), 2);
    }
}
