#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temporary directory that holds one fresh subdirectory per run, each deleted after its run.
final class ScratchDirectory {
    let path: String
    private var runs = 0

    /// Creates `ledger-bench.XXXXXX` under `parent`.
    init(parent: String) throws {
        var template = Array("\(parent)/ledger-bench.XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchmarkError(
                "cannot create a temporary directory in \(parent): \(String(cString: strerror(errno)))")
        }
        path = String(cString: created)
    }

    /// Runs `body` with the path of a new empty directory, and deletes it afterwards.
    func withFreshDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
        runs += 1
        let run = "\(path)/run-\(runs)"
        guard mkdir(run, 0o755) == 0 else {
            throw BenchmarkError("cannot create \(run): \(String(cString: strerror(errno)))")
        }
        defer { Self.removeTree(run) }
        return try body(run)
    }

    /// Deletes the directory and everything in it.
    func remove() { Self.removeTree(path) }

    private static func removeTree(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = "\(path)/\(name)"
                var status = stat()
                if lstat(child, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
                    removeTree(child)
                } else {
                    unlink(child)
                }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
