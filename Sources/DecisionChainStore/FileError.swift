import Foundation

/// A file or directory dchain could not create, read or write: one line
/// naming the path and the reason, with the sysexits status that fits
/// (73 cannot create, 74 I/O error, 77 permission denied).
public struct FileError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure, which decides the exit status.
    public enum Kind: Sendable { case cannotCreate, io, permission }
    public var path: String
    public var problem: String
    public var kind: Kind

    public init(path: String, problem: String, kind: Kind) {
        self.path = path; self.problem = problem; self.kind = kind
    }

    /// From an errno value of a failed system call on `path`.
    public init(path: String, doing: String, errno code: Int32) {
        self.path = path
        self.problem = "\(doing): \(String(cString: strerror(code)))"
        switch code {
        case EACCES, EPERM: kind = .permission
        case EIO, ENOSPC, EDQUOT, EFBIG: kind = .io
        default: kind = .cannotCreate
        }
    }

    public var description: String { "\(path): \(problem)" }

    /// Creates `path` and its missing parents with `mode` (mkdir -p), refusing
    /// a path whose existing part is a file, or that lies under /proc or /sys.
    public static func makeDirectories(_ path: String, mode: mode_t, what: String) throws {
        let absolute = URL(fileURLWithPath: path).standardized.path
        for virtual in ["/proc", "/sys"] where absolute == virtual || absolute.hasPrefix(virtual + "/") {
            throw FileError(path: path, problem: "\(what) cannot be under \(virtual) (a virtual file system); choose a directory on disk",
                            kind: .cannotCreate)
        }
        var built = ""
        for part in absolute.split(separator: "/") {
            built += "/" + part
            var st = stat()
            if stat(built, &st) == 0 {
                guard st.st_mode & S_IFMT == S_IFDIR else {
                    throw FileError(path: path, problem: "\(what) cannot be created: \(built) is a file, not a directory", kind: .cannotCreate)
                }
                continue
            }
            if mkdir(built, mode) != 0 && errno != EEXIST {
                throw FileError(path: path, doing: "cannot create \(what) (at \(built))", errno: errno)
            }
        }
    }

    /// Checks, before anything is written anywhere, that a file can be written
    /// at `path`: its directory exists and is writable, and it is not a directory.
    public static func checkWritable(_ path: String) throws {
        var st = stat()
        if stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR {
            throw FileError(path: path, problem: "is a directory; name a file to write", kind: .cannotCreate)
        }
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard stat(dir, &st) == 0 else {
            throw FileError(path: path, doing: "cannot write here (directory \(dir))", errno: errno)
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw FileError(path: path, problem: "cannot be written: \(dir) is not a directory", kind: .cannotCreate)
        }
        if access(dir, W_OK | X_OK) != 0 {
            throw FileError(path: path, doing: "cannot write in \(dir)", errno: errno)
        }
        if access(path, F_OK) == 0 && access(path, W_OK) != 0 {
            throw FileError(path: path, doing: "cannot overwrite", errno: errno)
        }
    }
}
