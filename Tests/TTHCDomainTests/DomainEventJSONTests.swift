import Foundation
import SwiftProtobuf
import Testing

@testable import TTHCDomain

@Suite struct DomainEventJSONTests {
    /// One event of a type, with every payload field set to a value other than its default, the
    /// JSON keys its payload must show and the stream it must go to.
    struct Sample: Sendable, CustomTestStringConvertible {
        var event: DomainEvent
        var jsonKeys: Set<String>
        var stream: String

        var testDescription: String { event.typeName }
    }

    /// The event types of SPEC.md §2, as spelled there.
    static let catalogue: Set<String> = [
        "UnitRegistered", "UnitMerged", "HolidayDeclared", "WorkdayDeclared",
        "ProcedurePublished", "ProcedureTimeCut", "ProcedureCostCut", "ProcedureOnlineLevelChanged",
        "ProcedureScopeChanged", "ProcedureAbolished",
        "DossierReceived", "DossierSupplementRequested", "DossierSupplementReceived", "DossierDueDateChanged",
        "DossierResolved", "DossierResultReturned", "DossierWithdrawn", "DossierNotAccepted", "DossierCorrected",
        "PlanTaskAssigned", "PlanTaskCompleted", "ReportIssued",
    ]

    static let dossierID = "000.00.31.H23-250415-00012"

    /// 2025-04-15 08:30 local time (UTC+07:00), plus `hours`.
    static func instant(hoursAfterReceipt hours: Int64 = 0, nanos: Int32 = 0) -> Google_Protobuf_Timestamp {
        Google_Protobuf_Timestamp(seconds: 1_744_680_600 + hours * 3600, nanos: nanos)
    }

