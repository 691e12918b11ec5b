import ArgumentParser
import Ledger

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `tthc` command: an event-sourced ledger of administrative-procedure reform.
@main
struct TTHC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tthc",
        abstract: "A tamper-evident ledger of administrative-procedure (TTHC) reform and its reports.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self, AppendCommand.self, ImportCommand.self, ReportCommand.self, DemoCommand.self,
            LogCommand.self, DossierCommand.self, TraceCommand.self, VerifyCommand.self, StatsCommand.self,
            ProjectionsCommand.self, RebuildCommand.self, ExportCommand.self, BackupCommand.self,
            ImportLedgerCommand.self,
        ]
    )

    /// Runs the command and maps failures to the exit statuses of SPEC §6:
    /// 0 ok, 1 invalid input or usage, 2 integrity failure, 3 concurrency conflict, 4 I/O.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as LedgerError {
            standardError("tthc: \(error.description)")
            Self.terminate(error.code.exitStatus)
        } catch let error as CommandFailure {
            standardError("tthc: \(error.message)")
            Self.terminate(error.exitStatus)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                standardError(fullMessage(for: error))
                Self.terminate(1)
            }
            exit(withError: error)
        }
    }
}

extension TTHC {
    static func terminate(_ status: Int32) -> Never {
        #if canImport(Glibc)
            Glibc.exit(status)
        #else
            Darwin.exit(status)
        #endif
    }
}

/// A failure the executable reports itself, with its exit status.
struct CommandFailure: Error {
    var message: String
    var exitStatus: Int32
}

/// Writes a line to standard error.
func standardError(_ line: String) {
    var text = line
    if !text.hasSuffix("\n") { text += "\n" }
    writeAll(fileDescriptor: 2, Array(text.utf8))
}

/// Buffered standard output for long listings, or all lines kept for writing to a file.
struct OutputBuffer {
    private var buffer = [UInt8]()
    private let collecting: Bool

    init(collecting: Bool = false) {
        self.collecting = collecting
        buffer.reserveCapacity(1 << 16)
    }

    /// Everything written, when collecting.
    var collected: [UInt8] { buffer }

    mutating func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(10)
        if !collecting && buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        writeAll(fileDescriptor: 1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes every byte to a file descriptor, retrying short writes.
func writeAll(fileDescriptor: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
