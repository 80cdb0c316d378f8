import CSV
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A CSV file read row by row through yaslab's CSV.swift (RFC 4180 quoting,
/// CRLF or LF). Before any row is read, one streaming pass over the bytes
/// (`TextSniff`) finds the encoding and refuses an unclosed quote or a file
/// mixing encodings, naming the line; a GB18030 file is transcoded to UTF-8
/// into a temporary file chunk by chunk. Memory stays flat whatever the size.
public final class CSVTableReader: TableReader {
    public let header: [String]
    public let description: String
    /// The encoding the file was read in.
    public let encoding: TextEncoding
    private let reader: CSVReader
    private var number = 1
    private var temporary: String?

    /// Opens and checks `path`; `encoding` forces one instead of detecting it.
    public init(path: String, encoding forced: TextEncoding?) throws {
        let sniff = try TextSniff.scan(path)
        if sniff.isBlank { throw TableFileError("is empty: it has no header row and no data") }
        let encoding: TextEncoding
        switch (forced, sniff.firstInvalidUTF8Line, sniff.firstNonASCIIUTF8Line) {
        case (.some(let e), _, _): encoding = e
        case (nil, nil, _): encoding = .utf8
        case (nil, .some, nil) where !sniff.hasBOM: encoding = .gb18030
        case (nil, .some(let bad), let good):
            if let good {
                throw TableFileError(line: bad, "is not UTF-8 while line \(good) is: the file mixes encodings; save it again as CSV UTF-8 (or force --encoding gb18030 if it is GB18030)")
            }
            throw TableFileError(line: bad, "is not valid UTF-8 although the file starts with a UTF-8 byte-order mark; save it again as CSV UTF-8")
        }
        if encoding == .utf8, let bad = sniff.firstInvalidUTF8Line {
            throw TableFileError(line: bad, "is not valid UTF-8; save the file as CSV UTF-8, or use --encoding gb18030 for a GBK/GB18030 file")
        }
        if let open = sniff.unclosedQuoteLine {
            throw TableFileError(line: open, "has a quote (\") that is never closed: a quoted cell must end with a quote; fix the quotes on this line")
        }
        var readPath = path
        if encoding == .gb18030 {
            let temp = NSTemporaryDirectory() + "/dchain-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).csv"
            try Transcoder.gb18030ToUTF8(from: path, to: temp)
            readPath = temp
            temporary = temp
        }
        guard let stream = InputStream(fileAtPath: readPath) else { throw TableFileError("cannot be opened") }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false)
        } catch {
            if let temporary { unlink(temporary) }
            throw TableFileError("cannot be read as CSV (\(error))")
        }
        guard let first = reader.next() else {
            if let temporary { unlink(temporary) }
            throw TableFileError("is empty: it has no header row and no data")
        }
        header = first.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        self.encoding = encoding
        description = "CSV, \(encoding.display)" + (forced == nil ? "" : " (as asked)")
    }

    deinit { if let temporary { unlink(temporary) } }

    public func next() throws -> (number: Int, cells: [String])? {
        guard let row = reader.next() else {
            // On Linux a file stream says it has bytes until a read returns none, which
            // CSV.swift reports as cannotReadFile: that is the end of the file.
            if let error = reader.error, !(error is CSVError && "\(error)" == "cannotReadFile") {
                throw TableFileError("cannot be read after row \(number) (\(error))")
            }
            return nil
        }
        number += 1
        return (number, row)
    }
}

/// What one pass over a text file's bytes tells before parsing it: its
/// byte-order mark, the first line that is not UTF-8, the first line that is
/// UTF-8 beyond ASCII, and a quote left open at the end (the line it opened on).
/// `"` and newline bytes never occur inside a GB18030 character, so quotes
/// and lines are counted the same way in either encoding.
struct TextSniff {
    var hasBOM = false
    var firstInvalidUTF8Line: Int?
    var firstNonASCIIUTF8Line: Int?
    var unclosedQuoteLine: Int?
    /// Nothing but whitespace (and a BOM).
    var isBlank = true

    static func scan(_ path: String) throws -> TextSniff {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw TableFileError("cannot be opened") }
        defer { try? handle.close() }
        var s = TextSniff()
        var line = 1, quoted = false, openedOn = 0
        var current: [UInt8] = [], nonASCII = false, first = true
        func endLine() {
            if nonASCII {
                if String(validating: current, as: UTF8.self) == nil {
                    if s.firstInvalidUTF8Line == nil { s.firstInvalidUTF8Line = line }
                } else if s.firstNonASCIIUTF8Line == nil {
                    s.firstNonASCIIUTF8Line = line
                }
            }
            current.removeAll(keepingCapacity: true); nonASCII = false
        }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw TableFileError("cannot be read (\(error.localizedDescription))") }
            if chunk.isEmpty { break }
            var bytes = [UInt8](chunk)
            if first {
                first = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { s.hasBOM = true; bytes.removeFirst(3) }
            }
            for b in bytes {
                switch b {
                case 0x0A:
                    endLine(); line += 1
                    continue
                case 0x22:
                    quoted.toggle()
                    if quoted { openedOn = line }
                case 0x20, 0x09, 0x0D, 0x2C: break
                default:
                    s.isBlank = false
                    if b >= 0x80 { nonASCII = true }
                }
                current.append(b)
            }
        }
        endLine()
        if quoted { s.unclosedQuoteLine = openedOn }
        return s
    }
}

/// GB18030 (GBK's superset) to UTF-8 with the C library's iconv, one chunk at a time.
enum Transcoder {
    static func gb18030ToUTF8(from path: String, to output: String) throws {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { throw TableFileError("cannot be read as GB18030: the C library has no GB18030 converter") }
        defer { iconv_close(cd) }
        guard let input = FileHandle(forReadingAtPath: path) else { throw TableFileError("cannot be opened") }
        defer { try? input.close() }
        guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]),
              let out = FileHandle(forWritingAtPath: output) else { throw TableFileError("cannot be transcoded: no room for a temporary file in \(NSTemporaryDirectory())") }
        defer { try? out.close() }
        var pending: [UInt8] = []
        var line = 1
        var outBuffer = [UInt8](repeating: 0, count: 1 << 21)
        while true {
            let chunk: Data
            do { chunk = try input.read(upToCount: 1 << 20) ?? Data() } catch { throw TableFileError("cannot be read (\(error.localizedDescription))") }
            let atEnd = chunk.isEmpty
            pending.append(contentsOf: chunk)
            if pending.isEmpty { break }
            var consumed = 0
            var failure: Int32 = 0
            pending.withUnsafeMutableBytes { inRaw in
                outBuffer.withUnsafeMutableBytes { outRaw in
                    var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var inLeft = inRaw.count
                    var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outRaw.count
                    while inLeft > 0 {
                        let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                        if r == -1 {
                            if errno == E2BIG {
                                // Flush what is converted and go on.
                                let produced = outRaw.count - outLeft
                                out.write(Data(bytes: outRaw.baseAddress!, count: produced))
                                outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self); outLeft = outRaw.count
                                continue
                            }
                            failure = errno
                            break
                        }
                    }
                    consumed = inRaw.count - inLeft
                    let produced = outRaw.count - outLeft
                    if produced > 0 { out.write(Data(bytes: outRaw.baseAddress!, count: produced)) }
                }
            }
            line += pending[..<consumed].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            pending.removeFirst(consumed)
            if failure == EILSEQ || (failure == EINVAL && atEnd) {
                throw TableFileError(line: line, "is neither UTF-8 nor GB18030; save the file as CSV UTF-8")
            }
            if atEnd { break }
        }
    }
}
