/// Writes rows of a `COPY ... FROM STDIN` (text format) as bytes: fields are
/// escaped straight into a buffer that goes to the server every 64 kB, so a
/// million rows cost no per-row strings or arrays. Get one from
/// `Connection.copyIn`; add a row's fields in the COPY's column order, then
/// `endRow()`.
public final class CopyWriter {
    static let flushAt = 1 << 16
    private var buffer: [UInt8] = []
    private var fieldsInRow = 0
    /// Rows ended so far.
    public private(set) var rows = 0
    private let send: ([UInt8]) throws -> Void

    init(send: @escaping ([UInt8]) throws -> Void) {
        self.send = send
        buffer.reserveCapacity(Self.flushAt + 4096)
    }

    private func separate() {
        if fieldsInRow > 0 { buffer.append(0x09) }
        fieldsInRow += 1
    }

    /// A text field; nil is NULL.
    public func field(_ value: String?) {
        separate()
        guard var value else { buffer.append(0x5C); buffer.append(0x4E); return }  // \N
        value.withUTF8 { appendEscaped($0) }
    }

    /// An integer field; nil is NULL.
    public func field(_ value: Int64?) {
        separate()
        guard let value else { buffer.append(0x5C); buffer.append(0x4E); return }
        appendInteger(value)
    }

    /// An integer field; nil is NULL.
    public func field(_ value: Int?) { field(value.map(Int64.init)) }

    /// A boolean field (`t`/`f`); nil is NULL.
    public func field(_ value: Bool?) { field(value.map { $0 ? "t" : "f" }) }

    /// A one-dimensional array of text (or anything with a text form:
    /// `{"a","b",NULL}`), for a `text[]`, `date[]`, ... column; nil is NULL.
    public func field(array elements: [String?]?) {
        separate()
        guard let elements else { buffer.append(0x5C); buffer.append(0x4E); return }
        buffer.append(0x7B)  // {
        for (i, e) in elements.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            guard var e else { buffer.append(contentsOf: [0x4E, 0x55, 0x4C, 0x4C]); continue }  // NULL
            buffer.append(0x22)
            e.withUTF8 { bytes in
                for b in bytes {
                    // Array quoting escapes " and \ with a backslash; COPY then doubles every backslash.
                    if b == 0x22 || b == 0x5C { buffer.append(0x5C); buffer.append(0x5C) }
                    appendEscaped(b)
                }
            }
            buffer.append(0x22)
        }
        buffer.append(0x7D)  // }
    }

    /// A one-dimensional array of integers (`{1,2,NULL}`); nil is NULL.
    public func field(array elements: [Int64?]?) {
        separate()
        guard let elements else { buffer.append(0x5C); buffer.append(0x4E); return }
        buffer.append(0x7B)
        for (i, e) in elements.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            if let e { appendInteger(e) } else { buffer.append(contentsOf: [0x4E, 0x55, 0x4C, 0x4C]) }
        }
        buffer.append(0x7D)
    }

    /// Ends the row; sends the buffer when it is full.
    public func endRow() throws {
        buffer.append(0x0A)
        fieldsInRow = 0
        rows += 1
        if buffer.count >= Self.flushAt { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes { appendEscaped(b) }
    }

    @inline(__always)
    private func appendEscaped(_ b: UInt8) {
        switch b {
        case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
        case 0x09: buffer.append(0x5C); buffer.append(0x74)
        case 0x0A: buffer.append(0x5C); buffer.append(0x6E)
        case 0x0D: buffer.append(0x5C); buffer.append(0x72)
        default: buffer.append(b)
        }
    }

    private func appendInteger(_ v: Int64) {
        if v < 0 { buffer.append(0x2D) }
        var m = v.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = 0x30 + UInt8(m % 10); m /= 10; n += 1 } while m > 0
            while n > 0 { n -= 1; buffer.append(d[n]) }
        }
    }
}
