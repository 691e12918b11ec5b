import SwiftProtobuf
import TTHCDomain

/// One generated dossier: the facts of its receipt and the events of its life, planned in time
/// order when it is received and handed out one by one as the workload's clock reaches them.
final class DossierPlan {
    /// One event of the dossier's life.
    enum Step {
        case received
        case notAccepted
        case supplementRequested(PauseKind)
        /// The clock restarts; the desk may give a new due date.
        case supplementReceived(newDueAt: Int64?)
        /// An apology letter with a new due date (phiếu xin lỗi và hẹn lại).
        case dueDateChanged(newDueAt: Int64)
        case resolved(Outcome, electronic: Bool, signed: Bool)
        case returned
        case withdrawn
        /// The number of documents reused was recorded wrong at the desk.
        case reuseCorrected(from: UInt32, to: UInt32)
    }

    let id: String
    let procedureCode: String
    let competentUnit: String
    let receivingUnit: String
    let channel: Channel
    let applicantKind: ApplicantKind
    let receivedAt: Int64
    let dueAt: Int64?
    let digitized: Bool
    let onlinePayment: Bool
    let documentsRequired: UInt32
    let documentsReused: UInt32
    /// The events in time order, each with its UTC microseconds; strictly increasing.
    var steps: [(at: Int64, step: Step)] = []

    init(
        id: String, procedureCode: String, competentUnit: String, receivingUnit: String, channel: Channel,
        applicantKind: ApplicantKind, receivedAt: Int64, dueAt: Int64?, digitized: Bool, onlinePayment: Bool,
        documentsRequired: UInt32, documentsReused: UInt32
    ) {
        self.id = id
        self.procedureCode = procedureCode
        self.competentUnit = competentUnit
        self.receivingUnit = receivingUnit
        self.channel = channel
        self.applicantKind = applicantKind
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.digitized = digitized
        self.onlinePayment = onlinePayment
        self.documentsRequired = documentsRequired
        self.documentsReused = documentsReused
    }

    /// The domain event of step `index`.
    func event(at index: Int) -> DomainEvent {
        let (at, step) = steps[index]
        let instant = protobufTimestamp(at)
        switch step {
        case .received:
            return .dossierReceived(
                .with {
                    $0.dossierID = id
                    $0.procedureCode = procedureCode
                    $0.competentUnit = competentUnit
                    $0.receivingUnit = receivingUnit
                    $0.channel = channel
                    $0.applicantKind = applicantKind
                    $0.receivedAt = instant
                    if let dueAt { $0.dueAt = protobufTimestamp(dueAt) }
                    $0.digitized = digitized
                    $0.documentsRequired = documentsRequired
                    $0.documentsReused = documentsReused
                    $0.onlinePayment = onlinePayment
                })
        case .notAccepted:
            return .dossierNotAccepted(
                .with {
                    $0.dossierID = id
                    $0.at = instant
                    $0.reason = "Hồ sơ không đủ thành phần theo quy định"
                })
        case .supplementRequested(let kind):
            return .dossierSupplementRequested(
                .with {
                    $0.dossierID = id
                    $0.at = instant
                    $0.kind = kind
                    $0.reason =
                        switch kind {
                        case .fees: "Chờ thực hiện nghĩa vụ tài chính"
                        case .halted: "Tạm dừng để xác minh"
                        default: "Bổ sung bản sao có chứng thực"
                        }
                })
        case .supplementReceived(let newDueAt):
            return .dossierSupplementReceived(
                .with {
                    $0.dossierID = id
                    $0.at = instant
                    if let newDueAt { $0.newDueAt = protobufTimestamp(newDueAt) }
                })
        case .dueDateChanged(let newDueAt):
            return .dossierDueDateChanged(
                .with {
                    $0.dossierID = id
                    $0.newDueAt = protobufTimestamp(newDueAt)
                    $0.reason = "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
                })
        case .resolved(let outcome, let electronic, let signed):
            return .dossierResolved(
                .with {
                    $0.dossierID = id
                    $0.resolvedAt = instant
                    $0.outcome = outcome
                    $0.electronicResult = electronic
                    $0.digitallySigned = signed
                })
        case .returned:
            return .dossierResultReturned(
                .with {
                    $0.dossierID = id
                    $0.returnedAt = instant
                })
        case .withdrawn:
            return .dossierWithdrawn(
                .with {
                    $0.dossierID = id
                    $0.at = instant
                    $0.reason = "Người nộp hồ sơ xin rút"
                })
        case .reuseCorrected(let from, let to):
            return .dossierCorrected(
                .with {
                    $0.dossierID = id
                    $0.field = "documentsReused"
                    $0.oldValue = String(from)
                    $0.newValue = String(to)
                    $0.reason = "Đính chính số giấy tờ được tái sử dụng"
                })
        }
    }

    /// Who records step `index`: the desk records the receipt, the competent unit the rest.
    func actor(at index: Int) -> String {
        switch steps[index].step {
        case .received, .notAccepted: receivingUnit
        default: competentUnit
        }
    }
}

/// A protobuf timestamp of UTC microseconds.
func protobufTimestamp(_ microseconds: Int64) -> Google_Protobuf_Timestamp {
    Google_Protobuf_Timestamp(
        seconds: microseconds / 1_000_000, nanos: Int32(microseconds % 1_000_000) * 1_000)
}
