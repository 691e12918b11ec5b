#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `bytes` to `path` atomically (a temporary file renamed over it).
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
        throw CommandFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))", exitStatus: 4)
    }
    writeAll(fileDescriptor: descriptor, bytes)
    guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, path) == 0 else {
        unlink(temporary)
        throw CommandFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))", exitStatus: 4)
    }
}

/// Reads the whole file at `path`.
func readFile(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
        throw CommandFailure(message: "cannot read \(path): \(String(cString: strerror(errno)))", exitStatus: 1)
    }
    defer { close(descriptor) }
    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw CommandFailure(message: "cannot read \(path): \(String(cString: strerror(errno)))", exitStatus: 4)
        }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}

/// Creates `path` as a directory, or accepts it when it exists and is empty.
func makeEmptyDirectory(_ path: String) throws {
    if mkdir(path, 0o755) == 0 { return }
    guard errno == EEXIST, let directory = opendir(path) else {
        throw CommandFailure(message: "cannot create \(path): \(String(cString: strerror(errno)))", exitStatus: 4)
    }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." {
            throw CommandFailure(message: "\(path) is not empty", exitStatus: 1)
        }
    }
}
