//! The `.pt2` zip container, memory-mapped.
//!
//! `torch.export.save` writes a zip whose entries are all stored (uncompressed), with
//! their data 64-byte aligned, under one root folder (the file stem, or `archive/`).
//! The local headers may carry zero sizes, so sizes and offsets come from the central
//! directory. [`Archive::open`] maps the file, reads the central directory with the
//! `zip` crate, and records where each entry's bytes lie in the map; entries are then
//! plain slices of the map, so weights are never copied.
//!
//! Entries are addressed relative to the root folder: `archive.entry("models/model.json")`
//! reads `<root>/models/model.json`. Every offset is bounds-checked when the archive is
//! opened; a corrupt or truncated file gives a [`Pt2Error`], never a panic.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Cursor, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

use memmap2::{Mmap, MmapMut};
use zip::CompressionMethod;

use super::error::Pt2Error;

/// Magic of a zip local file header (`PK\x03\x04`).
const LOCAL_HEADER_MAGIC: &[u8] = b"PK\x03\x04";
/// Magic and fixed length of the end of central directory record.
const END_RECORD_MAGIC: &[u8] = b"PK\x05\x06";
const END_RECORD_LEN: usize = 22;

/// A memory-mapped `.pt2` archive with its entry table.
pub struct Archive {
    path: PathBuf,
    map: Mmap,
    root: String,
    /// Entry name relative to the root -> byte range of its data in `map`.
    entries: BTreeMap<String, Range<usize>>,
    /// The map is of the file (registered with `edge_dialects::mapped`), not a copy.
    file_backed: bool,
}

impl Drop for Archive {
    fn drop(&mut self) {
        if self.file_backed {
            edge_dialects::mapped::unregister_file_map(&self.map);
        }
    }
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("path", &self.path)
            .field("root", &self.root)
            .field("len", &self.map.len())
            .field("entries", &self.entries)
            .finish()
    }
}

impl Archive {
    /// Maps `path` and reads its central directory; `-`, a pipe or a device is read
    /// into memory first.
    ///
    /// Fails if the file is not a zip, is truncated, has a compressed entry, has
    /// entries outside one root folder, or says it is not a little-endian `pt2` archive.
    pub fn open(path: impl AsRef<Path>) -> Result<Archive, Pt2Error> {
        let path = path.as_ref().to_path_buf();
        let io = |source| Pt2Error::Io { path: path.clone(), source };
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes).map_err(io)?;
            return Archive::from_bytes("<stdin>", &bytes);
        }
        let mut file = File::open(&path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(Pt2Error::Directory { path });
        }
        if !meta.is_file() {
            // A pipe or a device cannot be mapped, and a zip is read from its end: read
            // the stream whole (`cat m.pt2 | edge-convert /dev/stdin`).
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).map_err(io)?;
            return Archive::from_bytes(path, &bytes);
        }
        if meta.len() == 0 {
            return Err(Pt2Error::NotZip { path, reason: "the file is empty".into() });
        }
        // SAFETY: the map is read-only and private to this process. Like every reader
        // of memory-mapped files, we rely on the file not being truncated or rewritten
        // by another process while the archive is open. No crate offers a safe file map
        // (none can promise that of another process), and reading the file instead
        // would copy every weight: this is the importer's one `unsafe`.
        let map = unsafe { Mmap::map(&file) }.map_err(io)?;
        let mut archive = Archive::from_map(path, map)?;
        // SAFETY: as above: a read-only private map of a regular file, kept (and
        // registered) until the archive drops.
        unsafe { edge_dialects::mapped::register_file_map(&archive.map) };
        archive.file_backed = true;
        Ok(archive)
    }

    /// An archive of `bytes` (copied into an anonymous map), named `path` in messages.
    pub fn from_bytes(path: impl AsRef<Path>, bytes: &[u8]) -> Result<Archive, Pt2Error> {
        let path = path.as_ref().to_path_buf();
        if bytes.is_empty() {
            return Err(Pt2Error::NotZip { path, reason: "the input is empty".into() });
        }
        let io = |source| Pt2Error::Io { path: path.clone(), source };
        let mut map = MmapMut::map_anon(bytes.len()).map_err(io)?;
        map.copy_from_slice(bytes);
        let map = map.make_read_only().map_err(io)?;
        Archive::from_map(path, map)
    }

    fn from_map(path: PathBuf, map: Mmap) -> Result<Archive, Pt2Error> {
        let (root, entries) = read_central_directory(&path, &map)?;
        let archive = Archive { path, map, root, entries, file_backed: false };
        archive.check_markers()?;
        Ok(archive)
    }

    /// The root folder every entry lives under (without the trailing `/`).
    pub fn root(&self) -> &str {
        &self.root
    }

    /// The path the archive was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole mapped file.
    pub fn bytes(&self) -> &[u8] {
        &self.map
    }

    /// The full name inside the zip of the entry `rel` (`<root>/<rel>`), for messages.
    pub fn full_name(&self, rel: &str) -> String {
        format!("{}/{}", self.root, rel)
    }

    /// The data of entry `rel` (a path under the root, e.g. `models/model.json`).
    pub fn entry(&self, rel: &str) -> Result<&[u8], Pt2Error> {
        let range = self.entry_range(rel)?;
        // In bounds: every range was checked against the map's length in `open`.
        Ok(&self.map[range])
    }

    /// The byte range of entry `rel`'s data inside [`Archive::bytes`].
    pub fn entry_range(&self, rel: &str) -> Result<Range<usize>, Pt2Error> {
        self.entries
            .get(rel)
            .cloned()
            .ok_or_else(|| Pt2Error::MissingEntry { path: self.path.clone(), entry: self.full_name(rel) })
    }

    /// Whether entry `rel` exists.
    pub fn has(&self, rel: &str) -> bool {
        self.entries.contains_key(rel)
    }

    /// Entry names relative to the root, sorted (directories are not listed).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// `archive_format` must say `pt2` and `byteorder` must say `little` when present.
    fn check_markers(&self) -> Result<(), Pt2Error> {
        let layout = |reason: String| Pt2Error::UnsupportedLayout { path: self.path.clone(), reason };
        if let Ok(format) = self.entry("archive_format") {
            let format = String::from_utf8_lossy(format);
            if format.trim() != "pt2" {
                return Err(layout(format!(
                    "'{}' says '{}', not 'pt2'",
                    self.full_name("archive_format"),
                    format.trim()
                )));
            }
        }
        if let Ok(order) = self.entry("byteorder") {
            let order = String::from_utf8_lossy(order);
            if order.trim() != "little" {
                return Err(layout(format!(
                    "'{}' says '{}'; only little-endian archives are supported",
                    self.full_name("byteorder"),
                    order.trim()
                )));
            }
        }
        Ok(())
    }
}

