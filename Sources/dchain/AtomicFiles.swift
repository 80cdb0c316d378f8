import DecisionChain
import DecisionChainRender
import DecisionChainStore
import Foundation

/// Several files written piece by piece, each into a temporary file beside
/// it, all renamed into place only when every one was written: an export
/// never leaves some files new and others old, or any half-written. File
/// errors are one line naming the path (exit 73, 74 or 77, as `Output`).
final class AtomicFiles {
    private var files: [(path: String, temp: String, fd: Int32)] = []

    /// Opens the temporary files for `paths`.
    init(_ paths: [String]) throws {
        do {
            for path in paths {
                try FileError.checkWritable(path)
                let dir = (path as NSString).deletingLastPathComponent
                let temp = (dir.isEmpty ? "" : dir + "/") + ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
                let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard fd >= 0 else { throw FileError(path: path, doing: "cannot create", errno: errno) }
                files.append((path, temp, fd))
            }
        } catch {
            abort()
            throw error
        }
    }

    /// Appends text to the i-th file.
    func write(_ i: Int, _ text: String) throws {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(files[i].fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                abort()
                throw FileError(path: files[i].path, doing: "cannot write", errno: e)
            }
            done += n
        }
    }

    /// Flushes every file to disk, then renames each over its path.
    func commit() throws {
        var failure: (path: String, code: Int32)?
        for i in files.indices {
            if failure == nil && fsync(files[i].fd) != 0 { failure = (files[i].path, errno) }
            if close(files[i].fd) != 0 && failure == nil { failure = (files[i].path, errno) }
            files[i].fd = -1
        }
        if failure == nil {
            for f in files where rename(f.temp, f.path) != 0 { failure = (f.path, errno); break }
        }
        if let failure {
            abort()
            throw FileError(path: failure.path, doing: "cannot write", errno: failure.code)
        }
        files = []
    }

    /// Removes every temporary file (after a failure).
    func abort() {
        for f in files {
            if f.fd >= 0 { close(f.fd) }
            unlink(f.temp)
        }
        files = []
    }

    deinit { abort() }
}
