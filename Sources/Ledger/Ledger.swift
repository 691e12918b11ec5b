import Crypto
import LMDB

/// The append-only event log of one ledger: an LMDB environment in a directory.
///
/// It keeps the events under a dense `seq`, the hash chain over them, and the indexes that make
/// appends idempotent and streams versioned. Projections live in the same environment.
///
/// Databases (all keys of integers are big-endian, so they sort numerically):
///
/// | name | key | value |
/// |---|---|---|
/// | `events` | `seq` (8) | `prevHash (32) ‖ hash (32) ‖ canonical bytes` (``CanonicalEncoding``) |
/// | `streamIds` | stream | `streamId` (8), dense from 1 (``StreamIndex``) |
/// | `streams` | `streamId` (8) ‖ streamVersion (8) | `seq` (8) |
/// | `eventIds` | eventId | `seq` (8) |
/// | `types` | type ‖ 0x00 ‖ `seq` (8) | empty |
/// | `meta` | `format` | `tthc-ledger/2` |
///
/// `@unchecked Sendable`: all state is in the environment (itself thread-safe) and immutable
/// handles; the clock is a `@Sendable` function.
public final class Ledger: @unchecked Sendable {
    /// Where the ledger lives.
    public let directory: String
    let environment: Environment
    let events: Database
    let streams: Database
    let streamIds: Database
    let eventIds: Database
    let types: Database
    let meta: Database
    let clock: @Sendable () -> Timestamp
    var streamIndex: StreamIndex { StreamIndex(streamIds: streamIds, streams: streams) }

    /// The value of the `format` key in `meta`.
    ///
    /// Format 2 numbers the streams (``StreamIndex``); format 1 keyed `streams` by name and kept
    /// a `streamHeads` database. Both hash the same canonical bytes, so a format-1 ledger moves to
    /// format 2 by `tthc export` with the old tool and `tthc import-ledger` with the new one,
    /// which ends at the same head hash.
    public static let formatIdentifier = "tthc-ledger/2"
    static let databaseNames = ["events", "streams", "streamIds", "eventIds", "types", "meta"]

    /// How to open a ledger.
    public struct Options: Sendable {
        /// Create the ledger when the directory holds none.
        public var create = false
        /// The initial LMDB map size; it grows on demand.
        public var initialMapSize = 64 << 20
        /// Skip fsync on commit. Loses the last commits on power failure: for bulk loads that are
        /// re-run on failure and for benchmarks, never for a ledger of record.
        public var unsafeNoSync = false
        /// The wall clock that stamps `recordedAt` (replaced in tests).
        public var clock: @Sendable () -> Timestamp = { Timestamp.now() }

        public init(create: Bool = false) { self.create = create }
    }

    /// Opens the ledger in `directory`.
    ///
    /// Without `options.create`, a directory that holds no ledger is an `invalidInput` error that
    /// says to run `tthc init`.
    public init(directory: String, options: Options = Options()) throws {
        self.directory = directory
        self.clock = options.clock
        if !options.create && !LedgerFiles.exists(in: directory) {
            throw LedgerError(.invalidInput, "no ledger at \(directory): run `tthc init` or pass --ledger DIR")
        }
        var configuration = Environment.Configuration()
        configuration.mapSize = options.initialMapSize
        if options.unsafeNoSync { configuration.flags.insert(.noSync) }
        do {
            let environment = try Environment(path: directory, configuration: configuration)
            self.environment = environment
            // Existing databases open in a read transaction, so opening a ledger never waits for a
            // writer (another process importing, say); only a new ledger takes the write lock.
            func open(_ name: String) throws -> Database {
                if let database = try environment.openDatabase(name, flags: []) { return database }
                guard let database = try environment.openDatabase(name, flags: [.create]) else {
                    throw LedgerError(.storage, "cannot open database \(name) in \(directory)")
                }
                return database
            }
            events = try open("events")
            streams = try open("streams")
            streamIds = try open("streamIds")
            eventIds = try open("eventIds")
            types = try open("types")
            meta = try open("meta")
            let meta = self.meta
            let key = Array("format".utf8)
            let stored = try environment.read { txn in try txn.value(meta, forKey: key) }
            if let format = stored {
                guard format == Array(Self.formatIdentifier.utf8) else {
                    throw LedgerError(
                        .invalidInput,
                        "\(directory) holds a ledger of format \(String(decoding: format, as: UTF8.self)), "
                            + "this tthc reads \(Self.formatIdentifier)")
                }
            } else {
                try environment.write { txn in
                    if try txn.value(meta, forKey: key) == nil {
                        try txn.put(meta, key: key, value: Array(Self.formatIdentifier.utf8))
                    }
                }
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.storage, "cannot open the ledger at \(directory)", underlying: error)
        }
    }

    // MARK: Appending

