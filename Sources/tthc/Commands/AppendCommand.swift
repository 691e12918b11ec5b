import ArgumentParser
import Foundation
import Ledger
import TTHCDomain

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append domain events given as JSON lines (a file, or - for stdin), all or nothing.",
        discussion: """
            Each line holds one event in its native form (blank lines are skipped); a file may also \
            hold a single event written over several lines:

              {"type":"DossierResolved","eventId":"desk-7/12",
               "occurredAt":"2025-04-20T10:00:00+07:00","actor":"000.00.31.H23",
               "payload":{"dossierId":"000.00.31.H23-250415-00012",
               "resolvedAt":"2025-04-20T03:00:00Z","outcome":"approved"}}

            type, occurredAt (RFC 3339: when it happened at the desk), actor (the unit code that \
            records it) and payload (the proto3 JSON of the type, SPEC §2) are required. eventId is \
            optional: appending an id the ledger already holds is a no-op, so give one to make a \
            file safe to append twice. expectedVersion is optional: the version the stream must be \
            at before the event (0: the stream must not exist). The stream is derived from the payload. \
            Lines printed by `tthc log` are read too: the envelope fields the ledger assigns (seq, \
            streamVersion, recordedAt, prevHash, hash, payloadBase64) are ignored.

            Every event is checked against the domain rules and the events before it; if any is \
            refused, nothing is appended, the problem is printed as FILE:LINE: field: reason and \
            the exit status is 1 (3 when an expected version does not hold). An event without an \
            eventId gets one from the ledger; when such an event is refused, its line is found by \
            checking the file once more, with temporary ids, in a write that is never committed.
            """)

    @OptionGroup var options: LedgerOptions

    @Argument(help: ArgumentHelp("A file of events as JSON lines, or - for standard input.", valueName: "file"))
    var file: String

    func run() throws {
        let name = file == "-" ? "stdin" : file
        let text = String(decoding: try readFile(file == "-" ? "/dev/stdin" : file), as: UTF8.self)
        let events = try NativeEvents(text: text, name: name)
        let domain = try options.openDomain()
        guard !events.entries.isEmpty else {
            let head = try domain.ledger.head()
            print("appended 0 events, head \(head.seq) \(head.hashHex)")
            return
        }
        let outcome: AppendOutcome
        do {
            outcome = try domain.append(events.entries)
        } catch let refusal as DomainValidationError {
            let line = try events.line(of: refusal, probing: domain)
            let place = line.map { "\(name):\($0)" } ?? "\(name) (\(refusal.type) \(refusal.subject))"
            throw CommandFailure(message: "\(place): \(refusal.field): \(refusal.reason)", exitStatus: 1)
        } catch let conflict as LedgerError where conflict.code == .conflict {
            let place = events.line(ofConflict: conflict).map { "\(name):\($0): expectedVersion" } ?? name
            throw CommandFailure(message: "\(place): \(conflict.message)", exitStatus: 3)
        }
        print("appended \(outcome.appendedCount) events, head \(outcome.head.seq) \(outcome.head.hashHex)")
    }
}

/// The events of an `append` input, each with the line it starts on.
private struct NativeEvents {
    private(set) var entries: [DomainLedger.Entry] = []
    /// The line of each entry, 1-based.
    private(set) var lines: [Int] = []

    static let fields: Set = [
        "type", "eventId", "occurredAt", "actor", "expectedVersion", "payload", "stream", "schemaVersion",
    ]
    /// What `tthc log` prints besides: assigned by the ledger on append, so not taken from input.
    static let assignedFields: Set = ["seq", "streamVersion", "recordedAt", "prevHash", "hash", "payloadBase64"]

