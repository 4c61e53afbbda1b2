//! Weights read in place from memory-mapped files, and their pages given back once read.
//!
//! A read-only file map costs no memory until it is read, but every page read stays
//! resident and counts in the process's RSS until the map goes. A conversion reads each
//! weight once or twice (to compare it, transform it or write it), so without help a
//! model of W bytes peaks at W plus whatever the passes make. `release` hands a read
//! range back to the kernel (`MADV_DONTNEED`): for a clean, read-only file map that is
//! always safe, since a later read faults the same bytes in again from the page cache.
//! Anonymous maps and heap memory are never registered: there `MADV_DONTNEED` would
//! zero the data.

use std::sync::RwLock;

/// (start, len) of each registered file map.
static FILE_MAPS: RwLock<Vec<(usize, usize)>> = RwLock::new(Vec::new());

/// Registers `bytes` as a read-only private map of a file, so `release` may drop its
/// pages.
///
/// # Safety
/// `bytes` must be a map made with `PROT_READ` only, backed by a regular file (not
/// anonymous memory), and stay mapped until `unregister_file_map`.
pub unsafe fn register_file_map(bytes: &[u8]) {
    FILE_MAPS.write().unwrap_or_else(|e| e.into_inner()).push((bytes.as_ptr() as usize, bytes.len()));
}

/// Forgets the map registered at `bytes` (before it is unmapped).
pub fn unregister_file_map(bytes: &[u8]) {
    let start = bytes.as_ptr() as usize;
    FILE_MAPS.write().unwrap_or_else(|e| e.into_inner()).retain(|&(s, _)| s != start);
}

/// Whether `bytes` lie in a registered file map.
pub fn is_file_mapped(bytes: &[u8]) -> bool {
    let (start, end) = (bytes.as_ptr() as usize, bytes.as_ptr() as usize + bytes.len());
    FILE_MAPS.read().unwrap_or_else(|e| e.into_inner()).iter().any(|&(s, n)| start >= s && end <= s + n)
}

/// Gives back the whole pages of `bytes` when they lie in a registered file map (a
/// weight read in place); does nothing otherwise. The bytes stay readable.
pub fn release(bytes: &[u8]) {
    #[cfg(unix)]
    {
        const PAGE: usize = 4096;
        if bytes.len() < PAGE || !is_file_mapped(bytes) {
            return;
        }
        let start = (bytes.as_ptr() as usize).next_multiple_of(PAGE);
        let end = (bytes.as_ptr() as usize + bytes.len()) / PAGE * PAGE;
        if end > start {
            // SAFETY: the range lies in a registered read-only file map (see
            // `register_file_map`), whose pages are clean: dropping them loses nothing.
            unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn released_file_pages_read_back_the_same() {
        let path = std::env::temp_dir().join(format!("edge-mapped-{}", std::process::id()));
        let data: Vec<u8> = (0..5 * 4096 + 100).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let len = data.len();
        // SAFETY: a read-only private map of a file this test owns.
        let ptr = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ, libc::MAP_PRIVATE, std::os::fd::AsRawFd::as_raw_fd(&file), 0) };
        assert_ne!(ptr, libc::MAP_FAILED);
        let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
        assert!(!is_file_mapped(bytes));
        unsafe { register_file_map(bytes) };
        assert!(is_file_mapped(&bytes[10..9000]));
        release(&bytes[10..len - 10]);
        assert_eq!(bytes, &data[..]);
        unregister_file_map(bytes);
        assert!(!is_file_mapped(bytes));
        // Heap memory is never touched.
        let heap = data.clone();
        release(&heap);
        assert_eq!(heap, data);
        unsafe { libc::munmap(ptr, len) };
        std::fs::remove_file(&path).unwrap();
    }
}
