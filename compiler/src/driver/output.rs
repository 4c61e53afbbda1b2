//! Output files are written to a temporary file beside the target and renamed into
//! place, so a failed run never leaves a partial file behind.

use std::io::Write;
use std::path::Path;

/// Where a tool writes its result.
pub enum Output {
    Stdout,
    File(String),
}

impl Output {
    pub fn from_arg(path: Option<&str>) -> Self {
        match path {
            None | Some("-") => Output::Stdout,
            Some(p) => Output::File(p.to_string()),
        }
    }

    pub fn write(&self, bytes: &[u8]) -> Result<(), String> {
        self.write_pieces(&[bytes])
    }

    /// Writes the concatenation of `pieces`.
    pub fn write_pieces(&self, pieces: &[&[u8]]) -> Result<(), String> {
        match self {
            Output::Stdout => {
                let mut out = std::io::stdout().lock();
                write_all(&mut out, pieces)
                    .and_then(|_| out.flush())
                    .map_err(|e| format!("cannot write standard output: {e}"))
            }
            Output::File(p) => write_pieces_atomically(Path::new(p), pieces),
        }
    }
}

/// Writes `bytes` to `path` via a temporary file in the same directory. A target that
/// exists and is not a regular file (`/dev/null`, a pipe) is written in place: renaming
/// over it would replace the device.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_pieces_atomically(path, &[bytes])
}

/// `write_atomically` of the concatenation of `pieces`.
pub fn write_pieces_atomically(path: &Path, pieces: &[&[u8]]) -> Result<(), String> {
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            let mut file =
                std::fs::File::create(path).map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
            return write_all(&mut file, pieces).map_err(|e| format!("cannot write '{}': {e}", path.display()));
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let err = |e: std::io::Error| format!("cannot write '{}': {e}", path.display());
    let mut tmp = tempfile::Builder::new().prefix(".edge-").suffix(".tmp").tempfile_in(dir).map_err(err)?;
    write_all(&mut tmp, pieces).map_err(err)?;
    // tempfile creates 0600 files; outputs get the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(err)?;
    }
    // No fsync: the rename is what keeps a failed run from leaving a partial file; like
    // other compilers' outputs, durability across a power loss is the OS's business
    // (an fsync of a 50 MB model costs more than converting it).
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Writes each piece, then gives back its pages when it is a weight read in place from
/// an archive: written once, it is not read again, so a model's weights never all sit in
/// memory at once.
fn write_all(out: &mut impl Write, pieces: &[&[u8]]) -> std::io::Result<()> {
    pieces.iter().try_for_each(|p| {
        out.write_all(p)?;
        edge_dialects::mapped::release(p);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_files_and_leaves_devices_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.bin");
        write_atomically(&target, b"abc").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"abc");
        write_atomically(Path::new("/dev/null"), b"ignored").unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must stay a device");
    }
}
