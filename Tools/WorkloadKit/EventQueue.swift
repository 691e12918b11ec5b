/// The next event of every open dossier, earliest first: a binary min-heap on (instant, order).
///
/// `order` is a counter the workload hands out as it plans, so that two events at the same
/// instant always come out in the same order.
struct EventQueue {
    struct Item {
        let at: Int64
        let order: UInt64
        let plan: DossierPlan
        /// The step of `plan` this item stands for.
        let step: Int

        func precedes(_ other: Item) -> Bool {
            at < other.at || (at == other.at && order < other.order)
        }
    }

    private var items: [Item] = []

    var count: Int { items.count }

    mutating func push(_ item: Item) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest item if it is before `limit`.
    mutating func popFirst(before limit: Int64) -> Item? {
        guard let first = items.first, first.at < limit else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            var child = left
            if left + 1 < items.count && items[left + 1].precedes(items[left]) { child = left + 1 }
            guard items[child].precedes(items[parent]) else { break }
            items.swapAt(child, parent)
            parent = child
        }
        return first
    }
}