/// Lists the entries of the zip in `map`: the root folder, and each entry's data range.
fn read_central_directory(path: &Path, map: &[u8]) -> Result<(String, BTreeMap<String, Range<usize>>), Pt2Error> {
    let looks_like_zip = map.starts_with(LOCAL_HEADER_MAGIC);
    let zip_error = |what: String| {
        if looks_like_zip {
            Pt2Error::Truncated { path: path.to_path_buf(), what }
        } else {
            Pt2Error::NotZip { path: path.to_path_buf(), reason: what }
        }
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(map)).map_err(|e| {
        zip_error(if looks_like_zip {
            format!("expected a zip central directory and end record after the entries ({e})")
        } else {
            format!("expected a zip file starting with 'PK\\x03\\x04' ({e})")
        })
    })?;

    // The end record must close the file. The zip crate searches backwards for one, so
    // a file cut short can otherwise be taken for a zip stored inside it (torch's
    // `data/sample_inputs/model.pt` is one).
    let end_record = map.len().checked_sub(END_RECORD_LEN + zip.comment().len());
    if zip.offset() != 0 || !end_record.is_some_and(|at| map[at..].starts_with(END_RECORD_MAGIC)) {
        return Err(zip_error(format!(
            "expected the zip end of central directory record at the end of the file ({} bytes), found one only inside the data",
            map.len()
        )));
    }

    let mut root: Option<String> = None;
    let mut entries = BTreeMap::new();
    for index in 0..zip.len() {
        let listed = zip.name_for_index(index).unwrap_or("?").to_string();
        let file = zip
            .by_index_raw(index)
            .map_err(|e| zip_error(format!("expected a local header for entry '{listed}' ({e})")))?;
        let name = file.name().to_string();
        if file.is_dir() {
            continue;
        }
        if file.compression() != CompressionMethod::Stored {
            return Err(Pt2Error::CompressedEntry {
                path: path.to_path_buf(),
                entry: name,
                method: format!("{:?}", file.compression()).to_lowercase(),
            });
        }
        if file.encrypted() {
            return Err(Pt2Error::NotZip { path: path.to_path_buf(), reason: format!("entry '{name}' is encrypted") });
        }
        if file.compressed_size() != file.size() {
            return Err(Pt2Error::NotZip {
                path: path.to_path_buf(),
                reason: format!(
                    "entry '{name}' is stored but its central directory gives {} bytes stored and {} bytes uncompressed",
                    file.compressed_size(),
                    file.size()
                ),
            });
        }
        let start = file.data_start();
        let end = start.checked_add(file.size());
        let range = match end {
            Some(end) if end <= map.len() as u64 => start as usize..end as usize,
            _ => {
                return Err(Pt2Error::Truncated {
                    path: path.to_path_buf(),
                    what: format!(
                        "entry '{name}' needs bytes {start}..{} but the file has {} bytes",
                        start as u128 + file.size() as u128,
                        map.len()
                    ),
                })
            }
        };
        let Some((top, rel)) = name.split_once('/') else {
            return Err(Pt2Error::UnsupportedLayout {
                path: path.to_path_buf(),
                reason: format!("entry '{name}' is not under a root folder"),
            });
        };
        match &root {
            None => root = Some(top.to_string()),
            Some(r) if r == top => {}
            Some(r) => {
                return Err(Pt2Error::UnsupportedLayout {
                    path: path.to_path_buf(),
                    reason: format!("entries lie under two root folders, '{r}/' and '{top}/'"),
                })
            }
        }
        entries.insert(rel.to_string(), range);
    }
    let Some(root) = root else {
        return Err(Pt2Error::UnsupportedLayout { path: path.to_path_buf(), reason: "the zip has no entries".into() });
    };
    Ok((root, entries))
}
