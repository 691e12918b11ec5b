import Foundation
import TTHCDomain
import TTHCWorkload

/// Writes dossier rows in the portal's CSV export format, valid against the procedures, units
/// and calendar of a ledger: each row names a procedure in force on its receipt date with one
/// of its competent units, and its due date follows the due-date rule.
///
/// Deterministic for a seed. The mix of statuses follows the fixtures: mostly results returned,
/// some resolved, withdrawn, refused, still pending or waiting for a supplement.
struct PortalExportGenerator {
    struct Offer {
        var procedure: String
        var unit: String
        var days: Int
        var online: Bool
    }

    static let header =
        "MaHoSo,MaTTHC,KenhThucHien,LoaiDoiTuong,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,"
        + "DonViXuLy,DonViTiepNhan,HoSoCoThanhPhanSoHoa,DuocThanhToanTrucTuyen,SoGiayToYeuCau,SoGiayToTaiSuDung,"
        + "NgayBoSung,NgayTiepNhanBoSung"

    let firstDay = LocalDate(iso: "2024-12-02")!
    let lastDay = LocalDate(iso: "2026-06-12")!
    /// What can be filed on each working day of the range, by day number.
    private var offers: [Int32: [Offer]] = [:]
    private var workingDays: [LocalDate] = []
    let calendar: WorkingCalendar

    init(state: DomainState) throws {
        calendar = try state.calendar()
        let procedures = try state.procedures()
        var day = firstDay
        while day <= lastDay {
            if calendar.isWorkingDay(day) {
                workingDays.append(day)
                var list: [Offer] = []
                for procedure in procedures {
                    guard let attributes = procedure.attributes(on: day), !attributes.abolished else { continue }
                    for unit in attributes.competentUnits {
                        list.append(
                            Offer(
                                procedure: procedure.code, unit: unit, days: Int(attributes.processingDays),
                                online: attributes.onlineLevel != .none))
                    }
                }
                offers[day.dayNumber] = list
            }
            day = day.adding(days: 1)
        }
    }

    /// Writes the header and `rows` rows to `path`; returns the file's size in bytes.
    func write(rows: Int, seed: UInt64, to path: String) throws -> Int {
        guard let file = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        var random = SplitMix64(seed: seed)
        var buffer = Array((Self.header + "\n").utf8)
        var written = 0
        var counters: [String: Int] = [:]
        for index in 0..<rows {
            let day = workingDays[index * workingDays.count / rows]
            guard let list = offers[day.dayNumber], !list.isEmpty else { continue }
            let offer = list[Int(random.next() % UInt64(list.count))]
            buffer.append(contentsOf: row(offer, on: day, random: &random, counters: &counters).utf8)
            buffer.append(10)
            if buffer.count > 1 << 20 {
                written += fwrite(buffer, 1, buffer.count, file)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        written += fwrite(buffer, 1, buffer.count, file)
        return written
    }

    private func stamp(_ day: LocalDate, _ minuteOfDay: Int, second: Int = 0) -> String {
        let hour = minuteOfDay / 60
        let minute = minuteOfDay % 60
        return day.compactDescription + two(hour) + two(minute) + two(second)
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func row(
        _ offer: Offer, on day: LocalDate, random: inout SplitMix64, counters: inout [String: Int]
    )
        -> String
    {
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let desk = chance(8) ? "000.00.11.H23" : offer.unit
        let year = String(day.compactDescription.dropFirst(2))
        counters[desk, default: 0] += 1
        let id = "\(desk)-\(year)-\(String(format: "%07d", counters[desk]!))"
        let receivedMinute = pick(7 * 60 + 30...16 * 60 + 59)
        let received = stamp(day, receivedMinute, second: pick(0...59))
        let channel = offer.online && chance(50) ? 2 : chance(5) ? 3 : 1
        let applicant = pick(1...4)
        let required = pick(1...9)
        let reused = pick(0...required / 2)
        let digitized = chance(80) ? 1 : 0
        let paid = channel == 2 && chance(40) ? 1 : 0
        let roll = random.next() % 100
        let dueDay = calendar.addingWorkingDays(offer.days, to: day)
        var due = stamp(dueDay, receivedMinute)
        var status = 10
        var end = ""
        var returned = ""
        var pauseFrom = ""
        var pauseTo = ""
        /// Resolves it by `deadline` (one in ten late) after `start`, the day the clock last
        /// started, and returns the result then or up to two working days later.
        func finish(by deadline: LocalDate, after start: LocalDate, at startMinute: Int) {
            let span = max(0, start.days(to: deadline))
            var endDay = start.adding(days: chance(10) ? span + pick(1...5) : pick(0...span))
            if !calendar.isWorkingDay(endDay) { endDay = calendar.nextWorkingDay(after: endDay) }
            let endMinute = endDay == start ? pick(min(startMinute + 1, 17 * 60)...17 * 60) : pick(8 * 60...17 * 60)
            end = stamp(endDay, endMinute)
            let returnDay = calendar.addingWorkingDays(pick(0...2), to: endDay)
            returned = stamp(returnDay, returnDay == endDay ? min(endMinute + pick(1...30), 23 * 60 + 59) : 9 * 60)
        }
        switch roll {
        case 0:
            status = 1
            due = ""
        case 1, 2:
            status = 3
            due = ""
            end = stamp(day, min(receivedMinute + 20, 17 * 60 + 30))
        case 3:
            status = 4
        case 4:
            status = 5
            pauseFrom = stamp(calendar.addingWorkingDays(1, to: day), 9 * 60)
        case 5...7:
            status = 7
            end = stamp(calendar.addingWorkingDays(pick(1...3), to: day), 10 * 60)
            due = stamp(dueDay, receivedMinute)
        case 8...10:
            status = 9
            finish(by: dueDay, after: day, at: receivedMinute)
            returned = ""
        case 11...14:
            let stop = calendar.addingWorkingDays(1, to: day)
            let restart = calendar.addingWorkingDays(pick(1...4), to: stop)
            pauseFrom = stamp(stop, 9 * 60)
            pauseTo = stamp(restart, 14 * 60)
            let moved =
                DueDateRule.dueDate(
                    receivedOn: day, processingDays: offer.days, pauses: [(from: stop, to: restart)],
                    calendar: calendar) ?? dueDay
            due = stamp(moved, receivedMinute)
            finish(by: moved, after: restart, at: 14 * 60)
        default:
            finish(by: dueDay, after: day, at: receivedMinute)
        }
        return [
            id, offer.procedure, "\(channel)", "\(applicant)", received, due, end, returned, "\(status)", offer.unit,
            desk, "\(digitized)", "\(paid)", "\(required)", "\(reused)", pauseFrom, pauseTo,
        ].joined(separator: ",")
    }
}