    /// Appends `drafts` in one write transaction: all of them or none.
    ///
    /// A draft whose `eventId` is already in the ledger (or earlier in the same batch) writes
    /// nothing and reports the first `seq`. A draft whose ``ExpectedVersion`` does not hold throws
    /// a `conflict` error and nothing of the batch is written. `recordedAt` is the wall clock,
    /// but never earlier than the previous event's, even if the clock steps back.
    ///
    /// `inside`, when given, runs in the same write transaction after the events are written,
    /// with the events it wrote; throwing from it aborts the whole append. Projections kept in
    /// step with the log use it.
    @discardableResult
    public func append(
        _ drafts: [EventDraft], inside: ((AppendContext) throws -> Void)? = nil
    ) throws -> AppendOutcome {
        try validate(drafts)
        return try storageGuard("append") {
            try environment.write { txn in
                let outcome = try ChainWriter.withWriter(ledger: self, transaction: txn) { writer in
                    var seqs = [UInt64]()
                    seqs.reserveCapacity(drafts.count)
                    for draft in drafts {
                        seqs.append(try writer.write(draft))
                    }
                    return AppendOutcome(seqs: seqs, appendedCount: writer.writtenCount, head: writer.head)
                }
                if let inside {
                    // The events written have the last `appendedCount` seqs: seqs are dense.
                    let end = outcome.head.seq + 1
                    try inside(
                        AppendContext(
                            ledger: self, transaction: StoreTransaction(txn),
                            newEvents: end - UInt64(outcome.appendedCount)..<end))
                }
                return outcome
            }
        }
    }

    private func validate(_ drafts: [EventDraft]) throws {
        for (index, draft) in drafts.enumerated() {
            func reject(_ field: String, _ reason: String) -> LedgerError {
                LedgerError(
                    .invalidInput, "event \(index + 1) (\(draft.type.isEmpty ? "?" : draft.type)): \(field): \(reason)")
            }
            func check(_ field: String, _ value: String) throws {
                if value.isEmpty { throw reject(field, "is empty") }
                if value.utf8.count > CanonicalEncoding.maximumFieldLength {
                    throw reject(field, "is longer than \(CanonicalEncoding.maximumFieldLength) bytes")
                }
                // memchr over the contiguous UTF-8 when the string has it: this runs three times
                // per event, and a byte-by-byte walk showed in append profiles.
                let hasNul =
                    value.utf8.withContiguousStorageIfAvailable { bytes in
                        bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
                    } ?? value.utf8.contains(0)
                if hasNul { throw reject(field, "contains a NUL character") }
            }
            try check("stream", draft.stream)
            try check("type", draft.type)
            try check("actor", draft.actor)
            if let id = draft.eventId {
                if id.isEmpty { throw reject("eventId", "is empty") }
                if id.utf8.count > CanonicalEncoding.maximumFieldLength {
                    throw reject("eventId", "is longer than \(CanonicalEncoding.maximumFieldLength) bytes")
                }
            }
            if draft.payload.count > Int(UInt32.max) { throw reject("payload", "is larger than 4 GiB") }
        }
    }

    /// Turns LMDB errors into `storage` errors naming what was being done; other errors (a
    /// hook's own, a ledger error) pass through unchanged.
    func storageGuard<Result>(_ what: String, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as LMDBError where [.corrupted, .pageNotFound, .invalid].contains(error) {
            throw LedgerError(
                .integrity, "\(what) failed in \(directory): its pages are damaged; restore it from a backup",
                underlying: error)
        } catch let error as LMDBError {
            throw LedgerError(.storage, "\(what) failed in \(directory)", underlying: error)
        }
    }

    // MARK: Head

    /// The last event's position (``LedgerPosition/genesis`` for an empty ledger).
    public func head() throws -> LedgerPosition {
        try storageGuard("reading the head") {
            try environment.read { txn in try Self.head(in: txn, events: events).position }
        }
    }

    struct Head {
        var position: LedgerPosition
        var recordedAt: Timestamp
    }

    static func head(in txn: Transaction, events: Database) throws -> Head {
        try txn.withCursor(events) { cursor in
            guard let last = try cursor.last() else {
                return Head(position: .genesis, recordedAt: Timestamp(microsecondsSinceEpoch: .min))
            }
            guard let seq = readUInt64(last.key), let event = CanonicalEncoding.decodeStored(last.value) else {
                throw LedgerError(.integrity, "the last stored event cannot be decoded")
            }
            return Head(position: LedgerPosition(seq: seq, hash: event.hash), recordedAt: event.recordedAt)
        }
    }
}

/// What an ``Ledger/append(_:inside:)`` hook sees: the transaction and the events it wrote.
public struct AppendContext {
    let ledger: Ledger
    public let transaction: StoreTransaction
    /// The `seq`s written by this append (drafts that were repeats wrote nothing).
    public let newEvents: Range<UInt64>

    /// Visits the events this append wrote, in `seq` order, as borrowed views.
    public func forEachEvent(_ body: (EventView) throws -> Void) throws {
        try ledger.forEachEvent(in: newEvents, transaction: transaction, body)
    }
}

/// Files that make up a ledger on disk.
enum LedgerFiles {
    static func exists(in directory: String) -> Bool {
        var status = stat()
        return stat(directory + "/data.mdb", &status) == 0
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