    /// Reads every event; throws one failure listing every bad line.
    init(text: String, name: String) throws {
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        var problems = [String]()
        var parsed = [(line: Int, object: Any?)]()
        for (index, row) in rows.enumerated() {
            let trimmed = row.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            parsed.append((index + 1, try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))))
        }
        // One event spread over several lines: the first line alone is no JSON, the whole text is.
        if let first = parsed.first, first.object == nil,
            let whole = try? JSONSerialization.jsonObject(with: Data(text.utf8)), whole is [String: Any]
        {
            parsed = [(first.line, whole)]
        }
        for (line, object) in parsed {
            do {
                guard let object else { throw Problem("line", "is not a JSON object") }
                entries.append(try Self.entry(object))
                lines.append(line)
            } catch let problem as Problem {
                problems.append("\(name):\(line): \(problem.field): \(problem.reason)")
            }
        }
        if !problems.isEmpty {
            let more = problems.count > 1 ? "\n\(problems.count) invalid events; nothing appended" : ""
            throw CommandFailure(message: problems.joined(separator: "\n") + more, exitStatus: 1)
        }
    }

    private struct Problem: Error {
        let field: String
        let reason: String
        init(_ field: String, _ reason: String) {
            self.field = field
            self.reason = reason
        }
    }

    private static func entry(_ object: Any) throws -> DomainLedger.Entry {
        guard let object = object as? [String: Any] else { throw Problem("line", "is not a JSON object") }
        if let unknown = object.keys.filter({ !fields.contains($0) && !assignedFields.contains($0) }).sorted().first {
            throw Problem(unknown, "is not a field of an event (\(fields.sorted().joined(separator: ", ")))")
        }
        func text(_ field: String) throws -> String {
            guard let value = object[field] else { throw Problem(field, "is required") }
            guard let string = value as? String else { throw Problem(field, "is not a string") }
            if string.isEmpty { throw Problem(field, "is empty") }
            return string
        }
        let type = try text("type")
        let occurredText = try text("occurredAt")
        guard let occurredAt = Timestamp(iso8601: occurredText) else {
            throw Problem("occurredAt", "\(occurredText) is not an RFC 3339 instant (2025-04-15T08:30:00+07:00)")
        }
        let actor = try text("actor")
        let eventId = object["eventId"] == nil ? nil : try text("eventId")
        var expected = ExpectedVersion.any
        if let value = object["expectedVersion"] {
            guard let number = value as? NSNumber, let version = UInt64(exactly: number.doubleValue) else {
                throw Problem("expectedVersion", "is not a whole number of at least 0")
            }
            expected = version == 0 ? .noStream : .exactly(version)
        }
        guard let payload = object["payload"] else { throw Problem("payload", "is required") }
        guard payload is [String: Any],
            let payloadData = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        else { throw Problem("payload", "is not a JSON object") }
        let event: DomainEvent
        do {
            event = try DomainEvent(typeName: type, payloadJSON: String(decoding: payloadData, as: UTF8.self))
        } catch let error as EventDecodingError where error.code == .unknownType {
            throw Problem("type", "\(type) is not an event type of the catalogue (SPEC §2)")
        } catch let error as EventDecodingError {
            throw Problem(
                "payload", "is not a valid \(type) payload: \(error.underlying.map { "\($0)" } ?? error.message)")
        }
        if let version = object["schemaVersion"] {
            guard let number = version as? NSNumber, number.doubleValue == Double(DomainEvent.currentSchemaVersion)
            else {
                throw Problem(
                    "schemaVersion", "must be \(DomainEvent.currentSchemaVersion): JSON is read as the current version")
            }
        }
        if let stream = object["stream"] {
            guard stream as? String == event.streamName else {
                throw Problem("stream", "is \(stream), but the payload belongs to \(event.streamName)")
            }
        }
        return DomainLedger.Entry(
            event, occurredAt: occurredAt, actor: actor, eventId: eventId, expectedVersion: expected)
    }

    /// The line of the refused event: by its id when the file gave one, else by checking the
    /// events once more with a temporary id on each, ending with an event the rules always refuse,
    /// so that the probe can never be committed.
    func line(of refusal: DomainValidationError, probing domain: DomainLedger) throws -> Int? {
        if let index = entries.firstIndex(where: { $0.eventId == refusal.eventId }) { return lines[index] }
        var token = SystemRandomNumberGenerator()
        let prefix = "tthc-append-probe/\(String(token.next(), radix: 16))\(String(token.next(), radix: 16))/"
        var probe = entries
        for index in probe.indices where probe[index].eventId == nil {
            probe[index].eventId = prefix + String(index)
        }
        // A receipt with an empty dossier id: refused by the rules whatever the state.
        let stop = DomainLedger.Entry(
            .dossierReceived(DossierReceived()), occurredAt: Timestamp.now(), actor: "tthc-append",
            eventId: prefix + "stop")
        do {
            try domain.append(probe + [stop])
        } catch let again as DomainValidationError {
            guard again.eventId.hasPrefix(prefix), let index = Int(again.eventId.dropFirst(prefix.count)),
                probe.indices.contains(index)
            else { return nil }
            return lines[index]
        } catch {
            return nil
        }
        return nil
    }

    /// The line of the event whose expected version did not hold: the first that states one for
    /// the stream the conflict names.
    func line(ofConflict conflict: LedgerError) -> Int? {
        let index = entries.indices.first { index in
            entries[index].expectedVersion != .any
                && conflict.message.hasPrefix("stream \(entries[index].event.streamName) ")
        }
        return index.map { lines[$0] }
    }
}
