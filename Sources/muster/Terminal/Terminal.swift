import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Small helpers for talking to a person at a terminal.
enum Terminal {
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Asks a yes/no question on the terminal; anything but "y"/"yes" is no.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// "12,345".
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// "1.23 s".
    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }

    /// Items per second, rounded.
    static func rate(_ count: Int, _ seconds: Double) -> String {
        grouped(seconds > 0 ? Int((Double(count) / seconds).rounded()) : count)
    }
}