    static let samples: [Sample] = [
        Sample(
            event: .unitRegistered(
                .with {
                    $0.code = "000.00.31.H23"
                    $0.name = "Sở Tư pháp tỉnh Hậu Giang"
                    $0.level = .province
                    $0.parent = "000.00.00.H23"
                    $0.effectiveFrom = "2020-01-01"
                }
            ),
            jsonKeys: ["code", "name", "level", "parent", "effectiveFrom"],
            stream: "unit/000.00.31.H23"
        ),
        Sample(
            event: .unitMerged(
                .with {
                    $0.code = "000.00.41.H23"
                    $0.successorCode = "000.00.31.H92"
                    $0.effectiveFrom = "2025-07-01"
                }
            ),
            jsonKeys: ["code", "successorCode", "effectiveFrom"],
            stream: "unit/000.00.41.H23"
        ),
        Sample(
            event: .holidayDeclared(
                .with {
                    $0.date = "2025-04-30"
                    $0.name = "Ngày Giải phóng miền Nam"
                }),
            jsonKeys: ["date", "name"],
            stream: "calendar/2025"
        ),
        Sample(
            event: .workdayDeclared(
                .with {
                    $0.date = "2025-04-26"
                    $0.name = "Làm bù cho ngày 02/05/2025"
                }),
            jsonKeys: ["date", "name"],
            stream: "calendar/2025"
        ),
        Sample(
            event: .procedurePublished(
                .with {
                    $0.code = "1.001193"
                    $0.name = "Đăng ký thành lập doanh nghiệp tư nhân"
                    $0.field = "G09-DK01"
                    $0.level = .province
                    $0.competentUnits = ["000.00.31.H23", "000.00.32.H23"]
                    $0.processingDays = 3
                    $0.baselineDays2024 = 5
                    $0.complianceCostVnd = 350_000
                    $0.baselineCostVnd2024 = 500_000
                    $0.businessRelated = true
                    $0.onlineLevel = .full
                    $0.locationIndependent = true
                    $0.internal = true
                    $0.decision = "1234/QĐ-UBND"
                    $0.effectiveFrom = "2025-04-30"
                }
            ),
            jsonKeys: [
                "code", "name", "field", "level", "competentUnits", "processingDays", "baselineDays2024",
                "complianceCostVnd", "baselineCostVnd2024", "businessRelated", "onlineLevel",
                "locationIndependent", "internal", "decision", "effectiveFrom",
            ],
            stream: "procedure/1.001193"
        ),
        Sample(
            event: .procedureTimeCut(
                .with {
                    $0.code = "1.001193"
                    $0.processingDays = 2
                    $0.decision = "1500/QĐ-UBND"
                    $0.effectiveFrom = "2025-06-01"
                }
            ),
            jsonKeys: ["code", "processingDays", "decision", "effectiveFrom"],
            stream: "procedure/1.001193"
        ),
        Sample(
            event: .procedureCostCut(
                .with {
                    $0.code = "1.001193"
                    $0.complianceCostVnd = 9_000_000_000
                    $0.decision = "1500/QĐ-UBND"
                    $0.effectiveFrom = "2025-06-01"
                }
            ),
            jsonKeys: ["code", "complianceCostVnd", "decision", "effectiveFrom"],
            stream: "procedure/1.001193"
        ),
        Sample(
            event: .procedureOnlineLevelChanged(
                .with {
                    $0.code = "2.000806"
                    $0.onlineLevel = .partial
                    $0.decision = "1501/QĐ-UBND"
                    $0.effectiveFrom = "2025-06-01"
                }
            ),
            jsonKeys: ["code", "onlineLevel", "decision", "effectiveFrom"],
            stream: "procedure/2.000806"
        ),
        Sample(
            event: .procedureScopeChanged(
                .with {
                    $0.code = "2.000806"
                    $0.businessRelated = true
                    $0.locationIndependent = true
                    $0.competentUnits = ["000.00.31.H92"]
                    $0.decision = "1502/QĐ-UBND"
                    $0.effectiveFrom = "2025-07-01"
                }
            ),
            jsonKeys: [
                "code", "businessRelated", "locationIndependent", "competentUnits", "decision", "effectiveFrom",
            ],
            stream: "procedure/2.000806"
        ),
        Sample(
            event: .procedureAbolished(
                .with {
                    $0.code = "2.000806"
                    $0.decision = "1600/QĐ-UBND"
                    $0.effectiveFrom = "2025-08-01"
                }
            ),
            jsonKeys: ["code", "decision", "effectiveFrom"],
            stream: "procedure/2.000806"
        ),
        Sample(
            event: .dossierReceived(
                .with {
                    $0.dossierID = dossierID
                    $0.procedureCode = "1.001193"
                    $0.competentUnit = "000.00.31.H23"
                    $0.receivingUnit = "000.00.41.H23"
                    $0.channel = .online
                    $0.applicantKind = .business
                    $0.receivedAt = instant(nanos: 250_000_000)
                    $0.dueAt = instant(hoursAfterReceipt: 72)
                    $0.digitized = true
                    $0.documentsRequired = 4
                    $0.documentsReused = 2
                    $0.onlinePayment = true
                }
            ),
            jsonKeys: [
                "dossierId", "procedureCode", "competentUnit", "receivingUnit", "channel", "applicantKind",
                "receivedAt", "dueAt", "digitized", "documentsRequired", "documentsReused", "onlinePayment",
            ],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierSupplementRequested(
                .with {
                    $0.dossierID = dossierID
                    $0.at = instant(hoursAfterReceipt: 24)
                    $0.reason = "Bổ sung bản sao điều lệ"
                    $0.kind = .fees
                }
            ),
            jsonKeys: ["dossierId", "at", "reason", "kind"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierSupplementReceived(
                .with {
                    $0.dossierID = dossierID
                    $0.at = instant(hoursAfterReceipt: 48)
                    $0.newDueAt = instant(hoursAfterReceipt: 120)
                }
            ),
            jsonKeys: ["dossierId", "at", "newDueAt"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierDueDateChanged(
                .with {
                    $0.dossierID = dossierID
                    $0.newDueAt = instant(hoursAfterReceipt: 168)
                    $0.reason = "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
                }
            ),
            jsonKeys: ["dossierId", "newDueAt", "reason"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierResolved(
                .with {
                    $0.dossierID = dossierID
                    $0.resolvedAt = instant(hoursAfterReceipt: 96)
                    $0.outcome = .refused
                    $0.electronicResult = true
                    $0.digitallySigned = true
                }
            ),
            jsonKeys: ["dossierId", "resolvedAt", "outcome", "electronicResult", "digitallySigned"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierResultReturned(
                .with {
                    $0.dossierID = dossierID
                    $0.returnedAt = instant(hoursAfterReceipt: 100)
                }
            ),
            jsonKeys: ["dossierId", "returnedAt"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierWithdrawn(
                .with {
                    $0.dossierID = dossierID
                    $0.at = instant(hoursAfterReceipt: 5)
                    $0.reason = "Người nộp rút hồ sơ"
                }
            ),
            jsonKeys: ["dossierId", "at", "reason"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierNotAccepted(
                .with {
                    $0.dossierID = dossierID
                    $0.at = instant(hoursAfterReceipt: 1)
                    $0.reason = "Không thuộc thẩm quyền"
                }
            ),
            jsonKeys: ["dossierId", "at", "reason"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .dossierCorrected(
                .with {
                    $0.dossierID = dossierID
                    $0.field = "receivedAt"
                    $0.oldValue = "2025-04-15T01:30:00Z"
                    $0.newValue = "2025-04-15T02:30:00Z"
                    $0.reason = "Ảnh chụp dữ liệu một cửa ngày 2025-04-20"
                }
            ),
            jsonKeys: ["dossierId", "field", "oldValue", "newValue", "reason"],
            stream: "dossier/\(dossierID)"
        ),
        Sample(
            event: .planTaskAssigned(
                .with {
                    $0.taskID = "II.1"
                    $0.title = "Công bố phương án cắt giảm, đơn giản hóa TTHC"
                    $0.leadUnit = "000.00.31.H23"
                    $0.deadline = "2025-04-30"
                }
            ),
            jsonKeys: ["taskId", "title", "leadUnit", "deadline"],
            stream: "plan/II.1"
        ),
        Sample(
            event: .planTaskCompleted(
                .with {
                    $0.taskID = "II.1"
                    $0.completedAt = "2025-05-02"
                    $0.evidence = "Quyết định 1234/QĐ-UBND"
                }
            ),
            jsonKeys: ["taskId", "completedAt", "evidence"],
            stream: "plan/II.1"
        ),
        Sample(
            event: .reportIssued(
                .with {
                    $0.kind = "quarterly"
                    $0.period = "2025-Q2"
                    $0.seq = 123
                    $0.hash = String(repeating: "ab", count: 32)
                    $0.jsonSha256 = String(repeating: "cd", count: 32)
                }
            ),
            jsonKeys: ["kind", "period", "seq", "hash", "jsonSha256"],
            stream: "report/quarterly/2025-Q2"
        ),
    ]

    @Test func theSamplesCoverEveryEventTypeOfTheCatalogueOnce() {
        let typeNames = Self.samples.map(\.event.typeName)
        #expect(typeNames.count == Self.catalogue.count)
        #expect(Set(typeNames) == Self.catalogue)
        #expect(Set(EventDecoderRegistry.standard.typeNames) == Self.catalogue)
    }

    @Test(arguments: samples)
    func everyEventTypeRoundTripsThroughProto3JSONAndBinaryWithEveryFieldSet(_ sample: Sample) throws {
        let event = sample.event

        let bytes = try event.serializedPayload()
        let fromBinary = try DomainEvent(
            typeName: event.typeName,
            schemaVersion: DomainEvent.currentSchemaVersion,
            payload: bytes
        )
        #expect(fromBinary == event)
        #expect(try fromBinary.serializedPayload() == bytes)

        let json = try event.payloadJSON()
        let fromJSON = try DomainEvent(typeName: event.typeName, payloadJSON: json)
        #expect(fromJSON == event)

        // Fields at their default value are left out of proto3 JSON, so seeing every key proves
        // every field was set, under the lowerCamel name SPEC.md uses.
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == sample.jsonKeys)
    }

    @Test func payloadJSONShowsEnumsByTheirSPECValuesAndInstantsInUTC() throws {
        let received = try #require(Self.samples.first { $0.event.typeName == "DossierReceived" })
        let json = try received.event.payloadJSON()
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["channel"] as? String == "online")
        #expect(object["applicantKind"] as? String == "business")
        #expect(object["receivedAt"] as? String == "2025-04-15T01:30:00.250Z")
        #expect(object["dueAt"] as? String == "2025-04-18T01:30:00Z")

        let published = try #require(Self.samples.first { $0.event.typeName == "ProcedurePublished" })
        let procedure = try #require(
            JSONSerialization.jsonObject(with: Data(try published.event.payloadJSON().utf8)) as? [String: Any]
        )
        #expect(procedure["onlineLevel"] as? String == "full")
        #expect(procedure["level"] as? String == "province")
        // proto3 JSON writes 64-bit integers as strings.
        #expect(procedure["complianceCostVnd"] as? String == "350000")
    }

    @Test func aDossierWithoutADueDateLeavesDueAtOut() throws {
        let event = DomainEvent.dossierReceived(.with { $0.dossierID = Self.dossierID })
        let json = try event.payloadJSON()
        #expect(!json.contains("dueAt"))
        guard case .dossierReceived(let payload) = try DomainEvent(typeName: "DossierReceived", payloadJSON: json)
        else {
            Issue.record("decoded into another event type")
            return
        }
        #expect(!payload.hasDueAt)
    }

    @Test func anUnknownTypeAndAnUnknownFutureSchemaVersionAreRejectedWithAMessageNamingThem() throws {
        let unknownType = #expect(throws: EventDecodingError.self) {
            try DomainEvent(typeName: "DossierTeleported", schemaVersion: 1, payload: [])
        }
        #expect(unknownType?.code == .unknownType)
        #expect(unknownType?.message.contains("'DossierTeleported'") == true)
        #expect(unknownType?.message.contains("schema version 1") == true)

        let unknownJSONType = #expect(throws: EventDecodingError.self) {
            try DomainEvent(typeName: "DossierTeleported", payloadJSON: "{}")
        }
        #expect(unknownJSONType?.code == .unknownType)
        #expect(unknownJSONType?.message.contains("'DossierTeleported'") == true)

        let future = DomainEvent.currentSchemaVersion + 1
        let bytes = try Self.samples[0].event.serializedPayload()
        let futureVersion = #expect(throws: EventDecodingError.self) {
            try DomainEvent(typeName: "UnitRegistered", schemaVersion: future, payload: bytes)
        }
        #expect(futureVersion?.code == .unsupportedSchemaVersion)
        #expect(futureVersion?.message.contains("'UnitRegistered'") == true)
        #expect(futureVersion?.message.contains("schema version \(future)") == true)

        let versionZero = #expect(throws: EventDecodingError.self) {
            try DomainEvent(typeName: "UnitRegistered", schemaVersion: 0, payload: bytes)
        }
        #expect(versionZero?.code == .unsupportedSchemaVersion)
    }

