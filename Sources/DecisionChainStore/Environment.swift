#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Environment variables, read one at a time with getenv: ProcessInfo builds
/// a dictionary of the whole environment on every call, which a one-shot
/// CLI pays for on its critical path (`dchain log` read it four times).
public enum Environment {
    /// The value of a variable; nil when it is unset or empty.
    public static func value(_ name: String) -> String? {
        guard let p = getenv(name), p.pointee != 0 else { return nil }
        return String(cString: p)
    }
}
