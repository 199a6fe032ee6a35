import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal and at most ten
/// times a second. Shows counts and rates only: never a value from the data.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    init(label: String) {
        self.label = label
        self.enabled = Terminal.standardErrorIsTerminal
    }

    /// Redraws: `count` items of `unit` so far, and the fraction done when known.
    func update(count done: Int, unit: String, fraction: Double?) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(started)
        var line = "\r\(label) "
        if let fraction {
            let fraction = min(1, max(0, fraction))
            let width = 30
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            line += String(format: "%3.0f%% ", fraction * 100)
        }
        line += "\(Terminal.grouped(done)) \(unit) \(Terminal.rate(done, elapsed))/s "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