    @Test func aMalformedPayloadIsRejectedNamingItsType() throws {
        let binary = #expect(throws: EventDecodingError.self) {
            // A field 1 length prefix with no bytes after it.
            try DomainEvent(typeName: "DossierReceived", schemaVersion: 1, payload: [0x0A, 0x05])
        }
        #expect(binary?.code == .malformedPayload)
        #expect(binary?.message.contains("'DossierReceived'") == true)
        #expect(binary?.underlying != nil)

        let json = #expect(throws: EventDecodingError.self) {
            try DomainEvent(typeName: "DossierReceived", payloadJSON: #"{"dossierID":"x"}"#)
        }
        #expect(json?.code == .malformedPayload)
    }

    @Test func decodingErrorsMatchTheirCodeInACatchPattern() {
        do {
            _ = try DomainEvent(typeName: "Nope", schemaVersion: 1, payload: [])
            Issue.record("decoded an unknown type")
        } catch EventDecodingError.unsupportedSchemaVersion {
            Issue.record("matched the wrong code")
        } catch EventDecodingError.unknownType {
            // expected
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: samples)
    func streamNamesFollowSPECSection1(_ sample: Sample) {
        #expect(sample.event.streamName == sample.stream)
    }

    @Test func aCalendarStreamIsTheYearOfTheDeclaredDate() {
        #expect(DomainEvent.holidayDeclared(.with { $0.date = "2026-02-16" }).streamName == "calendar/2026")
        #expect(DomainEvent.workdayDeclared(.with { $0.date = "2024-05-04" }).streamName == "calendar/2024")
    }

    @Test func aMonthlyReportHasItsOwnStream() {
        let event = DomainEvent.reportIssued(
            .with {
                $0.kind = "monthly"
                $0.period = "2025-05"
            })
        #expect(event.streamName == "report/monthly/2025-05")
    }
}
